// One connection in the sidebar: its state, where it came from, what was negotiated, and the
// frames and bytes each way. URLs, subprotocols, extensions and close reasons are peer data.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ConnectionSummary } from '../../../shared/model';
import { CLOSE_CODES } from '../../../shared/protocol/close-codes';
import { formatBytes, formatCount, formatDurationUs } from '../format';
import { SafeText } from '../components/safe-text/SafeText';
import { visibleText } from '../components/safe-text/split-hidden';

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
function liveDuration(us: number, t: TFunction<'shell'>): string {
  const s = Math.floor(us / 1e6);
  if (s < 60) return t('duration.s', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('duration.ms', { m, s: s % 60 });
  return t('duration.hm', { h: Math.floor(m / 60), m: m % 60 });
}

/** The registry name of a close code (RFC 6455 §7.4.1, IANA), in the reader's language. */
function closeCodeName(code: number, t: TFunction<'shell'>): string {
  // Every code in CLOSE_CODES has a name in the catalog (1000–1015); the cast only narrows the key's type.
  return CLOSE_CODES[code] ? t(`closeCode.${String(code) as '1000'}`) : t('closeCode.unknown');
}

export function ConnectionItem({ connection: c, selected, onSelect }: { connection: ConnectionSummary; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation('shell');
  const live = isLive(c);
  const now = useNowUs(live);
  const duration = live ? liveDuration(Math.max(0, Math.max(now, c.openedAt) - c.openedAt), t) : formatDurationUs(Math.max(0, (c.closedAt ?? c.openedAt) - c.openedAt));
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
          {t(`connection.state.${c.state}`)}
        </span>
        <span className="connection-url" title={visibleText(c.url)} translate="no">
          <SafeText text={c.url} />
        </span>
      </div>
      <div className="connection-meta">
        <span className="tag" title={t('connection.sourceHint')}>
          {t(`connection.source.${c.source}`)}
        </span>
        {c.kind !== 'websocket' && <span className="tag">{t(`connection.kind.${c.kind}`)}</span>}
        {c.subprotocol && (
          <span className="tag" title={t('connection.subprotocolHint')}>
            <span translate="no">{c.subprotocol}</span>
          </span>
        )}
        {c.extensions && (
          <span className="tag" title={`Sec-WebSocket-Extensions: ${c.extensions}`} translate="no">
            {c.extensions.split(';')[0]}
          </span>
        )}
        {c.violations > 0 && <span className="tag danger">{t('connection.violations', { count: c.violations })}</span>}
        {c.closeCode !== null && (
          <span className="tag" data-testid="connection-close" title={t('connection.closeHint', { code: c.closeCode, name: closeCodeName(c.closeCode, t) })}>
            {t('connection.close', { code: c.closeCode })}
            {c.closeReason ? (
              <span translate="no">
                {' “'}
                <SafeText text={c.closeReason} />
                {'”'}
              </span>
            ) : null}
          </span>
        )}
      </div>
      <div className="connection-counts" data-testid="connection-counts">
        <span className="dir client" title={t('connection.clientToServer', { count: c.counters.client.messages })}>
          ↑ {formatCount(c.counters.client.frames)} · {formatBytes(c.counters.client.bytes)}
        </span>
        <span className="dir server" title={t('connection.serverToClient', { count: c.counters.server.messages })}>
          ↓ {formatCount(c.counters.server.frames)} · {formatBytes(c.counters.server.bytes)}
        </span>
        <span className="muted" data-testid="connection-duration" title={live ? t('connection.openFor') : t('connection.lasted')}>
          {duration}
        </span>
      </div>
      {c.error && (
        <div className="connection-error">
          {t('connection.error')} <span translate="no">{c.error}</span>
        </div>
      )}
    </li>
  );
}
