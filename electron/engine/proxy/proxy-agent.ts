// Test-only: an http.Agent that sends a Node client's requests to a forward proxy in absolute form
// (RFC 9112 §3.2.2), the way http-proxy-agent does, so libraries that take an `agent` (Socket.IO's
// polling transport, http.request) are captured with no other change.
import { Agent, type ClientRequest } from 'node:http';

export class ForwardProxyAgent extends Agent {
  constructor(private readonly proxyPort: number) {
    super({ keepAlive: true });
  }

  addRequest(req: ClientRequest, options: { host?: string | null; port?: number | string | null } & Record<string, unknown>): void {
    // The head is written on the first write or end, after this: the absolute form goes out.
    req.path = `http://${options.host ?? '127.0.0.1'}:${String(options.port ?? 80)}${req.path}`;
    (Agent.prototype as unknown as { addRequest(r: ClientRequest, o: object): void }).addRequest.call(this, req, { ...options, host: '127.0.0.1', port: this.proxyPort });
  }
}
