// From the editor's text to the message payload bytes (before any compression or masking).
import { closePayload } from '../protocol/close-payload';
import { OPCODE_CLOSE } from '../protocol/opcodes';
import { encodeUtf8 } from '../protocol/utf8';
import type { CraftFrame } from './craft-spec';
import { parseHexPayload } from './hex-payload';

export type PayloadResult =
  | { ok: true; bytes: Uint8Array; notes: string[]; warnings: string[] }
  /** `at` is a character index into the payload text, when the error has a place. */
  | { ok: false; error: string; at: number | null };

/** Where a JSON.parse error points, as "line L, column C" when the engine says where. */
function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export function framePayload(frame: CraftFrame): PayloadResult {
  // RFC 6455 §5.5.1: a Close body is a 2-byte big-endian code then a UTF-8 reason.
  if (frame.opcode === OPCODE_CLOSE && frame.closeBody === 'code') {
    return { ok: true, bytes: closePayload(frame.closeCode, frame.closeReason), notes: [], warnings: [] };
  }
  switch (frame.payloadMode) {
    case 'text':
      return { ok: true, bytes: encodeUtf8(frame.payload), notes: [], warnings: [] };
    case 'json': {
      const problem = frame.payload.trim() === '' ? 'the payload is empty' : jsonProblem(frame.payload);
      const warnings = problem === null ? [] : [`Not valid JSON (${problem}); it will be sent exactly as typed.`];
      return { ok: true, bytes: encodeUtf8(frame.payload), notes: [], warnings };
    }
    case 'hex': {
      const parsed = parseHexPayload(frame.payload);
      if ('error' in parsed) return { ok: false, error: `Hex payload: ${parsed.error}.`, at: parsed.at };
      const notes = parsed.format === 'base64' ? [`Read as base64: ${parsed.bytes.length} bytes.`] : [];
      return { ok: true, bytes: parsed.bytes, notes, warnings: [] };
    }
  }
}
