// Both directions: what each transport spends to push a message down and to send one up (masked
// WebSocket frames, HTTP POSTs), measured on the same run.
import type { LabSummary } from '../../../../shared/api';
import { TRANSPORT_NAMES, fmtBytes, fmtMs, transportColor } from './transport-style';

export function LabDirections({ summary }: { summary: LabSummary }) {
  if (!summary.rows.some((r) => r.clientToServer)) {
    return <p className="lab-h2-sub">Tick “both directions” before starting to send the same stream from each client to the server too.</p>;
  }
  return (
    <table className="lab-table" data-testid="lab-directions">
      <thead>
        <tr>
          <th>Transport</th>
          <th title="Recurring overhead per message, server → client">Down: overhead / msg</th>
          <th title="Messages the server received from the client">Up: messages</th>
          <th title="Headers of the POSTs (both ways) or the client frames' headers, per message">Up: overhead / msg</th>
          <th>Up: how</th>
          <th>Up: mean wait</th>
        </tr>
      </thead>
      <tbody>
        {summary.rows.map((r) => {
          const up = r.clientToServer;
          const how = !up
            ? '–'
            : up.frameHeaderSizes
              ? `masked frames: ${Object.entries(up.frameHeaderSizes)
                  .map(([size, n]) => `${size} B × ${n}`)
                  .join(', ')}`
              : `${up.requests} POST${up.requests === 1 ? '' : 's'}`;
          return (
            <tr key={r.transport} data-testid={`lab-directions-${r.transport}`}>
              <th scope="row">
                <i className="lab-swatch" style={{ background: transportColor(r.transport) }} />
                {TRANSPORT_NAMES[r.transport]}
              </th>
              <td>{fmtBytes(r.overheadBytesPerMessage, 1)}</td>
              <td>{up ? up.messages : '–'}</td>
              <td className="strong">{fmtBytes(up?.overheadBytesPerMessage, 1)}</td>
              <td className="wrap">{how}</td>
              <td>{fmtMs(up?.latencyMs?.mean)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
