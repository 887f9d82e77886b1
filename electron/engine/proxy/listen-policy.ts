// Where a proxy may listen. A proxy on 0.0.0.0 is an open proxy: anyone on the network can relay
// through the user's machine (and reach what only it can reach). So the engine listens beyond
// loopback only when the user says so explicitly (ProxyOptions.exposeToNetwork, the CLI's
// --expose), and then says plainly what that means.
import { FramescopeError } from '../../../shared/api/errors';
import { isLoopbackHost } from '../loopback';

export interface ListenDecision {
  /** True when the proxy will be reachable from other machines. */
  exposed: boolean;
  /** What to tell the user when it is. */
  warning: string | null;
}

export function checkListenHost(host: string, exposeToNetwork: boolean | undefined): ListenDecision {
  if (isLoopbackHost(host)) return { exposed: false, warning: null };
  if (exposeToNetwork !== true) {
    throw new FramescopeError(
      'invalid',
      `Listening on ${host} would let other machines use this proxy. Use 127.0.0.1, or confirm it explicitly (exposeToNetwork; framescope capture --expose).`,
    );
  }
  return {
    exposed: true,
    warning: `Warning: the proxy on ${host} is reachable from other machines; anyone who can reach it can relay traffic through this computer and read what Framescope captures.`,
  };
}
