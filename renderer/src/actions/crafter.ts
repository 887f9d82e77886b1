// What the crafter's buttons do, outside React so a send and its answer watch keep going when
// the user switches views.
import { checkSequence } from '../../../shared/craft/check-sequence';
import { parseDocument, serializeDocument } from '../../../shared/craft/document-codec';
import { expectedForSequence } from '../../../shared/craft/reactions';
import { findTemplate } from '../../../shared/craft/templates';
import { OPCODE_CLOSE, opcodeName } from '../../../shared/protocol/opcodes';
import type { Peer } from '../../../shared/model';
import { toBase64 } from '../../../shared/protocol/hex';
import { getClient } from '../api/client';
import { deflateQuery } from '../api/queries/deflate-query';
import { queryKeys } from '../api/queries/query-keys';
import { getQueryClient } from '../api/query-client';
import { errorCode } from './error-text';
import { notifyError, text } from './notify';
import { useStore } from '../store';
import { readVersion } from '../store/read-version';
import type { AnswerFrame, AnswerState, SentRecord } from '../store/crafter-slice';
import { craftDetail } from '../views/crafter/craft-message';
import { findAnswers } from '../views/crafter/find-answer';
import { negotiatedDeflate } from '../views/crafter/connection-info';
import { buildSteps, injectSteps, type BuiltStep } from '../views/crafter/send-crafted';

/** How long to watch for an answer after the last frame went out. */
export const ANSWER_WINDOW_MS = 3000;
const MAX_ANSWERS = 6;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function describe(doc: SentRecord['doc']): string {
  const first = doc.frames[0];
  const name = first ? opcodeName(first.opcode) : 'frame';
  return doc.frames.length === 1 ? `1 ${name} frame` : `${doc.frames.length} frames (${name} first)`;
}

/** The reaction the preview promised, judged on the exact bytes sent (the record compares it with the answer). */
function expectedClose(steps: readonly BuiltStep[], record: SentRecord): number | null {
  const rsv1Allowed = negotiatedDeflate(useStore.getState().connections.get(record.connectionId) ?? null) !== null;
  const check = checkSequence(
    steps.map((s) => s.bytes),
    { from: record.from, rsv1Allowed },
  );
  const template = record.templateId !== null ? findTemplate(record.templateId) : undefined;
  return expectedForSequence(check.frames.flatMap((f) => f.violations), template).closeCode;
}

export async function sendCurrentDocument(): Promise<void> {
  const state = useStore.getState();
  const connectionId = state.crafterTargetId;
  if (connectionId === null || state.crafterAbort !== null) return;
  const doc = state.crafterDoc;
  const client = getClient();
  const record: SentRecord = {
    id: (state.crafterHistory[0]?.id ?? 0) + 1, // newest first: ids keep growing
    at: Date.now(),
    connectionId,
    from: doc.from,
    label: describe(doc),
    frameCount: doc.frames.length,
    byteCount: 0,
    frameIds: [],
    status: 'sending',
    error: null,
    answer: null,
    expectedClose: null,
    doc,
    templateId: state.crafterTemplateId,
  };
  state.pushSentRecord(record);
  const controller = new AbortController();
  const store = useStore.getState();
  store.setCrafterAbort(controller);
  store.setCrafterSending({ done: 0, total: doc.frames.length });
  try {
    const queryClient = getQueryClient();
    const steps = await buildSteps(doc, (payload) => queryClient.fetchQuery(deflateQuery(client, { connectionId, from: doc.from, key: toBase64(payload), payload })));
    store.updateSentRecord(record.id, { byteCount: steps.reduce((n, s) => n + s.bytes.length, 0), expectedClose: expectedClose(steps, record) });
    const ids = await injectSteps(client, { connectionId, from: doc.from }, steps, controller.signal, (done, frameIds) => {
      store.setCrafterSending({ done, total: steps.length });
      store.updateSentRecord(record.id, { frameIds });
    });
    store.updateSentRecord(record.id, { status: 'sent', frameIds: ids, answer: { kind: 'waiting' } });
    // §5.3: a masking key must not be predictable, so every send draws new random keys.
    store.redrawCrafterKeys();
    const first = ids.find((id): id is number => id !== null);
    if (first === undefined) store.updateSentRecord(record.id, { answer: { kind: 'none', reason: 'The capture did not record the injected frames, so no answer can be linked.', code: 'notRecorded', params: {} } });
    else void watchAnswers(record.id, connectionId, doc.from === 'client' ? 'server' : 'client', first);
  } catch (err) {
    const cancelled = err instanceof DOMException && err.name === 'AbortError';
    store.updateSentRecord(record.id, { status: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : errorText(err) });
    if (!cancelled) notifyError(err, text('errors:context.send'));
  } finally {
    store.setCrafterAbort(null);
    store.setCrafterSending(null);
  }
}

