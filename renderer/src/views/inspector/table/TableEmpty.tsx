// What the table says when it has no rows: how to get frames, or why the filter shows none.
import type { ConnectionSummary } from '../../../../../shared/model';
import { useStore } from '../../../store';
import { isFilterActive } from '../../../store/inspector-slice';

export interface TableEmptyProps {
  captureFrames: number;
  connection: ConnectionSummary | null;
  onShowHandshake(): void;
}

export function TableEmpty({ captureFrames, connection, onShowHandshake }: TableEmptyProps) {
  const filter = useStore((s) => s.inspectorFilter);
  const clearFilter = useStore((s) => s.clearInspectorFilter);
  const selectConnection = useStore((s) => s.selectConnection);

  if (isFilterActive(filter)) {
    return (
      <div className="table-empty" data-testid="table-empty">
        <p className="empty-title">No frames match these filters</p>
        <p className="muted">Loosen the direction, opcode or search filters, or clear them all.</p>
        <button className="button" onClick={clearFilter}>
          Clear filters
        </button>
      </div>
    );
  }
  if (connection) {
    const http = connection.kind !== 'websocket';
    return (
      <div className="table-empty" data-testid="table-empty">
        <p className="empty-title">{http ? `Connection #${connection.id} carried plain HTTP, not WebSocket frames` : `No frames on connection #${connection.id} yet`}</p>
        <p className="muted">
          {http
            ? 'Polling, long polling and server-sent events travel as HTTP requests. The HTTP tab below shows each request and response head; the Timeline draws them over time.'
            : connection.state === 'failed'
              ? `The upgrade failed${connection.error ? `: ${connection.error}` : ''}. The handshake shows what each side sent.`
              : 'The handshake is done; frames appear here as soon as either side sends one.'}
        </p>
        <div className="table-empty-actions">
          <button className="button" onClick={onShowHandshake}>
            {http ? 'Show the HTTP exchanges' : 'Show the handshake'}
          </button>
          <button className="button ghost" onClick={() => selectConnection(null)}>
            Show every connection
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="table-empty" data-testid="table-empty">
      <p className="empty-title">{captureFrames > 0 ? 'Loading frames…' : 'No frames captured yet'}</p>
      {captureFrames === 0 && (
        <>
          <p className="muted">
            Start a proxy in front of your WebSocket server (see the Connections panel on the left) and point your client at it. Every frame in both directions lands
            here live: opcode, FIN, RSV, mask, length and payload.
          </p>
          <p className="muted">
            Then pick a frame to see its bits laid out as in RFC 6455 §5.2, its bytes in hex, its payload as text or JSON, and the handshake that opened the connection.
          </p>
        </>
      )}
    </div>
  );
}
