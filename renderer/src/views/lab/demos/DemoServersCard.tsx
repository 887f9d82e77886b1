// Demo servers in one click: each starts behind a capture proxy with the built-in client connected
// through it, so the Inspector, Timeline and Crafter have a live connection with nothing else running.
import { useEffect, useState } from 'react';
import { DEMO_SERVER_KINDS, DEMO_SERVER_WORDS, type DemoServerInfo, type DemoServerKind } from '../../../../../shared/api';
import { getClient } from '../../../api/client';

export function DemoServersCard() {
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
      <h3>Demo servers</h3>
      <p className="why">
        A WebSocket server behind the capture proxy, with the built-in client already connected and a first message sent: open the Inspector, the
        Timeline or the Crafter and it is there. Connect your own clients to the proxy address too. Also from a terminal: <code>framescope demo echo</code>.
      </p>
      <ul className="lab-demo-servers">
        {DEMO_SERVER_KINDS.map((kind) => {
          const info = running.find((r) => r.kind === kind);
          return (
            <li key={kind} data-testid={`lab-demo-server-${kind}`}>
              <button className={`button${info ? '' : ' primary'}`} disabled={busy !== null} onClick={() => void act(kind, !info)}>
                {info ? 'Stop' : 'Start'} {kind}
              </button>
              <span className="words">{DEMO_SERVER_WORDS[kind]}</span>
              {info && (
                <span className="where">
                  proxy <code>{info.proxyUrl}</code>
                  {info.connectionId !== null && <> · built-in client: connection {info.connectionId}</>}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {error && <p className="lab-error">{error}</p>}
    </section>
  );
}
