// Which ports a forward proxy's CONNECT tunnels (RFC 9110 §9.3.6) may reach. A proxy that
// tunnels to any port is a generic TCP relay: mail (25), SSH (22), databases, debug ports, all
// from the user's address. HTTP, WebSocket and TLS live on 80 and 443 and on the usual dev-server
// ports, so those are the default. Loopback targets get any port while the proxy itself listens
// on loopback: only this machine can ask, and local tools use any port. Once the proxy is exposed
// (listen-policy.ts) loopback targets get the default list too, so other machines cannot reach
// services bound to 127.0.0.1 through it. The user can widen it: a port list, or 'any'.
import { isLoopbackHost } from '../loopback';

/** 80/443, then common dev servers: Rails/Node 3000, Angular 4200, Flask 5000, Vite 5173, Django 8000, 8080/8443 alt HTTP(S), Jupyter 8888, 9000. */
export const DEFAULT_CONNECT_PORTS: readonly number[] = [80, 443, 3000, 4200, 5000, 5173, 8000, 8080, 8443, 8888, 9000];

export interface ConnectPolicy {
  /** 'default' applies the rules above; a list or 'any' is the user's own choice. */
  ports: 'default' | 'any' | readonly number[];
  /** Whether the proxy listens on loopback only. */
  loopbackListener: boolean;
}

export const LOOPBACK_DEFAULT_POLICY: ConnectPolicy = { ports: 'default', loopbackListener: true };

/** Null when the tunnel may open; otherwise why not, in words the client's user can act on. */
export function connectRefusal(policy: ConnectPolicy, target: { host: string; port: number }): string | null {
  if (policy.ports === 'any') return null;
  if (policy.ports === 'default' && policy.loopbackListener && isLoopbackHost(target.host)) return null;
  const allowed = policy.ports === 'default' ? DEFAULT_CONNECT_PORTS : policy.ports;
  if (allowed.includes(target.port)) return null;
  return `CONNECT to port ${target.port} is not allowed by this proxy (allowed: ${allowed.join(', ')}; set connectPorts, or framescope capture --connect-ports, to allow more)`;
}
