// How the relay checks the real server's certificate, and how it says why one was refused. Checks
// are on by default (the usual roots plus any CA the user added); skipping them is an explicit
// per-host choice for test servers, and shows on the connection as "unverified".
import type { ConnectionOptions } from 'node:tls';
import { rootCertificates } from 'node:tls';
import { hostMatcher } from '../../../shared/host-pattern';

export interface UpstreamTrust {
  /** Extra CA certificates (PEM) trusted on top of the usual roots. */
  certificates?: readonly string[];
  /** Hosts whose certificate is not checked at all: patterns of shared/host-pattern.ts (names, `*.domain`, IP addresses). */
  insecureHosts?: readonly string[];
}

/** The same matcher as the pass-through hosts (shared/host-pattern.ts), so `*.test.example` works for both. */
export function isInsecureHost(trust: UpstreamTrust | undefined, host: string): boolean {
  return trust?.insecureHosts ? hostMatcher(trust.insecureHosts)(host) : false;
}

/** tls.connect options for `host` under `trust`. */
export function tlsOptionsFor(trust: UpstreamTrust | undefined, host: string): ConnectionOptions {
  if (isInsecureHost(trust, host)) return { rejectUnauthorized: false };
  const extra = trust?.certificates ?? [];
  return extra.length > 0 ? { ca: [...rootCertificates, ...extra] } : {};
}

const UNKNOWN_AUTHORITY = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

const TRUST_HINT = 'to trust it for a test server, add its CA (--upstream-ca FILE) or skip the check for that host (--insecure-upstream HOST)';

/** Words for a certificate check that failed, or null when `err` is not about a certificate. */
export function describeCertificateError(err: NodeJS.ErrnoException & { reason?: string }, where: string): string | null {
  const code = err.code ?? '';
  if (code === 'CERT_HAS_EXPIRED') return `the certificate of ${where} has expired; ${TRUST_HINT}`;
  if (code === 'CERT_NOT_YET_VALID') return `the certificate of ${where} is not valid yet; ${TRUST_HINT}`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `the certificate of ${where} is for another name (${err.reason ?? err.message}); ${TRUST_HINT}`;
  }
  if (UNKNOWN_AUTHORITY.has(code)) {
    const self = code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ? 'self-signed' : 'signed by an unknown authority';
    return `the certificate of ${where} is ${self}, so it cannot be checked; ${TRUST_HINT}`;
  }
  if (code.startsWith('CERT_') || code.startsWith('ERR_TLS_')) return `the certificate of ${where} was refused (${code}: ${err.message}); ${TRUST_HINT}`;
  return null;
}
