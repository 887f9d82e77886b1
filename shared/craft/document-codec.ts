// A crafter document as text (the `spec` of a saved snippet) and back. Snippets live in a file the
// user can edit or corrupt, so reading is strict: every field is checked, and a bad one is named.
import type { Peer } from '../protocol/types';
import { MAX_DELAY_MS, MAX_FRAMES, makeFrame, type CraftDocument, type CraftFrame } from './craft-spec';
import { findJsonProblem } from './json-problem';

const FORMAT = 'framescope-craft';
const VERSION = 1;
/** Payload text kept in one frame of a snippet: 4 MiB of characters. */
export const MAX_PAYLOAD_CHARS = 4 * 1024 * 1024;

export function serializeDocument(doc: CraftDocument): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, from: doc.from, frames: doc.frames });
}

type Check = (v: unknown) => boolean;
const isBool: Check = (v) => typeof v === 'boolean';
const isString = (max: number): Check => (v) => typeof v === 'string' && v.length <= max;
const isIntIn = (lo: number, hi: number): Check => (v) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
const oneOf = (...values: unknown[]): Check => (v) => values.includes(v);

const FIELD_CHECKS: Record<keyof CraftFrame, [Check, string]> = {
  fin: [isBool, 'true or false'],
  rsv1: [isBool, 'true or false'],
  rsv2: [isBool, 'true or false'],
  rsv3: [isBool, 'true or false'],
  opcode: [isIntIn(0, 15), 'an integer from 0 to 15'],
  mask: [isBool, 'true or false'],
  maskKeyMode: [oneOf('random', 'fixed'), '"random" or "fixed"'],
  maskKey: [isString(64), 'a string of hex digits'],
  lengthEncoding: [oneOf('minimal', 16, 64), '"minimal", 16 or 64'],
  payloadMode: [oneOf('text', 'json', 'hex'), '"text", "json" or "hex"'],
  payload: [isString(MAX_PAYLOAD_CHARS), `a string of at most ${MAX_PAYLOAD_CHARS} characters`],
  closeBody: [oneOf('code', 'payload'), '"code" or "payload"'],
  closeCode: [(v) => v === null || isIntIn(0, 65535)(v), 'null or an integer from 0 to 65535'],
  closeReason: [isString(MAX_PAYLOAD_CHARS), 'a string'],
  compress: [isBool, 'true or false'],
  delayMs: [isIntIn(0, MAX_DELAY_MS), `an integer from 0 to ${MAX_DELAY_MS}`],
};

/** Why a document was refused: English for the CLI, a stable code and parameters for the UI. */
export type DocumentError = { error: string; code: string; params: Record<string, string | number> };

const refuse = (error: string, code: string, params: Record<string, string | number> = {}): DocumentError => ({ error, code, params });

function readFrame(raw: unknown, index: number): CraftFrame | DocumentError {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return refuse(`frame ${index + 1} is not an object`, 'frameNotObject', { frame: index + 1 });
  const record = raw as Record<string, unknown>;
  const frame = makeFrame();
  for (const key of Object.keys(FIELD_CHECKS) as Array<keyof CraftFrame>) {
    // Fields missing from older snippets take their defaults.
    if (!(key in record)) continue;
    const [check, expected] = FIELD_CHECKS[key];
    if (!check(record[key])) return refuse(`frame ${index + 1}: "${key}" must be ${expected}`, 'frameField', { frame: index + 1, field: key, expected });
    (frame as unknown as Record<string, unknown>)[key] = record[key];
  }
  return frame;
}

export function parseDocument(text: string): CraftDocument | DocumentError {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // The place from our own scan (engines word JSON.parse's message differently); the message is data.
    const where = findJsonProblem(text);
    if (where === null) return refuse(`not JSON (${detail})`, 'notJson', { detail });
    return refuse(`not JSON (${detail})`, where.kind === 'end' ? 'notJsonEndsEarly' : 'notJsonAt', { line: where.line, column: where.column, detail });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return refuse('not a crafter document', 'notDocument');
  const record = raw as Record<string, unknown>;
  if (record.format !== FORMAT) return refuse('not a crafter document', 'notDocument');
  if (record.version !== VERSION) return refuse(`version ${String(record.version)} is not supported (this app reads version ${VERSION})`, 'version', { version: String(record.version), supported: VERSION });
  if (record.from !== 'client' && record.from !== 'server') return refuse('"from" must be "client" or "server"', 'from');
  if (!Array.isArray(record.frames) || record.frames.length === 0 || record.frames.length > MAX_FRAMES) {
    return refuse(`"frames" must list 1 to ${MAX_FRAMES} frames`, 'frameCount', { max: MAX_FRAMES });
  }
  const frames: CraftFrame[] = [];
  for (let i = 0; i < record.frames.length; i++) {
    const frame = readFrame(record.frames[i], i);
    if ('error' in frame) return frame;
    frames.push(frame);
  }
  return { from: record.from as Peer, frames };
}
