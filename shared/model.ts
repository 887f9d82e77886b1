// The data model shared by the engine and the renderer. Times are microseconds since the Unix
// epoch (wall clock at capture start plus a monotonic offset), so they sort and subtract exactly.
import type { FieldRange, Peer, Violation } from './protocol/types';

export type { FieldRange, Peer, Violation };

export interface Endpoint {
  address: string;
  port: number;
}

/** How a connection reached the capture. */
export type ConnectionSource = 'reverse' | 'forward' | 'client' | 'lab' | 'import';
/** What the connection carries once classified. */
export type ConnectionKind = 'websocket' | 'http' | 'tunnel';
export type ConnectionState = 'connecting' | 'open' | 'closing' | 'closed' | 'failed';

export interface DirectionCounters {
  frames: number;
  /** Bytes on the wire after the handshake, headers included. */
  bytes: number;
  messages: number;
}

export interface ConnectionSummary {
  id: number;
  kind: ConnectionKind;
  source: ConnectionSource;
  /** ws://host:port/path as the client asked for it (or the tunnel's host:port). */
  url: string;
  state: ConnectionState;
  client: Endpoint;
  server: Endpoint | null;
  subprotocol: string | null;
  /** The Sec-WebSocket-Extensions value the server accepted, verbatim. */
  extensions: string | null;
  openedAt: number;
  closedAt: number | null;
  closeCode: number | null;
  closeReason: string | null;
  /** Why the connection failed, in words a user understands (502 reason, timeout, reset). */
  error: string | null;
  counters: Record<Peer, DirectionCounters>;
  violations: number;
  /** Built-in client connections can be sent to and closed from the app. */
  controllable: boolean;
  /** The TLS session towards the server, when the relay speaks TLS to it (wss://, intercepted https). */
  tls?: TlsInfo | null;
}

export interface TlsCertificateInfo {
  subject: string;
  issuer: string;
  /** ISO 8601 dates. */
  validFrom: string;
  validTo: string;
  /** DNS names and IP addresses the certificate is valid for. */
  altNames: string[];
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: string;
}

export interface TlsInfo {
  /** 'TLSv1.3', 'TLSv1.2', … */
  version: string;
  cipher: string;
  /** Negotiated ALPN protocol, null when none. */
  alpn: string | null;
  /** The name sent as SNI to the server. */
  servername: string | null;
  /** True when the client's TLS was terminated by Framescope (its CA signed the client's certificate). */
  intercepted: boolean;
  /** True when the server's certificate was accepted without checking (an explicit per-host opt-in). */
  unverified: boolean;
  server: TlsCertificateInfo | null;
}

export interface HttpHeaderField {
  name: string;
  value: string;
  /** Byte ranges into the raw head, so the UI can highlight exactly what was sent. */
  nameRange: [number, number];
  valueRange: [number, number];
}

export interface HttpHeadView {
  raw: Uint8Array;
  startLine: string;
  headers: HttpHeaderField[];
}

export interface AcceptExplanation {
  key: string;
  guid: string;
  concatenated: string;
  sha1Hex: string;
  expected: string;
  actual: string | null;
  ok: boolean;
}

export interface NegotiatedExtension {
  name: string;
  params: Record<string, string | true>;
}

export interface HandshakeDetail {
  request: HttpHeadView | null;
  response: HttpHeadView | null;
  accept: AcceptExplanation | null;
  offeredSubprotocols: string[];
  subprotocol: string | null;
  offeredExtensions: string | null;
  extensions: NegotiatedExtension[];
  violations: Violation[];
}

export interface ConnectionDetail {
  summary: ConnectionSummary;
  handshake: HandshakeDetail;
}

/** One row of the frame table: small, so a million of them can be paged cheaply. */
export interface FrameSummary {
  /** Global, dense index in the capture (0-based); also the row's identity. */
  id: number;
  connectionId: number;
  from: Peer;
  /** Index of the frame within its connection and direction. */
  index: number;
  time: number;
  /** Byte offset of the frame in its direction's stream (after the handshake). */
  offset: number;
  fin: boolean;
  rsv1: boolean;
  rsv2: boolean;
  rsv3: boolean;
  opcode: number;
  masked: boolean;
  payloadLength: number;
  headerLength: number;
  /** Short printable preview of the (unmasked, inflated where possible) payload. */
  preview: string;
  messageId: number;
  injected: boolean;
  /** The stream ended before the frame did. */
  incomplete: boolean;
  violationCount: number;
  /** Present on a gap row: frames of this connection that passed and were not recorded (its other fields are zero). */
  gap?: FrameGap;
}

