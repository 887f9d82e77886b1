// Leaf certificates made on the fly for the name a client asked for (its SNI), signed by the
// install's CA and cached. One RSA key serves every leaf (made once per process, never written
// anywhere): signing a certificate is then the only per-name work.
import { generateKeyPairSync } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { CertificateAuthority } from './ca-store';
import { buildLeafCertificate } from './forge-certs';

/** Names remembered at most; the oldest is forgotten first. */
const MAX_LEAVES = 1000;

export class LeafCache {
  private readonly key: string;
  private readonly publicKey: string;
  private readonly leaves = new Map<string, { pem: string; context: SecureContext }>();

  constructor(readonly ca: CertificateAuthority) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.key = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    this.publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  /** The PEM certificate for `name` (lower-cased; IP addresses as written). */
  certificate(name: string): string {
    return this.entry(name).pem;
  }

  context(name: string): SecureContext {
    return this.entry(name).context;
  }

  get size(): number {
    return this.leaves.size;
  }

  private entry(rawName: string): { pem: string; context: SecureContext } {
    const name = rawName.toLowerCase().replace(/\.$/, '');
    const cached = this.leaves.get(name);
    if (cached !== undefined) {
      this.leaves.delete(name); // most recently used goes last
      this.leaves.set(name, cached);
      return cached;
    }
    const pem = buildLeafCertificate([name], this.publicKey, this.ca.certificate, this.ca.signingKey());
    // The chain includes the CA so clients that match on any certificate in it (SPKI lists) can.
    const context = createSecureContext({ key: this.key, cert: `${pem}${this.ca.certificate}` });
    const entry = { pem, context };
    this.leaves.set(name, entry);
    if (this.leaves.size > MAX_LEAVES) this.leaves.delete(this.leaves.keys().next().value as string);
    return entry;
  }
}
