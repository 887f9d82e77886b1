// The frame crafter's state: the document being composed (a sequence of frames), where to send
// it, and what was sent. Drafts live here so switching views never loses what the user typed.
import type { StateCreator } from 'zustand';
import type { Peer } from '../../../shared/model';
import { defaultMaskFor, makeFrame, MAX_FRAMES, type CraftDocument, type CraftFrame } from '../../../shared/craft/craft-spec';
import { randomMaskKey } from '../../../shared/craft/mask-key';
import { findTemplate, instantiateTemplate } from '../../../shared/craft/templates';
import type { StoreState } from './index';

/** A frame the peer sent back after an injection. */
export interface AnswerFrame {
  frameId: number;
  opcode: number;
  preview: string;
  closeCode: number | null;
  closeReason: string | null;
}

export type AnswerState =
  | { kind: 'waiting' }
  | { kind: 'frames'; frames: AnswerFrame[] }
  /** Nothing came back: `reason` says whether the peer ignored it, dropped TCP, or we could not tell. */
  | { kind: 'none'; reason: string; code: NoAnswerCode; params: Record<string, string | number> };

/** Why no answer is shown, as a code the history words from the `crafter` catalog (`answer.*`); `reason` keeps the English. */
export type NoAnswerCode = 'ended' | 'silent' | 'notRecorded' | 'unreadable';

export interface SentRecord {
  id: number;
  /** Wall clock, ms. */
  at: number;
  connectionId: number;
  from: Peer;
  label: string;
  frameCount: number;
  byteCount: number;
  /** Capture ids of the injected frames, in order (null where the engine gave none). */
  frameIds: Array<number | null>;
  status: 'sending' | 'sent' | 'failed' | 'cancelled';
  error: string | null;
  answer: AnswerState | null;
  /** The close code RFC 6455 says a correct peer answers with (null: it accepts the frames). */
  expectedClose: number | null;
  /** The document as sent, to load it back. */
  doc: CraftDocument;
  templateId: string | null;
}

export interface CrafterSlice {
  crafterDoc: CraftDocument;
  crafterSelected: number;
  /** Template the document came from, for its lesson (cleared once the user saves it as a snippet). */
  crafterTemplateId: string | null;
  crafterTargetId: number | null;
  crafterHistory: SentRecord[];
  /** Progress of a sequence being sent: frames done out of total. */
  crafterSending: { done: number; total: number } | null;
  /** Cancels the send in flight (one at a time). */
  crafterAbort: AbortController | null;
  setCrafterDoc(doc: CraftDocument, templateId?: string | null): void;
  updateCrafterFrame(index: number, patch: Partial<CraftFrame>): void;
  selectCrafterFrame(index: number): void;
  addCrafterFrame(): void;
  removeCrafterFrame(index: number): void;
  moveCrafterFrame(index: number, delta: -1 | 1): void;
  setCrafterFrom(from: Peer): void;
  applyCrafterTemplate(id: string): void;
  setCrafterTarget(id: number | null): void;
  /** Draws new random keys (after a send: RFC 6455 §5.3 wants a fresh, unpredictable key per frame). */
  redrawCrafterKeys(): void;
  pushSentRecord(record: SentRecord): void;
  updateSentRecord(id: number, patch: Partial<SentRecord>): void;
  clearSentRecords(): void;
  setCrafterSending(progress: { done: number; total: number } | null): void;
  setCrafterAbort(abort: AbortController | null): void;
}

const HISTORY_LIMIT = 100;

function initialDoc(): CraftDocument {
  return instantiateTemplate(findTemplate('text')!, 'client');
}

export const createCrafterSlice: StateCreator<StoreState, [], [], CrafterSlice> = (set, get) => ({
  crafterDoc: initialDoc(),
  crafterSelected: 0,
  crafterTemplateId: 'text',
  crafterTargetId: null,
  crafterHistory: [],
  crafterSending: null,
  crafterAbort: null,
  setCrafterDoc: (doc, templateId = null) => set({ crafterDoc: doc, crafterSelected: 0, crafterTemplateId: templateId }),
  updateCrafterFrame: (index, patch) =>
    set((s) => ({ crafterDoc: { ...s.crafterDoc, frames: s.crafterDoc.frames.map((f, i) => (i === index ? { ...f, ...patch } : f)) } })),
  selectCrafterFrame: (index) => set((s) => ({ crafterSelected: Math.max(0, Math.min(index, s.crafterDoc.frames.length - 1)) })),
  addCrafterFrame: () =>
    set((s) => {
      const frames = s.crafterDoc.frames;
      if (frames.length >= MAX_FRAMES) return {};
      const last = frames[s.crafterSelected] ?? frames[frames.length - 1];
      // A new frame after a fragment continues the message; otherwise it starts a new text one.
      const continues = last !== undefined && !last.fin && (last.opcode & 0x8) === 0;
      const frame = makeFrame(
        { opcode: continues ? 0 : 1, mask: defaultMaskFor(s.crafterDoc.from), delayMs: 300 },
        randomMaskKey(),
      );
      const at = s.crafterSelected + 1;
      return { crafterDoc: { ...s.crafterDoc, frames: [...frames.slice(0, at), frame, ...frames.slice(at)] }, crafterSelected: at };
    }),
  removeCrafterFrame: (index) =>
    set((s) => {
      if (s.crafterDoc.frames.length <= 1) return {};
      const frames = s.crafterDoc.frames.filter((_, i) => i !== index);
      return { crafterDoc: { ...s.crafterDoc, frames }, crafterSelected: Math.min(s.crafterSelected, frames.length - 1) };
    }),
  moveCrafterFrame: (index, delta) =>
    set((s) => {
      const to = index + delta;
      const frames = [...s.crafterDoc.frames];
      if (to < 0 || to >= frames.length) return {};
      [frames[index], frames[to]] = [frames[to] as CraftFrame, frames[index] as CraftFrame];
      return { crafterDoc: { ...s.crafterDoc, frames }, crafterSelected: to };
    }),
  setCrafterFrom: (from) =>
    set((s) => {
      if (from === s.crafterDoc.from) return {};
      // §5.1: switching sides switches the masking rule; a deliberate mistake can be re-made by hand.
      const frames = s.crafterDoc.frames.map((f) => ({ ...f, mask: defaultMaskFor(from) }));
      return { crafterDoc: { from, frames } };
    }),
  applyCrafterTemplate: (id) => {
    const template = findTemplate(id);
    if (!template) return;
    set({ crafterDoc: instantiateTemplate(template, get().crafterDoc.from), crafterSelected: 0, crafterTemplateId: id });
  },
  setCrafterTarget: (crafterTargetId) => set({ crafterTargetId }),
  redrawCrafterKeys: () =>
    set((s) => ({
      crafterDoc: { ...s.crafterDoc, frames: s.crafterDoc.frames.map((f) => (f.maskKeyMode === 'random' ? { ...f, maskKey: randomMaskKey() } : f)) },
    })),
  pushSentRecord: (record) => set((s) => ({ crafterHistory: [record, ...s.crafterHistory].slice(0, HISTORY_LIMIT) })),
  updateSentRecord: (id, patch) => set((s) => ({ crafterHistory: s.crafterHistory.map((r) => (r.id === id ? { ...r, ...patch } : r)) })),
  clearSentRecords: () => set((s) => ({ crafterHistory: s.crafterHistory.filter((r) => r.status === 'sending') })),
  setCrafterSending: (crafterSending) => set({ crafterSending }),
  setCrafterAbort: (crafterAbort) => set({ crafterAbort }),
});
