// The packets underneath: per transport, the TCP segments and IP + TCP header bytes per message
// beside the application bytes, and the short-polling : WebSocket ratio read both ways.
import type { LabSummary, LabTransportSummary } from '../../../../shared/api';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format';
import { TRANSPORT_NAMES, fmtBytes, transportColor } from './transport-style';

/** Everything that is not message, per message: setup included, so both views count the same things. */
function appOverhead(r: LabTransportSummary): number | null {
  return r.messages > 0 ? (r.wireBytes - r.payloadBytes) / r.messages : null;
}

function withPackets(r: LabTransportSummary): number | null {
  const a = appOverhead(r);
  return a === null || !r.tcpIp?.headerBytesPerMessage ? a : a + r.tcpIp.headerBytesPerMessage;
}

function ratio(a: number | null, b: number | null): string {
  return a === null || b === null || b === 0 ? '–' : `${(a / b).toFixed(a / b < 10 ? 1 : 0)} : 1`;
}

export function LabPackets({ summary }: { summary: LabSummary }) {
  const { t } = useTranslation('lab');
  const row = (t: LabTransportSummary['transport']) => summary.rows.find((r) => r.transport === t);
  const poll = row('short-polling');
  const ws = row('websocket');
  const estimated = summary.rows.some((r) => r.tcpIp && !r.tcpIp.measured);
  return (
    <div className="lab-packets" data-testid="lab-packets">
      <div className="lab-table-wrap">
      <table className="lab-table wide">
        <thead>
          <tr>
            <th>{t('summary.col.transport')}</th>
            <th title={t('packetsTable.connsTitle')}>{t('packetsTable.conns')}</th>
            <th title={t('packetsTable.segmentsTitle')}>{t('packetsTable.segments')}</th>
            <th>{t('packetsTable.segmentsPer')}</th>
            <th title={t('packetsTable.ipTcpTitle')}>{t('packetsTable.ipTcp')}</th>
            <th title={t('packetsTable.appTitle')}>{t('packetsTable.app')}</th>
            <th title={t('packetsTable.withTitle')}>{t('packetsTable.with')}</th>
            <th>{t('packetsTable.by')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((r) => (
            <tr key={r.transport} data-testid={`lab-packets-${r.transport}`}>
              <th scope="row">
                <i className="lab-swatch" style={{ background: transportColor(r.transport) }} />
                {TRANSPORT_NAMES[r.transport]}
              </th>
              <td data-label={t('packetsTable.conns')}>{r.connections}</td>
              <td data-label={t('packetsTable.segments')}>{r.tcpIp ? formatCount(r.tcpIp.segments) : '–'}</td>
              <td data-label={t('packetsTable.segmentsPer')}>{r.tcpIp?.segmentsPerMessage == null ? '–' : r.tcpIp.segmentsPerMessage.toFixed(1)}</td>
              <td data-label={t('packetsTable.ipTcp')} className="strong">{fmtBytes(r.tcpIp?.headerBytesPerMessage, 1)}</td>
              <td data-label={t('packetsTable.app')}>{fmtBytes(appOverhead(r), 1)}</td>
              <td data-label={t('packetsTable.with')} className="strong">{fmtBytes(withPackets(r), 1)}</td>
              <td data-label={t('packetsTable.by')}>
                {/* How the kernel was read, in the engine's words (a method, shown as sent). */}
                <span translate="no" title={r.tcpIp?.method}>
                  {r.tcpIp ? (r.tcpIp.measured ? t('packetsTable.kernel') : t('packetsTable.estimate')) : '–'}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <p className="lab-packets-ratio" data-testid="lab-packets-ratio">
        {t('packetsTable.ratio', { app: ratio(appOverhead(poll!), appOverhead(ws!)), packets: ratio(withPackets(poll!), withPackets(ws!)) })}
        {estimated && ` ${t('packetsTable.estimated')}`}
      </p>
    </div>
  );
}
