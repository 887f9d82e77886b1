import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FramescopeError } from '../../../shared/api';
import { Engine } from '../engine';
import { SnippetStore } from './snippet-store';

describe('saved snippets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'framescope-snippets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('survive a restart: a new engine on the same data folder lists them', async () => {
    const first = new Engine({ host: 'browser', dataDir: dir });
    expect(await first.api.listSnippets()).toEqual([]);
    const saved = await first.api.saveSnippet({ id: 'a1', name: '  ping test ', spec: '{"x":1}' });
    expect(saved).toMatchObject({ id: 'a1', name: 'ping test', spec: '{"x":1}' });
    await first.api.saveSnippet({ id: 'b2', name: 'second', spec: '{}' });
    await first.api.saveSnippet({ id: 'a1', name: 'renamed', spec: '{"x":2}' }); // same id replaces
    await first.close();

    const second = new Engine({ host: 'browser', dataDir: dir });
    expect((await second.api.listSnippets()).map((s) => [s.id, s.name, s.spec])).toEqual([
      ['b2', 'second', '{}'],
      ['a1', 'renamed', '{"x":2}'],
    ]);
    await second.api.deleteSnippet('b2');
    expect((await second.api.listSnippets()).map((s) => s.id)).toEqual(['a1']);
    await second.close();
  });

  it('writes a private file (0600) atomically, leaving no temporary files', async () => {
    const store = new SnippetStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save({ id: `s${i}`, name: `n${i}`, spec: 'x'.repeat(1000) })));
    expect((await store.list()).length).toBe(20);
    if (process.platform !== 'win32') expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['snippets.json']);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('explains a garbage file instead of crashing, and keeps it when saving', async () => {
    const store = new SnippetStore(dir);
    writeFileSync(store.file, '{ this is not json');
    const err = await store.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FramescopeError);
    expect((err as FramescopeError).code).toBe('invalid');
    expect((err as Error).message).toMatch(/snippets\.json is not valid JSON .*left untouched/);
    await expect(store.delete('x')).rejects.toThrow(/could not be read/);

    await store.save({ id: 'fresh', name: 'fresh', spec: '{}' }, 1234);
    expect((await store.list()).map((s) => s.id)).toEqual(['fresh']);
    expect(readFileSync(join(dir, 'snippets.json.corrupt-1234'), 'utf8')).toBe('{ this is not json');
  });

  it('rejects wrong shapes and bad input with clear messages', async () => {
    const store = new SnippetStore(dir);
    writeFileSync(store.file, JSON.stringify({ version: 1, snippets: [{ id: 'ok', name: 'n', spec: 's', savedAt: 1 }, { id: 3 }] }));
    await expect(store.list()).rejects.toThrow(/malformed entry \(number 2\)/);
    writeFileSync(store.file, '[]');
    await expect(store.list()).rejects.toThrow(/not a Framescope snippets file/);
    await expect(store.save({ id: '../etc', name: 'x', spec: '' })).rejects.toThrow(/id is 1 to 100/);
    await expect(store.save({ id: 'ok', name: '   ', spec: '' })).rejects.toThrow(/name is 1 to 200/);
    await expect(store.save({ id: 'ok', name: 'n', spec: 5 as unknown as string })).rejects.toThrow(/spec is text/);
  });
});
