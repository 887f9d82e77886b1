// A throwaway certificate authority for tests: it signs the certificates of local HTTPS/WSS
// servers that stand in for real ones, so the relay's upstream checks run against a real chain.
import { generateKeyPairSync } from 'node:crypto';
import { buildCaCertificate, buildLeafCertificate } from './forge-certs';

export interface TestCa {
  cert: string;
  /** A server certificate and key for `names`, optionally with its own validity (expired, …). */
  issue(names: readonly string[], validity?: { notBefore: Date; notAfter: Date }): { cert: string; key: string };
}

function keyPair(): { pub: string; key: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { pub: publicKey.export({ type: 'spki', format: 'pem' }).toString(), key: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString() };
}

export function makeTestCa(name = 'Framescope test CA'): TestCa {
  const ca = keyPair();
  const cert = buildCaCertificate({ commonName: name }, ca.pub, ca.key);
  const leaf = keyPair();
  return {
    cert,
    issue: (names, validity) => ({ cert: buildLeafCertificate(names, leaf.pub, cert, ca.key, validity), key: leaf.key }),
  };
}
