// Moving a payload between the editor's modes without changing its bytes, and reading a file
// into the mode that shows it best.
import { decodeUtf8, encodeUtf8, findInvalidUtf8 } from '../protocol/utf8';
import type { PayloadMode } from './craft-spec';
import { formatHexPayload, parseHexPayload } from './hex-payload';

/** Files larger than this are refused: as hex text they would be three times bigger in the editor. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Text that shows as itself: valid UTF-8 with no control characters other than tab and newlines. */
function isShowableText(bytes: Uint8Array): boolean {
  if (findInvalidUtf8(bytes) !== -1) return false;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return !bytes.includes(0x7f);
}

/** The payload text for `to`, carrying the same bytes; an error when the bytes cannot be shown that way. */
/** An error as English text plus a stable code and parameters for a UI to word. */
export type ModeError = { error: string; code: string; params: Record<string, string | number> };

export function convertPayload(text: string, from: PayloadMode, to: PayloadMode): { text: string } | ModeError {
  if (from === to) return { text };
  if (to === 'hex') return { text: formatHexPayload(encodeUtf8(text)) };
  if (from === 'hex') {
    const parsed = parseHexPayload(text);
    if ('error' in parsed) return { error: `Fix the hex first (${parsed.error}).`, code: 'fixHexFirst', params: {} };
    if (!isShowableText(parsed.bytes)) return { error: 'These bytes are not plain UTF-8 text; stay in hex to keep them exact.', code: 'notPlainText', params: {} };
    return { text: decodeUtf8(parsed.bytes) };
  }
  // text ↔ json: the same characters; JSON mode only adds validation and formatting.
  return { text };
}

export function payloadFromFile(bytes: Uint8Array, fileName: string): { mode: PayloadMode; text: string } | ModeError {
  if (bytes.length > MAX_FILE_BYTES) {
    const size = (bytes.length / 1048576).toFixed(1);
    const max = MAX_FILE_BYTES / 1048576;
    return { error: `${fileName} is ${size} MiB; the crafter loads files up to ${max} MiB.`, code: 'fileTooLarge', params: { name: fileName, size, max } };
  }
  if (!isShowableText(bytes)) return { mode: 'hex', text: formatHexPayload(bytes) };
  const text = decodeUtf8(bytes);
  if (/\.json$/i.test(fileName)) return { mode: 'json', text };
  return { mode: 'text', text };
}
