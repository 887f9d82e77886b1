// Saved crafter snippets in the user's data folder: dataDir/snippets.json, private (0600), written
// atomically (a temporary file renamed over the old one), so a crash never leaves half a file.
// The file is the user's: if it cannot be read it is never overwritten silently; saving sets it
// aside under another name first, so nothing is lost.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { FramescopeError, type Snippet } from '../../../shared/api';

const FILE_NAME = 'snippets.json';
const FORMAT_VERSION = 1;
export const MAX_SNIPPETS = 500;
export const MAX_SPEC_CHARS = 8 * 1024 * 1024;
const MAX_NAME_CHARS = 200;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

type Loaded = { ok: true; snippets: Snippet[] } | { ok: false; problem: string };

function isSnippet(v: unknown): v is Snippet {
  if (v === null || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.id === 'string' &&
    ID_PATTERN.test(s.id) &&
    typeof s.name === 'string' &&
    typeof s.spec === 'string' &&
    typeof s.savedAt === 'number' &&
    Number.isFinite(s.savedAt)
  );
}

export class SnippetStore {
  readonly file: string;
  /** One operation at a time, so two saves cannot interleave their read-modify-write. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = join(dataDir, FILE_NAME);
  }

  list(): Promise<Snippet[]> {
    return this.serial(async () => {
      const loaded = await this.load();
      if (!loaded.ok) throw new FramescopeError('invalid', this.unreadableMessage(loaded.problem));
      return loaded.snippets;
    });
  }

  async save(input: Omit<Snippet, 'savedAt'>, now = Date.now()): Promise<Snippet> {
    const snippet = validate(input, now);
    return this.serial(async () => {
      const loaded = await this.load();
      let snippets: Snippet[] = [];
      if (loaded.ok) snippets = loaded.snippets;
      else await rename(this.file, `${this.file}.corrupt-${now}`);
      const rest = snippets.filter((s) => s.id !== snippet.id);
      if (rest.length >= MAX_SNIPPETS) throw new FramescopeError('invalid', `At most ${MAX_SNIPPETS} snippets are kept; delete some first.`);
      await this.write([...rest, snippet]);
      return snippet;
    });
  }

  delete(id: string): Promise<void> {
    return this.serial(async () => {
      const loaded = await this.load();
      if (!loaded.ok) throw new FramescopeError('invalid', this.unreadableMessage(loaded.problem));
      const rest = loaded.snippets.filter((s) => s.id !== id);
      if (rest.length !== loaded.snippets.length) await this.write(rest);
    });
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private unreadableMessage(problem: string): string {
    return (
      `Saved snippets could not be read: ${this.file} ${problem}. The file was left untouched; ` +
      `saving a snippet will first set it aside as ${basename(this.file)}.corrupt-<time> and start a new one.`
    );
  }

  private async load(): Promise<Loaded> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, snippets: [] };
      throw new FramescopeError('internal', `Cannot read ${this.file}: ${(err as Error).message}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      return { ok: false, problem: `is not valid JSON (${(err as Error).message})` };
    }
    const record = raw as { version?: unknown; snippets?: unknown } | null;
    if (record === null || typeof record !== 'object' || record.version !== FORMAT_VERSION || !Array.isArray(record.snippets)) {
      return { ok: false, problem: `is not a Framescope snippets file (expected {"version": ${FORMAT_VERSION}, "snippets": [...]})` };
    }
    const bad = record.snippets.findIndex((s) => !isSnippet(s));
    if (bad >= 0) return { ok: false, problem: `has a malformed entry (number ${bad + 1})` };
    return { ok: true, snippets: record.snippets as Snippet[] };
  }

  private async write(snippets: Snippet[]): Promise<void> {
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    // 'wx' refuses to follow a planted file or link; 0600 because snippets can hold tokens.
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify({ version: FORMAT_VERSION, snippets }, null, 2) + '\n', 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, this.file);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }
}

function validate(input: Omit<Snippet, 'savedAt'>, now: number): Snippet {
  const value = input as Partial<Record<keyof Snippet, unknown>> | null;
  if (value === null || typeof value !== 'object') throw new FramescopeError('invalid', 'A snippet needs an id, a name and a spec.');
  if (typeof value.id !== 'string' || !ID_PATTERN.test(value.id)) {
    throw new FramescopeError('invalid', 'A snippet id is 1 to 100 letters, digits, "-" or "_".');
  }
  const name = typeof value.name === 'string' ? value.name.trim() : '';
  if (name === '' || name.length > MAX_NAME_CHARS) throw new FramescopeError('invalid', `A snippet name is 1 to ${MAX_NAME_CHARS} characters.`);
  if (typeof value.spec !== 'string' || value.spec.length > MAX_SPEC_CHARS) {
    throw new FramescopeError('invalid', `A snippet spec is text of at most ${MAX_SPEC_CHARS} characters.`);
  }
  return { id: value.id, name, spec: value.spec, savedAt: now };
}
