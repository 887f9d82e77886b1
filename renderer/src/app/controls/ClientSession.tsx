// Driving a built-in client connection: send text or binary messages, ping, and close with a code
// and reason. Each action shows its own failure beside it.
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../shared/model';
import { clientClose, clientPing, clientSend } from '../../actions/capture';
import { formatBytes } from '../../format';
import { useStore } from '../../store';
import { parseClose, parsePayload, type PayloadKind } from './control-inputs';
import { InlineError } from './InlineError';
import { useAction } from './use-action';
import { SafeText } from '../../components/safe-text/SafeText';
import { visibleText } from '../../components/safe-text/split-hidden';

// Data, not words: a status line and examples a user types over.
const SWITCHING = '101 Switching Protocols';
const HEX_EXAMPLE_BYTES = '48 65 6c 6c 6f';
const CLOSE_CODE_EXAMPLE = '1000';

export function ClientSession({ connection: c }: { connection: ConnectionSummary }) {
  const { t } = useTranslation('controls');
  const setClientConnection = useStore((s) => s.setClientConnection);
  const ended = c.state === 'closed' || c.state === 'failed';
  return (
    <div className="controls-body" data-testid="client-session">
      <div className="session-head">
        <span className={`state-pill ${c.state}`} data-testid="client-state">
          {t(`session.state.${c.state}`)}
        </span>
        <code className="session-url" title={visibleText(c.url)} translate="no">
          <SafeText text={c.url} />
        </code>
      </div>
      <div className="session-tags">
        {c.subprotocol && (
          <span className="tag">
            {t('session.subprotocol')} <span translate="no">{c.subprotocol}</span>
          </span>
        )}
        {c.extensions && (
          <span className="tag" title={c.extensions} translate="no">
            {c.extensions}
          </span>
        )}
        <span className="muted">
          {t('session.traffic', { sent: formatBytes(c.counters.client.bytes), received: formatBytes(c.counters.server.bytes) })}
        </span>
      </div>
      {c.state === 'connecting' && (
        <p className="controls-note">
          <Trans t={t} i18nKey="session.waiting" values={{ status: SWITCHING }} components={[<span key="0" translate="no" />]} />
        </p>
      )}
      {c.state === 'failed' && <InlineError message={c.error ?? t('session.failed')} testId="client-failed" />}
      {c.state === 'closed' && (
        <p className="controls-note" data-testid="client-closed">
          {c.closeCode !== null ? t('session.closedWith', { code: c.closeCode }) : t('session.closedWithout')}
          {c.closeReason ? (
            <>
              {t('session.reasonOpen')}
              <span translate="no">
                <SafeText text={c.closeReason} />
              </span>
              {t('session.reasonClose')}
            </>
          ) : null}
          {t('session.end')}
        </p>
      )}
      {(c.state === 'open' || c.state === 'closing') && <Composer connection={c} />}
      {c.state === 'open' && <CloseForm connectionId={c.id} />}
      {c.state === 'closing' && <p className="controls-note">{t('session.closing')}</p>}
      {ended && (
        <div className="controls-actions">
          <button className="button primary" onClick={() => setClientConnection(null)} data-testid="client-new">
            {t('session.newConnection')}
          </button>
        </div>
      )}
    </div>
  );
}

const KINDS: readonly PayloadKind[] = ['text', 'binary'];

function Composer({ connection: c }: { connection: ConnectionSummary }) {
  const { t } = useTranslation('controls');
  const [kind, setKind] = useState<PayloadKind>('text');
  const [text, setText] = useState('');
  const send = useAction(async () => {
    const parsed = parsePayload(text, kind);
    if (!parsed.ok) throw new Error(parsed.error);
    await clientSend(c.id, parsed.value, kind === 'binary');
  });
  const ping = useAction(async () => {
    await clientPing(c.id);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send.run();
  };
  const disabled = c.state !== 'open';

  return (
    <form className="controls-form composer" onSubmit={submit} aria-label={t('composer.label')}>
      <div className="composer-head">
        <span className="field-label">{t('composer.message')}</span>
        <div className="segmented small" role="radiogroup" aria-label={t('composer.type')}>
          {KINDS.map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'segment active' : 'segment'} onClick={() => setKind(k)}>
              {k === 'text' ? t('composer.text') : t('composer.binary')}
            </button>
          ))}
        </div>
      </div>
      <textarea
        className="input mono textarea"
        data-testid="client-message"
        rows={3}
        value={text}
        placeholder={kind === 'text' ? t('composer.textPlaceholder') : t('composer.hexPlaceholder', { bytes: HEX_EXAMPLE_BYTES })}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send.run();
          }
        }}
      />
      <div className="controls-actions">
        <button className="button primary" type="submit" disabled={disabled || send.pending} data-testid="client-send" title={t('composer.sendTitle')}>
          {kind === 'text' ? t('composer.sendText') : t('composer.sendBinary')}
        </button>
        <button className="button" type="button" disabled={disabled || ping.pending} onClick={() => void ping.run()} data-testid="client-ping" title={t('composer.pingTitle')}>
          <Trans t={t} i18nKey="composer.ping" components={[<span key="0" translate="no" />]} />
        </button>
      </div>
      <InlineError message={send.error ?? ping.error} testId="client-send-error" />
    </form>
  );
}

function CloseForm({ connectionId }: { connectionId: number }) {
  const { t } = useTranslation('controls');
  const [code, setCode] = useState(CLOSE_CODE_EXAMPLE);
  const [reason, setReason] = useState('');
  const close = useAction(async () => {
    const parsed = parseClose(code, reason);
    if (!parsed.ok) throw new Error(parsed.error);
    await clientClose(connectionId, parsed.value);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void close.run();
  };
  return (
    <form className="controls-form close-form" onSubmit={submit} aria-label={t('closeForm.label')}>
      <span className="field-label">{t('closeForm.heading')}</span>
      <div className="field-row">
        <input className="input mono code" data-testid="client-close-code" value={code} onChange={(e) => setCode(e.target.value)} aria-label={t('closeForm.code')} placeholder={t('closeForm.codePlaceholder')} inputMode="numeric" />
        <input className="input reason" data-testid="client-close-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('closeForm.reason')} placeholder={t('closeForm.reasonPlaceholder')} />
        <button className="button" type="submit" disabled={close.pending} data-testid="client-close">
          {t('closeForm.submit')}
        </button>
      </div>
      <InlineError message={close.error} testId="client-close-error" />
    </form>
  );
}
