// One payload in the mode the user picks: text, JSON tree or hex. Text is a text node inside
// <pre>: a payload full of <script> tags is shown as those characters, never run.
import { useMemo, useState } from 'react';
import { HexDump } from '../../../components/hex/HexDump';
import { JsonTree } from './JsonTree';
import { decodeText, defaultMode, parseJson, type PayloadMode } from './payload-content';

export interface PayloadBodyProps {
  bytes: Uint8Array;
  opcode: number;
  /** The whole payload's size when known (a compressed message counted past what was kept). */
  total?: number;
  /** True when `bytes` is only the first part of the payload. */
  truncated?: boolean;
  testId?: string;
}

const MODES: Array<{ mode: PayloadMode; label: string }> = [
  { mode: 'text', label: 'Text' },
  { mode: 'json', label: 'JSON' },
  { mode: 'hex', label: 'Hex' },
];

export function PayloadBody({ bytes, opcode, truncated = false, total, testId }: PayloadBodyProps) {
  const json = useMemo(() => parseJson(bytes), [bytes]);
  const [chosen, setChosen] = useState<PayloadMode | null>(null);
  const mode = chosen === 'json' && json === null ? 'text' : (chosen ?? defaultMode(opcode, bytes, json));

  return (
    <div className="payload-body" data-testid={testId}>
      <div className="segmented small" role="tablist" aria-label="Show the payload as">
        {MODES.map((m) => (
          <button
            key={m.mode}
            role="tab"
            aria-selected={mode === m.mode}
            className={mode === m.mode ? 'seg on' : 'seg'}
            disabled={m.mode === 'json' && json === null}
            title={m.mode === 'json' && json === null ? 'The payload is not a JSON object or array' : undefined}
            onClick={() => setChosen(m.mode)}
          >
            {m.label}
          </button>
        ))}
      </div>
      {bytes.length === 0 ? (
        <p className="muted note">Empty payload (0 bytes).</p>
      ) : mode === 'json' && json !== null ? (
        <JsonTree value={json} />
      ) : mode === 'hex' ? (
        <HexDump bytes={bytes} ranges={[{ field: 'payload', start: 0, end: bytes.length }]} highlight={null} onHighlight={() => {}} maxRows={16} label="Payload bytes" />
      ) : (
        <PayloadText bytes={bytes} />
      )}
      {truncated && (
        <p className="muted note" data-testid="payload-kept">
          {total !== undefined && total > bytes.length
            ? `Framescope kept the first ${bytes.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} bytes (its display limit, not a protocol problem).`
            : `Only the first ${bytes.length.toLocaleString('en-US')} bytes are kept by the capture.`}
        </p>
      )}
    </div>
  );
}

function PayloadText({ bytes }: { bytes: Uint8Array }) {
  const decoded = useMemo(() => decodeText(bytes), [bytes]);
  return (
    <>
      {decoded.invalidAt >= 0 && (
        <p className="note warn-note">
          Not valid UTF-8 from byte {decoded.invalidAt.toLocaleString('en-US')}: invalid sequences are shown as �. Switch to Hex to see the exact bytes.
        </p>
      )}
      <pre className="payload-text" data-testid="payload-text">
        {decoded.text}
      </pre>
      {decoded.cut && <p className="muted note">Showing the first 256 KiB as text; Hex and Copy have every byte.</p>}
    </>
  );
}
