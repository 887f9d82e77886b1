// Names above the three lanes: who the client and the server are, and how Framescope sits between.
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary, Endpoint } from '../../../../shared/model';
import type { Lanes } from './lanes';
import { sourceLabel } from './source-label';

const endpoint = (e: Endpoint | null): string => (e ? `${e.address}:${e.port}` : '—');

export function LaneHeads({ connection: c, lanes }: { connection: ConnectionSummary; lanes: Lanes }) {
  const { t } = useTranslation('timeline');
  if (lanes.width === 0) return <div className="tl-heads" />;
  return (
    <div className="tl-heads" aria-hidden="true">
      <span className="tl-head gutter" style={{ width: lanes.gutter - 10 }}>
        {t('heads.sinceOpen')}
      </span>
      <LaneHead x={lanes.client} className="client" name={t('heads.client')} detail={endpoint(c.client)} />
      <LaneHead x={lanes.proxy} className="proxy" name="Framescope" detail={sourceLabel(c.source)} />
      <LaneHead x={lanes.server} className="server" name={t('heads.server')} detail={c.server ? endpoint(c.server) : hostOf(c.url)} />
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
