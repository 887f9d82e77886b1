// Ready-made frames: the everyday ones, and the classic mistakes with the reaction RFC 6455
// expects from a correct peer. Each mistake names the codec violation it provokes, so tests can
// prove the crafter, the codec and the lesson agree.
import type { Peer } from '../protocol/types';
import { defaultMaskFor, makeFrame, type CraftDocument, type CraftFrame } from './craft-spec';
import { cryptoRandomBytes, randomMaskKey, type RandomBytes } from './mask-key';
import { reactionFor, type ExpectedReaction } from './reactions';

export interface CraftTemplate {
  id: string;
  group: 'valid' | 'mistake';
  title: string;
  description: string;
  /** The direction the lesson needs; null when it works both ways (the current one is kept). */
  from: Peer | null;
  expect: ExpectedReaction;
  /** The violation the codec reports on these bytes (mistakes only). */
  violation: string | null;
  frames: Array<Partial<CraftFrame>>;
}

function mistake(violation: string): { violation: string; expect: ExpectedReaction } {
  return { violation, expect: reactionFor(violation) as ExpectedReaction };
}

// Autobahn TestSuite case 6.3.1: "κόσμε", a UTF-16 surrogate (never valid UTF-8, §8.1), "edited".
const INVALID_UTF8_HEX = [
  'ce ba e1 bd b9 cf 83 ce bc ce b5  # "κόσμε" (valid)',
  'ed a0 80                          # U+D800, a surrogate: never valid in UTF-8',
  '65 64 69 74 65 64                 # "edited"',
].join('\n');

