// Lane marks from a meter's ledger: each exchange once when it starts and again when it ends
// (same id: the view replaces it), WebSocket frames once. Bounded per call so an event stays small.
import type { LabMark, LabTransport } from '../../../shared/api';
import type { TransportMeter } from './meter/transport-meter';
import { isUpstreamExchange, type MeteredExchange } from './meter/wire-ledger';

const MAX_MARKS_PER_CALL = 2000;

export class MarkTracker {
  /** Exchange id → whether its end has been sent. */
  private readonly sent = new Map<string, boolean>();

  collect(transport: LabTransport, meter: TransportMeter): LabMark[] {
    const out: LabMark[] = [];
    const streaming = transport === 'sse' || transport === 'websocket';
    for (const ex of meter.ledger.exchanges.values()) {
      // A client → server POST is a request even on a streaming transport's port.
      const stream = streaming && !isUpstreamExchange(ex);
      const closedAt = meter.ledger.connections.get(ex.connectionId)?.closedAt ?? null;
      const end = stream ? closedAt : ex.endedAt;
      const before = this.sent.get(ex.id);
      if (before === true || (before === false && end === null)) continue;
      this.sent.set(ex.id, end !== null);
      out.push(exchangeMark(transport, ex, end, stream));
      if (out.length >= MAX_MARKS_PER_CALL) break;
    }
    for (const f of meter.drainFrameMarks()) {
      out.push({
        id: f.id,
        transport,
        kind: 'frame',
        start: f.time,
        end: f.time,
        bytes: f.bytes,
        empty: false,
        label: `${f.from === 'server' ? 'server → client' : 'client → server'} ${OPCODE_NAMES[f.opcode] ?? `opcode ${f.opcode}`} frame · ${f.bytes} B`,
      });
    }
    return out;
  }
}

const OPCODE_NAMES: Record<number, string> = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' };

function exchangeMark(transport: LabTransport, ex: MeteredExchange, end: number | null, streaming: boolean): LabMark {
  const bytes = ex.requestHeadBytes + ex.requestBodyBytes + ex.responseHeadBytes + ex.responseBodyBytes;
  const empty = !streaming && !isUpstreamExchange(ex) && ex.endedAt !== null && (ex.status === 204 || ex.responseBodyBytes === 0);
  const outcome = ex.status === null ? 'waiting…' : `${ex.status}${empty ? ' (empty)' : ''}`;
  return {
    id: ex.id,
    transport,
    kind: streaming ? 'stream' : 'request',
    start: ex.startedAt,
    end,
    bytes,
    empty,
    label: `${ex.method} ${ex.path.replace(/\?.*$/, '')} → ${outcome} · ${bytes} B`,
  };
}
