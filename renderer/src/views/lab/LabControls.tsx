// The lab's controls: the event stream (rate, size, format, pattern), the polling interval, the
// cookie every HTTP request carries, and who runs the clients; Start / Stop; and the run's status,
// including who counted the bytes.
import { LAB_LIMITS, checkLabOptions, type LabOptions, type LabPhase } from '../../../../shared/api';
import { useStore } from '../../store';

const ACTIVE: LabPhase[] = ['starting', 'running', 'draining', 'closing'];
const PHASE_WORDS: Record<LabPhase, string> = {
  idle: 'Not started',
  starting: 'Connecting clients…',
  running: 'Running',
  draining: 'Stopping: waiting for the last deliveries…',
  closing: 'Closing connections…',
  done: 'Finished',
  failed: 'Failed',
};

export function LabControls() {
  const form = useStore((s) => s.labForm);
  const setForm = useStore((s) => s.setLabForm);
  const status = useStore((s) => s.labStatus);
  const busy = useStore((s) => s.labBusy);
  const start = useStore((s) => s.startLab);
  const stop = useStore((s) => s.stopLab);
  const phase = status?.phase ?? 'idle';
  const active = ACTIVE.includes(phase);
  const checked = checkLabOptions(form);
  const num = (key: keyof typeof LAB_LIMITS & keyof LabOptions) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ [key]: e.target.value === '' ? Number.NaN : Number(e.target.value) });

  return (
    <div className="lab-controls">
      <fieldset className="lab-form" disabled={active}>
        <label>
          Rate
          <input className="input" type="number" data-testid="lab-rate" min={LAB_LIMITS.rate.min} max={LAB_LIMITS.rate.max} step="any" value={Number.isNaN(form.rate) ? '' : form.rate} onChange={num('rate')} />
          <span className="unit">msg/s</span>
        </label>
        <label>
          Size
          <input className="input" type="number" data-testid="lab-size" min={LAB_LIMITS.size.min} max={LAB_LIMITS.size.max} value={Number.isNaN(form.size) ? '' : form.size} onChange={num('size')} />
          <span className="unit">B</span>
        </label>
        <label>
          <select className="select" value={form.format} onChange={(e) => setForm({ format: e.target.value as LabOptions['format'] })} aria-label="Format">
            <option value="json">JSON</option>
            <option value="text">text</option>
          </select>
        </label>
        <label>
          <select className="select" value={form.pattern} onChange={(e) => setForm({ pattern: e.target.value as LabOptions['pattern'] })} aria-label="Pattern">
            <option value="steady">steady</option>
            <option value="bursty">bursty</option>
          </select>
        </label>
        <label title="Random: each message at a random moment against the polls (real events). Fixed: one offset for the whole run, set by when publishing started.">
          <select className="select" value={form.phase} data-testid="lab-phase" onChange={(e) => setForm({ phase: e.target.value as LabOptions['phase'] })} aria-label="Phase against the polls">
            <option value="random">random phase</option>
            <option value="fixed">fixed phase</option>
          </select>
        </label>
        <label className="lab-check" title="Every client also sends the same stream to the server: masked WebSocket frames, POSTs for the HTTP transports">
          <input type="checkbox" data-testid="lab-upstream" checked={form.upstream} onChange={(e) => setForm({ upstream: e.target.checked })} />
          both directions
        </label>
        <label title="Short polling (and HTTP/2 polling) ask this often">
          Poll every
          <input className="input" type="number" data-testid="lab-interval" min={LAB_LIMITS.intervalMs.min} max={LAB_LIMITS.intervalMs.max} value={Number.isNaN(form.intervalMs) ? '' : form.intervalMs} onChange={num('intervalMs')} />
          <span className="unit">ms</span>
        </label>
        <label title="Cookie bytes the lab sets; the browser then sends them with every HTTP request">
          Cookie
          <input className="input" type="number" data-testid="lab-cookie" min={0} max={LAB_LIMITS.cookieBytes.max} value={Number.isNaN(form.cookieBytes) ? '' : form.cookieBytes} onChange={num('cookieBytes')} />
          <span className="unit">B</span>
        </label>
        <label title="Browser: this page's fetch, EventSource and WebSocket (real browser headers). Engine: Node clients.">
          Clients
          <select className="select" value={form.clients} data-testid="lab-clients" onChange={(e) => setForm({ clients: e.target.value as LabOptions['clients'] })}>
            <option value="browser">this browser</option>
            <option value="engine">Node (engine)</option>
          </select>
        </label>
      </fieldset>
      {active ? (
        <button className="button lab-go stop" data-testid="lab-stop" onClick={() => void stop()} disabled={busy || phase !== 'running'}>
          ■ Stop
        </button>
      ) : (
        <button className="button primary lab-go" data-testid="lab-start" onClick={() => void start()} disabled={busy || 'error' in checked}>
          ▶ Start
        </button>
      )}
    </div>
  );
}

/** The run's phase and what the user should know, beside the lab's tabs. */
export function LabStatusLine() {
  const form = useStore((s) => s.labForm);
  const status = useStore((s) => s.labStatus);
  const summary = useStore((s) => s.labSummary);
  const error = useStore((s) => s.labError);
  const phase = status?.phase ?? 'idle';
  const checked = checkLabOptions(form);
  return (
    <div className="lab-status" data-testid="lab-status" role="status">
      <span className={`lab-phase ${phase}`}>{PHASE_WORDS[phase]}</span>
      {summary && (
        <span>
          {summary.durationS.toFixed(1)} s · {summary.published} messages published
        </span>
      )}
      {'error' in checked && <span className="lab-error">{checked.error}</span>}
      {error && <span className="lab-error">{error}</span>}
      {status?.error && <span className="lab-error">{status.error}</span>}
      {status?.note && <span className="lab-note">{status.note}</span>}
    </div>
  );
}
