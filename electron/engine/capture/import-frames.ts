// Replays the frame records of an opened capture file through the relay's own recorder: each
// frame's exact wire bytes are rebuilt from its record (header fields, masking key, unmasked
// payload) with the codec's buildFrame and fed to a WsDirectionRecorder, so anatomy, violations,
// reassembly and inflation are computed as for live traffic, never trusted from the file. A
// version-2 frame's payload arrives in pieces (its record, then `data` records), each masked and
// pushed as it comes, so a large frame never sits whole in memory here.
import type { Peer } from '../../../shared/model';
import { buildFrame } from '../../../shared/protocol/index';
import { applyMaskInPlace } from '../../../shared/protocol/unmask';
import type { CaptureStore } from './capture-store';
import { BadRecord, bool, bytes, int, peer, type ByteEncoding, type Json } from './import-fields';
import type { Imported } from './import-connections';
import { WsDirectionRecorder } from './ws-recorder';

/** Payload bytes beyond what a record kept (a Framescope limit), re-created as zeros so the true length stays. */
const MAX_PADDING = 512 * 1024 * 1024;
const PAD_CHUNK = 1024 * 1024;

interface OpenFrame {
  conn: Imported;
  from: Peer;
  fileId: number;
  recorder: WsDirectionRecorder;
  maskKey: Uint8Array | null;
  /** Payload bytes pushed so far, of `kept` the file holds and `length` the frame declared. */
  fed: number;
  kept: number;
  length: number;
  incomplete: boolean;
  time: number;
}

export class FrameFeeder {
  private open: OpenFrame | null = null;
  private paddingLeft = MAX_PADDING;

  constructor(
    private readonly store: CaptureStore,
    private readonly connections: Map<number, Imported>,
    private readonly encoding: ByteEncoding,
    /** Payload the writing capture kept per frame (and what the recorders keep now). */
    readonly frameBudget: number,
  ) {}

  /** A frame record; false when it cannot be replayed (skipped). */
  frame(line: Json): boolean {
    this.finishOpen();
    const conn = this.connections.get(int(line, 'connection'));
    if (conn === undefined || conn.record.summary.kind !== 'websocket') return false;
    const from = peer(line, 'from');
    if (conn.ended.has(from)) return false;
    const masked = bool(line, 'masked');
    const maskKey = bytes(line, 'maskKey', this.encoding);
    if (masked && maskKey?.length !== 4) throw new BadRecord('a masked frame needs a 4-byte key');
    const first = bytes(line, 'payload', this.encoding) ?? new Uint8Array(0);
    const length = int(line, 'payloadLength');
    const kept = this.encoding === 'base64' ? int(line, 'kept', first.length, length) : first.length;
    if (kept > length) throw new BadRecord('payload longer than payloadLength');
    const incomplete = line.incomplete === true;
    const missing = length - kept;
    // A payload cut at the writer's budget is padded back to its true length with zeros: the
    // recorder keeps only the budget's worth, which is exactly the bytes the file holds, so no zero
    // is ever shown as data. A shorter cut would show zeros as data, so such a record is skipped.
    const cutByBudget = kept >= this.frameBudget && (this.encoding === 'base64' || line.payloadTruncated === true);
    if (missing > 0 && !incomplete && !(cutByBudget && missing <= this.paddingLeft)) return false;
    // Keep the length encoding the sender chose (a non-minimal one is a violation worth keeping).
    const lengthBytes = int(line, 'headerLength') - (masked ? 4 : 0);
    const built = buildFrame({
      fin: bool(line, 'fin'),
      rsv1: bool(line, 'rsv1'),
      rsv2: bool(line, 'rsv2'),
      rsv3: bool(line, 'rsv3'),
      opcode: int(line, 'opcode', 0, 15),
      mask: masked,
      ...(maskKey !== null ? { maskKey } : {}),
      lengthEncoding: lengthBytes === 4 ? 16 : lengthBytes === 10 ? 64 : 'minimal',
      payload: first,
      declaredLength: length,
    });
    const time = int(line, 'time');
    const recorder = recorderFor(this.store, conn, from, this.frameBudget);
    if (line.injected === true) recorder.beginInjection(built.bytes.length - first.length + (incomplete ? kept : length));
    recorder.push(built.bytes, time);
    this.open = { conn, from, fileId: typeof line.id === 'number' ? line.id : -1, recorder, maskKey, fed: first.length, kept, length, incomplete, time };
    if (this.open.fed === kept) this.finishOpen();
    return true;
  }

  /** A `data` record: the next piece of the open frame's payload. */
  data(line: Json): boolean {
    const open = this.open;
    if (open === null || int(line, 'frame') !== open.fileId || int(line, 'offset') !== open.fed) return false;
    const piece = bytes(line, 'bytes', this.encoding);
    if (piece === null || open.fed + piece.length > open.kept) throw new BadRecord('data beyond the frame');
    // RFC 6455 §5.3: octet i of the payload is masked with key octet i mod 4; this piece starts at `fed`.
    const wire = open.maskKey === null ? piece : piece.slice();
    if (open.maskKey !== null) applyMaskInPlace(wire, 0, wire.length, open.maskKey, open.fed & 3);
    open.recorder.push(wire, open.time);
    open.fed += piece.length;
    if (open.fed === open.kept) this.finishOpen();
    return true;
  }

  /** Ends the open frame: pads a budget cut, or records a frame whose bytes the file lacks as cut short. */
  finishOpen(): void {
    const open = this.open;
    if (open === null) return;
    this.open = null;
    if (open.fed < open.kept || open.incomplete) {
      // The file ends (or moves on) inside this frame, or the stream really ended there: end()
      // records it as incomplete, as the relay did; nothing can follow in that direction.
      open.recorder.end();
      open.conn.ended.add(open.from);
      return;
    }
    const missing = open.length - open.kept;
    this.paddingLeft -= missing;
    for (let left = missing; left > 0; left -= PAD_CHUNK) open.recorder.push(new Uint8Array(Math.min(PAD_CHUNK, left)), open.time);
  }
}

function recorderFor(store: CaptureStore, conn: Imported, from: Peer, budget: number): WsDirectionRecorder {
  let recorder = conn.recorders[from];
  if (recorder === undefined) {
    recorder = new WsDirectionRecorder(store, conn.record, from, conn.record.deflate, budget);
    recorder.recordAnyway = true;
    conn.recorders[from] = recorder;
  }
  return recorder;
}
