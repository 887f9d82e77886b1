// The running proxies: where clients should connect, where traffic goes, and a way to stop each.
import { useState } from 'react';
import type { ProxyStatus } from '../../../../shared/api';
import { stopProxy } from '../../actions/capture';
import { useStore } from '../../store';
import { InlineError } from './InlineError';
import { useAction } from './use-action';

export function ProxyList() {
  const proxies = useStore((s) => s.proxies);
  if (proxies.length === 0) {
    return <p className="controls-note">No proxy is running. Traffic is captured only while one is (or through the built-in client).</p>;
  }
  return (
    <section className="proxy-list" aria-label="Running proxies">
      <h3 className="controls-subhead">Running</h3>
      <ul>
        {proxies.map((p) => (
          <ProxyRow key={p.id} proxy={p} />
        ))}
      </ul>
    </section>
  );
}

function ProxyRow({ proxy: p }: { proxy: ProxyStatus }) {
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
        <span className="tag">{p.mode}</span>
        <code className="proxy-address" data-testid="proxy-address" title="Point your client here">
          {p.address}
        </code>
        <button className="button ghost small" onClick={() => void copy()} title="Copy the address">
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button className="button small" onClick={() => void stop.run()} disabled={stop.pending} data-testid="proxy-stop">
          Stop
        </button>
      </div>
      <div className="proxy-row-detail">
        {p.mode === 'reverse' ? (
          <>
            forwards to <code>{p.target}</code> — connect your client to the address above instead.
          </>
        ) : (
          <>use it as the HTTP proxy of your browser or app.</>
        )}
      </div>
      <InlineError message={stop.error} />
    </li>
  );
}
