// One control per header field of RFC 6455 §5.2, invalid choices included: the crafter exists to
// send what a normal library refuses to.
import { MAX_DELAY_MS, type CraftFrame, type LengthChoice } from '../../../../shared/craft/craft-spec';
import { parseMaskKey, randomMaskKey } from '../../../../shared/craft/mask-key';
import { isReservedOpcode, opcodeName } from '../../../../shared/protocol/opcodes';
import { opcodeClass } from '../../components/opcode-badge/OpcodeBadge';
import './header-controls.css';

const OPCODES = Array.from({ length: 16 }, (_, op) => op);
const LENGTHS: Array<{ value: LengthChoice; label: string; hint: string }> = [
  { value: 'minimal', label: 'Minimal', hint: '7 bits up to 125, 16 bits up to 65535, else 64 bits (§5.2 requires the minimal one)' },
  { value: 16, label: '16-bit', hint: 'Always 126 + a 16-bit length: non-minimal for short payloads' },
  { value: 64, label: '64-bit', hint: 'Always 127 + a 64-bit length: non-minimal unless over 65535 bytes' },
];

function opcodeLabel(op: number): string {
  const hex = `0x${op.toString(16).toUpperCase()}`;
  if (!isReservedOpcode(op)) return `${hex} ${opcodeName(op)}`;
  return `${hex} reserved ${op < 8 ? 'data' : 'control'} ⚠`;
}

export interface HeaderControlsProps {
  frame: CraftFrame;
  index: number;
  rsv1Allowed: boolean;
  onChange(patch: Partial<CraftFrame>): void;
}

export function HeaderControls({ frame, index, rsv1Allowed, onChange }: HeaderControlsProps) {
  const keyProblem = frame.mask && !(parseMaskKey(frame.maskKey) instanceof Uint8Array);
  return (
    <div className="header-controls" aria-label="Header fields" data-testid="header-controls">
      <div className="hc-row">
        <span className="hc-label">Flags</span>
        <div className="hc-bits">
          <Bit name="FIN" on={frame.fin} field="flags" hint="Final fragment of a message (§5.2)" onToggle={(fin) => onChange({ fin })} />
          <Bit name="RSV1" on={frame.rsv1 || frame.compress} field="flags" disabled={frame.compress} hint={frame.compress ? 'Set by compression (RFC 7692 §6)' : 'Reserved bit 1: only an extension may set it'} onToggle={(rsv1) => onChange({ rsv1 })} />
          <Bit name="RSV2" on={frame.rsv2} field="flags" hint="Reserved bit 2: no standard extension uses it" onToggle={(rsv2) => onChange({ rsv2 })} />
          <Bit name="RSV3" on={frame.rsv3} field="flags" hint="Reserved bit 3: no standard extension uses it" onToggle={(rsv3) => onChange({ rsv3 })} />
        </div>
      </div>
      <label className="hc-row">
        <span className="hc-label">Opcode</span>
        <select className={`select hc-opcode ${opcodeClass(frame.opcode)}`} aria-label="Opcode" data-testid="crafter-opcode" value={frame.opcode} onChange={(e) => onChange({ opcode: Number(e.target.value) })}>
          {OPCODES.map((op) => (
            <option key={op} value={op}>
              {opcodeLabel(op)}
            </option>
          ))}
        </select>
      </label>
      <div className="hc-row">
        <span className="hc-label">Mask</span>
        <div className="hc-inline">
          <Bit name="MASK" on={frame.mask} field="mask" hint="Clients must mask, servers must not (§5.1)" onToggle={(mask) => onChange({ mask })} />
          <input
            className={keyProblem ? 'input hc-key invalid' : 'input hc-key'}
            aria-label="Masking key (8 hex digits)"
            data-testid="crafter-mask-key"
            value={frame.maskKey}
            disabled={!frame.mask}
            spellCheck={false}
            maxLength={11}
            onChange={(e) => onChange({ maskKey: e.target.value, maskKeyMode: 'fixed' })}
          />
          <button className="button ghost small" disabled={!frame.mask} onClick={() => onChange({ maskKey: randomMaskKey(), maskKeyMode: 'random' })} title="Draw a random key (a new one is drawn after every send)">
            ↻ Random
          </button>
          <span className="muted hc-note">{frame.maskKeyMode === 'random' ? 'new key each send' : 'typed key'}</span>
        </div>
      </div>
      <div className="hc-row">
        <span className="hc-label">Length</span>
        <div className="segmented small" role="radiogroup" aria-label="Length encoding">
          {LENGTHS.map((l) => (
            <button key={String(l.value)} role="radio" aria-checked={frame.lengthEncoding === l.value} className={frame.lengthEncoding === l.value ? 'seg active' : 'seg'} title={l.hint} onClick={() => onChange({ lengthEncoding: l.value })}>
              {l.label}
            </button>
          ))}
        </div>
      </div>
      <div className="hc-row">
        <span className="hc-label">Deflate</span>
        <label className="hc-check" title="Compress the payload with the connection's permessage-deflate settings and set RSV1 (RFC 7692)">
          <input type="checkbox" checked={frame.compress} onChange={(e) => onChange({ compress: e.target.checked })} />
          Compress payload
          <span className="muted hc-note">{rsv1Allowed ? 'negotiated on this connection' : 'not negotiated: RSV1 will be a violation'}</span>
        </label>
      </div>
      {index > 0 && (
        <label className="hc-row">
          <span className="hc-label">Delay</span>
          <span className="hc-inline">
            <input
              className="input hc-delay"
              type="number"
              min={0}
              max={MAX_DELAY_MS}
              step={100}
              aria-label="Pause before this frame, in milliseconds"
              value={frame.delayMs}
              onChange={(e) => onChange({ delayMs: Math.max(0, Math.min(MAX_DELAY_MS, Math.round(Number(e.target.value) || 0))) })}
            />
            <span className="muted">ms before this frame</span>
          </span>
        </label>
      )}
    </div>
  );
}

interface BitProps {
  name: string;
  on: boolean;
  field: 'flags' | 'mask';
  hint: string;
  disabled?: boolean;
  onToggle(on: boolean): void;
}

function Bit({ name, on, field, hint, disabled = false, onToggle }: BitProps) {
  return (
    <button className={`bit-toggle field-${field}${on ? ' on' : ''}`} aria-pressed={on} title={hint} disabled={disabled} onClick={() => onToggle(!on)} data-testid={`bit-${name.toLowerCase()}`}>
      <span className="bit-toggle-name">{name}</span>
      <span className="bit-toggle-value">{on ? 1 : 0}</span>
    </button>
  );
}
