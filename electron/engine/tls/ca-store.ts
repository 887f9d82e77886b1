// The certificate authority unique to this install, kept in the data folder: created on first use,
// its private key written 0600 and never handed out. The key lives in a private field of one
// object that prints and serialises as its certificate only, so no log line or JSON can leak it.
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { buildCaCertificate } from './forge-certs';

export const CA_CERT_FILE = 'framescope-ca.pem';
export const CA_KEY_FILE = 'framescope-ca.key';

export function caDir(dataDir: string): string {
  return join(dataDir, 'tls');
}

export class CertificateAuthority {
  readonly #key: string;

  constructor(
    /** PEM certificate (public). */
    readonly certificate: string,
    key: string,
    /** Where the certificate file is, for NODE_EXTRA_CA_CERTS and friends. */
    readonly certPath: string,
  ) {
    this.#key = key;
  }

  /** For signing leaves only. */
  signingKey(): string {
    return this.#key;
  }

  get x509(): X509Certificate {
    return new X509Certificate(this.certificate);
  }

  /** base64(SHA-256(SubjectPublicKeyInfo)): what Chromium's --ignore-certificate-errors-spki-list takes. */
  get spkiHash(): string {
    return spkiHash(this.certificate);
  }

  toJSON(): { certificate: string } {
    return { certificate: this.certificate };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `CertificateAuthority(${this.x509.subject.replace(/\n/g, ', ')})`;
  }
}

export function spkiHash(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** Loads the CA of this data folder, creating it on first use. */
export function loadCa(dataDir: string): CertificateAuthority {
  const dir = caDir(dataDir);
  const certPath = join(dir, CA_CERT_FILE);
  const keyPath = join(dir, CA_KEY_FILE);
  try {
    const certificate = readFileSync(certPath, 'utf8');
    const key = readFileSync(keyPath, 'utf8');
    // A key that others can read is no longer private to this install: tighten it.
    if ((statSync(keyPath).mode & 0o077) !== 0) chmodSync(keyPath, 0o600);
    return new CertificateAuthority(certificate, key, certPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return createCa(dataDir);
}

/** Makes a new CA (the old one stops being trusted by anything that trusted it). */
export function resetCa(dataDir: string): CertificateAuthority {
  const dir = caDir(dataDir);
  rmSync(join(dir, CA_KEY_FILE), { force: true });
  rmSync(join(dir, CA_CERT_FILE), { force: true });
  return createCa(dataDir);
}

function createCa(dataDir: string): CertificateAuthority {
  const dir = caDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const created = new Date().toISOString().slice(0, 10);
  const certificate = buildCaCertificate(
    { commonName: `Framescope CA (${hostname().slice(0, 20)}, ${created})` },
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyPem,
  );
  const keyPath = join(dir, CA_KEY_FILE);
  const certPath = join(dir, CA_CERT_FILE);
  // 'wx': never overwrite a key another process just created; the key file is 0600 from its first byte.
  try {
    writeFileSync(keyPath, keyPem, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadCa(dataDir);
    throw err;
  }
  writeFileSync(certPath, certificate, { mode: 0o644 });
  return new CertificateAuthority(certificate, keyPem, certPath);
}
