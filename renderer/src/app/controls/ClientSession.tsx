// Driving a built-in client connection: send text or binary messages, ping, and close with a code
// and reason. Each action shows its own failure beside it.
import { useState, type FormEvent } from 'react';
import type { ConnectionSummary } from '../../../../shared/model';
import { clientClose, clientPing, clientSend } from '../../actions/capture';
import { formatBytes } from '../../format';
import { useStore } from '../../store';
import { parseClose, parsePayload, type PayloadKind } from './control-inputs';
import { InlineError } from './InlineError';
import { useAction } from './use-action';
import { SafeText } from '../../components/safe-text/SafeText';
import { visibleText } from '../../components/safe-text/split-hidden';

export function ClientSession({ connection: c }: { connection: ConnectionSummary }) {
  const setClientConnection = useStore((s) => s.setClientConnection);
  const ended = c.state === 'closed' || c.state === 'failed';
  return (
    <div className="controls-body" data-testid="client-session">
      <div className="session-head">
        <span className={`state-pill ${c.state}`} data-testid="client-state">
          {c.state}
        </span>
        <code className="session-url" title={visibleText(c.url)}>
          <SafeText text={c.url} />
        </code>
      </div>
      <div className="session-tags">
        {c.subprotocol && <span className="tag">subprotocol {c.subprotocol}</span>}
        {c.extensions && <span className="tag" title={c.extensions}>{c.extensions}</span>}
        <span className="muted">
          sent {formatBytes(c.counters.client.bytes)} · received {formatBytes(c.counters.server.bytes)}
        </span>
      </div>
      {c.state === 'connecting' && <p className="controls-note">Waiting for the server's 101 Switching Protocols…</p>}
      {c.state === 'failed' && <InlineError message={c.error ?? 'The connection failed.'} testId="client-failed" />}
      {c.state === 'closed' && (
        <p className="controls-note" data-testid="client-closed">
          Closed{c.closeCode !== null ? ` with ${c.closeCode}` : ' without a close code'}
          {c.closeReason ? <> “<SafeText text={c.closeReason} />”</> : ''}.
        </p>
      )}
      {(c.state === 'open' || c.state === 'closing') && <Composer connection={c} />}
      {c.state === 'open' && <CloseForm connectionId={c.id} />}
      {c.state === 'closing' && <p className="controls-note">Closing handshake under way: waiting for the server's Close frame…</p>}
      {ended && (
        <div className="controls-actions">
          <button className="button primary" onClick={() => setClientConnection(null)} data-testid="client-new">
            New connection…
          </button>
        </div>
      )}
    </div>
  );
}

function Composer({ connection: c }: { connection: ConnectionSummary }) {
  const [kind, setKind] = useState<PayloadKind>('text');
  const [text, setText] = useState('');
  const send = useAction(async () => {
    const parsed = parsePayload(text, kind);
    if (!parsed.ok) throw new Error(parsed.error);
    await clientSend(c.id, parsed.value, kind === 'binary');
  });
  const ping = useAction(async () => {
    await clientPing(c.id);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send.run();
  };
  const disabled = c.state !== 'open';

  return (
    <form className="controls-form composer" onSubmit={submit} aria-label="Send a message">
      <div className="composer-head">
        <span className="field-label">Message</span>
        <div className="segmented small" role="radiogroup" aria-label="Message type">
          {(['text', 'binary'] as const).map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'segment active' : 'segment'} onClick={() => setKind(k)}>
              {k === 'text' ? 'Text' : 'Binary (hex)'}
            </button>
          ))}
        </div>
      </div>
      <textarea
        className="input mono textarea"
        data-testid="client-message"
        rows={3}
        value={text}
        placeholder={kind === 'text' ? 'Hello, server' : '48 65 6c 6c 6f   # hex bytes, spaces and comments allowed'}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send.run();
          }
        }}
      />
      <div className="controls-actions">
        <button className="button primary" type="submit" disabled={disabled || send.pending} data-testid="client-send" title="Send (Ctrl+Enter)">
          Send {kind}
        </button>
        <button className="button" type="button" disabled={disabled || ping.pending} onClick={() => void ping.run()} data-testid="client-ping" title="Send a ping; the server must answer with a pong">
          Ping
        </button>
      </div>
      <InlineError message={send.error ?? ping.error} testId="client-send-error" />
    </form>
  );
}

function CloseForm({ connectionId }: { connectionId: number }) {
  const [code, setCode] = useState('1000');
  const [reason, setReason] = useState('');
  const close = useAction(async () => {
    const parsed = parseClose(code, reason);
    if (!parsed.ok) throw new Error(parsed.error);
    await clientClose(connectionId, parsed.value);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void close.run();
  };
  return (
    <form className="controls-form close-form" onSubmit={submit} aria-label="Close the connection">
      <span className="field-label">Close</span>
      <div className="field-row">
        <input className="input mono code" data-testid="client-close-code" value={code} onChange={(e) => setCode(e.target.value)} aria-label="Close code" placeholder="code" inputMode="numeric" />
        <input className="input reason" data-testid="client-close-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Close reason" placeholder="reason (optional)" />
        <button className="button" type="submit" disabled={close.pending} data-testid="client-close">
          Close
        </button>
      </div>
      <InlineError message={close.error} testId="client-close-error" />
    </form>
  );
}
