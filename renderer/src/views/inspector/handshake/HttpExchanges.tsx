// A plain-HTTP connection (polling, long polling, SSE through the proxy): its exchanges, and the
// exact request and response heads of the one picked, highlighted like a WebSocket handshake.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { HttpExchange, HttpHeadView } from '../../../../../shared/model';
import { parseHttpHead } from '../../../../../shared/protocol/http-head-parser';
import { queryKeys } from '../../../api/queries/query-keys';
import { useClient } from '../../../api/use-client';
import { useStore } from '../../../store';
import { formatBytes, formatDurationUs } from '../../../format';
import { RawHead } from './RawHead';
import { SafeText } from '../../../components/safe-text/SafeText';
import { TlsSession } from './TlsSession';

function headView(raw: Uint8Array): HttpHeadView | null {
  const head = parseHttpHead(raw);
  return 'error' in head ? null : { raw, startLine: head.startLine, headers: head.headers };
}

function Head({ raw, testId }: { raw: Uint8Array | null; testId: string }) {
  if (raw === null) return <p className="muted note">No response yet.</p>;
  const view = headView(raw);
  return view ? <RawHead head={view} testId={testId} /> : <pre className="raw-head">{new TextDecoder('latin1').decode(raw)}</pre>;
}

export function HttpExchanges({ connectionId }: { connectionId: number }) {
  // Read once; after that the feed writes each exchange the engine pushes into this list.
  const client = useClient();
  const summary = useStore((s) => s.connections.get(connectionId));
  const { data: value, error: failure } = useQuery({ queryKey: queryKeys.exchanges(connectionId), queryFn: () => client.listHttpExchanges({ connectionId }) });
  const error = failure ? failure.message : null;
  const [picked, setPicked] = useState<number | null>(null);
  if (error) return <p className="note warn-note">Could not list the HTTP exchanges: {error}</p>;
  if (!value) return <p className="muted note">Loading the HTTP exchanges…</p>;
  if (value.length === 0) return <p className="muted note">No HTTP request has gone through this connection yet.</p>;
  const chosen: HttpExchange = value.find((x) => x.id === picked) ?? value[value.length - 1]!;
  return (
    <div className="http-exchanges" data-testid="http-exchanges">
      <table className="field-list">
        <thead>
          <tr>
            <th>Request</th>
            <th>Status</th>
            <th>Sent</th>
            <th>Received</th>
            <th>Time</th>
          </tr>
        </thead>
        <tbody>
          {value.map((x) => (
            <tr key={x.id} className={x.id === chosen.id ? 'is-hl' : ''} onClick={() => setPicked(x.id)}>
              <td className="mono">
                {x.method} <SafeText text={x.url} />
              </td>
              <td className="mono">{x.status ?? '…'}</td>
              <td>{formatBytes(x.requestHead.length + x.requestBodyBytes)}</td>
              <td>{x.responseHead ? formatBytes(x.responseHead.length + x.responseBodyBytes) : '…'}</td>
              <td>{x.endedAt === null ? 'open' : formatDurationUs(x.endedAt - x.startedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="handshake-heads">
        <section>
          <h3 className="pane-subtitle">Request head</h3>
          <Head raw={chosen.requestHead} testId="http-request" />
        </section>
        <section>
          <h3 className="pane-subtitle">
            Response head {chosen.sseEvents > 0 && <span className="muted">— {chosen.sseEvents} server-sent events in the body</span>}
          </h3>
          <Head raw={chosen.responseHead} testId="http-response" />
        </section>
      </div>
      {summary?.tls && <TlsSession tls={summary.tls} />}
    </div>
  );
}
