// Checks over frame rows: anatomy and masking (lesson 3), fragmentation (4), heartbeats (5), closing (6).
import type { FrameSummary } from '../model';
import { OPCODE_CONTINUATION, OPCODE_PING, OPCODE_PONG, isControlOpcode } from '../protocol/opcodes';
import { activeConnectionIds, closeCode, isData, newFrames, type LessonCheck, type LessonWorld } from './world';

/** RFC 6455 §5.2: 7-bit length up to 125, 16-bit from 126, 64-bit from 65,536; + 4 bytes of masking key. */
const ENCODINGS: ReadonlyArray<{ length: number; header: number }> = [
  { length: 125, header: 6 },
  { length: 126, header: 8 },
  { length: 65_536, header: 14 },
];

/** Lesson 3: the client sent 125, 126 and 65,536 bytes: one frame per length encoding, each masked. */
export const threeLengthEncodings: LessonCheck = (w) => {
  const sent = newFrames(w).filter((f) => f.from === 'client' && isData(f) && f.masked);
  return ENCODINGS.every((e) => sent.some((f) => f.payloadLength === e.length && f.headerLength === e.header));
};

/** Lesson 3: on one connection the client's data frames are masked and the server's are not (RFC 6455 §5.1). */
export const clientMasksServerDoesNot: LessonCheck = (w) =>
  activeConnectionIds(w).some((id) => {
    const data = newFrames(w, id).filter(isData);
    const client = data.filter((f) => f.from === 'client');
    const server = data.filter((f) => f.from === 'server');
    return client.length > 0 && server.length > 0 && client.every((f) => f.masked) && server.every((f) => !f.masked);
  });

/** Frames of one direction of one connection, in order. */
function streams(w: LessonWorld): FrameSummary[][] {
  const out: FrameSummary[][] = [];
  for (const id of activeConnectionIds(w)) {
    for (const from of ['client', 'server'] as const) out.push(newFrames(w, id).filter((f) => f.from === from));
  }
  return out;
}

/**
 * The fragmented messages in a stream: each is the run of frames from a first fragment (text or
 * binary, FIN clear) to the continuation with FIN set, control frames between them included.
 */
function fragmentedRuns(frames: FrameSummary[]): FrameSummary[][] {
  const runs: FrameSummary[][] = [];
  let run: FrameSummary[] | null = null;
  for (const f of frames) {
    if (run === null) {
      if ((f.opcode === 0x1 || f.opcode === 0x2) && !f.fin) run = [f];
      continue;
    }
    run.push(f);
    if (isControlOpcode(f.opcode)) continue;
    if (f.opcode !== OPCODE_CONTINUATION) run = null; // a new message before the last fragment: broken (§5.4)
    else if (f.fin) {
      runs.push(run);
      run = null;
    }
  }
  return runs;
}

const clean = (run: FrameSummary[]) => run.every((f) => f.violationCount === 0);

/** Lesson 4: one message in several frames (RFC 6455 §5.4), with no protocol violation. */
export const fragmentedMessage: LessonCheck = (w) => streams(w).some((s) => fragmentedRuns(s).some(clean));

/** Lesson 4: a control frame between the fragments of one message, which §5.4 allows (control frames are never fragmented). */
export const controlBetweenFragments: LessonCheck = (w) =>
  streams(w).some((s) => fragmentedRuns(s).some((run) => clean(run) && run.some((f) => isControlOpcode(f.opcode) && f.fin)));

/** A ping of the client answered by a pong of the server with the same application data (§5.5.2, §5.5.3). */
function pingAnswered(w: LessonWorld, accept: (ping: FrameSummary) => boolean): boolean {
  return activeConnectionIds(w).some((id) => {
    const frames = newFrames(w, id);
    return frames.some(
      (ping, i) =>
        ping.from === 'client' &&
        ping.opcode === OPCODE_PING &&
        accept(ping) &&
        frames.slice(i + 1).some((pong) => pong.from === 'server' && pong.opcode === OPCODE_PONG && pong.preview === ping.preview),
    );
  });
}

/** Lesson 5: the client's ping came back as a pong with the same payload. */
export const pingPong: LessonCheck = (w) => pingAnswered(w, () => true);

/** Lesson 5: a ping the student crafted (the crafter marks injected frames) was answered. */
export const craftedPingPong: LessonCheck = (w) => pingAnswered(w, (ping) => ping.injected);

/** Lesson 6: the closing handshake: the client sent close 1000 and the server answered with a close frame (§5.5.1, §7.1.2). */
export const cleanClose: LessonCheck = (w) =>
  activeConnectionIds(w).some((id) => {
    const frames = newFrames(w, id);
    const first = frames.findIndex((f) => f.from === 'client' && closeCode(f) === 1000);
    return first >= 0 && frames.slice(first + 1).some((f) => f.from === 'server' && f.opcode === 0x8);
  });

/** Lesson 6: the server failed the connection with 1002 (protocol error, §7.4.1) after a frame of the client. */
export const serverClosed1002: LessonCheck = (w) =>
  activeConnectionIds(w).some((id) => {
    const frames = newFrames(w, id);
    const close = frames.findIndex((f) => f.from === 'server' && closeCode(f) === 1002);
    return close > 0 && frames.slice(0, close).some((f) => f.from === 'client' && isData(f));
  });
