// The TLS session under a connection, when the relay speaks TLS to the server: version, cipher,
// ALPN, and the server certificate's subject, issuer and validity; whether Framescope terminated
// the client's TLS (interception) and whether the server's certificate was checked.
import { useTranslation } from 'react-i18next';
import type { TlsInfo } from '../../../../../shared/model';
import './tls.css';

/** Protocol names, the same in every language. */
const ALPN = 'ALPN';
const SNI = 'SNI';

function day(iso: string): string {
  return iso.slice(0, 10);
}

export function TlsSession({ tls }: { tls: TlsInfo }) {
  const { t } = useTranslation('inspector');
  const cert = tls.server;
  const expired = cert !== null && Date.parse(cert.validTo) < Date.now();
  return (
    <section data-testid="tls-session">
      <h3 className="pane-subtitle">
        {t('tls.title')} <span className="muted">— {tls.intercepted ? t('tls.relayIntercepted') : t('tls.relay')}</span>
      </h3>
      <div className="negotiation">
        <div className="nego-row">
          <span className="nego-label">{t('tls.session')}</span>
          <span>
            <code translate="no">{tls.version}</code> · <code translate="no">{tls.cipher}</code> · {ALPN}{' '}
            {tls.alpn ? <code translate="no">{tls.alpn}</code> : <span className="muted">{t('tls.none')}</span>}
            {tls.servername && (
              <>
                {' '}
                · {SNI} <code translate="no">{tls.servername}</code>
              </>
            )}
          </span>
        </div>
        {cert && (
          <>
            <div className="nego-row">
              <span className="nego-label">{t('tls.certificate')}</span>
              <span className="tls-dn" translate="no">
                {cert.subject}
              </span>
            </div>
            <div className="nego-row">
              <span className="nego-label">{t('tls.issuer')}</span>
              <span className="tls-dn" translate="no">
                {cert.issuer}
              </span>
            </div>
            <div className="nego-row">
              <span className="nego-label">{t('tls.valid')}</span>
              <span className={expired ? 'warn-text' : ''}>
                {t('tls.validRange', { from: day(cert.validFrom), to: day(cert.validTo) })}
                {cert.altNames.length > 0 && <span className="muted">{t('tls.validFor', { names: cert.altNames.join(', ') })}</span>}
              </span>
            </div>
          </>
        )}
        <div className="nego-row">
          <span className="nego-label">{t('tls.checked')}</span>
          <span data-testid="tls-checked">
            {tls.unverified ? (
              <span className="warn-text">{t('tls.unverified')}</span>
            ) : (
              <span className="muted">{t('tls.verified')}</span>
            )}
          </span>
        </div>
      </div>
    </section>
  );
}
