// Both directions: what each transport spends to push a message down and to send one up (masked
// WebSocket frames, HTTP POSTs), measured on the same run.
import type { LabSummary } from '../../../../shared/api';
import { useTranslation } from 'react-i18next';
import { TRANSPORT_NAMES, fmtBytes, fmtMs, transportColor } from './transport-style';

export function LabDirections({ summary }: { summary: LabSummary }) {
  const { t } = useTranslation('lab');
  if (!summary.rows.some((r) => r.clientToServer)) {
    return <p className="lab-h2-sub">{t('directions.tick')}</p>;
  }
  return (
    <div className="lab-table-wrap">
    <table className="lab-table" data-testid="lab-directions">
      <thead>
        <tr>
          <th>{t('summary.col.transport')}</th>
          <th title={t('directions.downTitle')}>{t('directions.down')}</th>
          <th title={t('directions.upMessagesTitle')}>{t('directions.upMessages')}</th>
          <th title={t('directions.upOverheadTitle')}>{t('directions.upOverhead')}</th>
          <th>{t('directions.upHow')}</th>
          <th>{t('directions.upWait')}</th>
        </tr>
      </thead>
      <tbody>
        {summary.rows.map((r) => {
          const up = r.clientToServer;
          const how = !up
            ? '–'
            : up.frameHeaderSizes
              ? t('directions.masked', {
                  sizes: Object.entries(up.frameHeaderSizes)
                    .map(([size, n]) => t('directions.size', { size, n }))
                    .join(t('directions.sep')),
                })
              : t('directions.posts', { count: up.requests });
          return (
            <tr key={r.transport} data-testid={`lab-directions-${r.transport}`}>
              <th scope="row">
                <i className="lab-swatch" style={{ background: transportColor(r.transport) }} />
                {TRANSPORT_NAMES[r.transport]}
              </th>
              <td data-label={t('directions.down')}>{fmtBytes(r.overheadBytesPerMessage, 1)}</td>
              <td data-label={t('directions.upMessages')}>{up ? up.messages : '–'}</td>
              <td data-label={t('directions.upOverhead')} className="strong">{fmtBytes(up?.overheadBytesPerMessage, 1)}</td>
              <td data-label={t('directions.upHow')} className="wrap">{how}</td>
              <td data-label={t('directions.upWait')}>{fmtMs(up?.latencyMs?.mean)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
