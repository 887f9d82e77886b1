/** Byte ↔ text helpers for the hex views and the crafter. Pure, no Buffer. */

const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array, sep = ' '): string {
  const out: string[] = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    out[i] = (HEX[b >>> 4] as string) + (HEX[b & 0xf] as string);
  }
  return out.join(sep);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/**
 * Parses hex typed by a person: whitespace anywhere, `#` and `//` comments to
 * the end of the line. `at` in an error is the character index to highlight.
 */
export function fromHex(text: string): { bytes: Uint8Array } | { error: string; at: number; code: 'notHexDigit' | 'oddHexDigits'; char?: string } {
  const out = new Uint8Array(text.length >>> 1);
  let n = 0;
  let high = -1;
  let highAt = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c === 0x23 || (c === 0x2f && text.charCodeAt(i + 1) === 0x2f)) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
      continue;
    }
    const v = hexValue(c);
    if (v < 0) return { error: `'${text[i]}' is not a hex digit`, at: i, code: 'notHexDigit', char: text[i] };
    if (high < 0) {
      high = v;
      highAt = i;
    } else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) return { error: 'odd number of hex digits', at: highAt, code: 'oddHexDigits' };
  return { bytes: out.slice(0, n) };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Standard base64 with padding (RFC 4648 §4). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += (B64[v >>> 18] as string) + (B64[(v >>> 12) & 63] as string) + (B64[(v >>> 6) & 63] as string) + (B64[v & 63] as string);
  }
  const left = bytes.length - i;
  if (left === 1) {
    const v = (bytes[i] as number) << 16;
    out += (B64[v >>> 18] as string) + (B64[(v >>> 12) & 63] as string) + '==';
  } else if (left === 2) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += (B64[v >>> 18] as string) + (B64[(v >>> 12) & 63] as string) + (B64[(v >>> 6) & 63] as string) + '=';
  }
  return out;
}

/**
 * Strict base64 decode (RFC 4648 §4): length a multiple of 4, padding only at
 * the end, and unused bits zero — so it can judge a Sec-WebSocket-Key exactly.
 */
export function fromBase64(text: string): Uint8Array | { error: string } {
  if (text.length % 4 !== 0) return { error: 'base64 length is not a multiple of 4' };
  let pad = 0;
  if (text.endsWith('==')) pad = 2;
  else if (text.endsWith('=')) pad = 1;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let v = 0;
    for (let j = 0; j < 4; j++) {
      const idx = i + j;
      const c = text.charCodeAt(idx);
      let d: number;
      if (c === 0x3d && idx >= text.length - pad) d = 0;
      else d = c < 128 ? (B64_VALUE[c] as number) : -1;
      if (d < 0) return { error: `invalid base64 character at ${idx}` };
      v = (v << 6) | d;
    }
    const last = i + 4 === text.length;
    if (last && pad === 2 && (v & 0xffff) !== 0) return { error: 'non-zero padding bits' };
    if (last && pad === 1 && (v & 0xff) !== 0) return { error: 'non-zero padding bits' };
    out[o++] = v >>> 16;
    if (!(last && pad === 2)) out[o++] = (v >>> 8) & 0xff;
    if (!(last && pad >= 1)) out[o++] = v & 0xff;
  }
  return out;
}

/** One character per byte: printable ASCII as is, everything else as '.'. */
export function asciiPreview(bytes: Uint8Array, max = bytes.length): string {
  const n = Math.min(max, bytes.length);
  let out = '';
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  return out;
}
