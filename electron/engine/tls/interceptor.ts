// Which CONNECT tunnels the forward proxy opens up, and the certificates it shows their clients.
// The CA is loaded (or created) on the first interception, not at start-up, so a user who never
// sends TLS through the proxy never gets a CA.
import { hostMatcher } from '../../../shared/host-pattern';
import { loadCa } from './ca-store';
import { LeafCache } from './leaf-cache';

export class Interceptor {
  /** Shared by every interceptor derived with withPassThrough, so the CA and leaves load once. */
  private readonly shared: { cache: LeafCache | null };
  /** shared/host-pattern.ts: names exactly, `*.name` for sub-domains only, IP literals exactly. */
  private readonly passesThrough: (host: string) => boolean;

  constructor(
    private readonly dataDir: string,
    /** Hosts whose TLS passes through untouched (pinned apps, banks, anything the user excludes). */
    readonly passThrough: readonly string[] = [],
    shared?: { cache: LeafCache | null },
  ) {
    this.shared = shared ?? { cache: null };
    this.passesThrough = hostMatcher(passThrough);
  }

  /** The same CA and leaf cache, with more hosts passed through (one proxy's own exclusions). */
  withPassThrough(hosts: readonly string[]): Interceptor {
    if (hosts.length === 0) return this;
    return new Interceptor(this.dataDir, [...this.passThrough, ...hosts], this.shared);
  }

  wants(host: string): boolean {
    return !this.passesThrough(host);
  }

  /** The leaf certificates, signed by this install's CA (created now if it does not exist yet). */
  leaves(): LeafCache {
    this.shared.cache ??= new LeafCache(loadCa(this.dataDir));
    return this.shared.cache;
  }
}
