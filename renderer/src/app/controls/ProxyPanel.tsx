// Start a capture proxy: reverse (clients connect to Framescope, which forwards to one server) or
// forward (apps use Framescope as their HTTP proxy). Running proxies are listed underneath.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyMode } from '../../../../shared/api';
import { startProxy } from '../../actions/capture';
import { useStore } from '../../store';
import { proxyOptionsFrom } from './control-inputs';
import { ForwardTlsFields } from './ForwardTlsFields';
import { InlineError } from './InlineError';
import { ProxyList } from './ProxyList';
import { useAction } from './use-action';
import { MonoField } from './MonoField';

const MODES = [
  { mode: 'reverse', label: 'proxy.reverse', hint: 'proxy.reverseHint' },
  { mode: 'forward', label: 'proxy.forward', hint: 'proxy.forwardHint' },
] as const satisfies ReadonlyArray<{ mode: ProxyMode; label: string; hint: string }>;

// Data, not words: an example a user types over, and the address the proxy listens on.
const URL_EXAMPLE = 'ws://127.0.0.1:8080/';
const LOOPBACK = '127.0.0.1 :';

export function ProxyPanel() {
  const { t } = useTranslation('controls');
  const draft = useStore((s) => s.proxyDraft);
  const setDraft = useStore((s) => s.setProxyDraft);
  const start = useAction(async () => {
    const parsed = proxyOptionsFrom(draft);
    if (!parsed.ok) throw new Error(parsed.error);
    await startProxy(parsed.value);
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start.run();
  };
  const hint = MODES.find((m) => m.mode === draft.mode)!.hint;

  return (
    <div className="controls-body">
      <form className="controls-form" onSubmit={submit} aria-label={t('proxy.label')}>
        <div className="segmented" role="radiogroup" aria-label={t('proxy.mode')}>
          {MODES.map((m) => (
            <button
              key={m.mode}
              type="button"
              role="radio"
              aria-checked={draft.mode === m.mode}
              className={draft.mode === m.mode ? 'segment active' : 'segment'}
              onClick={() => setDraft({ mode: m.mode })}
            >
              {t(m.label)}
            </button>
          ))}
        </div>
        <p className="controls-hint">{t(hint)}</p>
        {draft.mode === 'reverse' && (
          <MonoField label={t('proxy.target')} testId="proxy-target" value={draft.target} placeholder={URL_EXAMPLE} onChange={(target) => setDraft({ target })} />
        )}
        <label className="field">
          <span className="field-label">{t('proxy.port')}</span>
          <span className="field-row">
            <span className="field-prefix mono" translate="no">
              {LOOPBACK}
            </span>
            <input
              className="input mono port"
              data-testid="proxy-port"
              value={draft.port}
              placeholder={t('proxy.portPlaceholder')}
              inputMode="numeric"
              autoComplete="off"
              onChange={(e) => setDraft({ port: e.target.value })}
            />
          </span>
        </label>
        {draft.mode === 'forward' && <ForwardTlsFields />}
        <div className="controls-actions">
          <button className="button primary" type="submit" disabled={start.pending} data-testid="proxy-start">
            {start.pending ? t('proxy.starting') : draft.mode === 'reverse' ? t('proxy.startReverse') : t('proxy.startForward')}
          </button>
        </div>
        <InlineError message={start.error} testId="proxy-error" />
      </form>
      <ProxyList />
    </div>
  );
}
