// How a payload can be shown: as UTF-8 text (RFC 6455 §5.6: text frames carry UTF-8), as a
// JSON tree when it parses, or as hex. Pure helpers, no DOM.
import { OPCODE_BINARY } from '../../../../../shared/protocol/opcodes';
import { decodeUtf8, findInvalidUtf8 } from '../../../../../shared/protocol/utf8';

export type PayloadMode = 'text' | 'json' | 'hex';

/** Beyond this, text is cut for display (the copy and the hex view still have every byte). */
export const TEXT_DISPLAY_LIMIT = 256 * 1024;
const JSON_PARSE_LIMIT = 4 * 1024 * 1024;

export interface DecodedText {
  text: string;
  /** Index of the first byte that is not valid UTF-8, or -1. */
  invalidAt: number;
  cut: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const invalidAt = findInvalidUtf8(bytes);
  const cut = bytes.length > TEXT_DISPLAY_LIMIT;
  return { text: decodeUtf8(cut ? bytes.subarray(0, TEXT_DISPLAY_LIMIT) : bytes), invalidAt, cut };
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The payload as JSON when it is an object or array that parses; null otherwise. */
export function parseJson(bytes: Uint8Array): JsonValue | null {
  if (bytes.length === 0 || bytes.length > JSON_PARSE_LIMIT) return null;
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] !== 0x7b && bytes[i] !== 0x5b) return null; // '{' or '['
  try {
    return JSON.parse(decodeUtf8(bytes)) as JsonValue;
  } catch {
    return null;
  }
}

/** JSON when it parses, text for valid UTF-8 that is not binary, hex for the rest. */
export function defaultMode(opcode: number, bytes: Uint8Array, json: JsonValue | null): PayloadMode {
  if (json !== null) return 'json';
  if (opcode === OPCODE_BINARY) return 'hex';
  return findInvalidUtf8(bytes) === -1 ? 'text' : 'hex';
}
