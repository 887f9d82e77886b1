import { describe, expect, it } from 'vitest';
import { captureFileName, importSummary, tooLarge } from './capture-file-text';
import { initI18n } from '../../i18n';

initI18n('en');

describe('File tab text', () => {
  it('names saved captures by local date and time', () => {
    expect(captureFileName(new Date(2026, 0, 5, 9, 3, 7))).toBe('framescope-20260105-090307.jsonl');
    expect(captureFileName(new Date(2026, 0, 5, 9, 3, 7), 'har')).toBe('framescope-20260105-090307.har');
  });

  it('says what was opened, and what was skipped', () => {
    expect(importSummary('a.jsonl', { connections: 1, frames: 12, skipped: 0 })).toBe('Opened a.jsonl: 1 connection, 12 frames.');
    expect(importSummary('b.jsonl', { connections: 2, frames: 1, skipped: 1 })).toBe('Opened b.jsonl: 2 connections, 1 frame. 1 line could not be read and was skipped.');
  });

  it('refuses files over the limit before reading them', () => {
    expect(tooLarge('x.jsonl', 10)).toBeNull();
    expect(tooLarge('x.jsonl', 600 * 1048576)).toBeNull();
    expect(tooLarge('x.jsonl', 5000 * 1048576)).toMatch(/5000 MiB; Framescope opens captures up to 4096 MiB/);
  });
});
