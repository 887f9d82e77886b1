// Demo servers in one click: each starts behind a capture proxy with the built-in client connected
// through it, so the Inspector, Timeline and Crafter have a live connection with nothing else running.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_SERVER_KINDS, type DemoServerInfo, type DemoServerKind } from '../../../../../shared/api';
import { getClient } from '../../../api/client';

/** The same demos from a terminal (a command, not text to translate). */
const DEMO_COMMAND = ['framescope', 'demo', 'echo'].join(' ');

export function DemoServersCard() {
  const { t } = useTranslation('lab');
  const [running, setRunning] = useState<DemoServerInfo[]>([]);
  const [busy, setBusy] = useState<DemoServerKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getClient()
      .demoServerList()
      .then(setRunning, () => {});
  }, []);
  const act = async (kind: DemoServerKind, start: boolean) => {
    setBusy(kind);
    setError(null);
    try {
      if (start) await getClient().demoServerStart({ kind });
      else await getClient().demoServerStop({ kind });
      setRunning(await getClient().demoServerList());
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="lab-demo" data-testid="lab-demo-servers">
      <h3>{t('demoServers.title')}</h3>
      <p className="why">
        {t('demoServers.why')} <code translate="no">{DEMO_COMMAND}</code>
      </p>
      <ul className="lab-demo-servers">
        {DEMO_SERVER_KINDS.map((kind) => {
          const info = running.find((r) => r.kind === kind);
          return (
            <li key={kind} data-testid={`lab-demo-server-${kind}`}>
              <button className={`button${info ? '' : ' primary'}`} disabled={busy !== null} onClick={() => void act(kind, !info)}>
                {t(info ? 'demoServers.stop' : 'demoServers.start')} <span translate="no">{kind}</span>
              </button>
              <span className="words">{t(`demoServers.kinds.${kind}`)}</span>
              {info && (
                <span className="where">
                  {t('demoServers.proxy')} <code translate="no">{info.proxyUrl}</code>
                  {info.connectionId !== null && ` · ${t('demoServers.client', { id: info.connectionId })}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="lab-error" translate="no">
          {error}
        </p>
      )}
    </section>
  );
}
