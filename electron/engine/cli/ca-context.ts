// What the commands that use this install's interception CA (`ca`, `env`) start with: their flags
// (no positional arguments), the data folder (FRAMESCOPE_DATA_DIR honoured) and the CA itself.
import { resolveDataDir } from '../data-dir';
import { loadCa, resetCa } from '../tls/ca-store';
import type { CertificateAuthority } from '../tls/ca-store';
import { UsageError, parseFlags, type FlagSpec, type ParsedArgs } from './flags';

export interface CaContext {
  args: ParsedArgs;
  dataDir: string;
  ca: CertificateAuthority;
}

/** A `--reset` switch, where the spec has one, makes a new CA instead of loading (or creating) the current one. */
export function openCaContext(argv: string[], spec: FlagSpec): CaContext {
  const args = parseFlags(argv, spec);
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const dataDir = resolveDataDir();
  const ca = spec.reset === 'boolean' && args.flags.reset === true ? resetCa(dataDir) : loadCa(dataDir);
  return { args, dataDir, ca };
}
