// What the crafter edits: a sequence of frames, each described field by field exactly as the
// user chose it (valid or not). Serializable as JSON, so it is also what a snippet stores.
import type { Peer } from '../protocol/types';

export type PayloadMode = 'text' | 'json' | 'hex';
export type MaskKeyMode = 'random' | 'fixed';
/** 'minimal' follows RFC 6455 §5.2 (7, 7+16 or 7+64 bits); 16 and 64 force a longer encoding. */
export type LengthChoice = 'minimal' | 16 | 64;
/** Close frames: the code picker and reason, or the raw payload from the editor. */
export type CloseBody = 'code' | 'payload';

export interface CraftFrame {
  fin: boolean;
  rsv1: boolean;
  rsv2: boolean;
  rsv3: boolean;
  /** 0-15: reserved opcodes are allowed on purpose. */
  opcode: number;
  mask: boolean;
  maskKeyMode: MaskKeyMode;
  /** 8 hex digits: the key the preview shows and the send uses (redrawn after each send when random). */
  maskKey: string;
  lengthEncoding: LengthChoice;
  payloadMode: PayloadMode;
  /** The editor's text: plain text, JSON, or hex (spaces, comments and base64 accepted). */
  payload: string;
  closeBody: CloseBody;
  /** Null sends an empty Close body (RFC 6455 §5.5.1 allows it). */
  closeCode: number | null;
  closeReason: string;
  /** Deflate the payload (RFC 7692) and set RSV1. */
  compress: boolean;
  /** Pause before this frame when the sequence is sent, in milliseconds. */
  delayMs: number;
}

export interface CraftDocument {
  /** Who the frames pretend to come from: 'client' goes to the server, 'server' to the client. */
  from: Peer;
  frames: CraftFrame[];
}

/** Longest pause between two frames of a sequence; longer waits are a mistake, not a lesson. */
export const MAX_DELAY_MS = 60_000;
/** Frames in one sequence. */
export const MAX_FRAMES = 64;

/** §5.3: a client masks every frame, a server never does. */
export function defaultMaskFor(from: Peer): boolean {
  return from === 'client';
}

export function makeFrame(overrides: Partial<CraftFrame> = {}, maskKey = '00000000'): CraftFrame {
  return {
    fin: true,
    rsv1: false,
    rsv2: false,
    rsv3: false,
    opcode: 1,
    mask: true,
    maskKeyMode: 'random',
    maskKey,
    lengthEncoding: 'minimal',
    payloadMode: 'text',
    payload: '',
    closeBody: 'code',
    closeCode: 1000,
    closeReason: '',
    compress: false,
    delayMs: 0,
    ...overrides,
  };
}
