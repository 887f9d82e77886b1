// The summary: one row per transport with what was measured, where every wire byte went (a bar of
// shares that adds up to the total), and each of the seed notes' claims beside the measurement.
import type { LabByteShare, LabTransportSummary } from '../../../../shared/api';
import { formatBytes } from '../../format';
import { LabClaims } from './LabClaims';
import { LabPackets } from './LabPackets';
import { LabDirections } from './LabDirections';
import { LabCompression } from './LabCompression';
import { useStore } from '../../store';
import { BYTE_LABELS, TRANSPORT_NAMES, byteColor, fmtBytes, fmtMs, transportColor } from './transport-style';
import './lab-summary.css';

export function LabSummaryTable() {
  const summary = useStore((s) => s.labSummary);
  const intervalMs = useStore((s) => s.labStatus?.options?.intervalMs ?? s.labForm.intervalMs);
  if (!summary) return <p className="lab-empty">Start the lab to fill this table; it updates live and is exact once the run has stopped.</p>;
  return (
    <div className="lab-summary" data-testid="lab-summary">
      <table className="lab-table">
        <thead>
          <tr>
            <th>Transport</th>
            <th title="Delivered / published">Messages</th>
            <th>Requests</th>
            <th title="Polls answered with nothing">Empty</th>
            <th title="TCP connections opened">Conns</th>
            <th title="Recurring wire bytes that are not message, per message">Overhead / msg</th>
            <th title="Paid once per connection: handshakes, stream heads">Setup</th>
            <th title="Message bytes / all wire bytes">Payload share</th>
            <th title="Mean wait from publish to receipt">Mean wait</th>
            <th>p50 wait</th>
            <th>p95 wait</th>
            <th>Requests / s</th>
            <th>Bytes / s</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((r) => (
            <tr key={r.transport} data-testid={`lab-row-${r.transport}`}>
              <th scope="row">
                <i className="lab-swatch" style={{ background: transportColor(r.transport) }} />
                {TRANSPORT_NAMES[r.transport]}
              </th>
              <td className={r.messages < r.published ? 'warn' : ''}>
                {r.messages}/{r.published}
              </td>
              <td>{r.requests}</td>
              <td>{r.emptyResponses}</td>
              <td>{r.connections}</td>
              <td className="strong">{fmtBytes(r.overheadBytesPerMessage, 1)}</td>
              <td>{formatBytes(r.oneTimeBytes)}</td>
              <td>{r.payloadEfficiency === null ? '–' : `${(r.payloadEfficiency * 100).toFixed(1)} %`}</td>
              <td className="strong">{fmtMs(r.latencyMs?.mean)}</td>
              <td>{fmtMs(r.latencyMs?.p50)}</td>
              <td>{fmtMs(r.latencyMs?.p95)}</td>
              <td>{r.requestsPerSecond.toFixed(1)}</td>
              <td>{formatBytes(Math.round(r.bytesPerSecond))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="lab-h2">Where the bytes went</h2>
      <p className="lab-h2-sub">Every byte on the wire, both directions, by what it was for; a bar’s length is its transport’s total.</p>
      <div className="lab-shares">
        {summary.rows.map((r) => (
          <ShareBar key={r.transport} row={r} max={Math.max(1, ...summary.rows.map((x) => x.wireBytes))} />
        ))}
      </div>
      <ShareLegend rows={summary.rows} />
      <h2 className="lab-h2">Both directions</h2>
      <p className="lab-h2-sub">Pushing a message down and sending one up: a client’s WebSocket frames carry a 4-byte mask; HTTP sends each one as a request.</p>
      <LabDirections summary={summary} />
      <h2 className="lab-h2">The packets underneath</h2>
      <p className="lab-h2-sub">The bytes above are the application’s; each TCP segment adds its own IP and TCP headers, measured by the kernel where it can tell.</p>
      <LabPackets summary={summary} />
      <h2 className="lab-h2">Compression</h2>
      <p className="lab-h2-sub">The notes: HTTP negotiates gzip per response, an SSE stream can be gzipped whole, WebSocket compresses each message itself.</p>
      <LabCompression />
      <h2 className="lab-h2">The notes say — this run measured</h2>
      <LabClaims summary={summary} intervalMs={intervalMs} />
    </div>
  );
}

/** Bar length is the transport's total against the largest, so volume and make-up read together. */
function ShareBar({ row, max }: { row: LabTransportSummary; max: number }) {
  return (
    <div className="lab-share-row">
      <span className="lab-share-name">{TRANSPORT_NAMES[row.transport]}</span>
      <span className="lab-share-bar" role="img" aria-label={`${TRANSPORT_NAMES[row.transport]}: ${row.wireBytes} bytes`}>
        {row.breakdown.map((s) => (
          <span key={`${s.key}${s.oneTime}`} className={s.oneTime ? 'once' : ''} style={{ width: `${(s.bytes / max) * 100}%`, background: byteColor(s.key) }} title={shareTitle(s)} />
        ))}
      </span>
      <span className="lab-share-total">{formatBytes(row.wireBytes)}</span>
    </div>
  );
}

function shareTitle(s: LabByteShare): string {
  return `${BYTE_LABELS[s.key]}${s.oneTime ? ' (once per connection)' : ''}: ${s.bytes.toLocaleString('en-US')} B`;
}

function ShareLegend({ rows }: { rows: LabTransportSummary[] }) {
  const keys = [...new Set(rows.flatMap((r) => r.breakdown.map((s) => s.key)))];
  return (
    <div className="lab-share-legend">
      {keys.map((k) => (
        <span key={k}>
          <i style={{ background: byteColor(k) }} /> {BYTE_LABELS[k]}
        </span>
      ))}
      <span>
        <i className="once-sample" /> hatched: paid once per connection
      </span>
    </div>
  );
}
