// Compression on the lab's stream, measured on demand: gzip per HTTP response, gzip over a whole
// SSE stream, permessage-deflate with and without the shared window (RFC 7692 §7.1.1).
import { useTranslation } from 'react-i18next';
import { getClient } from '../../api/client';
import { useStore } from '../../store';
import { MeasureError } from './MeasureError';
import { TRANSPORT_NAMES, fmtBytes, transportColor } from './transport-style';
import { useMeasure } from './use-measure';

export function LabCompression() {
  const { t } = useTranslation('lab');
  const form = useStore((s) => s.labForm);
  const { result: rows, busy, error, measure } = useMeasure('compression', () => getClient().labCompression({ size: form.size, format: form.format, rate: form.rate }));
  return (
    <div className="lab-compression" data-testid="lab-compression">
      <button className="button" data-testid="lab-compression-run" disabled={busy} onClick={measure}>
        {busy ? t('compression.measuring') : t('compression.measure', { size: form.size, format: t(`controls.${form.format}`) })}
      </button>
      <MeasureError error={error} />
      {rows && (
        <div className="lab-table-wrap">
        <table className="lab-table">
          <thead>
            <tr>
              <th>{t('summary.col.transport')}</th>
              <th>{t('compression.scheme')}</th>
              <th title={t('compression.plainTitle')}>{t('compression.plain')}</th>
              <th>{t('compression.compressed')}</th>
              <th>{t('compression.savedPer')}</th>
              <th>{t('compression.saved')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.scheme}>
                <th scope="row">
                  <i className="lab-swatch" style={{ background: transportColor(r.transport) }} />
                  {TRANSPORT_NAMES[r.transport]}
                </th>
                <td data-label={t('compression.scheme')} className="wrap">{t(`compression.schemes.${r.scheme}` as never)}</td>
                <td data-label={t('compression.plain')}>{fmtBytes(r.plainBytes)}</td>
                <td data-label={t('compression.compressed')}>{fmtBytes(r.compressedBytes)}</td>
                <td data-label={t('compression.savedPer')}>{fmtBytes(r.bytesSavedPerMessage, 1)}</td>
                <td data-label={t('compression.saved')} className="strong">{t('compression.percent', { n: (r.savedShare * 100).toFixed(1) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {rows && (
        <p className="lab-packets-ratio">
          {t('compression.note', { n: rows[0]!.messages })}
        </p>
      )}
    </div>
  );
}
