// The Handshake tab: the raw upgrade request and response, the accept computation, what was
// negotiated, and any handshake violation (getConnection(id).handshake).
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/queries/query-keys';
import { useClient } from '../../../api/use-client';
import { ViolationList } from '../../../components/violations/ViolationList';
import { useStore } from '../../../store';
import { AcceptSteps } from './AcceptSteps';
import { Negotiation } from './Negotiation';
import { RawHead } from './RawHead';
import { TlsSession } from './TlsSession';

export function HandshakeTab({ connectionId }: { connectionId: number }) {
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

  if (error) return <p className="note warn-note">Could not load connection #{connectionId}: {error}</p>;
  if (!value) return <p className="muted note">Loading the handshake of connection #{connectionId}…</p>;
  const h = value.handshake;
  const upgraded = h.response?.startLine.split(' ')[1] === '101';
  const ok = upgraded && h.accept?.ok === true && h.violations.length === 0;
  return (
    <div className="handshake-tab" data-testid="handshake">
      <p className={`handshake-summary ${ok ? 'ok' : 'bad'}`} data-testid="handshake-summary">
        <span className="verdict-mark">{ok ? '✓' : '✗'}</span>
        <strong>{h.response ? h.response.startLine : 'No response yet'}</strong>
        <span className="muted">
          {ok ? 'The upgrade succeeded: from here on both sides speak WebSocket frames.' : upgraded ? 'The server switched protocols, but the handshake breaks the rules below.' : 'The connection was not upgraded to WebSocket.'}
        </span>
        <span className="muted">
          · subprotocol {h.subprotocol ?? 'none'} · extensions {h.extensions.map((e) => e.name).join(', ') || 'none'}
        </span>
      </p>
      <ViolationList violations={h.violations} offsetLabel="of the head" />
      <div className="handshake-heads">
        <section>
          <h3 className="pane-subtitle">
            Request <span className="muted">— client → server</span>
          </h3>
          {h.request ? <RawHead head={h.request} testId="handshake-request" /> : <p className="muted note">No request captured.</p>}
        </section>
        <section>
          <h3 className="pane-subtitle">
            Response <span className="muted">— server → client</span>
          </h3>
          {h.response ? <RawHead head={h.response} testId="handshake-response" /> : <p className="muted note">No response yet: the server has not answered the upgrade request.</p>}
        </section>
      </div>
      <section>
        <h3 className="pane-subtitle">Sec-WebSocket-Accept, worked out</h3>
        <AcceptSteps accept={h.accept} />
      </section>
      <section>
        <h3 className="pane-subtitle">Negotiated</h3>
        <Negotiation handshake={h} />
      </section>
      {value.summary.tls && <TlsSession tls={value.summary.tls} />}
    </div>
  );
}
