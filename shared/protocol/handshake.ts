import { sha1 } from '@noble/hashes/legacy.js';
import { toBase64, toHex } from './hex.js';
import { encodeUtf8 } from './utf8.js';

/** RFC 6455 §1.3 / §4.2.2: the GUID every server appends to the client's key. */
export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface AcceptExplanation {
  key: string;
  guid: string;
  concatenated: string;
  /** SHA-1 of the concatenation, 40 lowercase hex digits. */
  sha1Hex: string;
  accept: string;
}

/** Every step of the Sec-WebSocket-Accept computation (§4.2.2 item 5.4), for the UI. */
export function explainAccept(key: string): AcceptExplanation {
  const concatenated = key + WEBSOCKET_GUID;
  const digest = sha1(encodeUtf8(concatenated));
  return { key, guid: WEBSOCKET_GUID, concatenated, sha1Hex: toHex(digest, ''), accept: toBase64(digest) };
}

/** base64(SHA-1(key + GUID)) — the value the server must send back (§4.2.2). */
export function computeAccept(key: string): string {
  return toBase64(sha1(encodeUtf8(key + WEBSOCKET_GUID)));
}
