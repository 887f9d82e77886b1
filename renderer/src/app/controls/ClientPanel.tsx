// The built-in client: connect to any ws:// URL (its traffic is captured like a proxied client's),
// then drive that connection from ClientSession.
import type { FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { connectClient } from '../../actions/capture';
import { useStore } from '../../store';
import { ClientSession } from './ClientSession';
import { clientOptionsFrom } from './control-inputs';
import { InlineError } from './InlineError';
import { useAction } from './use-action';
import { MonoField } from './MonoField';

// Data, not words: examples a user types over (a URL, subprotocol names, header lines) and an extension's name.
const URL_EXAMPLE = 'ws://127.0.0.1:8080/';
const SUBPROTOCOLS_EXAMPLE = 'chat.v1, chat.v2';
const HEADERS_EXAMPLE = 'Authorization: Bearer …\nOrigin: http://localhost';
const DEFLATE = 'permessage-deflate';

export function ClientPanel() {
  const connection = useStore((s) => (s.clientConnectionId === null ? null : (s.connections.get(s.clientConnectionId) ?? null)));
  // After "Clear", ids may be reused: only a built-in client connection is ours to drive.
  if (connection && connection.source === 'client') return <ClientSession connection={connection} />;
  return <ConnectForm />;
}

function ConnectForm() {
  const { t } = useTranslation('controls');
  const draft = useStore((s) => s.clientDraft);
  const setDraft = useStore((s) => s.setClientDraft);
  const reverseProxies = useStore((s) => s.proxies).filter((p) => p.mode === 'reverse');
  const connect = useAction(async () => {
    const parsed = clientOptionsFrom(draft);
    if (!parsed.ok) throw new Error(parsed.error);
    await connectClient(parsed.value);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void connect.run();
  };

  return (
    <div className="controls-body">
      <form className="controls-form" onSubmit={submit} aria-label={t('connect.label')}>
        <p className="controls-hint">{t('connect.hint')}</p>
        <MonoField label={t('connect.url')} testId="client-url" value={draft.url} placeholder={URL_EXAMPLE} onChange={(url) => setDraft({ url })} />
        {reverseProxies.length > 0 && (
          <div className="field-suggestions">
            <span className="muted">{t('connect.throughProxy')}</span>
            {reverseProxies.map((p) => (
              <button key={p.id} type="button" className="chip mono" translate="no" onClick={() => setDraft({ url: p.address })} title={t('connect.forwardsTo', { target: p.target })}>
                {p.address}
              </button>
            ))}
          </div>
        )}
        <MonoField
          label={
            <>
              {t('connect.subprotocols')} <span className="muted">{t('connect.subprotocolsHint')}</span>
            </>
          }
          testId="client-subprotocols"
          value={draft.subprotocols}
          placeholder={SUBPROTOCOLS_EXAMPLE}
          onChange={(subprotocols) => setDraft({ subprotocols })}
        />
        <label className="field">
          <span className="field-label">
            {t('connect.headers')} <span className="muted">{t('connect.headersHint')}</span>
          </span>
          <textarea
            className="input mono textarea"
            data-testid="client-headers"
            rows={2}
            value={draft.headers}
            placeholder={HEADERS_EXAMPLE}
            spellCheck={false}
            onChange={(e) => setDraft({ headers: e.target.value })}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.deflate} data-testid="client-deflate" onChange={(e) => setDraft({ deflate: e.target.checked })} />
          <Trans t={t} i18nKey="connect.deflate" values={{ ext: DEFLATE }} components={[<span key="0" translate="no" />]} />{' '}
          <span className="muted">{t('connect.deflateHint')}</span>
        </label>
        <div className="controls-actions">
          <button className="button primary" type="submit" disabled={connect.pending} data-testid="client-connect">
            {connect.pending ? t('connect.connecting') : t('connect.connect')}
          </button>
        </div>
        <InlineError message={connect.error} testId="client-error" />
      </form>
    </div>
  );
}
