// The running proxies: where clients should connect, where traffic goes, a way to stop each, and
// for a forward proxy one click to a captured browser or terminal (CapturedClients.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyStatus } from '../../../../shared/api';
import { stopProxy } from '../../actions/capture';
import { useStore } from '../../store';
import { CapturedClients } from './CapturedClients';
import { InlineError } from './InlineError';
import { useAction } from './use-action';

export function ProxyList() {
  const { t } = useTranslation('controls');
  const proxies = useStore((s) => s.proxies);
  if (proxies.length === 0) {
    return <p className="controls-note">{t('proxies.none')}</p>;
  }
  return (
    <section className="proxy-list" aria-label={t('proxies.label')}>
      <h3 className="controls-subhead">{t('proxies.running')}</h3>
      <ul>
        {proxies.map((p) => (
          <ProxyRow key={p.id} proxy={p} />
        ))}
      </ul>
    </section>
  );
}

function ProxyRow({ proxy: p }: { proxy: ProxyStatus }) {
  const { t } = useTranslation('controls');
  const [copied, setCopied] = useState(false);
  const stop = useAction(async () => {
    await stopProxy(p.id);
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(p.address);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <li className="proxy-row" data-testid="proxy-row">
      <div className="proxy-row-top">
        <span className="tag">{p.mode === 'reverse' ? t('proxies.reverse') : t('proxies.forward')}</span>
        <code className="proxy-address" data-testid="proxy-address" title={t('proxies.pointHere')} translate="no">
          {p.address}
        </code>
        <button className="button ghost small" onClick={() => void copy()} title={t('proxies.copyAddress')}>
          {copied ? t('proxies.copied') : t('proxies.copy')}
        </button>
        <button className="button small" onClick={() => void stop.run()} disabled={stop.pending} data-testid="proxy-stop">
          {t('proxies.stop')}
        </button>
      </div>
      <div className="proxy-row-detail">
        {p.mode === 'reverse' ? (
          <>
            {t('proxies.forwardsTo')} <code translate="no">{p.target}</code> {t('proxies.connectHere')}
          </>
        ) : (
          <>{t('proxies.useAsProxy')}</>
        )}
      </div>
      <ProxyTlsDetail proxy={p} />
      {p.mode === 'forward' && <CapturedClients proxy={p} />}
      <InlineError message={stop.error} />
    </li>
  );
}

/** The proxy's own TLS choices as the engine reports them (issue 14); nothing when it has none. */
function ProxyTlsDetail({ proxy: p }: { proxy: ProxyStatus }) {
  const { t } = useTranslation('controls');
  const lines = [
    p.interceptTls === false && <li key="tunnels">{t('proxies.tlsTunnels')}</li>,
    p.passThroughHosts && (
      <li key="pass">
        {t('proxies.tlsPassThrough')} <code translate="no">{p.passThroughHosts.join(', ')}</code>
      </li>
    ),
    p.insecureUpstreamHosts && (
      <li key="insecure">
        {t('proxies.tlsInsecure')} <code translate="no">{p.insecureUpstreamHosts.join(', ')}</code>
      </li>
    ),
    p.trustedCertificates !== undefined && <li key="trusted">{t('proxies.tlsTrusted', { count: p.trustedCertificates })}</li>,
  ].filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <ul className="proxy-row-detail proxy-tls" data-testid="proxy-tls-status">
      {lines}
    </ul>
  );
}