/** Why frames passed unrecorded: the user paused recording, or the capture budget was full (whenFull = 'stop'). */
export interface FrameGap {
  frames: number;
  reason: 'paused' | 'full';
}

export interface MessageInfo {
  /** The id of the message's first frame (so finding it is O(1)). */
  messageId: number;
  opcode: number;
  /** The message's frames, first to last, at most MESSAGE_FRAME_IDS of them (frameCount says how many in all). */
  frameIds: number[];
  frameCount: number;
  /** Bytes of the whole message on the wire (the frames' payload lengths added up). */
  length: number;
  /** True size of the message readPayload({ part: 'message' }) returns: inflated when compressed. */
  messageLength: number;
  compressed: boolean;
  /** The reassembled (and inflated) message, up to the detail budget; page the rest with readPayload. */
  payload: Uint8Array;
  /** Some of the message was not kept (a Framescope limit, or the stream ended); never just "not sent in this detail". */
  truncated: boolean;
  /** Why a compressed message could not be inflated, if it could not. */
  inflateError: string | null;
  /** The true inflated size of a compressed message when only part of it is kept (codec). */
  inflatedLength?: number;
}

export interface FrameDetail {
  summary: FrameSummary;
  headerBytes: Uint8Array;
  lengthEncoding: 7 | 16 | 64;
  maskKey: Uint8Array | null;
  fields: FieldRange[];
  /** Unmasked wire payload (still compressed when RSV1), up to the detail budget; page the rest with readPayload. */
  payload: Uint8Array;
  /** Bytes of this payload Framescope kept (payloadLength unless a limit cut it or the stream ended). */
  payloadKept: number;
  /** payload is shorter than payloadLength (not all of it was kept, or not all of it is in this detail). */
  payloadTruncated: boolean;
  /** The payload as it travelled (masked), up to the same budget; equals payload when unmasked. */
  wirePayload: Uint8Array;
  /** Present on the last frame of a data message (and on control frames). */
  message: MessageInfo | null;
  close: { code: number | null; reason: string } | null;
  violations: Violation[];
}

export interface HttpExchange {
  id: number;
  connectionId: number;
  method: string;
  url: string;
  status: number | null;
  requestHead: Uint8Array;
  responseHead: Uint8Array | null;
  /** Body bytes on the wire after the head (chunked framing included), as the relay counted them. */
  requestBodyBytes: number;
  responseBodyBytes: number;
  startedAt: number;
  endedAt: number | null;
  /** Server-sent events counted in the response body (text/event-stream). */
  sseEvents: number;
  /** Body bytes the capture kept, from the start (< the wire count only when the capture budget ran out); absent: none. */
  requestBodyKept?: number;
  responseBodyKept?: number;
}

/** Which message of an exchange a body belongs to. */
export type HttpBodySide = 'request' | 'response';

export interface FrameFilter {
  connectionId?: number | null;
  from?: Peer | null;
  /** Opcodes to keep; empty or absent keeps all. */
  opcodes?: number[];
  /** Plain text, or a regular expression when regex is true, matched against the preview text. */
  text?: string;
  regex?: boolean;
  violationsOnly?: boolean;
}

export interface FramePage {
  /** Rows matching the filter in the whole capture. */
  total: number;
  start: number;
  rows: FrameSummary[];
}

/** What the capture does when its budget is reached: stop recording (frames pass, counted in a gap row) or drop the oldest frames. */
export type CaptureFullPolicy = 'stop' | 'drop-oldest';

export interface CaptureBudget {
  /** Memory the capture may hold, all-in: index columns, frame bytes, sparse details. */
  memoryBytes: number;
  /** Bytes the private spill file may hold: frame bytes past a large frame's header go there first (0: memory holds them). */
  diskBytes: number;
  whenFull: CaptureFullPolicy;
}

export interface CaptureStats {
  connections: number;
  /** Frames held now (gap rows not counted). */
  frames: number;
  httpExchanges: number;
  /** Memory held by the capture, all-in (index, frame bytes, details); what the budget limits. */
  memoryBytes: number;
  spilledBytes: number;
  paused: boolean;
  budget: CaptureBudget;
  /** The budget is reached: with 'stop' nothing more is recorded, with 'drop-oldest' the oldest frames go. */
  full: boolean;
  /** Frames dropped as the oldest since the last Clear. */
  droppedFrames: number;
  /** Frames that passed unrecorded because the capture was full (whenFull = 'stop') since the last Clear. */
  notRecordedFrames: number;
  /** Id of the oldest frame held, and the id the next one gets (ids never repeat for the life of the engine). */
  firstFrameId: number;
  nextFrameId: number;
}
