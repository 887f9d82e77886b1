// Which CONNECT tunnels the forward proxy opens up, and the certificates it shows their clients.
// The CA is loaded (or created) on the first interception, not at start-up, so a user who never
// sends TLS through the proxy never gets a CA.
import { loadCa } from './ca-store';
import { LeafCache } from './leaf-cache';

/** `host` matches `pattern`: the same name, or a subdomain of `*.name`. */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.trim().toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) || h === p.slice(2);
  return p === h;
}

export class Interceptor {
  private cache: LeafCache | null = null;

  constructor(
    private readonly dataDir: string,
    /** Hosts whose TLS passes through untouched (pinned apps, banks, anything the user excludes). */
    readonly passThrough: readonly string[] = [],
  ) {}

  wants(host: string): boolean {
    return !this.passThrough.some((p) => hostMatches(p, host));
  }

  /** The leaf certificates, signed by this install's CA (created now if it does not exist yet). */
  leaves(): LeafCache {
    this.cache ??= new LeafCache(loadCa(this.dataDir));
    return this.cache;
  }
}
