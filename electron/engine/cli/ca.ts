// `framescope ca`: this install's interception CA. Shows where it is and how to recognise it;
// --export writes the certificate (never the key), --reset makes a new one.
import { writeFileSync } from 'node:fs';
import { openCaContext } from './ca-context';
import type { Command } from './command';
import { stringFlag } from './flags';

export const caCommand: Command = {
  name: 'ca',
  summary: "show, export (PEM) or reset this install's TLS interception certificate authority",
  usage: 'framescope ca [--export FILE] [--reset]',
  async run(argv, io) {
    const { args, ca } = openCaContext(argv, { export: 'string', reset: 'boolean' });
    if (args.flags.reset === true) io.err('Made a new CA: anything that trusted the old one must be given the new one.');
    const out = stringFlag(args, 'export');
    if (out !== undefined) {
      try {
        writeFileSync(out, ca.certificate, { mode: 0o644 });
      } catch (err) {
        io.err(`framescope ca: cannot write ${out}: ${(err as Error).message}`);
        return 1;
      }
      io.err(`Wrote the CA certificate (PEM, no private key) to ${out}`);
      return 0;
    }
    const x = ca.x509;
    io.out(`Certificate: ${ca.certPath}`);
    io.out(`Subject:     ${x.subject.replace(/\n/g, ', ')}`);
    io.out(`Valid:       ${new Date(x.validFrom).toISOString()} to ${new Date(x.validTo).toISOString()}`);
    io.out(`SHA-256:     ${x.fingerprint256}`);
    io.out(`SPKI hash:   ${ca.spkiHash}`);
    return 0;
  },
};
