import { formatBytes, formatCount } from '../format';
import { CaptureFullStatus } from './CaptureFullStatus';
import { useStore } from '../store';

export function StatusBar() {
  const proxies = useStore((s) => s.proxies);
  const stats = useStore((s) => s.stats);
  const info = useStore((s) => s.info);
  const connected = useStore((s) => s.engineConnected);

  return (
    <footer className="statusbar" aria-label="Status">
      <span className="status-item" data-testid="status-proxy">
        <span className={proxies.length > 0 ? 'dot on' : 'dot'} aria-hidden="true" />
        <span className="status-text">{proxies.length === 0 ? 'Proxy stopped' : proxies.map((p) => `${p.mode} proxy ${p.address}`).join(' · ')}</span>
      </span>
      <span className="status-item" data-testid="status-connections">
        {formatCount(stats.connections)} {stats.connections === 1 ? 'connection' : 'connections'}
      </span>
      <span className="status-item" data-testid="status-frames">
        {formatCount(stats.frames)} frames
      </span>
      <span className="status-item" data-testid="status-size" title="Memory the capture holds, all-in (and bytes spilled to disk)">
        {formatBytes(stats.memoryBytes)} captured{stats.spilledBytes > 0 ? ` + ${formatBytes(stats.spilledBytes)} on disk` : ''}
      </span>
      {stats.paused && <span className="status-item warn">Capture paused</span>}
      <CaptureFullStatus />
      <span className="status-spacer" />
      <span className="status-item muted">
        {connected ? (info ? `${info.host === 'electron' ? 'Desktop' : 'Browser mode'} · v${info.version}` : 'Connecting…') : 'Engine disconnected'}
      </span>
    </footer>
  );
}
