// The Sec-WebSocket-Accept computation worked out step by step (RFC 6455 §4.2.2, item 5.4):
// key + GUID → SHA-1 → base64, compared with what the server sent.
import type { AcceptExplanation } from '../../../../../shared/model';

function groups(hex: string): string {
  return hex.replace(/(.{8})(?=.)/g, '$1 ');
}

export function AcceptSteps({ accept }: { accept: AcceptExplanation | null }) {
  if (accept === null) {
    return (
      <p className="muted note" data-testid="accept-steps">
        No accept check: the request carried no Sec-WebSocket-Key, or no response arrived.
      </p>
    );
  }
  const verdict = accept.actual === null ? 'missing' : accept.ok ? 'ok' : 'bad';
  return (
    <ol className="accept-steps" data-testid="accept-steps">
      <li>
        <span className="step-label">The client's Sec-WebSocket-Key</span>
        <code className="step-key">{accept.key}</code>
      </li>
      <li>
        <span className="step-label">Append the fixed GUID of RFC 6455</span>
        <code>
          <span className="step-key">{accept.key}</span>
          <span className="step-guid">{accept.guid}</span>
        </code>
      </li>
      <li>
        <span className="step-label">SHA-1 of those bytes (20 bytes, in hex)</span>
        <code>{groups(accept.sha1Hex)}</code>
      </li>
      <li>
        <span className="step-label">base64 of those 20 bytes: the expected value</span>
        <code className="step-expected">{accept.expected}</code>
      </li>
      <li className={`accept-verdict ${verdict}`} data-testid="accept-verdict">
        <span className="step-label">The server's Sec-WebSocket-Accept</span>
        {accept.actual === null ? <span>(missing)</span> : <code>{accept.actual}</code>}
        <span className="verdict-mark">
          {verdict === 'ok' ? '✓ matches: the server understood the WebSocket request' : verdict === 'bad' ? '✗ does not match: a client must fail this connection (§4.1)' : '✗ missing: a client must fail this connection (§4.1)'}
        </span>
      </li>
    </ol>
  );
}