export const TEMPLATES: readonly CraftTemplate[] = [
  {
    id: 'text',
    group: 'valid',
    title: 'Text',
    description: 'One text frame: FIN set, opcode 0x1, UTF-8 payload.',
    from: null,
    expect: { closeCode: null, summary: 'Delivered as one text message; an echo server sends it back.' },
    violation: null,
    frames: [{ opcode: 0x1, payload: 'Hello from Framescope' }],
  },
  {
    id: 'json',
    group: 'valid',
    title: 'JSON',
    description: 'A text frame carrying JSON, validated and formatted in the editor.',
    from: null,
    expect: { closeCode: null, summary: 'Delivered as one text message; JSON is just text to WebSocket.' },
    violation: null,
    frames: [{ opcode: 0x1, payloadMode: 'json', payload: '{\n  "type": "greeting",\n  "text": "hello"\n}' }],
  },
  {
    id: 'binary',
    group: 'valid',
    title: 'Binary',
    description: 'One binary frame (opcode 0x2): any bytes, typed in hex.',
    from: null,
    expect: { closeCode: null, summary: 'Delivered as one binary message.' },
    violation: null,
    frames: [{ opcode: 0x2, payloadMode: 'hex', payload: '00 01 02 03 fe ff  # any bytes at all' }],
  },
  {
    id: 'ping',
    group: 'valid',
    title: 'Ping',
    description: 'A control frame (opcode 0x9) asking the peer to prove it is alive.',
    from: null,
    expect: { closeCode: null, summary: 'The peer answers with a Pong carrying the same payload, as soon as it can (§5.5.2).' },
    violation: null,
    frames: [{ opcode: 0x9, payload: 'are you there?' }],
  },
  {
    id: 'pong',
    group: 'valid',
    title: 'Pong',
    description: 'An unsolicited Pong (opcode 0xA): a one-way heartbeat.',
    from: null,
    expect: { closeCode: null, summary: 'No answer: an unsolicited Pong needs no response (§5.5.3).' },
    violation: null,
    frames: [{ opcode: 0xa, payload: 'still here' }],
  },
  {
    id: 'close-1000',
    group: 'valid',
    title: 'Close 1000',
    description: 'A Close frame (opcode 0x8) with code 1000 (normal closure) and a reason.',
    from: null,
    expect: { closeCode: 1000, summary: 'The peer answers with its own Close, usually echoing 1000 (§5.5.1), then TCP ends (§7.1.1).' },
    violation: null,
    frames: [{ opcode: 0x8, closeBody: 'code', closeCode: 1000, closeReason: 'done' }],
  },
  {
    id: 'fragments',
    group: 'valid',
    title: 'Three fragments',
    description: 'One text message in three frames: text FIN=0, continuation FIN=0, continuation FIN=1.',
    from: null,
    expect: { closeCode: null, summary: 'The peer reassembles one message, "Hello, fragmented world" (§5.4).' },
    violation: null,
    frames: [
      { opcode: 0x1, fin: false, payload: 'Hello, ' },
      { opcode: 0x0, fin: false, payload: 'fragmented ', delayMs: 300 },
      { opcode: 0x0, fin: true, payload: 'world', delayMs: 300 },
    ],
  },
  {
    id: 'fragments-ping',
    group: 'valid',
    title: 'Fragments with a ping between',
    description: 'Three fragments with a Ping between the second and third: control frames may interleave.',
    from: null,
    expect: { closeCode: null, summary: 'The peer answers the Ping at once and still reassembles the message (§5.4, §5.5).' },
    violation: null,
    frames: [
      { opcode: 0x1, fin: false, payload: 'Hello, ' },
      { opcode: 0x0, fin: false, payload: 'fragmented ', delayMs: 300 },
      { opcode: 0x9, fin: true, payload: 'in between', delayMs: 300 },
      { opcode: 0x0, fin: true, payload: 'world', delayMs: 300 },
    ],
  },
  {
    id: 'unmasked-client',
    group: 'mistake',
    title: 'Unmasked client frame',
    description: 'A client frame with MASK clear. Clients must mask every frame (§5.1).',
    from: 'client',
    ...mistake('unmasked-client-frame'),
    frames: [{ opcode: 0x1, mask: false, payload: 'I forgot my mask' }],
  },
  {
    id: 'masked-server',
    group: 'mistake',
    title: 'Masked server frame',
    description: 'A server frame with MASK set. Servers must never mask (§5.1).',
    from: 'server',
    ...mistake('masked-server-frame'),
    frames: [{ opcode: 0x1, mask: true, payload: 'servers do not mask' }],
  },
  {
    id: 'control-too-long',
    group: 'mistake',
    title: 'Control frame over 125 bytes',
    description: 'A Ping with 126 bytes of payload: control frames are limited to 125 (§5.5).',
    from: null,
    ...mistake('control-too-long'),
    frames: [{ opcode: 0x9, payload: 'x'.repeat(126) }],
  },
  {
    id: 'fragmented-ping',
    group: 'mistake',
    title: 'Fragmented ping',
    description: 'A Ping with FIN clear: control frames must not be fragmented (§5.5).',
    from: null,
    ...mistake('fragmented-control'),
    frames: [{ opcode: 0x9, fin: false, payload: 'half a ping' }],
  },
  {
    id: 'reserved-opcode',
    group: 'mistake',
    title: 'Reserved opcode',
    description: 'Opcode 0x3, reserved for future non-control frames (§5.2).',
    from: null,
    ...mistake('reserved-opcode'),
    frames: [{ opcode: 0x3, payload: 'what am I?' }],
  },
  {
    id: 'rsv1-no-extension',
    group: 'mistake',
    title: 'RSV1 without an extension',
    description: 'A text frame with RSV1 set on a connection that negotiated no extension (§5.2).',
    from: null,
    ...mistake('rsv-without-extension'),
    frames: [{ opcode: 0x1, rsv1: true, payload: 'not really compressed' }],
  },
  {
    id: 'invalid-utf8',
    group: 'mistake',
    title: 'Invalid UTF-8 text',
    description: 'A text frame whose payload is not valid UTF-8 (§8.1).',
    from: null,
    ...mistake('invalid-utf8'),
    frames: [{ opcode: 0x1, payloadMode: 'hex', payload: INVALID_UTF8_HEX }],
  },
  {
    id: 'invalid-close-code',
    group: 'mistake',
    title: 'Invalid close code',
    description: 'A Close with code 1005, which only APIs use and the wire must never carry (§7.4.1).',
    from: null,
    ...mistake('invalid-close-code'),
    frames: [{ opcode: 0x8, closeBody: 'code', closeCode: 1005, closeReason: 'not allowed' }],
  },
];

export function findTemplate(id: string): CraftTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The template as a document: its direction (or the current one), masks as §5.3 wants unless the lesson says otherwise. */
export function instantiateTemplate(template: CraftTemplate, currentFrom: Peer, random: RandomBytes = cryptoRandomBytes): CraftDocument {
  const from = template.from ?? currentFrom;
  const frames = template.frames.map((f) => makeFrame({ mask: defaultMaskFor(from), ...f }, randomMaskKey(random)));
  return { from, frames };
}
