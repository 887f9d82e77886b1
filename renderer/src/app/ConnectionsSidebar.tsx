import { useMemo } from 'react';
import type { ConnectionSummary } from '../../../shared/model';
import { formatBytes, formatCount, formatDurationUs } from '../format';
import { useStore } from '../store';

export function ConnectionsSidebar() {
  const connections = useStore((s) => s.connections);
  const selected = useStore((s) => s.selectedConnectionId);
  const select = useStore((s) => s.selectConnection);
  // Newest first: that is where a user looks for the connection they just made.
  const list = useMemo(() => [...connections.values()].sort((a, b) => b.id - a.id), [connections]);

  return (
    <aside className="sidebar" aria-label="Connections">
      <div className="sidebar-header">
        <h2>Connections</h2>
        {selected !== null && (
          <button className="button ghost small" onClick={() => select(null)} title="Show every connection">
            Show all
          </button>
        )}
      </div>
      {list.length === 0 ? (
        <EmptyConnections />
      ) : (
        <ul className="connection-list" role="listbox" aria-label="Captured connections">
          {list.map((c) => (
            <ConnectionItem key={c.id} connection={c} selected={c.id === selected} onSelect={() => select(c.id === selected ? null : c.id)} />
          ))}
        </ul>
      )}
    </aside>
  );
}

function EmptyConnections() {
  return (
    <div className="empty-state" data-testid="connections-empty">
      <p className="empty-title">No connections yet</p>
      <ol className="empty-steps">
        <li>
          Start a <strong>reverse proxy</strong> to your server (for example <code>ws://127.0.0.1:8080</code>) and point your client
          at the proxy's address instead.
        </li>
        <li>
          Or start a <strong>forward proxy</strong> and set it as your browser's or app's HTTP proxy.
        </li>
        <li>
          Or open the <strong>built-in client</strong> and connect to any <code>ws://</code> URL.
        </li>
      </ol>
      <p className="empty-foot">Every handshake and frame in both directions appears here, byte for byte.</p>
    </div>
  );
}

const STATE_LABEL: Record<ConnectionSummary['state'], string> = {
  connecting: 'connecting',
  open: 'open',
  closing: 'closing',
  closed: 'closed',
  failed: 'failed',
};

function ConnectionItem({ connection: c, selected, onSelect }: { connection: ConnectionSummary; selected: boolean; onSelect: () => void }) {
  const duration = (c.closedAt ?? Date.now() * 1000) - c.openedAt;
  return (
    <li role="option" aria-selected={selected} className={selected ? 'connection selected' : 'connection'} onClick={onSelect} data-testid="connection-item">
      <div className="connection-top">
        <span className={`state-pill ${c.state}`}>{STATE_LABEL[c.state]}</span>
        <span className="connection-url" title={c.url}>
          {c.url}
        </span>
      </div>
      <div className="connection-meta">
        {c.kind !== 'websocket' && <span className="tag">{c.kind}</span>}
        {c.subprotocol && <span className="tag" title="Negotiated subprotocol">{c.subprotocol}</span>}
        {c.extensions && <span className="tag" title={c.extensions}>{c.extensions.split(';')[0]}</span>}
        {c.violations > 0 && <span className="tag danger">{c.violations} violations</span>}
        {c.closeCode !== null && <span className="tag" title={c.closeReason ?? ''}>close {c.closeCode}</span>}
      </div>
      <div className="connection-counts">
        <span className="dir client" title="client → server">
          ↑ {formatCount(c.counters.client.frames)} · {formatBytes(c.counters.client.bytes)}
        </span>
        <span className="dir server" title="server → client">
          ↓ {formatCount(c.counters.server.frames)} · {formatBytes(c.counters.server.bytes)}
        </span>
        <span className="muted">{formatDurationUs(Math.max(0, duration))}</span>
      </div>
      {c.error && <div className="connection-error">{c.error}</div>}
    </li>
  );
}
