// From the editor's text to the message payload bytes (before any compression or masking).
import { closePayload } from '../protocol/close-payload';
import { OPCODE_CLOSE } from '../protocol/opcodes';
import { encodeUtf8 } from '../protocol/utf8';
import type { BuildMessage } from '../protocol/frame-builder';
import type { CraftFrame } from './craft-spec';
import { parseHexPayload } from './hex-payload';
import { findJsonProblem } from './json-problem';

export type PayloadResult =
  /** `noteCodes`/`warningCodes` carry the same messages as `notes`/`warnings`, as codes and parameters. */
  | { ok: true; bytes: Uint8Array; notes: string[]; warnings: string[]; noteCodes: BuildMessage[]; warningCodes: BuildMessage[] }
  /** `at` is a character index into the payload text, when the error has a place. `code`/`params` word it elsewhere. */
  | { ok: false; error: string; at: number | null; code: string; params: Record<string, string | number> };

const none = { notes: [], warnings: [], noteCodes: [], warningCodes: [] };

/** Where a JSON.parse error points, as "line L, column C" when the engine says where. */
function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Invalid JSON as a code the UI words, with the place from our own scan (json-problem.ts) as
 * parameters; the engine's JSON.parse message rides along as `detail`, data shown untranslated.
 */
function jsonWarning(text: string, detail: string): BuildMessage {
  const where = findJsonProblem(text);
  if (where === null) return { code: 'jsonInvalid', params: { detail } };
  return { code: where.kind === 'end' ? 'jsonEndsEarly' : 'jsonUnexpected', params: { line: where.line, column: where.column, detail } };
}

export function framePayload(frame: CraftFrame): PayloadResult {
  // RFC 6455 §5.5.1: a Close body is a 2-byte big-endian code then a UTF-8 reason.
  if (frame.opcode === OPCODE_CLOSE && frame.closeBody === 'code') {
    return { ok: true, bytes: closePayload(frame.closeCode, frame.closeReason), ...none };
  }
  switch (frame.payloadMode) {
    case 'text':
      return { ok: true, bytes: encodeUtf8(frame.payload), ...none };
    case 'json': {
      const empty = frame.payload.trim() === '';
      const problem = empty ? 'the payload is empty' : jsonProblem(frame.payload);
      const warnings = problem === null ? [] : [`Not valid JSON (${problem}); it will be sent exactly as typed.`];
      const warningCodes: BuildMessage[] = problem === null ? [] : empty ? [{ code: 'jsonEmpty', params: {} }] : [jsonWarning(frame.payload, problem)];
      return { ok: true, bytes: encodeUtf8(frame.payload), notes: [], warnings, noteCodes: [], warningCodes };
    }
    case 'hex': {
      const parsed = parseHexPayload(frame.payload);
      if ('error' in parsed) return { ok: false, error: `Hex payload: ${parsed.error}.`, at: parsed.at, code: parsed.code, params: parsed.params };
      const base64 = parsed.format === 'base64';
      const notes = base64 ? [`Read as base64: ${parsed.bytes.length} bytes.`] : [];
      const noteCodes = base64 ? [{ code: 'readAsBase64', params: { count: parsed.bytes.length } }] : [];
      return { ok: true, bytes: parsed.bytes, notes, warnings: [], noteCodes, warningCodes: [] };
    }
  }
}
