// Subprotocol negotiation: the WebSocket constructor's second argument offers a list; the server
// picks one it supports and names it in Sec-WebSocket-Protocol (RFC 6455 §4.1, §4.2.2). The heads
// are shown as the meter saw them on the wire, as text.
import { useEffect, useRef, useState } from 'react';
import type { LabDemoEndpoints, LabHandshake } from '../../../../../shared/api';
import { getClient } from '../../../api/client';
import { i18n } from '../../../i18n';
import { useTranslation } from 'react-i18next';

const CANDIDATES = ['chat', 'lab.v1.framescope', 'lab.v2.framescope'];

export function SubprotocolDemo({ endpoints }: { endpoints: LabDemoEndpoints }) {
  const [offered, setOffered] = useState<string[]>(['lab.v1.framescope', 'lab.v2.framescope']);
  const [result, setResult] = useState<{ protocol: string; handshake: LabHandshake | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const socket = useRef<WebSocket | null>(null);
  useEffect(() => () => socket.current?.close(), []);

  const connect = () => {
    socket.current?.close();
    setResult(null);
    setError(null);
    const tag = `sub-${Math.random().toString(36).slice(2, 10)}`;
    const ws = new WebSocket(`${endpoints.subprotocolUrl}?tag=${tag}`, offered);
    socket.current = ws;
    ws.onopen = async () => {
      let handshake: LabHandshake | null = null;
      // The meter records the handshake as it passes; ask until it has it.
      for (let i = 0; i < 20 && !handshake; i++) {
        handshake = await getClient().labHandshake({ tag });
        if (!handshake) await new Promise((r) => setTimeout(r, 100));
      }
      setResult({ protocol: ws.protocol, handshake });
    };
    ws.onerror = () => setError(i18n.t('lab:subprotocol.failed'));
  };

  const { t } = useTranslation('lab');
  const toggle = (p: string) => setOffered((list) => (list.includes(p) ? list.filter((x) => x !== p) : [...list, p]));
  return (
    <section className="lab-demo" data-testid="lab-demo-subprotocol">
      <h3>{t('subprotocol.title')}</h3>
      <blockquote className="quote lab-quote" lang="zh-CN" translate="no">
        {t('claimCard.quote', { quote: t('subprotocol.quote') })}
      </blockquote>
      <p className="why">
        <code translate="no">{`new WebSocket(url, [${offered.map((p) => `'${p}'`).join(', ')}])`}</code> {t('subprotocol.why', { list: endpoints.subprotocols.join(t('directions.sep')) })}
      </p>
      <div className="lab-demo-controls">
        {CANDIDATES.map((p) => (
          <label key={p} className="check">
            <input type="checkbox" checked={offered.includes(p)} onChange={() => toggle(p)} /> <span translate="no">{p}</span>
          </label>
        ))}
        <button className="button primary" data-testid="lab-subprotocol-connect" onClick={connect}>
          {t('subprotocol.connect')}
        </button>
      </div>
      {error && <p className="lab-error">{error}</p>}
      {result && (
        <div className="lab-demo-result" data-testid="lab-subprotocol-result">
          <p>
            <code translate="no">{`ws.protocol = "${result.protocol}"`}</code> {!result.protocol && <b>{t('subprotocol.none')}</b>}
          </p>
          {result.handshake && (
            <div className="lab-heads">
              <Head title={t('subprotocol.request')} text={result.handshake.request} />
              <Head title={t('subprotocol.response')} text={result.handshake.response} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function Head({ title, text }: { title: string; text: string }) {
  return (
    <div>
      <h4>{title}</h4>
      <pre className="lab-head-text" translate="no">
        {text
          .split('\r\n')
          .filter((l) => l !== '')
          .map((line, i) => (
            <span key={i} className={/^sec-websocket-protocol:/i.test(line) ? 'hl' : ''}>
              {line}
              {'\n'}
            </span>
          ))}
      </pre>
    </div>
  );
}
