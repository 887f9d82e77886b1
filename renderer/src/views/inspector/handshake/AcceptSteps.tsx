// The Sec-WebSocket-Accept computation worked out step by step (RFC 6455 §4.2.2, item 5.4):
// key + GUID → SHA-1 → base64, compared with what the server sent.
import { Trans, useTranslation } from 'react-i18next';
import type { AcceptExplanation } from '../../../../../shared/model';

function groups(hex: string): string {
  return hex.replace(/(.{8})(?=.)/g, '$1 ');
}

export function AcceptSteps({ accept }: { accept: AcceptExplanation | null }) {
  const { t } = useTranslation('inspector');
  if (accept === null) {
    return (
      <p className="muted note" data-testid="accept-steps">
        {t('accept.none')}
      </p>
    );
  }
  const verdict = accept.actual === null ? 'missing' : accept.ok ? 'ok' : 'bad';
  return (
    <ol className="accept-steps" data-testid="accept-steps">
      <li>
        <span className="step-label">{t('accept.key')}</span>
        <code className="step-key" translate="no">
          {accept.key}
        </code>
      </li>
      <li>
        <span className="step-label">{t('accept.guid')}</span>
        <code translate="no">
          <span className="step-key">{accept.key}</span>
          <span className="step-guid">{accept.guid}</span>
        </code>
      </li>
      <li>
        <span className="step-label">{t('accept.sha1')}</span>
        <code translate="no">{groups(accept.sha1Hex)}</code>
      </li>
      <li>
        <span className="step-label">
          <Trans t={t} i18nKey="accept.base64" components={[<span key="0" translate="no" />]} />
        </span>
        <code className="step-expected" translate="no">
          {accept.expected}
        </code>
      </li>
      <li className={`accept-verdict ${verdict}`} data-testid="accept-verdict">
        <span className="step-label">{t('accept.actual')}</span>
        {accept.actual === null ? <span>{t('accept.missingValue')}</span> : <code translate="no">{accept.actual}</code>}
        <span className="verdict-mark">
          {verdict === 'ok' ? t('accept.matches') : verdict === 'bad' ? t('accept.mismatch') : t('accept.missing')}
        </span>
      </li>
    </ol>
  );
}
