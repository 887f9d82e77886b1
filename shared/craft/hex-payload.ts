// The crafter's hex mode. People paste bytes in every shape: "de ad be ef", "0xde, 0xad",
// "\xde\xad", "de:ad", with # or // comments, or a base64 blob copied from a log. Hex is tried
// first (it is what the mode is named for); base64 when the text cannot be hex, or when it
// starts with "base64:". Error positions index the user's own text, so the editor can mark them.
import { fromBase64, fromHex, toHex } from '../protocol/hex';

/** Stable codes for the parse errors, so a UI can word them in its own language. */
export type HexErrorCode = 'base64Chars' | 'base64Length' | 'base64Invalid' | 'notHexDigit' | 'oddHexDigits';

export type HexPayloadResult =
  | { bytes: Uint8Array; format: 'hex' | 'base64' }
  | { error: string; at: number; code: HexErrorCode; params: Record<string, string | number> };

type Base64Error = { error: string; code: 'base64Chars' | 'base64Length' | 'base64Invalid' };

const BASE64_PREFIX = 'base64:';

/** Blanks out separators people type between hex bytes, keeping every other character where it was. */
function blankSeparators(text: string): string {
  return text.replace(/0x(?=[0-9a-fA-F])|\\x(?=[0-9a-fA-F])|[,;:]/g, (m) => ' '.repeat(m.length));
}

/** Standard or URL-safe base64 (RFC 4648 §4, §5), padding optional, whitespace ignored. */
export function parseBase64Loose(text: string): Uint8Array | Base64Error {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/\-_]*={0,2}$/.test(compact)) return { error: 'not base64: only A-Z, a-z, 0-9, +, /, - and _ may appear', code: 'base64Chars' };
  const standard = compact.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (standard.length % 4 === 1) return { error: 'not base64: the length is one character too long or short', code: 'base64Length' };
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  const out = fromBase64(padded);
  return out instanceof Uint8Array ? out : { error: `not base64: ${out.error}`, code: 'base64Invalid' };
}

/**
 * Pasted base64 is one blob, or lines wrapped at a fixed width (64 or 76 characters). Hex with a
 * typo ("de ad be zz") is short groups: reading that as base64 would hide the typo.
 */
function looksLikeBase64Blob(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  return tokens.slice(0, -1).every((t) => t.length >= 16 && t.length % 4 === 0);
}

export function parseHexPayload(text: string): HexPayloadResult {
  const trimmedStart = text.length - text.trimStart().length;
  if (text.trimStart().toLowerCase().startsWith(BASE64_PREFIX)) {
    const out = parseBase64Loose(text.slice(trimmedStart + BASE64_PREFIX.length));
    return out instanceof Uint8Array ? { bytes: out, format: 'base64' } : { error: out.error, at: trimmedStart, code: out.code, params: {} };
  }
  const hex = fromHex(blankSeparators(text));
  if ('bytes' in hex) return { bytes: hex.bytes, format: 'hex' };
  const b64 = looksLikeBase64Blob(text) ? parseBase64Loose(text) : null;
  if (b64 instanceof Uint8Array && b64.length > 0) return { bytes: b64, format: 'base64' };
  return { error: `${hex.error} (and the text is not base64 either)`, at: hex.at, code: hex.code, params: hex.char === undefined ? {} : { char: hex.char } };
}

/** Bytes as editable hex: 16 per line, a wider gap after 8, so offsets can be counted by eye. */
export function formatHexPayload(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = bytes.subarray(i, Math.min(i + 16, bytes.length));
    const left = toHex(row.subarray(0, 8));
    lines.push(row.length > 8 ? `${left}  ${toHex(row.subarray(8))}` : left);
  }
  return lines.join('\n');
}
