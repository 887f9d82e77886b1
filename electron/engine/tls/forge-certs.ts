// X.509 certificates for the interception CA and its leaves, built with node-forge (RFC 5280).
// Keys come from node:crypto (native and fast); forge only assembles and signs the certificates.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

const { pki } = forge;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A positive 128-bit serial number (RFC 5280 §4.1.2.2: positive, at most 20 octets, unique). */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] as number) & 0x7f;
  return bytes.toString('hex');
}

/** forge writes CRLF; PEM files (and what tools expect) use LF. */
function toPem(cert: forge.pki.Certificate): string {
  return pki.certificateToPem(cert).replace(/\r\n/g, '\n');
}

export interface CaSubject {
  commonName: string;
}

/** A self-signed CA certificate valid for ten years, for `publicKeyPem` signed by `privateKeyPem`. */
export function buildCaCertificate(subject: CaSubject, publicKeyPem: string, privateKeyPem: string, now = Date.now()): string {
  const cert = pki.createCertificate();
  cert.publicKey = pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now - DAY_MS);
  cert.validity.notAfter = new Date(now + 3650 * DAY_MS);
  const attrs = [
    { name: 'commonName', value: subject.commonName },
    { name: 'organizationName', value: 'Framescope' },
    { shortName: 'OU', value: 'Local interception CA: trust it only on this machine' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return toPem(cert);
}

/**
 * A leaf for `names` (DNS names or IP addresses; the first is the subject), signed by the CA.
 * Valid from a day ago for 300 days unless told otherwise: browsers refuse TLS server
 * certificates valid for more than 398 days.
 */
export function buildLeafCertificate(
  names: readonly string[],
  leafPublicKeyPem: string,
  caCertPem: string,
  caKeyPem: string,
  validity: { notBefore: Date; notAfter: Date } = { notBefore: new Date(Date.now() - DAY_MS), notAfter: new Date(Date.now() + 300 * DAY_MS) },
): string {
  const ca = pki.certificateFromPem(caCertPem);
  const cert = pki.createCertificate();
  cert.publicKey = pki.publicKeyFromPem(leafPublicKeyPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
  cert.setSubject([
    { name: 'commonName', value: (names[0] ?? '').slice(0, 64) },
    { name: 'organizationName', value: 'Framescope interception' },
  ]);
  cert.setIssuer(ca.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: names.map((n) => (isIP(n) !== 0 ? { type: 7, ip: n } : { type: 2, value: n })) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(pki.privateKeyFromPem(caKeyPem), forge.md.sha256.create());
  return toPem(cert);
}
