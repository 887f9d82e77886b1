// One transport's packets: the kernel's segment counts where it can tell (Linux), otherwise an
// estimate from what the meter saw, marked as one. Either way the header bytes sit beside the
// application bytes, so the comparison can be read both ways.
import type { LabTcpIp, LabTransportSummary } from '../../../shared/api';
import { headerBytesPerSegment, type TcpTotals } from './meter/kernel-tcp';
import type { WireLedger } from './meter/wire-ledger';

/** Per connection: SYN, SYN-ACK, ACK to open; FIN, ACK each way to close (RFC 9293 §3.5, §3.6). */
const SETUP_SEGMENTS = 3 + 4;

/** Without counters: one data segment and one ACK per write (an HTTP head, a frame, an event). */
export function estimateSegments(s: Pick<LabTransportSummary, 'transport' | 'connections' | 'requests' | 'messages' | 'clientToServer'>, wire: WireLedger): number {
  const up = wire.frames.upDataFrames + 2 * (s.clientToServer?.requests ?? 0);
  const writes =
    up +
    s.transport === 'websocket'
      ? wire.frames.dataFrames + wire.frames.controlFrames + 2 * s.requests
      : s.transport === 'sse'
        ? s.messages + 2 * s.requests
        : 2 * s.requests;
  return SETUP_SEGMENTS * s.connections + 2 * writes;
}

export function tcpIpFor(s: LabTransportSummary, wire: WireLedger, kernel: TcpTotals | null): LabTcpIp | null {
  if (s.wireBytes === 0) return null;
  const perMsg = (n: number) => (s.messages > 0 ? n / s.messages : null);
  if (kernel && kernel.segments > 0) {
    return {
      measured: true,
      segments: kernel.segments,
      dataSegments: kernel.dataSegments,
      headerBytes: kernel.headerBytes,
      segmentsPerMessage: perMsg(kernel.segments),
      headerBytesPerMessage: perMsg(kernel.headerBytes),
      wireBytesPerMessage: perMsg(s.wireBytes + kernel.headerBytes),
      method: `segments counted by the kernel (TCP_INFO via ss) on ${kernel.sockets} sockets of the client ↔ meter hop, sampled until the last message; IPv4 + TCP headers of 20 + 20 B (+12 B with timestamps) each; the closing segments after the last sample are not counted`,
    };
  }
  const segments = estimateSegments(s, wire);
  const headerBytes = segments * headerBytesPerSegment(true);
  return {
    measured: false,
    segments,
    dataSegments: Math.round(segments / 2),
    headerBytes,
    segmentsPerMessage: perMsg(segments),
    headerBytesPerMessage: perMsg(headerBytes),
    wireBytesPerMessage: perMsg(s.wireBytes + headerBytes),
    method: 'estimate (no kernel counters here): one data segment and one ACK per write, 7 segments to open and close each connection, 52 B of IPv4 + TCP headers (timestamps on) each',
  };
}
