// What a lesson's buttons do, through the contract: start a demo server (behind its capture
// proxy), connect the built-in client through it, send, ping, close, load the crafter, run the
// lab. Everything they cause is real traffic; the checks read it back from the capture.
import { DEFAULT_LAB_OPTIONS, type DemoServerKind, type FramescopeClient } from '../../../../shared/api';
import type { LessonActionId } from '../../../../shared/lessons/lessons';
import { getClient } from '../../api/client';
import { useStore } from '../../store';
import { useLessonStore } from './lesson-store';

const encoder = new TextEncoder();
/** The strict demo server accepts only this subprotocol (electron/engine/lab/demos/demo-kinds.ts). */
export const STRICT_SUBPROTOCOL = 'demo.v1';

async function proxyUrl(client: FramescopeClient, kind: DemoServerKind): Promise<string> {
  return (await client.demoServerStart({ kind, connectClient: false })).proxyUrl;
}

/** Opens a built-in client connection through the demo's proxy and makes it the lesson's. */
export async function connectTo(kind: DemoServerKind, options: { subprotocols?: string[]; headers?: Record<string, string>; deflate?: boolean } = {}): Promise<number> {
  const client = getClient();
  const url = await proxyUrl(client, kind);
  const { connectionId } = await client.clientConnect({ url, ...options });
  useLessonStore.getState().setConnection(connectionId);
  useStore.getState().selectConnection(connectionId);
  return connectionId;
}

function lessonConnection(): number {
  const id = useLessonStore.getState().connectionId;
  if (id === null) throw new Error('no-connection');
  return id;
}

export async function sendText(text: string): Promise<void> {
  await getClient().clientSend({ connectionId: lessonConnection(), data: encoder.encode(text), binary: false });
}

/** A text message of exactly `size` bytes (ASCII, so characters = bytes). */
export async function sendSized(size: number): Promise<void> {
  const pattern = 'Framescope ';
  await sendText(pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size));
}

export async function closeWith(code: number): Promise<void> {
  await getClient().clientClose({ connectionId: lessonConnection(), code });
}

function loadCrafter(template: string): void {
  const store = useStore.getState();
  store.setCrafterFrom('client');
  store.applyCrafterTemplate(template);
  store.setCrafterTarget(useLessonStore.getState().connectionId);
  store.setView('crafter');
}

const ACTIONS: Record<LessonActionId, () => Promise<unknown>> = {
  'connect-echo': () => connectTo('echo'),
  'connect-chat-pair': async () => {
    // Two clients of one chat: what one sends, the server pushes to the other, which asked for nothing.
    const client = getClient();
    const url = await proxyUrl(client, 'chat');
    await client.clientConnect({ url });
    await connectTo('chat');
  },
  'connect-deflate': async () => {
    await connectTo('deflate', { deflate: true });
    await sendText('{"lesson":"compression","words":"the same words, the same words, the same words"}');
  },
  'connect-strict': () => connectTo('strict', { subprotocols: [STRICT_SUBPROTOCOL] }),
  // The strict server refuses a handshake without its subprotocol: the failure is the lesson.
  'connect-strict-bare': () => connectTo('strict').catch(() => null),
  'send-hello': () => sendText('{"hello":"lesson"}'),
  ping: () => getClient().clientPing({ connectionId: lessonConnection(), data: encoder.encode('lesson ping') }),
  'close-1000': () => closeWith(1000),
  'crafter-fragments': async () => loadCrafter('fragments'),
  'crafter-fragments-ping': async () => loadCrafter('fragments-ping'),
  'crafter-ping': async () => loadCrafter('ping'),
  'crafter-rsv1': async () => loadCrafter('rsv1-no-extension'),
  'lab-run': async () => {
    const client = getClient();
    const status = await client.labStatus();
    if (status.phase === 'running') await client.labStop();
    // Node clients in the engine: the run needs no page of its own, and its traffic is captured.
    await client.labStart({ ...DEFAULT_LAB_OPTIONS, clients: 'engine', intervalMs: 500 });
  },
  'lab-stop': async () => {
    const client = getClient();
    if ((await client.labStatus()).phase === 'running') await client.labStop();
  },
  // A Socket.IO server and its Node client through the capture proxy: polling first, then the upgrade.
  // Started afresh each time, so a student who runs the step again sees new sessions to judge.
  'socketio-run': async () => {
    const client = getClient();
    await client.demoServerStop({ kind: 'socketio' });
    await client.demoServerStart({ kind: 'socketio', connectClient: true });
  },
};

/** Runs a step's action; a failure becomes the lesson panel's error line, never a crash. */
export async function runLessonAction(id: LessonActionId): Promise<void> {
  await runGuarded(ACTIONS[id]);
}

export async function runGuarded(work: () => Promise<unknown>): Promise<void> {
  const lessons = useLessonStore.getState();
  lessons.setBusy(true);
  try {
    await work();
    useLessonStore.getState().setBusy(false);
  } catch (err) {
    useLessonStore.getState().setBusy(false, err instanceof Error ? err.message : String(err));
  }
}
