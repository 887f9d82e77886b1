// Names above the three lanes: who the client and the server are, and how Framescope sits between.
import type { ConnectionSource, ConnectionSummary, Endpoint } from '../../../../shared/model';
import type { Lanes } from './lanes';

const PROXY_ROLE: Record<ConnectionSource, string> = {
  reverse: 'reverse proxy',
  forward: 'forward proxy',
  client: 'built-in client',
  lab: 'lab',
  import: 'opened from a file',
};

const endpoint = (e: Endpoint | null): string => (e ? `${e.address}:${e.port}` : '—');

export function LaneHeads({ connection: c, lanes }: { connection: ConnectionSummary; lanes: Lanes }) {
  if (lanes.width === 0) return <div className="tl-heads" />;
  return (
    <div className="tl-heads" aria-hidden="true">
      <span className="tl-head gutter" style={{ width: lanes.gutter - 10 }}>
        since open
      </span>
      <LaneHead x={lanes.client} className="client" name="Client" detail={endpoint(c.client)} />
      <LaneHead x={lanes.proxy} className="proxy" name="Framescope" detail={PROXY_ROLE[c.source]} />
      <LaneHead x={lanes.server} className="server" name="Server" detail={c.server ? endpoint(c.server) : hostOf(c.url)} />
    </div>
  );
}

function LaneHead({ x, className, name, detail }: { x: number; className: string; name: string; detail: string }) {
  return (
    <span className={`tl-head ${className}`} style={{ left: x }}>
      <span className="tl-head-name">
        <span className="tl-head-dot" />
        {name}
      </span>
      <span className="tl-head-detail" title={detail}>
        {detail}
      </span>
    </span>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