export function cancelSend(): void {
  useStore.getState().crafterAbort?.abort();
}

/**
 * Resolves when the feed moves the connection on from `version` (frames arrived, it closed), or at
 * `deadline`: the capture is read again only when it changed, never on a timer.
 */
function connectionMoved(connectionId: number, version: string, deadline: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
    const unsubscribe = useStore.subscribe((s) => readVersion(s, connectionId) !== version && done());
    if (readVersion(useStore.getState(), connectionId) !== version) done();
  });
}

/** Reads the other side's frames each time the connection moves, until it closes, goes quiet, or the window ends. */
async function watchAnswers(recordId: number, connectionId: number, answeringPeer: Peer, afterFrameId: number): Promise<void> {
  const client = getClient();
  const deadline = Date.now() + ANSWER_WINDOW_MS;
  let frames: AnswerFrame[] = [];
  for (;;) {
    const version = readVersion(useStore.getState(), connectionId);
    try {
      frames = await getQueryClient().fetchQuery({
        queryKey: queryKeys.answers(connectionId, afterFrameId, version),
        queryFn: () => findAnswers(client, { connectionId, answeringPeer, afterFrameId, limit: MAX_ANSWERS }),
        gcTime: 0,
      });
    } catch (err) {
      // The kind of failure by its code (worded by the history), the engine's words as data.
      const { code, detail } = errorCode(err, 'unavailable');
      useStore.getState().updateSentRecord(recordId, { answer: { kind: 'none', reason: `Could not read the capture: ${detail}`, code: 'unreadable', params: { detail, error: code } } });
      return;
    }
    const closed = frames.some((f) => f.opcode === OPCODE_CLOSE);
    const connection = useStore.getState().connections.get(connectionId);
    const ended = connection !== undefined && (connection.state === 'closed' || connection.state === 'failed');
    if (frames.length > 0) useStore.getState().updateSentRecord(recordId, { answer: { kind: 'frames', frames } });
    if (closed || frames.length >= MAX_ANSWERS) return;
    if (ended || Date.now() >= deadline) break;
    await connectionMoved(connectionId, version, deadline);
  }
  if (frames.length > 0) return;
  const connection = useStore.getState().connections.get(connectionId);
  const ended = connection !== undefined && (connection.state === 'closed' || connection.state === 'failed');
  const reason = ended
    ? `The ${answeringPeer} ended the connection without sending a frame back (no Close frame: an abrupt close, §7.1.7).`
    : `No frame from the ${answeringPeer} within ${ANSWER_WINDOW_MS / 1000} s: it ignored what was sent (or has not reacted yet).`;
  const seconds = ANSWER_WINDOW_MS / 1000;
  const params: Record<string, string | number> = ended ? { peer: answeringPeer } : { peer: answeringPeer, seconds };
  const answer: AnswerState = { kind: 'none', reason, code: ended ? 'ended' : 'silent', params };
  useStore.getState().updateSentRecord(recordId, { answer });
}

export function openInInspector(connectionId: number, frameId: number): void {
  const s = useStore.getState();
  s.selectConnection(connectionId);
  s.selectFrame(frameId);
  s.setView('inspector');
}

/** The snippet list (SnippetList's query) is read again after our own save or delete. */
function snippetsChanged(): Promise<void> {
  return getQueryClient().invalidateQueries({ queryKey: queryKeys.snippets() });
}

export async function saveCurrentAsSnippet(name: string): Promise<boolean> {
  const doc = useStore.getState().crafterDoc;
  const id = `s${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  try {
    await getClient().saveSnippet({ id, name, spec: serializeDocument(doc) });
    await snippetsChanged();
    return true;
  } catch (err) {
    notifyError(err, text('errors:context.saveSnippet'));
    return false;
  }
}

export function loadSnippet(spec: string, name: string): void {
  const doc = parseDocument(spec);
  if ('error' in doc) {
    // The reason by its code (with the place, for JSON); the engine's own words only as the detail.
    notifyError(craftDetail(doc.code, doc.params, 'document') ?? '', text('errors:context.loadSnippet', { name }), 'invalid', text(`crafter:document.${doc.code}`, doc.params));
    return;
  }
  useStore.getState().setCrafterDoc(doc, null);
}

export async function deleteSnippet(id: string): Promise<void> {
  try {
    await getClient().deleteSnippet(id);
  } catch (err) {
    notifyError(err, text('errors:context.deleteSnippet'));
  }
  await snippetsChanged();
}
