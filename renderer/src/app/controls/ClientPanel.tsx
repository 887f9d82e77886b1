// The built-in client: connect to any ws:// URL (its traffic is captured like a proxied client's),
// then drive that connection from ClientSession.
import type { FormEvent } from 'react';
import { connectClient } from '../../actions/capture';
import { useStore } from '../../store';
import { ClientSession } from './ClientSession';
import { clientOptionsFrom } from './control-inputs';
import { InlineError } from './InlineError';
import { useAction } from './use-action';
import { MonoField } from './MonoField';

export function ClientPanel() {
  const connection = useStore((s) => (s.clientConnectionId === null ? null : (s.connections.get(s.clientConnectionId) ?? null)));
  // After "Clear", ids may be reused: only a built-in client connection is ours to drive.
  if (connection && connection.source === 'client') return <ClientSession connection={connection} />;
  return <ConnectForm />;
}

function ConnectForm() {
  const draft = useStore((s) => s.clientDraft);
  const setDraft = useStore((s) => s.setClientDraft);
  const reverseProxies = useStore((s) => s.proxies).filter((p) => p.mode === 'reverse');
  const connect = useAction(async () => {
    const parsed = clientOptionsFrom(draft);
    if (!parsed.ok) throw new Error(parsed.error);
    await connectClient(parsed.value);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void connect.run();
  };

  return (
    <div className="controls-body">
      <form className="controls-form" onSubmit={submit} aria-label="Connect the built-in client">
        <p className="controls-hint">Opens a WebSocket from Framescope itself. Its handshake and every frame are captured.</p>
        <MonoField label="Server URL" testId="client-url" value={draft.url} placeholder="ws://127.0.0.1:8080/" onChange={(url) => setDraft({ url })} />
        {reverseProxies.length > 0 && (
          <div className="field-suggestions">
            <span className="muted">Through a proxy:</span>
            {reverseProxies.map((p) => (
              <button key={p.id} type="button" className="chip mono" onClick={() => setDraft({ url: p.address })} title={`Forwards to ${p.target}`}>
                {p.address}
              </button>
            ))}
          </div>
        )}
        <MonoField
          label={
            <>
              Subprotocols <span className="muted">(optional, comma-separated)</span>
            </>
          }
          testId="client-subprotocols"
          value={draft.subprotocols}
          placeholder="chat.v1, chat.v2"
          onChange={(subprotocols) => setDraft({ subprotocols })}
        />
        <label className="field">
          <span className="field-label">
            Extra headers <span className="muted">(optional, one “Name: value” per line)</span>
          </span>
          <textarea
            className="input mono textarea"
            data-testid="client-headers"
            rows={2}
            value={draft.headers}
            placeholder={'Authorization: Bearer …\nOrigin: http://localhost'}
            spellCheck={false}
            onChange={(e) => setDraft({ headers: e.target.value })}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.deflate} data-testid="client-deflate" onChange={(e) => setDraft({ deflate: e.target.checked })} />
          Offer permessage-deflate <span className="muted">(compression, RFC 7692)</span>
        </label>
        <div className="controls-actions">
          <button className="button primary" type="submit" disabled={connect.pending} data-testid="client-connect">
            {connect.pending ? 'Connecting…' : 'Connect'}
          </button>
        </div>
        <InlineError message={connect.error} testId="client-error" />
      </form>
    </div>
  );
}
