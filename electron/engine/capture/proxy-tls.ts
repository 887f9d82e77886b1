// One proxy's TLS choices (issue 14), combined with the app-wide ones: which CONNECT tunnels it
// opens up, which hosts pass through untouched, and which upstream certificates it trusts. The
// app-wide lists (CLI flags, CaptureServiceDeps) always apply; a proxy can only add to them.
import { X509Certificate } from 'node:crypto';
import type { ProxyOptions, ProxyStatus } from '../../../shared/api/capture';
import { FramescopeError } from '../../../shared/api/errors';
import { parseHostPattern } from '../../../shared/host-pattern';
import type { Interceptor } from '../tls/interceptor';
import type { UpstreamTrust } from '../tls/upstream-trust';

export interface AppTls {
  interceptor: Interceptor | null;
  trustedCertificates?: readonly string[] | undefined;
  insecureUpstreamHosts?: readonly string[] | undefined;
}

export interface ProxyTls {
  interceptor: Interceptor | null;
  trust: UpstreamTrust;
  /** What listProxies reports of these choices. */
  status: Pick<ProxyStatus, 'interceptTls' | 'passThroughHosts' | 'insecureUpstreamHosts' | 'trustedCertificates'>;
}

/** Each PEM must hold at least one certificate Node can parse; otherwise a clear `invalid` error. */
function checkPem(pems: readonly string[]): void {
  pems.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new FramescopeError('invalid', `Trusted certificate ${i + 1} is not a PEM certificate (${why}).`);
    }
  });
}

/** Each pattern in its normal form (shared/host-pattern.ts); one that does not parse is refused in words. */
function hosts(list: readonly string[] | undefined): string[] {
  return (list ?? [])
    .filter((h) => h.trim().length > 0)
    .map((h) => {
      const parsed = parseHostPattern(h);
      if (!parsed.ok) throw new FramescopeError('invalid', `Host list: ${parsed.message}.`);
      return parsed.text;
    });
}

export function proxyTls(options: ProxyOptions, app: AppTls): ProxyTls {
  const pems = options.trustedCertificatesPem ?? [];
  checkPem(pems);
  const passThrough = hosts(options.passThroughHosts);
  const insecure = hosts(options.insecureUpstreamHosts);
  const forward = options.mode === 'forward';
  const intercepting = forward && options.interceptTls !== false && app.interceptor !== null;
  const certificates = [...(app.trustedCertificates ?? []), ...pems];
  const insecureHosts = [...(app.insecureUpstreamHosts ?? []), ...insecure];
  return {
    interceptor: intercepting ? app.interceptor!.withPassThrough(passThrough) : null,
    trust: {
      ...(certificates.length > 0 ? { certificates } : {}),
      ...(insecureHosts.length > 0 ? { insecureHosts } : {}),
    },
    status: {
      ...(forward ? { interceptTls: intercepting } : {}),
      ...(passThrough.length > 0 ? { passThroughHosts: passThrough } : {}),
      ...(insecure.length > 0 ? { insecureUpstreamHosts: insecure } : {}),
      ...(pems.length > 0 ? { trustedCertificates: pems.length } : {}),
    },
  };
}
