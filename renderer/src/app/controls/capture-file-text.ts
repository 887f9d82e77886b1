// Words and names for the File tab, kept pure so they are unit-tested without a browser.
import type { CaptureExportFormat, CaptureImportResult } from '../../../../shared/api';
import { i18n } from '../../i18n';

/** Largest file offered to the engine (its own limit, IMPORT_CAPS.fileBytes, checked here before sending a page). */
export const MAX_OPEN_BYTES = 4 * 1024 * 1024 * 1024;

/** The File tab's format choice, in the order shown. */
export const EXPORT_FORMATS: ReadonlyArray<{ format: CaptureExportFormat; label: string }> = [
  { format: 'jsonl', label: 'JSON Lines (lossless)' },
  { format: 'har', label: 'HAR (Chrome DevTools)' },
];

/** framescope-YYYYMMDD-HHMMSS.jsonl (or .har) in local time: sorts by time and says what made it. */
export function captureFileName(now: Date, format: CaptureExportFormat = 'jsonl'): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`;
  return `framescope-${day}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.${format}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function importSummary(name: string, r: CaptureImportResult): string {
  const skipped = r.skipped > 0 ? ` ${plural(r.skipped, 'line')} could not be read and ${r.skipped === 1 ? 'was' : 'were'} skipped.` : '';
  return `Opened ${name}: ${plural(r.connections, 'connection')}, ${plural(r.frames, 'frame')}.${skipped}`;
}

export function tooLarge(name: string, size: number): string | null {
  if (size <= MAX_OPEN_BYTES) return null;
  return i18n.t('controls:file.tooLarge', { name, size: Math.round(size / 1048576), max: MAX_OPEN_BYTES / 1048576 });
}
