export type HostKind = 'electron' | 'browser';

export interface AppInfo {
  name: 'Framescope';
  version: string;
  host: HostKind;
  /** Where the engine keeps snippets and spilled payloads (private to the user). */
  dataDir: string;
}

export interface AppApi {
  getInfo(): Promise<AppInfo>;
}

export const APP_METHODS = ['getInfo'] as const satisfies readonly (keyof AppApi)[];
