// "send() is asynchronous: the data queues on the client and the call returns at once." This page
// sends faster than a peer that reads 2 MiB a second; bufferedAmount (WHATWG WebSockets) is the
// queue: it grows while we send (once the sockets' own buffers are full) and drains after.
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { LabDemoEndpoints } from '../../../../../shared/api';
import { LineChart } from '../LineChart';

const CHUNK_BYTES = 256 * 1024;
const SEND_EVERY_MS = 20; // 12.5 MiB/s offered
const SEND_FOR_MS = 3000;
const SAMPLE_MS = 100;
const MAX_MS = 20_000;
const MiB = 1_048_576;

interface Run {
  points: Array<{ x: number; y: number }>;
  sentMiB: number;
  /** How long each send() call took to return. */
  sendMs: number[];
  done: boolean;
}

function medianMs(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function BufferedAmountDemo({ endpoints }: { endpoints: LabDemoEndpoints }) {
  const [run, setRun] = useState<Run | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const timers = useRef<number[]>([]);
  const clear = () => {
    timers.current.forEach((t) => window.clearInterval(t));
    timers.current = [];
  };
  useEffect(
    () => () => {
      clear();
      socket.current?.close();
    },
    [],
  );

  const start = () => {
    clear();
    socket.current?.close();
    const ws = new WebSocket(endpoints.slowUrl);
    socket.current = ws;
    const state: Run = { points: [], sentMiB: 0, sendMs: [], done: false };
    setRun({ ...state });
    ws.onopen = () => {
      const chunk = new Uint8Array(CHUNK_BYTES);
      const t0 = performance.now();
      const sender = window.setInterval(() => {
        if (performance.now() - t0 > SEND_FOR_MS) return window.clearInterval(sender);
        const before = performance.now();
        ws.send(chunk);
        state.sendMs.push(performance.now() - before);
        state.sentMiB += CHUNK_BYTES / MiB;
      }, SEND_EVERY_MS);
      const sampler = window.setInterval(() => {
        const elapsed = performance.now() - t0;
        state.points.push({ x: elapsed / 1000, y: ws.bufferedAmount / MiB });
        state.done = (elapsed > SEND_FOR_MS && ws.bufferedAmount === 0) || elapsed > MAX_MS;
        setRun({ ...state, points: [...state.points] });
        if (state.done) {
          clear();
          ws.close();
        }
      }, SAMPLE_MS);
      timers.current.push(sender, sampler);
    };
    ws.onerror = () => setRun((r) => r && { ...r, done: true });
  };

  const { t } = useTranslation('lab');
  const peak = run ? Math.max(0, ...run.points.map((p) => p.y)) : 0;
  const seconds = run ? Math.ceil(Math.max(1, ...run.points.map((p) => p.x))) : 1;
  return (
    <section className="lab-demo" data-testid="lab-demo-buffered">
      <h3>{t('buffered.title')}</h3>
      <blockquote className="quote lab-quote" lang="zh-CN" translate="no">
        {t('claimCard.quote', { quote: t('buffered.quote') })}
      </blockquote>
      <p className="why">{t('buffered.why', { seconds: SEND_FOR_MS / 1000, kib: CHUNK_BYTES / 1024, every: SEND_EVERY_MS })}</p>
      <div className="lab-demo-controls">
        <button className="button primary" data-testid="lab-buffered-run" disabled={run !== null && !run.done} onClick={start}>
          {t('buffered.run')}
        </button>
        {run && run.points.length > 0 && (
          <span data-testid="lab-buffered-result">
            {t(run.done ? 'buffered.resultDone' : 'buffered.result', { sent: run.sentMiB.toFixed(0), ms: medianMs(run.sendMs).toFixed(2), peak: peak.toFixed(1) })}
          </span>
        )}
      </div>
      {run && run.points.length > 1 && (
        <LineChart
          testId="lab-buffered-chart"
          series={[{ name: 'bufferedAmount', color: 'var(--dir-client)', points: run.points }]}
          xTicks={Array.from({ length: seconds + 1 }, (_, i) => i)}
          xLabel={t('buffered.x')}
          yLabel={t('buffered.y')}
          xFormat={(x) => t('lanes.seconds', { s: x })}
          yFormat={(y) => `${y}`}
        />
      )}
    </section>
  );
}
