// A plain-HTTP connection (polling, long polling, SSE through the proxy): its exchanges, the exact
// request and response heads of the one picked, highlighted like a WebSocket handshake, and both
// bodies (http/HttpBody.tsx: wire or decoded, text, JSON, hex or server-sent events).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HttpExchange, HttpHeadView } from '../../../../../shared/model';
import { parseHttpHead } from '../../../../../shared/protocol/http-head-parser';
import { queryKeys } from '../../../api/queries/query-keys';
import { useClient } from '../../../api/use-client';
import { useStore } from '../../../store';
import { formatBytes, formatDurationUs } from '../../../format';
import { RawHead } from './RawHead';
import { SafeText } from '../../../components/safe-text/SafeText';
import { TlsSession } from './TlsSession';
import { HttpBody } from '../http/HttpBody';
import '../http/http.css';

const latin1 = new TextDecoder('latin1');

function headView(raw: Uint8Array): HttpHeadView | null {
  const head = parseHttpHead(raw);
  return 'error' in head ? null : { raw, startLine: head.startLine, headers: head.headers };
}

function Head({ raw, testId }: { raw: Uint8Array | null; testId: string }) {
  const { t } = useTranslation('http');
  if (raw === null) return <p className="muted note">{t('exchanges.noResponse')}</p>;
  const view = headView(raw);
  // The head's bytes are the peer's (translate="no"); RawHead's notes on them are its owner's text.
  return view ? (
    <div translate="no">
      <RawHead head={view} testId={testId} />
    </div>
  ) : (
    <pre className="raw-head" translate="no">
      {latin1.decode(raw)}
    </pre>
  );
}

export function HttpExchanges({ connectionId }: { connectionId: number }) {
  const { t } = useTranslation('http');
  // Read once; after that the feed writes each exchange the engine pushes into this list.
  const client = useClient();
  const summary = useStore((s) => s.connections.get(connectionId));
  const { data: value, error: failure } = useQuery({ queryKey: queryKeys.exchanges(connectionId), queryFn: () => client.listHttpExchanges({ connectionId }) });
  const [picked, setPicked] = useState<number | null>(null);
  if (failure) {
    return (
      <p className="note warn-note">
        {t('exchanges.loadError')} <span translate="no">{failure.message}</span>
      </p>
    );
  }
  if (!value) return <p className="muted note">{t('exchanges.loading')}</p>;
  if (value.length === 0) return <p className="muted note">{t('exchanges.empty')}</p>;
  const chosen: HttpExchange = value.find((x) => x.id === picked) ?? value[value.length - 1]!;
  return (
    <div className="http-exchanges" data-testid="http-exchanges">
      <table className="field-list">
        <thead>
          <tr>
            <th>{t('exchanges.colRequest')}</th>
            <th>{t('exchanges.colStatus')}</th>
            <th>{t('exchanges.colSent')}</th>
            <th>{t('exchanges.colReceived')}</th>
            <th>{t('exchanges.colTime')}</th>
          </tr>
        </thead>
        <tbody>
          {value.map((x) => (
            <tr key={x.id} className={x.id === chosen.id ? 'is-hl' : ''} onClick={() => setPicked(x.id)} data-testid="http-exchange-row">
              <td className="mono" translate="no">
                {x.method} <SafeText text={x.url} />
              </td>
              <td className="mono">{x.status ?? '…'}</td>
              <td>{formatBytes(x.requestHead.length + x.requestBodyBytes)}</td>
              <td>{x.responseHead ? formatBytes(x.responseHead.length + x.responseBodyBytes) : '…'}</td>
              <td>{x.endedAt === null ? t('exchanges.open') : formatDurationUs(x.endedAt - x.startedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="handshake-heads">
        <section>
          <h3 className="pane-subtitle">{t('exchanges.requestHead')}</h3>
          <Head raw={chosen.requestHead} testId="http-request" />
          <HttpBody key={`req-${chosen.id}`} exchange={chosen} side="request" />
        </section>
        <section>
          <h3 className="pane-subtitle">
            {t('exchanges.responseHead')} {chosen.sseEvents > 0 && <span className="muted">{t('exchanges.sseCount', { count: chosen.sseEvents })}</span>}
          </h3>
          <Head raw={chosen.responseHead} testId="http-response" />
          <HttpBody key={`res-${chosen.id}`} exchange={chosen} side="response" />
        </section>
      </div>
      {summary?.tls && <TlsSession tls={summary.tls} />}
    </div>
  );
}
