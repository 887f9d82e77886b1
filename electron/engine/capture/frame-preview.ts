// The one-line preview of a frame shown in the table. It is built on demand from the payload's
// first bytes (never stored as a string per frame; text filters match whole payloads). The
// message's first frame is one lookup away (FrameTable.firstOfMessage), never a walk.
import { OPCODE_BINARY, OPCODE_CLOSE, OPCODE_CONTINUATION, OPCODE_TEXT, toHex } from '../../../shared/protocol/index';
import { R_GAP, R_GAP_FULL, R_MESSAGE_END, type FrameTable } from './frame-table';

export const PREVIEW_CHARS = 96;
/** Payload bytes a preview reads: 96 characters of any UTF-8 text (RFC 3629: at most 4 bytes each). */
const PREVIEW_BYTES = 4 * PREVIEW_CHARS;
const HEX_BYTES = 24;
const RSV1 = 0x40;
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Opcode of the message a frame belongs to (a continuation frame inherits its first frame's). */
export function messageOpcode(table: FrameTable, id: number): number {
  const op = table.opcode(id);
  return op === OPCODE_CONTINUATION ? table.opcode(table.firstOfMessage(id)) : op;
}

/** RFC 7692 §6: RSV1 on a message's first frame marks the whole message compressed. */
export function messageCompressed(table: FrameTable, id: number): boolean {
  return (table.byte0(table.firstOfMessage(id)) & RSV1) !== 0;
}

export function gapText(frames: number, full: boolean): string {
  const n = frames.toLocaleString('en-US');
  return `${n} frame${frames === 1 ? '' : 's'} passed while ${full ? 'the capture was full' : 'paused'}; not recorded`;
}

export function framePreview(table: FrameTable, id: number): string {
  const flags = table.rowFlags(id);
  if ((flags & R_GAP) !== 0) return gapText(table.index(id), (flags & R_GAP_FULL) !== 0);
  const opcode = table.opcode(id);
  const messageOp = messageOpcode(table, id);
  const inflated = (flags & R_MESSAGE_END) !== 0 ? table.inflated(id) : null;
  if (inflated !== null && (inflated.kept > 0 || inflated.total === 0)) {
    const bytes = new Uint8Array(Math.min(inflated.kept, PREVIEW_BYTES));
    const n = table.readInflated(id, 0, bytes.length, bytes);
    return bytesPreview(messageOp, bytes.subarray(0, n), n < inflated.total);
  }
  if (messageCompressed(table, id) && messageOp !== OPCODE_CLOSE && opcode < 8) return '(compressed)';
  const length = table.payloadLength(id);
  // The payload's first bytes, from wherever the capture keeps them (memory holds only the header).
  const wanted = new Uint8Array(Math.min(table.kept(id), PREVIEW_BYTES));
  const payload = wanted.subarray(0, table.readStored(id, table.headerLength(id), wanted.length, wanted));
  const cut = payload.length < length;
  if (opcode === OPCODE_CLOSE) return closePreview(payload, length, cut);
  return bytesPreview(messageOp, payload, cut);
}

function closePreview(payload: Uint8Array, length: number, cut: boolean): string {
  if (length === 0) return '(no status code)';
  if (payload.length < 2) return hex(payload);
  const code = ((payload[0] as number) << 8) | (payload[1] as number);
  const reason = printable(decoder.decode(cut ? trimIncompleteUtf8(payload.subarray(2)) : payload.subarray(2)));
  return reason === '' ? String(code) : `${code} ${reason}`;
}

/** `cut`: the bytes are a prefix of a longer payload (a code point may be split at the end). */
function bytesPreview(opcode: number, bytes: Uint8Array, cut: boolean): string {
  if (bytes.length === 0) return '';
  if (opcode === OPCODE_BINARY) return hex(bytes);
  const text = decoder.decode(cut ? trimIncompleteUtf8(bytes) : bytes);
  if (opcode === OPCODE_TEXT) return printable(text);
  // Pings, pongs and unknown opcodes: text when it looks like text, hex otherwise.
  return /^[\x20-\x7e]*$/.test(text) ? printable(text) : hex(bytes);
}

function hex(bytes: Uint8Array): string {
  const shown = toHex(bytes.subarray(0, HEX_BYTES));
  return bytes.length > HEX_BYTES ? `${shown} …` : shown;
}

/** Control characters would break the one-line layout: show them as visible symbols. */
function printable(text: string): string {
  const cut = text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS) : text;
  return cut.replace(/[\x00-\x1f\x7f]/g, (c) => (c === '\n' ? '⏎' : c === '\t' ? '⇥' : '·'));
}

/** Drops a multi-byte UTF-8 sequence cut off at the end of a prefix, so it is not shown as U+FFFD. */
function trimIncompleteUtf8(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0xc2 || b > 0xf4) return bytes; // not a lead byte (RFC 3629 §4): nothing to trim
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > back ? bytes.subarray(0, n - back) : bytes;
  }
  return bytes;
}
