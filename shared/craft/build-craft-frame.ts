// A crafted frame to its exact wire bytes, through the codec's own builder (shared/protocol), so
// the preview, the bytes sent and the parser that judges them all agree.
import { buildFrame, type BuildMessage, type FrameSpec } from '../protocol/frame-builder';
import type { FieldRange } from '../protocol/types';
import type { CraftFrame } from './craft-spec';
import { parseMaskKey } from './mask-key';
import { framePayload } from './payload';

export interface CraftBuild {
  ok: true;
  bytes: Uint8Array;
  headerLength: number;
  fields: FieldRange[];
  maskKey: Uint8Array | null;
  /** The payload before compression (what the user typed, as bytes). */
  messagePayload: Uint8Array;
  /** The payload as it travels, unmasked: deflated when `compress` is on. */
  wirePayload: Uint8Array;
  notes: string[];
  warnings: string[];
  /** `notes` and `warnings` as stable codes and parameters (the renderer words them). */
  noteCodes: BuildMessage[];
  warningCodes: BuildMessage[];
}

export type CraftBuildFailure =
  | { ok: false; reason: 'payload' | 'mask-key'; error: string; at: number | null; code: string; params: Record<string, string | number> }
  /** Compression is on and the deflated bytes are not known yet (the engine deflates). */
  | { ok: false; reason: 'compressing'; error: string; at: null; code: 'compressing'; params: Record<string, never> };

export type CraftBuildResult = CraftBuild | CraftBuildFailure;

/** The codec's spec for a crafted frame whose wire payload and key are already known. */
export function toFrameSpec(frame: CraftFrame, wirePayload: Uint8Array, maskKey: Uint8Array | null): FrameSpec {
  const spec: FrameSpec = {
    fin: frame.fin,
    // RFC 7692 §6: RSV1 marks a compressed message.
    rsv1: frame.rsv1 || frame.compress,
    rsv2: frame.rsv2,
    rsv3: frame.rsv3,
    opcode: frame.opcode,
    mask: frame.mask,
    lengthEncoding: frame.lengthEncoding,
    payload: wirePayload,
  };
  if (maskKey !== null) spec.maskKey = maskKey;
  return spec;
}

/**
 * Builds one crafted frame. `deflated` is the compressed payload when `frame.compress` is on
 * (computed by the engine with the connection's negotiated parameters, RFC 7692 §7.2.1).
 */
export function buildCraftFrame(frame: CraftFrame, options: { deflated?: Uint8Array } = {}): CraftBuildResult {
  const payload = framePayload(frame);
  if (!payload.ok) return { ok: false, reason: 'payload', error: payload.error, at: payload.at, code: payload.code, params: payload.params };
  let maskKey: Uint8Array | null = null;
  if (frame.mask) {
    const key = parseMaskKey(frame.maskKey);
    if (!(key instanceof Uint8Array)) return { ok: false, reason: 'mask-key', error: key.error, at: null, code: key.code, params: {} };
    maskKey = key;
  }
  let wirePayload = payload.bytes;
  if (frame.compress) {
    if (options.deflated === undefined) return { ok: false, reason: 'compressing', error: 'Compressing the payload…', at: null, code: 'compressing', params: {} };
    wirePayload = options.deflated;
  }
  const built = buildFrame(toFrameSpec(frame, wirePayload, maskKey));
  return {
    ok: true,
    bytes: built.bytes,
    headerLength: built.headerLength,
    fields: built.fields,
    maskKey: built.maskKey,
    messagePayload: payload.bytes,
    wirePayload,
    notes: payload.notes,
    warnings: [...payload.warnings, ...built.warnings],
    noteCodes: payload.noteCodes,
    warningCodes: [...payload.warningCodes, ...built.warningCodes],
  };
}
