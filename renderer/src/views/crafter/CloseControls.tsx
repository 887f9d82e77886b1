// The body of a Close frame (RFC 6455 §5.5.1): a status code, with what each one means and
// whether it may be sent at all (§7.4), and a UTF-8 reason. "Raw payload" hands over to the
// editor for bodies the picker cannot express (a 1-byte body, a reason that is not UTF-8).
import { CLOSE_CODES, closeCodeValidity } from '../../../../shared/protocol/close-codes';
import { encodeUtf8 } from '../../../../shared/protocol/utf8';
import type { CraftFrame } from '../../../../shared/craft/craft-spec';

const LISTED = Object.keys(CLOSE_CODES).map(Number);
/** §5.5: a control payload is at most 125 bytes, 2 of them the code. */
const MAX_REASON_BYTES = 123;

export function CloseControls({ frame, onChange }: { frame: CraftFrame; onChange(patch: Partial<CraftFrame>): void }) {
  const code = frame.closeCode;
  const info = code !== null ? CLOSE_CODES[code] : undefined;
  const validity = code !== null ? closeCodeValidity(code) : null;
  const reasonBytes = encodeUtf8(frame.closeReason).length;
  const listed = code === null || LISTED.includes(code);

  return (
    <div className="close-controls" data-testid="close-controls">
      <div className="segmented small" role="radiogroup" aria-label="Close body">
        <button role="radio" aria-checked={frame.closeBody === 'code'} className={frame.closeBody === 'code' ? 'seg active' : 'seg'} onClick={() => onChange({ closeBody: 'code' })}>
          Code and reason
        </button>
        <button role="radio" aria-checked={frame.closeBody === 'payload'} className={frame.closeBody === 'payload' ? 'seg active' : 'seg'} onClick={() => onChange({ closeBody: 'payload' })} title="Type the body yourself in the editor">
          Raw payload
        </button>
      </div>
      {frame.closeBody === 'code' && (
        <>
          <label className="cc-row">
            <span className="hc-label">Code</span>
            <select
              className="select cc-code"
              aria-label="Close code"
              data-testid="crafter-close-code"
              value={code === null ? 'none' : listed ? String(code) : 'other'}
              onChange={(e) => {
                const v = e.target.value;
                onChange({ closeCode: v === 'none' ? null : v === 'other' ? 4000 : Number(v) });
              }}
            >
              <option value="none">No code (empty body)</option>
              {LISTED.map((c) => (
                <option key={c} value={c}>
                  {c} {CLOSE_CODES[c]!.name}
                  {closeCodeValidity(c).valid ? '' : ' ⚠ not on the wire'}
                </option>
              ))}
              <option value="other">Other code…</option>
            </select>
            {!listed && code !== null && (
              <input
                className="input cc-other"
                type="number"
                min={0}
                max={65535}
                aria-label="Close code number"
                value={code}
                onChange={(e) => onChange({ closeCode: Math.max(0, Math.min(65535, Math.round(Number(e.target.value) || 0))) })}
              />
            )}
          </label>
          <p className={validity && !validity.valid ? 'cc-meaning bad' : 'cc-meaning'} data-testid="crafter-close-meaning">
            {code === null
              ? 'An empty body is allowed: the peer reports 1005 (no status) to its application (§7.1.5).'
              : validity && !validity.valid
                ? `Not allowed on the wire: ${validity.reason}.`
                : (info?.meaning ?? (validity?.valid && validity.range === 'private' ? 'Private use (4000-4999): its meaning is agreed between the two applications.' : 'Registered with IANA (3000-3999) for libraries, frameworks and applications.'))}
          </p>
          <label className="cc-row">
            <span className="hc-label">Reason</span>
            <input className="input cc-reason" aria-label="Close reason" value={frame.closeReason} disabled={code === null} onChange={(e) => onChange({ closeReason: e.target.value })} placeholder="optional, UTF-8" />
            <span className={reasonBytes > MAX_REASON_BYTES ? 'cc-count bad' : 'cc-count muted'} title="A control frame carries at most 125 bytes: 2 for the code, 123 for the reason (§5.5)">
              {reasonBytes}/{MAX_REASON_BYTES} bytes
            </span>
          </label>
        </>
      )}
    </div>
  );
}
