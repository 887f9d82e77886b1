// DNS rebinding defence for browser mode. A page at http://attacker.example:PORT whose name later
// resolves to 127.0.0.1 is, to the browser, the same origin as itself, and the Host and Origin it
// sends both say attacker.example: comparing one with the other proves nothing. So the server
// knows its own names and accepts only those (RFC 9110 §7.2: Host names the authority the client
// thinks it is talking to). The WebSocket upgrade additionally needs an Origin (RFC 6455 §4.1
// item 8, §10.2) that is exactly one of our own pages.

/** `host:port` as it appears in a Host header (IPv6 in brackets), lower-case. */
export function authority(host: string, port: number): string {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h.includes(':') ? `[${h}]:${port}` : `${h}:${port}`;
}

/** The Host values browser mode answers to: the loopback names on its port, plus the names it listens on. */
export function allowedHosts(listenNames: readonly string[], port: number): ReadonlySet<string> {
  const names = ['127.0.0.1', 'localhost', '::1', ...listenNames];
  return new Set(names.map((n) => authority(n, port)));
}

export function hostAllowed(allowed: ReadonlySet<string>, hostHeader: string | undefined): boolean {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}

/** The Origin of a page we served: `http://` plus an allowed Host, and the same one the request names. */
export function originAllowed(allowed: ReadonlySet<string>, hostHeader: string | undefined, origin: string | undefined): boolean {
  if (origin === undefined || !hostAllowed(allowed, hostHeader)) return false;
  return origin.toLowerCase() === `http://${hostHeader!.toLowerCase()}`;
}
