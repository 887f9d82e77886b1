// What the sidebar says before anything was captured: the three ways traffic reaches Framescope,
// each one click away.
import { Trans, useTranslation } from 'react-i18next';
import { useStore } from '../store';

const EXAMPLE_URL = 'ws://127.0.0.1:8080';
const WS_SCHEME = 'ws://';

export function EmptyConnections() {
  const { t } = useTranslation('shell');
  const openControls = useStore((s) => s.openControls);
  // Addresses are data: the browser must not translate them.
  const components = { strong: <strong />, code: <code translate="no" /> };
  return (
    <div className="empty-state" data-testid="connections-empty">
      <p className="empty-title">{t('empty.title')}</p>
      <ol className="empty-steps">
        <li>
          <Trans t={t} i18nKey="empty.reverse" components={components} values={{ example: EXAMPLE_URL }} />
        </li>
        <li>
          <Trans t={t} i18nKey="empty.forward" components={components} />
        </li>
        <li>
          <Trans t={t} i18nKey="empty.client" components={components} values={{ scheme: WS_SCHEME }} />
        </li>
      </ol>
      <div className="empty-actions">
        <button className="button primary" onClick={() => openControls('proxy')} data-testid="empty-start-proxy">
          {t('empty.startProxy')}
        </button>
        <button className="button" onClick={() => openControls('client')} data-testid="empty-open-client">
          {t('empty.openClient')}
        </button>
      </div>
      <p className="empty-foot">{t('empty.foot')}</p>
    </div>
  );
}
