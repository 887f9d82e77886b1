// The line at the bottom: proxies, what the capture holds, and the engine's state. However many
// proxies run, it never widens the window: the proxy list shrinks with an ellipsis (the whole list
// is in its tooltip) and the other items wrap onto a second line on a narrow window.
import { useTranslation } from 'react-i18next';
import type { ProxyStatus } from '../../../shared/api';
import { formatBytes, formatCount } from '../format';
import { CaptureFullStatus } from './CaptureFullStatus';
import { useStore } from '../store';

export function StatusBar() {
  const { t } = useTranslation('shell');
  const stats = useStore((s) => s.stats);
  const info = useStore((s) => s.info);
  const connected = useStore((s) => s.engineConnected);
  const engine = connected ? (info ? t(info.host === 'electron' ? 'status.desktop' : 'status.browser', { version: info.version }) : t('status.connecting')) : t('status.disconnected');

  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <ProxyStatusItem />
      <span className="status-item" data-testid="status-connections">
        {t('status.connections', { count: stats.connections, formatted: formatCount(stats.connections) })}
      </span>
      <span className="status-item" data-testid="status-frames">
        {t('status.frames', { count: stats.frames, formatted: formatCount(stats.frames) })}
      </span>
      <span className="status-item" data-testid="status-size" title={t('status.sizeHint')}>
        {t('status.captured', { size: formatBytes(stats.memoryBytes) })}
        {stats.spilledBytes > 0 ? t('status.onDisk', { size: formatBytes(stats.spilledBytes) }) : ''}
      </span>
      {stats.paused && <span className="status-item warn">{t('status.paused')}</span>}
      <CaptureFullStatus />
      <span className="status-spacer" />
      <span className="status-item muted" data-testid="status-engine">
        {engine}
      </span>
    </footer>
  );
}

function ProxyStatusItem() {
  const { t } = useTranslation('shell');
  const proxies = useStore((s) => s.proxies);
  const describe = (p: ProxyStatus) => `${t('status.proxy', { mode: t(`status.mode.${p.mode}`) })} ${p.address}`;
  const all = proxies.map(describe).join(' · ');
  return (
    <span className="status-item status-proxy" data-testid="status-proxy" title={all || undefined}>
      <span className={proxies.length > 0 ? 'dot on' : 'dot'} aria-hidden="true" />
      <span className="status-text">
        {proxies.length === 0 && t('status.proxyStopped')}
        {proxies.length > 1 && `${t('status.proxies', { count: proxies.length })} `}
        {proxies.map((p, i) => (
          <span key={p.id}>
            {i > 0 && ' · '}
            {t('status.proxy', { mode: t(`status.mode.${p.mode}`) })} <span translate="no">{p.address}</span>
          </span>
        ))}
      </span>
    </span>
  );
}
