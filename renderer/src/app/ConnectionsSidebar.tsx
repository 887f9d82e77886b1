// Every captured connection, newest first, live: state, subprotocol, extensions, frames and bytes
// each way, duration (ticking while open) and close code. Selecting one filters the whole app.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { ConnectionSource, ConnectionSummary } from '../../../shared/model';
import { CLOSE_CODES } from '../../../shared/protocol/close-codes';
import { formatBytes, formatCount, formatDurationUs } from '../format';
import { useStore } from '../store';
import { SafeText } from '../components/safe-text/SafeText';
import { visibleText } from '../components/safe-text/split-hidden';

export function ConnectionsSidebar() {
  const connections = useStore((s) => s.connections);
  const selected = useStore((s) => s.selectedConnectionId);
  const select = useStore((s) => s.selectConnection);
  // Newest first: that is where a user looks for the connection they just made.
  const all = useMemo(() => [...connections.values()].sort((a, b) => b.id - a.id), [connections]);
  // The lab's own connections (source 'lab') are kept apart from the user's, folded by default.
  const list = useMemo(() => all.filter((c) => c.source !== 'lab'), [all]);
  const labList = useMemo(() => all.filter((c) => c.source === 'lab'), [all]);
  const live = list.filter((c) => c.state === 'open' || c.state === 'connecting' || c.state === 'closing').length;

  return (
    <aside className="sidebar" aria-label="Connections">
      <div className="sidebar-header">
        <h2>
          Connections
          {list.length > 0 && (
            <span className="sidebar-count" data-testid="connections-count">
              {' '}
              {formatCount(list.length)}
              {live > 0 ? ` · ${live} live` : ''}
            </span>
          )}
        </h2>
        {selected !== null && (
          <button className="button ghost small" onClick={() => select(null)} title="Stop filtering: show every connection">
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
      {labList.length > 0 && (
        <details className="sidebar-lab" data-testid="sidebar-lab">
          <summary>
            Lab traffic <span className="sidebar-count">{formatCount(labList.length)}</span>
          </summary>
          <ul className="connection-list" role="listbox" aria-label="Lab connections">
            {labList.map((c) => (
              <ConnectionItem key={c.id} connection={c} selected={c.id === selected} onSelect={() => select(c.id === selected ? null : c.id)} />
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}

function EmptyConnections() {
  const openControls = useStore((s) => s.openControls);
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
      <div className="empty-actions">
        <button className="button primary" onClick={() => openControls('proxy')} data-testid="empty-start-proxy">
          Start a proxy…
        </button>
        <button className="button" onClick={() => openControls('client')} data-testid="empty-open-client">
          Open the built-in client…
        </button>
      </div>
      <p className="empty-foot">Every handshake and frame in both directions appears here, byte for byte.</p>
    </div>
  );
}

const SOURCE_LABEL: Record<ConnectionSource, string> = { reverse: 'reverse', forward: 'forward', client: 'built-in client', lab: 'lab', import: 'from file' };

const isLive = (c: ConnectionSummary): boolean => c.state === 'connecting' || c.state === 'open' || c.state === 'closing';

/** Wall clock in µs, re-read every second while `active`: durations of open connections tick. */
function useNowUs(active: boolean): number {
  const [now, setNow] = useState(() => Date.now() * 1000);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now() * 1000), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return active ? now : 0;
}

/** Whole seconds while live, so the figure ticks evenly instead of flickering decimals. */
function liveDuration(us: number): string {
  const s = Math.floor(us / 1e6);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

function ConnectionItem({ connection: c, selected, onSelect }: { connection: ConnectionSummary; selected: boolean; onSelect: () => void }) {
  const live = isLive(c);
  const now = useNowUs(live);
  const duration = live ? liveDuration(Math.max(0, Math.max(now, c.openedAt) - c.openedAt)) : formatDurationUs(Math.max(0, (c.closedAt ?? c.openedAt) - c.openedAt));
  const closeName = c.closeCode !== null ? CLOSE_CODES[c.closeCode]?.name : undefined;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect();
    }
  };

  return (
    <li
      role="option"
      tabIndex={0}
      aria-selected={selected}
      className={selected ? 'connection selected' : 'connection'}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      data-testid="connection-item"
      data-connection-id={c.id}
      data-state={c.state}
    >
      <div className="connection-top">
        <span className={`state-pill ${c.state}`} data-testid="connection-state">
          {c.state}
        </span>
        <span className="connection-url" title={visibleText(c.url)}>
          <SafeText text={c.url} />
        </span>
      </div>
      <div className="connection-meta">
        <span className="tag" title="How this connection reached Framescope">
          {SOURCE_LABEL[c.source]}
        </span>
        {c.kind !== 'websocket' && <span className="tag">{c.kind}</span>}
        {c.subprotocol && <span className="tag" title="Negotiated subprotocol (Sec-WebSocket-Protocol)">{c.subprotocol}</span>}
        {c.extensions && <span className="tag" title={`Sec-WebSocket-Extensions: ${c.extensions}`}>{c.extensions.split(';')[0]}</span>}
        {c.violations > 0 && <span className="tag danger">{c.violations} violations</span>}
        {c.closeCode !== null && (
          <span className="tag" data-testid="connection-close" title={[closeName, c.closeReason && `“${c.closeReason}”`].filter(Boolean).join(' · ')}>
            close {c.closeCode}
            {c.closeReason ? <> “<SafeText text={c.closeReason} />”</> : ''}
          </span>
        )}
      </div>
      <div className="connection-counts" data-testid="connection-counts">
        <span className="dir client" title={`client → server: ${c.counters.client.messages} messages`}>
          ↑ {formatCount(c.counters.client.frames)} · {formatBytes(c.counters.client.bytes)}
        </span>
        <span className="dir server" title={`server → client: ${c.counters.server.messages} messages`}>
          ↓ {formatCount(c.counters.server.frames)} · {formatBytes(c.counters.server.bytes)}
        </span>
        <span className="muted" data-testid="connection-duration" title={live ? 'Open for' : 'Lasted'}>
          {duration}
        </span>
      </div>
      {c.error && <div className="connection-error">{c.error}</div>}
    </li>
  );
}
