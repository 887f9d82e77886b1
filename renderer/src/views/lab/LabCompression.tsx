// Compression on the lab's stream, measured on demand: gzip per HTTP response, gzip over a whole
// SSE stream, permessage-deflate with and without the shared window (RFC 7692 §7.1.1).
import { useState } from 'react';
import type { LabCompression as Row } from '../../../../shared/api';
import { getClient } from '../../api/client';
import { useStore } from '../../store';
import { TRANSPORT_NAMES, fmtBytes, transportColor } from './transport-style';

export function LabCompression() {
  const form = useStore((s) => s.labForm);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const measure = async () => {
    setBusy(true);
    setError(null);
    try {
      setRows(await getClient().labCompression({ size: form.size, format: form.format, rate: form.rate }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lab-compression" data-testid="lab-compression">
      <button className="button" data-testid="lab-compression-run" disabled={busy} onClick={() => void measure()}>
        {busy ? 'Measuring…' : `Measure compression on ${form.size} B ${form.format} messages`}
      </button>
      {error && <p className="lab-error">{error}</p>}
      {rows && (
        <table className="lab-table">
          <thead>
            <tr>
              <th>Transport</th>
              <th>Scheme</th>
              <th title="Bytes the server wrote without compression, headers and framing included">Plain</th>
              <th>Compressed</th>
              <th>Saved / msg</th>
              <th>Saved</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.scheme}>
                <th scope="row">
                  <i className="lab-swatch" style={{ background: transportColor(r.transport) }} />
                  {TRANSPORT_NAMES[r.transport]}
                </th>
                <td className="wrap">{r.scheme}</td>
                <td>{fmtBytes(r.plainBytes)}</td>
                <td>{fmtBytes(r.compressedBytes)}</td>
                <td>{fmtBytes(r.bytesSavedPerMessage, 1)}</td>
                <td className="strong">{(r.savedShare * 100).toFixed(1)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && (
        <p className="lab-packets-ratio">
          {rows[0]!.messages} messages, sent by real servers over loopback. A gzip member per response starts with an empty window and pays its own
          header and trailer; one stream, or a WebSocket window kept between messages, finds each message’s repeats in the ones before it.
        </p>
      )}
    </div>
  );
}
