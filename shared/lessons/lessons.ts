// The nine lessons (issue 16): each a short sequence of steps that drive the real engine and point
// at the part of the UI that shows the idea. Words live in the renderer's `lessons` catalogs under
// `<lesson id>.…` and `<lesson id>.steps.<step id>.…`; this file holds only structure.
import * as connection from './checks-connection';
import * as frames from './checks-frames';
import * as traffic from './checks-traffic';
import type { LessonCheck } from './world';

export const CHECKS = {
  persistentConnection: connection.persistentConnection,
  serverPush: connection.serverPush,
  handshakeSeen: connection.handshakeSeen,
  crossOriginAccepted: connection.crossOriginAccepted,
  handshakeRefused: connection.handshakeRefused,
  subprotocolAgreed: connection.subprotocolAgreed,
  socketIoUpgrade: connection.socketIoUpgrade,
  threeLengthEncodings: frames.threeLengthEncodings,
  clientMasksServerDoesNot: frames.clientMasksServerDoesNot,
  fragmentedMessage: frames.fragmentedMessage,
  controlBetweenFragments: frames.controlBetweenFragments,
  pingPong: frames.pingPong,
  craftedPingPong: frames.craftedPingPong,
  cleanClose: frames.cleanClose,
  serverClosed1002: frames.serverClosed1002,
  deflateNegotiated: traffic.deflateNegotiated,
  contextTakeover: traffic.contextTakeover,
  labTransports: traffic.labTransports,
  labUpstream: traffic.labUpstream,
} satisfies Record<string, LessonCheck>;

export type CheckId = keyof typeof CHECKS;

/** What a step's button does (the renderer runs it through the contract). */
export type LessonActionId =
  | 'connect-echo'
  | 'connect-chat-pair'
  | 'connect-deflate'
  | 'connect-strict'
  | 'connect-strict-bare'
  | 'send-hello'
  | 'ping'
  | 'close-1000'
  | 'crafter-fragments'
  | 'crafter-fragments-ping'
  | 'crafter-ping'
  | 'crafter-rsv1'
  | 'lab-run'
  | 'lab-stop'
  | 'socketio-run';

/** The lesson panel's own client fields a task needs (message, size, Origin, subprotocol). */
export type LessonTool = 'message' | 'size' | 'origin' | 'subprotocol' | 'close';

export type LessonViewName = 'lessons' | 'inspector' | 'timeline' | 'lab' | 'crafter';

export interface LessonStep {
  id: string;
  check: CheckId;
  /** The view that shows the idea, and the element (data-testid) to outline there. */
  view: LessonViewName;
  target: string | null;
  /** In the Inspector, the detail tab that holds the target. */
  inspectorTab?: 'anatomy' | 'payload' | 'handshake';
  actions: LessonActionId[];
  tools: LessonTool[];
  /** The student's own task ("try it yourself"), not a demonstration. */
  tryIt: boolean;
  /** Shown only when the engine offers this demo server (merged from the lab branch). */
  needsDemo?: string;
}

export type LessonId = 'http-vs-ws' | 'handshake' | 'frames' | 'fragments' | 'heartbeat' | 'closing' | 'compression' | 'transports' | 'subprotocols';

export interface Lesson {
  id: LessonId;
  steps: LessonStep[];
}

const step = (s: Partial<LessonStep> & Pick<LessonStep, 'id' | 'check' | 'view'>): LessonStep => ({ target: null, actions: [], tools: [], tryIt: false, ...s });

export const LESSONS: readonly Lesson[] = [
  {
    id: 'http-vs-ws',
    steps: [
      step({ id: 'connect', check: 'persistentConnection', view: 'timeline', target: 'lesson-client', actions: ['connect-echo'], tools: ['message'], tryIt: true }),
      step({ id: 'push', check: 'serverPush', view: 'timeline', target: 'lesson-client', actions: ['connect-chat-pair'], tools: ['message'], tryIt: true }),
    ],
  },
  {
    id: 'handshake',
    steps: [
      step({ id: 'upgrade', check: 'handshakeSeen', view: 'inspector', target: 'accept-steps', inspectorTab: 'handshake', actions: ['connect-echo'] }),
      step({ id: 'origin', check: 'crossOriginAccepted', view: 'inspector', target: 'handshake', inspectorTab: 'handshake', tools: ['origin'], tryIt: true }),
    ],
  },
  {
    id: 'frames',
    steps: [
      step({ id: 'lengths', check: 'threeLengthEncodings', view: 'inspector', target: 'frame-table-scroll', actions: ['connect-echo'], tools: ['size'], tryIt: true }),
      step({ id: 'masking', check: 'clientMasksServerDoesNot', view: 'inspector', target: 'detail-pane', inspectorTab: 'anatomy', actions: ['send-hello'] }),
    ],
  },
  {
    id: 'fragments',
    steps: [
      step({ id: 'split', check: 'fragmentedMessage', view: 'crafter', target: 'crafter-send', actions: ['connect-echo', 'crafter-fragments'], tryIt: true }),
      step({ id: 'interleave', check: 'controlBetweenFragments', view: 'crafter', target: 'crafter-send', actions: ['crafter-fragments-ping'], tryIt: true }),
    ],
  },
  {
    id: 'heartbeat',
    steps: [
      step({ id: 'ping', check: 'pingPong', view: 'timeline', target: 'timeline-stage', actions: ['connect-echo', 'ping'] }),
      step({ id: 'craft', check: 'craftedPingPong', view: 'crafter', target: 'crafter-send', actions: ['crafter-ping'], tryIt: true }),
    ],
  },
  {
    id: 'closing',
    steps: [
      step({ id: 'handshake', check: 'cleanClose', view: 'timeline', target: 'timeline-close-band', actions: ['connect-echo'], tools: ['close'], tryIt: true }),
      step({ id: 'error', check: 'serverClosed1002', view: 'crafter', target: 'crafter-send', actions: ['connect-strict', 'crafter-rsv1'], tryIt: true }),
    ],
  },
  {
    id: 'compression',
    steps: [
      step({ id: 'negotiate', check: 'deflateNegotiated', view: 'inspector', target: 'negotiation', inspectorTab: 'handshake', actions: ['connect-deflate'] }),
      step({ id: 'takeover', check: 'contextTakeover', view: 'inspector', target: 'frame-table-scroll', tools: ['message'], tryIt: true }),
    ],
  },
  {
    id: 'transports',
    steps: [
      step({ id: 'side-by-side', check: 'labTransports', view: 'lab', target: 'lab-lanes', actions: ['lab-run'] }),
      step({ id: 'upstream', check: 'labUpstream', view: 'lab', target: 'lab-upstream', actions: ['lab-stop'], tryIt: true }),
    ],
  },
  {
    id: 'subprotocols',
    steps: [
      step({ id: 'refused', check: 'handshakeRefused', view: 'inspector', target: 'handshake', inspectorTab: 'handshake', actions: ['connect-strict-bare'] }),
      step({ id: 'agreed', check: 'subprotocolAgreed', view: 'inspector', target: 'negotiation', inspectorTab: 'handshake', tools: ['subprotocol'], tryIt: true }),
      step({ id: 'socketio', check: 'socketIoUpgrade', view: 'inspector', target: 'http-exchanges', inspectorTab: 'handshake', actions: ['socketio-run'], needsDemo: 'socketio' }),
    ],
  },
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The steps a student sees: a step needing a demo server the engine lacks is left out. */
export function visibleSteps(lesson: Lesson, demoKinds: readonly string[]): LessonStep[] {
  return lesson.steps.filter((s) => s.needsDemo === undefined || demoKinds.includes(s.needsDemo));
}
