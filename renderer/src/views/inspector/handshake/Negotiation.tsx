// What the two sides agreed on: the subprotocol (RFC 6455 §1.9, §4.2.2) and the extensions
// (§9.1), with permessage-deflate's parameters explained (RFC 7692 §7.1).
import type { HandshakeDetail } from '../../../../../shared/model';
import { DEFLATE_PARAM_NOTES } from './header-notes';

export function Negotiation({ handshake: h }: { handshake: HandshakeDetail }) {
  return (
    <div className="negotiation" data-testid="negotiation">
      <div className="nego-row">
        <span className="nego-label">Subprotocol</span>
        <span>
          {h.offeredSubprotocols.length === 0 ? (
            <span className="muted">None offered: the application speaks its own format on this connection.</span>
          ) : (
            <>
              The client offered <code>{h.offeredSubprotocols.join(', ')}</code>;{' '}
              {h.subprotocol ? (
                <>
                  the server chose <code className="nego-chosen">{h.subprotocol}</code>.
                </>
              ) : (
                <span>the server chose none, so no subprotocol is in use.</span>
              )}
            </>
          )}
        </span>
      </div>
      <div className="nego-row">
        <span className="nego-label">Extensions</span>
        <span>
          {h.offeredExtensions === null ? (
            <span className="muted">None offered: frames carry plain payloads and RSV1-3 must stay 0.</span>
          ) : (
            <>
              The client offered <code>{h.offeredExtensions}</code>;{' '}
              {h.extensions.length === 0 ? <span>the server accepted none, so RSV1-3 must stay 0.</span> : <span>the server accepted:</span>}
            </>
          )}
        </span>
      </div>
      {h.extensions.map((ext) => (
        <div className="nego-row nego-ext" key={ext.name}>
          <span className="nego-label" />
          <div>
            <code className="nego-chosen">{ext.name}</code>
            {ext.name === 'permessage-deflate' && <span className="muted"> — messages may be DEFLATE-compressed; a compressed message sets RSV1 on its first frame (RFC 7692).</span>}
            {Object.keys(ext.params).length > 0 && (
              <ul className="nego-params">
                {Object.entries(ext.params).map(([name, value]) => (
                  <li key={name}>
                    <code>
                      {name}
                      {value === true ? '' : `=${value}`}
                    </code>{' '}
                    <span className="muted">{DEFLATE_PARAM_NOTES[name] ?? ''}</span>
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
