// What the two sides agreed on: the subprotocol (RFC 6455 §1.9, §4.2.2) and the extensions
// (§9.1), with permessage-deflate's parameters explained (RFC 7692 §7.1).
import { Trans, useTranslation } from 'react-i18next';
import type { HandshakeDetail } from '../../../../../shared/model';
import { deflateParamNote } from './header-notes';

export function Negotiation({ handshake: h }: { handshake: HandshakeDetail }) {
  const { t } = useTranslation('inspector');
  return (
    <div className="negotiation" data-testid="negotiation">
      <div className="nego-row">
        <span className="nego-label">{t('nego.subprotocol')}</span>
        <span>
          {h.offeredSubprotocols.length === 0 ? (
            <span className="muted">{t('nego.noSubprotocol')}</span>
          ) : (
            <>
              <Trans t={t} i18nKey="nego.offered" values={{ offered: h.offeredSubprotocols.join(', ') }} components={[<code key="0" translate="no" />]} />{' '}
              {h.subprotocol ? (
                <Trans t={t} i18nKey="nego.chose" values={{ chosen: h.subprotocol }} components={[<code key="0" className="nego-chosen" translate="no" />]} />
              ) : (
                <span>{t('nego.choseNone')}</span>
              )}
            </>
          )}
        </span>
      </div>
      <div className="nego-row">
        <span className="nego-label">{t('nego.extensions')}</span>
        <span>
          {h.offeredExtensions === null ? (
            <span className="muted">{t('nego.noExtensions')}</span>
          ) : (
            <>
              <Trans t={t} i18nKey="nego.offered" values={{ offered: h.offeredExtensions }} components={[<code key="0" translate="no" />]} />{' '}
              {h.extensions.length === 0 ? <span>{t('nego.acceptedNone')}</span> : <span>{t('nego.accepted')}</span>}
            </>
          )}
        </span>
      </div>
      {h.extensions.map((ext) => (
        <div className="nego-row nego-ext" key={ext.name}>
          <span className="nego-label" />
          <div>
            <code className="nego-chosen" translate="no">
              {ext.name}
            </code>
            {ext.name === 'permessage-deflate' && <span className="muted"> — {t('nego.deflate')}</span>}
            {Object.keys(ext.params).length > 0 && (
              <ul className="nego-params">
                {Object.entries(ext.params).map(([name, value]) => (
                  <li key={name}>
                    <code translate="no">
                      {name}
                      {value === true ? '' : `=${value}`}
                    </code>{' '}
                    <span className="muted">{deflateParamNote(name)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
