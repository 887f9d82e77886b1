// Follow live, floating over the table's bottom-right corner where new rows appear: a quiet
// "Following live" while it is on, a prominent "Resume live" once the user has scrolled away.
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../shared/model';
import { useStore } from '../../store';

function live(c: ConnectionSummary | undefined): boolean {
  return c !== undefined && (c.state === 'connecting' || c.state === 'open' || c.state === 'closing');
}

export function FollowLiveButton({ connectionId }: { connectionId: number | null }) {
  const { t } = useTranslation('inspector');
  const followLive = useStore((s) => s.followLive);
  const setFollowLive = useStore((s) => s.setFollowLive);
  // Nothing can arrive on a closed connection (or when every connection is closed): no button.
  const anyLive = useStore((s) => (connectionId !== null ? live(s.connections.get(connectionId)) : [...s.connections.values()].some(live) || s.proxies.length > 0));
  if (!anyLive) return null;
  return (
    <button
      className={followLive ? 'follow-pill on' : 'follow-pill'}
      aria-pressed={followLive}
      onClick={() => setFollowLive(!followLive)}
      title={followLive ? t('follow.onTitle') : t('follow.offTitle')}
      data-testid="follow-live"
    >
      {followLive ? t('follow.on') : t('follow.off')}
    </button>
  );
}
