// "WebSocket can broadcast": N sockets in this page, one send loop on the server; each client's
// receipt time on the engine's clock shows they all got it at once, one frame per connection.
import { useEffect, useRef, useState } from 'react';
import type { LabDemoEndpoints } from '../../../../../shared/api';
import { decodeLabMessage } from '../../../../../shared/api';
import { getClient } from '../../../api/client';
import { estimateClockOffset } from '../../../services/lab/browser-clients';
import { fmtMs } from '../transport-style';

const SIZE = 256;

export function BroadcastDemo({ endpoints }: { endpoints: LabDemoEndpoints }) {
  const [count, setCount] = useState(8);
  const [open, setOpen] = useState(0);
  const [result, setResult] = useState<{ clients: number; latencies: number[]; wireBytes: number | null; lastFrameAfterMs: number | null } | null>(null);
  const sockets = useRef<WebSocket[]>([]);
  const offset = useRef(0);

  useEffect(() => () => sockets.current.forEach((s) => s.close()), []);

  const connect = async () => {
    sockets.current.forEach((s) => s.close());
    offset.current = await estimateClockOffset(() => getClient().labClock());
    sockets.current = Array.from({ length: count }, () => {
      const ws = new WebSocket(endpoints.broadcastUrl);
      ws.onopen = () => setOpen((n) => n + 1);
      ws.onclose = () => setOpen((n) => Math.max(0, n - 1));
      return ws;
    });
    setOpen(0);
    setResult(null);
  };

  const broadcast = async () => {
    const arrivals = sockets.current.map(
      (ws) =>
        new Promise<number>((resolve) => {
          ws.onmessage = (e: MessageEvent) => {
            const d = typeof e.data === 'string' ? decodeLabMessage(e.data) : null;
            if (d) resolve((performance.timeOrigin + performance.now()) * 1000 + offset.current - d.generatedAt);
          };
        }),
    );
    const sent = await getClient().labBroadcast({ size: SIZE });
    const latencies = await Promise.all(arrivals.slice(0, sent.clients));
    setResult({ clients: sent.clients, latencies: latencies.map((us) => us / 1000), wireBytes: sent.wireBytes, lastFrameAfterMs: sent.lastFrameAfterMs });
  };

  const max = Math.max(1, ...(result?.latencies ?? []));
  return (
    <section className="lab-demo" data-testid="lab-demo-broadcast">
      <h3>One message, many clients</h3>
      <p className="why">The server writes the same message into every open connection: one frame each ({SIZE} B + a 4-byte header), no client has to ask.</p>
      <div className="lab-demo-controls">
        <label>
          Clients
          <input className="input" type="number" min={1} max={50} value={count} onChange={(e) => setCount(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} />
        </label>
        <button className="button" onClick={() => void connect()}>
          Connect {count}
        </button>
        <button className="button primary" data-testid="lab-broadcast" disabled={open === 0} onClick={() => void broadcast()}>
          Broadcast one message
        </button>
        <span className="muted">{open} open</span>
      </div>
      {result && (
        <div className="lab-demo-result" data-testid="lab-broadcast-result">
          <p>
            1 send → <b>{result.clients}</b> frames,{' '}
            {result.wireBytes === null ? (
              <>not all seen by the capture in time</>
            ) : (
              <>
                <b>{result.wireBytes.toLocaleString('en-US')} B</b> measured on the wire, the last copy through the proxy after <b>{fmtMs(result.lastFrameAfterMs)}</b>
              </>
            )}
            ; slowest client after {fmtMs(Math.max(...result.latencies))}.
          </p>
          <div className="lab-mini-bars">
            {result.latencies.map((ms, i) => (
              <span key={i} title={`client ${i + 1}: ${fmtMs(ms)}`} style={{ height: `${Math.max(4, (ms / max) * 100)}%` }} />
            ))}
          </div>
          <p className="lab-mini-caption">One bar per client: time from the server’s send to this page’s onmessage (tallest {fmtMs(max)}).</p>
        </div>
      )}
    </section>
  );
}
