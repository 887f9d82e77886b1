// A forward proxy's TLS choices (issue 14): open TLS tunnels with this install's CA or not, hosts
// that pass through untouched, test servers whose certificates are not checked, and extra CAs to
// trust upstream. The engine combines them with the app-wide ones (capture/proxy-tls.ts).
import { useState, type ChangeEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { InlineError } from './InlineError';
import { MonoField } from './MonoField';

// Data, not words: the schemes interception opens up, example host lists, the PEM marker.
const SCHEMES = 'wss://, https://';
const PASS_EXAMPLE = 'bank.example, *.pinned.example';
const INSECURE_EXAMPLE = 'localhost, 127.0.0.1';
const PEM_MARK = '-----BEGIN CERTIFICATE-----';
const PEM_ACCEPT = '.pem,.crt,.cer';
/** The engine's bounds (schemas-capture.ts): a few CAs, each at most 64 KiB of PEM text. */
const MAX_CAS = 16;
const MAX_PEM_BYTES = 65_536;

export function ForwardTlsFields() {
  const { t } = useTranslation('controls');
  const draft = useStore((s) => s.proxyDraft);
  const setDraft = useStore((s) => s.setProxyDraft);
  const [error, setError] = useState<string | null>(null);

  const addCa = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(null);
    if (draft.trustedCas.length >= MAX_CAS) return setError(t('proxy.tls.tooMany', { max: MAX_CAS }));
    if (file.size > MAX_PEM_BYTES) return setError(t('proxy.tls.tooBig', { name: file.name }));
    const pem = await file.text();
    if (!pem.includes(PEM_MARK)) return setError(t('proxy.tls.notPem', { name: file.name }));
    setDraft({ trustedCas: [...draft.trustedCas, { name: file.name, pem }] });
  };

  return (
    <fieldset className="controls-fieldset" data-testid="proxy-tls">
      <legend className="field-label">{t('proxy.tls.legend')}</legend>
      <label className="check">
        <input type="checkbox" checked={draft.interceptTls} data-testid="proxy-intercept-tls" onChange={(e) => setDraft({ interceptTls: e.target.checked })} />
        <Trans t={t} i18nKey="proxy.tls.intercept" values={{ schemes: SCHEMES }} components={[<span key="0" translate="no" />]} />
      </label>
      {draft.interceptTls && (
        <MonoField
          label={t('proxy.tls.passThrough')}
          testId="proxy-pass-through"
          value={draft.passThrough}
          placeholder={PASS_EXAMPLE}
          onChange={(passThrough) => setDraft({ passThrough })}
        />
      )}
      <MonoField
        label={t('proxy.tls.insecure')}
        testId="proxy-insecure-hosts"
        value={draft.insecureHosts}
        placeholder={INSECURE_EXAMPLE}
        onChange={(insecureHosts) => setDraft({ insecureHosts })}
      />
      <div className="field">
        <span className="field-label">{t('proxy.tls.trusted')}</span>
        {draft.trustedCas.length > 0 && (
          <ul className="proxy-cas" data-testid="proxy-cas">
            {draft.trustedCas.map((ca, i) => (
              <li key={`${ca.name}-${i}`}>
                <code translate="no">{ca.name}</code>{' '}
                <button
                  type="button"
                  className="button ghost small"
                  onClick={() => setDraft({ trustedCas: draft.trustedCas.filter((_, j) => j !== i) })}
                >
                  {t('proxy.tls.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label className="button small">
          {t('proxy.tls.addCa')}
          <input type="file" accept={PEM_ACCEPT} hidden data-testid="proxy-add-ca" onChange={(e) => void addCa(e)} />
        </label>
        <span className="muted">{t('proxy.tls.trustedHint')}</span>
      </div>
      <InlineError message={error} testId="proxy-tls-error" />
    </fieldset>
  );
}
