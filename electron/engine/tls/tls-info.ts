// What the connection view shows about a TLS session: version, cipher, ALPN and the server
// certificate's subject, issuer and validity, read from the live socket once the handshake is done.
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { TlsCertificateInfo, TlsInfo } from '../../../shared/model';

function distinguishedName(dn: Record<string, string | string[]> | undefined): string {
  if (dn === undefined) return '';
  return Object.entries(dn)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

function certificateInfo(cert: PeerCertificate): TlsCertificateInfo | null {
  if (cert === null || Object.keys(cert).length === 0) return null;
  return {
    subject: distinguishedName(cert.subject as unknown as Record<string, string>),
    issuer: distinguishedName(cert.issuer as unknown as Record<string, string>),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    altNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((s) => s.trim().replace(/^(DNS|IP Address):/, ''))
      .filter((s) => s !== ''),
    fingerprint256: cert.fingerprint256 ?? '',
  };
}

export function tlsInfo(socket: TLSSocket, opts: { servername: string | null; intercepted: boolean; unverified: boolean }): TlsInfo {
  const alpn = socket.alpnProtocol;
  return {
    version: socket.getProtocol() ?? '',
    cipher: socket.getCipher()?.name ?? '',
    alpn: typeof alpn === 'string' ? alpn : null,
    servername: opts.servername,
    intercepted: opts.intercepted,
    unverified: opts.unverified,
    server: certificateInfo(socket.getPeerCertificate(false)),
  };
}
