/**
 * XOR masking (RFC 6455 §5.3): octet i of the payload is XORed with octet
 * (i mod 4) of the masking key. `phase` is the payload index (mod 4) of the first
 * byte handled, so a payload split across chunks is unmasked with the right key
 * octet for each piece.
 */

// One shared scratch word to turn 4 key octets into a native-endian 32-bit value.
const keyWordBytes = new Uint8Array(4);
const keyWord = new Uint32Array(keyWordBytes.buffer);

/**
 * Below this many bytes a plain loop beats creating typed-array views (and V8
 * keeps typed arrays of up to 64 bytes on its heap, where taking `.buffer` is costly).
 */
const WORD_THRESHOLD = 128;

/** XORs dst[at, at+length) in place with `key` starting at key octet `phase`. */
export function applyMaskInPlace(dst: Uint8Array, at: number, length: number, key: Uint8Array, phase: number): void {
  const end = at + length;
  let i = at;
  let p = phase & 3;
  if (length >= WORD_THRESHOLD) {
    // Walk bytes until the absolute address is 4-aligned, then XOR whole words.
    while (((dst.byteOffset + i) & 3) !== 0) {
      dst[i] = (dst[i] as number) ^ (key[p] as number);
      i++;
      p = (p + 1) & 3;
    }
    const words = (end - i) >>> 2;
    if (words > 0) {
      keyWordBytes[0] = key[p] as number;
      keyWordBytes[1] = key[(p + 1) & 3] as number;
      keyWordBytes[2] = key[(p + 2) & 3] as number;
      keyWordBytes[3] = key[(p + 3) & 3] as number;
      const k = keyWord[0] as number;
      const view = new Uint32Array(dst.buffer, dst.byteOffset + i, words);
      for (let w = 0; w < words; w++) view[w] = (view[w] as number) ^ k;
      i += words << 2; // phase is unchanged after a multiple of 4 bytes
    }
  }
  for (; i < end; i++) {
    dst[i] = (dst[i] as number) ^ (key[p] as number);
    p = (p + 1) & 3;
  }
}

/**
 * A copy-and-unmask in one pass, with bufferutil's native `mask` signature: output[offset + i] =
 * source[i] ^ key[i & 3] for i < length. The engine may inject it for speed (the browser never
 * does); XOR masking is its own inverse (§5.3), so masking and unmasking are the same call.
 */
export type NativeUnmask = (source: Uint8Array, key: Uint8Array, output: Uint8Array, offset: number, length: number) => void;

/** Below this a native call costs more than it saves (ws draws the line at 32 bytes too). */
const NATIVE_THRESHOLD = 32;
const rotatedKey = new Uint8Array(4);

/**
 * Copies src[start, end) to dst at `at`, unmasking on the way when `key` is given.
 * The source is never modified: a relay forwards those very bytes.
 */
export function copyUnmasked(
  dst: Uint8Array,
  at: number,
  src: Uint8Array,
  start: number,
  end: number,
  key: Uint8Array | null,
  phase: number,
  native?: NativeUnmask,
): void {
  const length = end - start;
  if (native !== undefined && key !== null && length >= NATIVE_THRESHOLD) {
    let k = key;
    if ((phase & 3) !== 0) {
      for (let i = 0; i < 4; i++) rotatedKey[i] = key[(phase + i) & 3] as number;
      k = rotatedKey;
    }
    native(start === 0 ? src : src.subarray(start, end), k, dst, at, length);
    return;
  }
  if (length < WORD_THRESHOLD) {
    if (key === null) {
      for (let i = 0; i < length; i++) dst[at + i] = src[start + i] as number;
    } else {
      let p = phase & 3;
      for (let i = 0; i < length; i++) {
        dst[at + i] = (src[start + i] as number) ^ (key[p] as number);
        p = (p + 1) & 3;
      }
    }
    return;
  }
  dst.set(src.subarray(start, end), at);
  if (key !== null) applyMaskInPlace(dst, at, length, key, phase);
}
