// Socket.IO's fallbacks, recorded through the capture proxy: a session that starts on HTTP long
// polling and upgrades to WebSocket, and one kept on polling, on one time axis, every Engine.IO
// packet labelled (handshake, heartbeats, the upgrade probe and 5). The carriers are the capture's
// own exchanges and frames; their ids open them in the Inspector.
import { useTranslation } from 'react-i18next';
import { SOCKET_IO_MODES, type EioPacket, type SocketIoCarrier, type SocketIoRecording } from '../../../../../shared/api';
import { getClient } from '../../../api/client';
import { formatBytes } from '../../../format';
import { ClaimCard } from '../ClaimCard';
import { MeasureError } from '../MeasureError';
import { useMeasure } from '../use-measure';

const STRONG = new Set(['open', 'ping', 'pong', 'probe-ping', 'probe-pong', 'upgrade']);

export function SocketIoPanel() {
  const { t, i18n } = useTranslation('lab');
  const { result: rec, busy, error, measure: record } = useMeasure('socketio', () => getClient().labSocketIo());
  return (
    <section className="lab-demo lab-sio" data-testid="lab-socketio">
      <h3>{t('socketio.title')}</h3>
      <blockquote className="quote" lang="zh-CN" translate="no">
        {t('claimCard.quote', { quote: t('socketio.quote') })}
        {!i18n.language.startsWith('zh') && <span className="quote-en">{t('claimCard.quoteEn', { text: t('socketio.quoteEn') })}</span>}
      </blockquote>
      <p className="why">{t('socketio.why')}</p>
      <button className="button primary" disabled={busy} onClick={record} data-testid="lab-socketio-record">
        {busy ? t('socketio.recording') : rec ? t('socketio.again') : t('socketio.record')}
      </button>
      <MeasureError error={error} />
      {rec && (
        <ul className="lab-claims" data-testid="lab-socketio-claims">
          {rec.claims.map((c) => (
            <ClaimCard key={c.id} claim={c} who={t(`socketio.mode.${c.id === 'socketio-upgrade' ? 'upgrade' : 'polling'}`)} testId={`lab-claim-${c.id}`} />
          ))}
        </ul>
      )}
      {rec && <SocketIoTimeline rec={rec} />}
    </section>
  );
}

function SocketIoTimeline({ rec }: { rec: SocketIoRecording }) {
  const { t } = useTranslation('lab');
  const t0 = rec.startedAt;
  const last = Math.max(t0 + 1, ...rec.carriers.map((c) => c.end ?? c.start));
  const at = (us: number) => ((us - t0) / (last - t0)) * 100;
  return (
    <div className="lab-sio-body" data-testid="lab-socketio-timeline">
      <p className="why">{t('socketio.axis', { ms: Math.round((last - t0) / 1000), ping: rec.pingIntervalMs })}</p>
      {SOCKET_IO_MODES.map((mode) => {
        const s = rec.sessions.find((x) => x.mode === mode);
        const mine = rec.carriers.filter((c) => c.session === mode);
        return (
          <div key={mode} className="lab-sio-session" data-testid={`lab-socketio-${mode}`}>
            <h4>{t(`socketio.mode.${mode}`)}</h4>
            {s && (
              <p className="lab-sio-stats">
                {t('socketio.stats', { requests: s.requests, frames: s.frames, connections: s.connections, bytes: formatBytes(s.wireBytes), heartbeats: s.heartbeats })}
                {s.upgradedAt !== null && ` · ${t('socketio.upgradedAfter', { ms: Math.round((s.upgradedAt - t0) / 1000) })}`}
              </p>
            )}
            {/* Marks carry the packets as sent (peer data) in their titles. */}
            <div className="lab-sio-lane" role="img" aria-label={t(`socketio.mode.${mode}`)} translate="no">
              {mine.map((c) => (
                <span
                  key={c.id}
                  className={`mark ${c.transport} ${c.from}${c.packets.some((p) => STRONG.has(p.kind)) ? ' strong' : ''}`}
                  style={{ left: `${at(c.start)}%`, width: c.end && c.end > c.start ? `${Math.max(0.4, at(c.end) - at(c.start))}%` : undefined }}
                  title={carrierTitle(t, c)}
                />
              ))}
            </div>
            <ol className="lab-sio-list">
              {mine
                .filter((c) => c.packets.some((p) => STRONG.has(p.kind) || p.sio === 'connect' || p.sio === 'event' || p.sio === 'ack') || c.carrier === 'ws-handshake')
                .slice(0, 14)
                .map((c) => (
                  <li key={c.id} className={`${c.transport} ${c.from}`} data-testid={`lab-socketio-carrier-${c.id}`}>
                    <span className="when">{t('socketio.at', { ms: Math.round((c.start - t0) / 1000) })}</span>
                    <span className="how">{t(`socketio.carrier.${c.carrier}`)}</span>
                    <span className="dir">{t(`socketio.from.${c.from}`)}</span>
                    <span className="packets">
                      {c.carrier === 'ws-handshake' && <span className="packet strong">{t('socketio.handshake101')}</span>}
                      {c.packets.map((p, i) => (
                        <PacketChip key={i} p={p} />
                      ))}
                    </span>
                    <span className="bytes">{formatBytes(c.bytes)}</span>
                  </li>
                ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}

function PacketChip({ p }: { p: EioPacket }) {
  const { t } = useTranslation('lab');
  return (
    <span className={`packet${STRONG.has(p.kind) ? ' strong' : ''}`}>
      {p.kind === 'message' && p.sio ? t('packets.sio', { kind: t(`packets.sioKind.${p.sio}`) }) : t(`packets.kind.${p.kind}`)}{' '}
      <code translate="no">{p.text}</code>
    </span>
  );
}

function carrierTitle(t: ReturnType<typeof useTranslation<'lab'>>['t'], c: SocketIoCarrier): string {
  return `${t(`socketio.carrier.${c.carrier}`)} · ${c.packets.map((p) => p.text).join(' ')}`;
}
