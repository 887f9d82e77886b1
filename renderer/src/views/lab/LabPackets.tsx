// The packets underneath: per transport, the TCP segments and IP + TCP header bytes per message
// beside the application bytes, and the short-polling : WebSocket ratio read both ways.
import type { LabSummary, LabTransportSummary } from '../../../../shared/api';
import { TRANSPORT_NAMES, fmtBytes, transportColor } from './transport-style';

/** Everything that is not message, per message: setup included, so both views count the same things. */
function appOverhead(r: LabTransportSummary): number | null {
  return r.messages > 0 ? (r.wireBytes - r.payloadBytes) / r.messages : null;
}

function withPackets(r: LabTransportSummary): number | null {
  const a = appOverhead(r);
  return a === null || !r.tcpIp?.headerBytesPerMessage ? a : a + r.tcpIp.headerBytesPerMessage;
}

function ratio(a: number | null, b: number | null): string {
  return a === null || b === null || b === 0 ? '–' : `${(a / b).toFixed(a / b < 10 ? 1 : 0)} : 1`;
}

export function LabPackets({ summary }: { summary: LabSummary }) {
  const row = (t: LabTransportSummary['transport']) => summary.rows.find((r) => r.transport === t);
  const poll = row('short-polling');
  const ws = row('websocket');
  const estimated = summary.rows.some((r) => r.tcpIp && !r.tcpIp.measured);
  return (
    <div className="lab-packets" data-testid="lab-packets">
      <table className="lab-table">
        <thead>
          <tr>
            <th>Transport</th>
            <th title="TCP connections the transport really opened (HTTP/1.1 keep-alive reuses one; a parked long poll forces another for sending)">TCP conns</th>
            <th title="TCP segments both ways, handshakes and pure ACKs included">Segments</th>
            <th>Segments / msg</th>
            <th title="IPv4 + TCP headers per message">IP + TCP / msg</th>
            <th title="Application bytes that are not message, setup included, per message">App overhead / msg</th>
            <th title="The same, with the packet headers: what a packet capture counts">With packets / msg</th>
            <th>Counted by</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((r) => (
            <tr key={r.transport} data-testid={`lab-packets-${r.transport}`}>
              <th scope="row">
                <i className="lab-swatch" style={{ background: transportColor(r.transport) }} />
                {TRANSPORT_NAMES[r.transport]}
              </th>
              <td>{r.connections}</td>
              <td>{r.tcpIp ? r.tcpIp.segments.toLocaleString('en-US') : '–'}</td>
              <td>{r.tcpIp?.segmentsPerMessage == null ? '–' : r.tcpIp.segmentsPerMessage.toFixed(1)}</td>
              <td className="strong">{fmtBytes(r.tcpIp?.headerBytesPerMessage, 1)}</td>
              <td>{fmtBytes(appOverhead(r), 1)}</td>
              <td className="strong">{fmtBytes(withPackets(r), 1)}</td>
              <td title={r.tcpIp?.method}>{r.tcpIp ? (r.tcpIp.measured ? 'kernel (ss)' : 'estimate') : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lab-packets-ratio" data-testid="lab-packets-ratio">
        Short polling against WebSocket, overhead per message: <b>{ratio(appOverhead(poll!), appOverhead(ws!))}</b> counting application bytes,{' '}
        <b>{ratio(withPackets(poll!), withPackets(ws!))}</b> counting the packets too. Every message needs at least one segment, and each
        segment carries 40–52 B of IP and TCP headers, whatever the transport; batching several messages into one response (polling) or
        one segment shares them.
        {estimated && ' Segment counts marked “estimate” are not measured: this system offers no per-socket counters to read.'}
      </p>
    </div>
  );
}
