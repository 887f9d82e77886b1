// The lab's controls: the event stream (rate, size, format, pattern), the polling interval, the
// cookie every HTTP request carries, and who runs the clients; Start / Stop; and the run's status,
// including who counted the bytes.
import { LAB_LIMITS, checkLabOptions, type LabOptions, type LabPhase } from '../../../../shared/api';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

const ACTIVE: LabPhase[] = ['starting', 'running', 'draining', 'closing'];

export function LabControls() {
  const { t } = useTranslation('lab');
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
          {t('controls.rate')}
          <input className="input" type="number" data-testid="lab-rate" min={LAB_LIMITS.rate.min} max={LAB_LIMITS.rate.max} step="any" value={Number.isNaN(form.rate) ? '' : form.rate} onChange={num('rate')} />
          <span className="unit">{t('controls.perSecond')}</span>
        </label>
        <label>
          {t('controls.size')}
          <input className="input" type="number" data-testid="lab-size" min={LAB_LIMITS.size.min} max={LAB_LIMITS.size.max} value={Number.isNaN(form.size) ? '' : form.size} onChange={num('size')} />
          <span className="unit">B</span>
        </label>
        <label>
          <select className="select" value={form.format} onChange={(e) => setForm({ format: e.target.value as LabOptions['format'] })} aria-label={t('controls.format')}>
            <option value="json">{t('controls.json')}</option>
            <option value="text">{t('controls.text')}</option>
          </select>
        </label>
        <label>
          <select className="select" value={form.pattern} onChange={(e) => setForm({ pattern: e.target.value as LabOptions['pattern'] })} aria-label={t('controls.pattern')}>
            <option value="steady">{t('controls.steady')}</option>
            <option value="bursty">{t('controls.bursty')}</option>
          </select>
        </label>
        <label title={t('controls.phaseTitle')}>
          <select className="select" value={form.phase} data-testid="lab-phase" onChange={(e) => setForm({ phase: e.target.value as LabOptions['phase'] })} aria-label={t('controls.phase')}>
            <option value="random">{t('controls.random')}</option>
            <option value="fixed">{t('controls.fixed')}</option>
          </select>
        </label>
        <label className="lab-check" title={t('controls.upstreamTitle')}>
          <input type="checkbox" data-testid="lab-upstream" checked={form.upstream} onChange={(e) => setForm({ upstream: e.target.checked })} />
          {t('controls.upstream')}
        </label>
        <label title={t('controls.intervalTitle')}>
          {t('controls.interval')}
          <input className="input" type="number" data-testid="lab-interval" min={LAB_LIMITS.intervalMs.min} max={LAB_LIMITS.intervalMs.max} value={Number.isNaN(form.intervalMs) ? '' : form.intervalMs} onChange={num('intervalMs')} />
          <span className="unit">{t('controls.ms')}</span>
        </label>
        <label title={t('controls.cookieTitle')}>
          {t('controls.cookie')}
          <input className="input" type="number" data-testid="lab-cookie" min={0} max={LAB_LIMITS.cookieBytes.max} value={Number.isNaN(form.cookieBytes) ? '' : form.cookieBytes} onChange={num('cookieBytes')} />
          <span className="unit">B</span>
        </label>
        <label title={t('controls.clientsTitle')}>
          {t('controls.clients')}
          <select className="select" value={form.clients} data-testid="lab-clients" onChange={(e) => setForm({ clients: e.target.value as LabOptions['clients'] })}>
            <option value="browser">{t('controls.browser')}</option>
            <option value="engine">{t('controls.engine')}</option>
          </select>
        </label>
      </fieldset>
      {active ? (
        <button className="button lab-go stop" data-testid="lab-stop" onClick={() => void stop()} disabled={busy || phase !== 'running'}>
          {t('controls.stop')}
        </button>
      ) : (
        <button className="button primary lab-go" data-testid="lab-start" onClick={() => void start()} disabled={busy || 'error' in checked}>
          {t('controls.start')}
        </button>
      )}
    </div>
  );
}

/** The run's phase and what the user should know, beside the lab's tabs. */
export function LabStatusLine() {
  const { t } = useTranslation('lab');
  const form = useStore((s) => s.labForm);
  const status = useStore((s) => s.labStatus);
  const summary = useStore((s) => s.labSummary);
  const error = useStore((s) => s.labError);
  const phase = status?.phase ?? 'idle';
  const checked = checkLabOptions(form);
  return (
    <div className="lab-status" data-testid="lab-status" role="status">
      <span className={`lab-phase ${phase}`}>{t(`phase.${phase}`)}</span>
      {summary && (
        <span>{t('status.published', { seconds: summary.durationS.toFixed(1), count: summary.published })}</span>
      )}
      {/* The engine's own words (option checks, errors, notes): shown as sent, like peer data. */}
      {'error' in checked && (
        <span className="lab-error" translate="no">
          {checked.error}
        </span>
      )}
      {error && (
        <span className="lab-error" translate="no">
          {error}
        </span>
      )}
      {status?.error && (
        <span className="lab-error" translate="no">
          {status.error}
        </span>
      )}
      {status?.note && (
        <span className="lab-note" translate="no">
          {status.note}
        </span>
      )}
    </div>
  );
}
