// The Handshake tab: the raw upgrade request and response, the accept computation, what was
// negotiated, and any handshake violation (getConnection(id).handshake).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/queries/query-keys';
import { useClient } from '../../../api/use-client';
import { ViolationList } from '../../../components/violations/ViolationList';
import { useStore } from '../../../store';
import { AcceptSteps } from './AcceptSteps';
import { Negotiation } from './Negotiation';
import { RawHead } from './RawHead';
import { TlsSession } from './TlsSession';

/** Verdict marks: symbols, not words. */
const MARK = { ok: '✓', bad: '✗' };

export function HandshakeTab({ connectionId }: { connectionId: number }) {
  const { t } = useTranslation('inspector');
  // Re-read when the connection moves on (the response arrives after the request; the close later).
  const stamp = useStore((s) => {
    const c = s.connections.get(connectionId);
    return c ? `${c.state}:${c.closedAt ?? ''}:${c.violations}` : '';
  });
  const client = useClient();
  const { data: value, error: failure } = useQuery({
    queryKey: queryKeys.connection(connectionId, stamp),
    queryFn: () => client.getConnection(connectionId),
    placeholderData: (previous, query) => (query?.queryKey[1] === connectionId ? previous : undefined),
  });
  const error = failure ? failure.message : null;

  if (error) return <p className="note warn-note">{t('handshake.loadFailed', { id: connectionId, error })}</p>;
  if (!value) return <p className="muted note">{t('handshake.loading', { id: connectionId })}</p>;
  const h = value.handshake;
  const upgraded = h.response?.startLine.split(' ')[1] === '101';
  const ok = upgraded && h.accept?.ok === true && h.violations.length === 0;
  return (
    <div className="handshake-tab" data-testid="handshake">
      <p className={`handshake-summary ${ok ? 'ok' : 'bad'}`} data-testid="handshake-summary">
        <span className="verdict-mark">{ok ? MARK.ok : MARK.bad}</span>
        {h.response ? (
          <strong translate="no">{h.response.startLine}</strong>
        ) : (
          <strong>{t('handshake.noResponseYet')}</strong>
        )}
        <span className="muted">{ok ? t('handshake.ok') : upgraded ? t('handshake.brokenRules') : t('handshake.notUpgraded')}</span>
        <span className="muted">
          {t('handshake.negotiatedLine', { subprotocol: h.subprotocol ?? t('handshake.none'), extensions: h.extensions.map((e) => e.name).join(', ') || t('handshake.none') })}
        </span>
      </p>
      <ViolationList violations={h.violations} offsetIn="head" />
      <div className="handshake-heads">
        <section>
          <h3 className="pane-subtitle">
            {t('handshake.request')} <span className="muted">— {t('handshake.clientToServer')}</span>
          </h3>
          {h.request ? <RawHead head={h.request} testId="handshake-request" /> : <p className="muted note">{t('handshake.noRequest')}</p>}
        </section>
        <section>
          <h3 className="pane-subtitle">
            {t('handshake.response')} <span className="muted">— {t('handshake.serverToClient')}</span>
          </h3>
          {h.response ? <RawHead head={h.response} testId="handshake-response" /> : <p className="muted note">{t('handshake.noResponse')}</p>}
        </section>
      </div>
      <section>
        <h3 className="pane-subtitle">{t('handshake.acceptTitle')}</h3>
        <AcceptSteps accept={h.accept} />
      </section>
      <section>
        <h3 className="pane-subtitle">{t('handshake.negotiated')}</h3>
        <Negotiation handshake={h} />
      </section>
      {value.summary.tls && <TlsSession tls={value.summary.tls} />}
    </div>
  );
}
