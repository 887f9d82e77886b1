// The summary: one row per transport with what was measured, where every wire byte went (a bar of
// shares that adds up to the total), and each of the seed notes' claims beside the measurement.
import type { LabTransportSummary } from '../../../../shared/api';
import { formatBytes } from '../../format';
import { LabClaims } from './LabClaims';
import { LabPackets } from './LabPackets';
import { LabDirections } from './LabDirections';
import { LabCompression } from './LabCompression';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { BYTE_LABELS, TRANSPORT_NAMES, byteColor, fmtBytes, fmtMs, transportColor } from './transport-style';
import './lab-summary.css';

export function LabSummaryTable() {
  const { t } = useTranslation('lab');
  const summary = useStore((s) => s.labSummary);
  const intervalMs = useStore((s) => s.labStatus?.options?.intervalMs ?? s.labForm.intervalMs);
  if (!summary) return <p className="lab-empty">{t('summary.empty')}</p>;
  return (
    <div className="lab-summary" data-testid="lab-summary">
      <div className="lab-table-wrap">
      <table className="lab-table wide">
        <thead>
          <tr>
            <th>{t('summary.col.transport')}</th>
            <th title={t('summary.col.messagesTitle')}>{t('summary.col.messages')}</th>
            <th>{t('summary.col.requests')}</th>
            <th title={t('summary.col.emptyTitle')}>{t('summary.col.empty')}</th>
            <th title={t('summary.col.connsTitle')}>{t('summary.col.conns')}</th>
            <th title={t('summary.col.overheadTitle')}>{t('summary.col.overhead')}</th>
            <th title={t('summary.col.setupTitle')}>{t('summary.col.setup')}</th>
            <th title={t('summary.col.payloadTitle')}>{t('summary.col.payload')}</th>
            <th title={t('summary.col.meanTitle')}>{t('summary.col.mean')}</th>
            <th>{t('summary.col.p50')}</th>
            <th>{t('summary.col.p95')}</th>
            <th>{t('summary.col.rps')}</th>
            <th>{t('summary.col.bps')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((r) => (
            <tr key={r.transport} data-testid={`lab-row-${r.transport}`}>
              <th scope="row">
                <i className="lab-swatch" style={{ background: transportColor(r.transport) }} />
                {TRANSPORT_NAMES[r.transport]}
              </th>
              <td data-label={t('summary.col.messages')} className={r.messages < r.published ? 'warn' : ''}>
                {r.messages}/{r.published}
              </td>
              <td data-label={t('summary.col.requests')}>{r.requests}</td>
              <td data-label={t('summary.col.empty')}>{r.emptyResponses}</td>
              <td data-label={t('summary.col.conns')}>{r.connections}</td>
              <td data-label={t('summary.col.overhead')} className="strong">{fmtBytes(r.overheadBytesPerMessage, 1)}</td>
              <td data-label={t('summary.col.setup')}>{formatBytes(r.oneTimeBytes)}</td>
              <td data-label={t('summary.col.payload')}>{r.payloadEfficiency === null ? '–' : `${(r.payloadEfficiency * 100).toFixed(1)} %`}</td>
              <td data-label={t('summary.col.mean')} className="strong">{fmtMs(r.latencyMs?.mean)}</td>
              <td data-label={t('summary.col.p50')}>{fmtMs(r.latencyMs?.p50)}</td>
              <td data-label={t('summary.col.p95')}>{fmtMs(r.latencyMs?.p95)}</td>
              <td data-label={t('summary.col.rps')}>{r.requestsPerSecond.toFixed(1)}</td>
              <td data-label={t('summary.col.bps')}>{formatBytes(Math.round(r.bytesPerSecond))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <h2 className="lab-h2">{t('summary.bytesTitle')}</h2>
      <p className="lab-h2-sub">{t('summary.bytesSub')}</p>
      <div className="lab-shares">
        {summary.rows.map((r) => (
          <ShareBar key={r.transport} row={r} max={Math.max(1, ...summary.rows.map((x) => x.wireBytes))} />
        ))}
      </div>
      <ShareLegend rows={summary.rows} />
      <h2 className="lab-h2">{t('summary.directionsTitle')}</h2>
      <p className="lab-h2-sub">{t('summary.directionsSub')}</p>
      <LabDirections summary={summary} />
      <h2 className="lab-h2">{t('summary.packetsTitle')}</h2>
      <p className="lab-h2-sub">{t('summary.packetsSub')}</p>
      <LabPackets summary={summary} />
      <h2 className="lab-h2">{t('summary.compressionTitle')}</h2>
      <blockquote className="quote lab-quote" lang="zh-CN" translate="no">
        {t('claimCard.quote', { quote: t('summary.compressionQuote') })}
      </blockquote>
      <p className="lab-h2-sub">{t('summary.compressionSub')}</p>
      <LabCompression />
      <h2 className="lab-h2">{t('summary.claimsTitle')}</h2>
      <LabClaims summary={summary} intervalMs={intervalMs} />
    </div>
  );
}

/** Bar length is the transport's total against the largest, so volume and make-up read together. */
function ShareBar({ row, max }: { row: LabTransportSummary; max: number }) {
  const { t } = useTranslation('lab');
  return (
    <div className="lab-share-row">
      <span className="lab-share-name">{TRANSPORT_NAMES[row.transport]}</span>
      <span className="lab-share-bar" role="img" aria-label={t('summary.shareAria', { name: TRANSPORT_NAMES[row.transport], bytes: formatBytes(row.wireBytes) })}>
        {row.breakdown.map((s) => (
          <span key={`${s.key}${s.oneTime}`} className={s.oneTime ? 'once' : ''} style={{ width: `${(s.bytes / max) * 100}%`, background: byteColor(s.key) }} title={t(s.oneTime ? 'summary.shareOnce' : 'summary.share', { label: BYTE_LABELS[s.key], bytes: formatBytes(s.bytes) })} />
        ))}
      </span>
      <span className="lab-share-total">{formatBytes(row.wireBytes)}</span>
    </div>
  );
}

function ShareLegend({ rows }: { rows: LabTransportSummary[] }) {
  const { t } = useTranslation('lab');
  const keys = [...new Set(rows.flatMap((r) => r.breakdown.map((s) => s.key)))];
  return (
    <div className="lab-share-legend">
      {keys.map((k) => (
        <span key={k}>
          <i style={{ background: byteColor(k) }} /> {BYTE_LABELS[k]}
        </span>
      ))}
      <span>
        <i className="once-sample" /> {t('summary.hatched')}
      </span>
    </div>
  );
}
