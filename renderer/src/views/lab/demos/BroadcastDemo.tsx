// "WebSocket can broadcast": N sockets in this page, one send loop on the server; each client's
// receipt time on the engine's clock shows they all got it at once, one frame per connection.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../format';
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
  const { t } = useTranslation('lab');
  return (
    <section className="lab-demo" data-testid="lab-demo-broadcast">
      <h3>{t('broadcast.title')}</h3>
      <blockquote className="quote lab-quote" lang="zh-CN" translate="no">
        {t('claimCard.quote', { quote: t('broadcast.quote') })}
      </blockquote>
      <p className="why">{t('broadcast.why', { size: SIZE })}</p>
      <div className="lab-demo-controls">
        <label>
          {t('broadcast.clients')}
          <input className="input" type="number" min={1} max={50} value={count} onChange={(e) => setCount(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} />
        </label>
        <button className="button" onClick={() => void connect()}>
          {t('broadcast.connect', { count })}
        </button>
        <button className="button primary" data-testid="lab-broadcast" disabled={open === 0} onClick={() => void broadcast()}>
          {t('broadcast.send')}
        </button>
        <span className="muted">{t('broadcast.open', { count: open })}</span>
      </div>
      {result && (
        <div className="lab-demo-result" data-testid="lab-broadcast-result">
          <p>
            {result.wireBytes === null
              ? t('broadcast.resultUnseen', { frames: result.clients, slowest: fmtMs(Math.max(...result.latencies)) })
              : t('broadcast.result', { frames: result.clients, bytes: formatCount(result.wireBytes), last: fmtMs(result.lastFrameAfterMs), slowest: fmtMs(Math.max(...result.latencies)) })}
          </p>
          <div className="lab-mini-bars">
            {result.latencies.map((ms, i) => (
              <span key={i} title={t('broadcast.bar', { n: i + 1, ms: fmtMs(ms) })} style={{ height: `${Math.max(4, (ms / max) * 100)}%` }} />
            ))}
          </div>
          <p className="lab-mini-caption">{t('broadcast.caption', { max: fmtMs(max) })}</p>
        </div>
      )}
    </section>
  );
}
