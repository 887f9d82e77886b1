// The TLS session under a connection, when the relay speaks TLS to the server: version, cipher,
// ALPN, and the server certificate's subject, issuer and validity; whether Framescope terminated
// the client's TLS (interception) and whether the server's certificate was checked.
import type { TlsInfo } from '../../../../../shared/model';
import './tls.css';

function day(iso: string): string {
  return iso.slice(0, 10);
}

export function TlsSession({ tls }: { tls: TlsInfo }) {
  const cert = tls.server;
  const expired = cert !== null && Date.parse(cert.validTo) < Date.now();
  return (
    <section data-testid="tls-session">
      <h3 className="pane-subtitle">
        TLS <span className="muted">— relay → server{tls.intercepted ? ', and the client’s TLS ended at Framescope' : ''}</span>
      </h3>
      <div className="negotiation">
        <div className="nego-row">
          <span className="nego-label">Session</span>
          <span>
            <code>{tls.version}</code> · <code>{tls.cipher}</code> · ALPN {tls.alpn ? <code>{tls.alpn}</code> : <span className="muted">none</span>}
            {tls.servername && (
              <>
                {' '}
                · SNI <code>{tls.servername}</code>
              </>
            )}
          </span>
        </div>
        {cert && (
          <>
            <div className="nego-row">
              <span className="nego-label">Certificate</span>
              <span className="tls-dn">{cert.subject}</span>
            </div>
            <div className="nego-row">
              <span className="nego-label">Issued by</span>
              <span className="tls-dn">{cert.issuer}</span>
            </div>
            <div className="nego-row">
              <span className="nego-label">Valid</span>
              <span className={expired ? 'warn-text' : ''}>
                {day(cert.validFrom)} to {day(cert.validTo)}
                {cert.altNames.length > 0 && <span className="muted"> · for {cert.altNames.join(', ')}</span>}
              </span>
            </div>
          </>
        )}
        <div className="nego-row">
          <span className="nego-label">Checked</span>
          <span data-testid="tls-checked">
            {tls.unverified ? (
              <span className="warn-text">Not checked: this host is in the list of servers trusted without a check (a test server).</span>
            ) : (
              <span className="muted">The server’s certificate was checked against the trusted authorities.</span>
            )}
          </span>
        </div>
      </div>
    </section>
  );
}
