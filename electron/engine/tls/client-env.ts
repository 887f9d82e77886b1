// The environment that makes command-line clients go through the forward proxy and trust this
// install's CA: Node (NODE_EXTRA_CA_CERTS adds to its roots), Python requests (REQUESTS_CA_BUNDLE)
// and OpenSSL-based tools such as curl (SSL_CERT_FILE) replace their roots, so those two get a
// bundle of the usual roots plus the CA.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { caDir, type CertificateAuthority } from './ca-store';

export const CA_BUNDLE_FILE = 'framescope-ca-bundle.pem';

/** Writes (or refreshes) the bundle of the usual roots plus the CA; returns its path. */
export function writeCaBundle(dataDir: string, ca: CertificateAuthority): string {
  const path = join(caDir(dataDir), CA_BUNDLE_FILE);
  writeFileSync(path, `${rootCertificates.join('\n')}\n${ca.certificate}`, { mode: 0o644 });
  return path;
}

export function proxyEnvironment(proxyUrl: string, caPath: string, bundlePath: string): Record<string, string> {
  return {
    HTTP_PROXY: proxyUrl,
    HTTPS_PROXY: proxyUrl,
    http_proxy: proxyUrl,
    https_proxy: proxyUrl,
    // Clients skip the proxy for these by default; nothing local should be skipped.
    NO_PROXY: '',
    no_proxy: '',
    NODE_EXTRA_CA_CERTS: caPath,
    SSL_CERT_FILE: bundlePath,
    REQUESTS_CA_BUNDLE: bundlePath,
  };
}

/** POSIX shell `export` lines, single-quoted (eval "$(framescope env …)"). */
export function shellExports(env: Record<string, string>): string[] {
  return Object.entries(env).map(([k, v]) => `export ${k}='${v.replace(/'/g, `'\\''`)}'`);
}
