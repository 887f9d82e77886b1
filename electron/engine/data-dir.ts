import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's private data folder (snippets, spilled payloads). Created 0700 because captures and
 * snippets can hold secrets. FRAMESCOPE_DATA_DIR overrides it (tests use a temporary folder).
 */
export function resolveDataDir(explicit?: string): string {
  const dir =
    explicit ??
    process.env.FRAMESCOPE_DATA_DIR ??
    (process.platform === 'win32'
      ? join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Framescope')
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support', 'Framescope')
        : join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'framescope'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
