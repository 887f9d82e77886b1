// One click to a captured client (issue 14): a browser or a terminal whose traffic goes through a
// running forward proxy and trusts this install's certificate authority.

export interface OpenBrowserOptions {
  /** A running forward proxy (ProxyStatus.id). */
  proxyId: number;
  /** The first page; default about:blank. */
  url?: string;
  /** No window (tests, CI). */
  headless?: boolean;
}

export type OpenBrowserResult =
  | { launched: true; browserId: number; executable: string }
  /** No Chromium or Chrome on this machine: the renderer says so and how to install one. */
  | { launched: false; reason: 'no-browser' };

export interface OpenTerminalResult {
  /** The terminal emulator started, or null when none was found (then show `exports`). */
  terminal: string | null;
  /** POSIX shell lines that set the variables, for copying. */
  exports: string[];
  /** HTTP_PROXY, HTTPS_PROXY, NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, REQUESTS_CA_BUNDLE (and lower-case forms). */
  env: Record<string, string>;
}

export interface LaunchApi {
  openBrowser(options: OpenBrowserOptions): Promise<OpenBrowserResult>;
  /** Closes a browser openBrowser started (its temporary profile is removed). */
  closeBrowser(browserId: number): Promise<void>;
  openTerminal(options: { proxyId: number }): Promise<OpenTerminalResult>;
}

export const LAUNCH_METHODS = ['openBrowser', 'closeBrowser', 'openTerminal'] as const satisfies readonly (keyof LaunchApi)[];
