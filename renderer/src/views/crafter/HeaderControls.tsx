// One control per header field of RFC 6455 §5.2, invalid choices included: the crafter exists to
// send what a normal library refuses to.
import { MAX_DELAY_MS, type CraftFrame, type LengthChoice } from '../../../../shared/craft/craft-spec';
import { parseMaskKey, randomMaskKey } from '../../../../shared/craft/mask-key';
import { useTranslation } from 'react-i18next';
import { opcodeClass } from '../../components/opcode-badge/OpcodeBadge';
import { Term } from '../../components/term/Term';
import { opcodeLabel } from './opcode-label';
import './header-controls.css';

const OPCODES = Array.from({ length: 16 }, (_, op) => op);
const LENGTHS = [
  { value: 'minimal', label: 'lengthMinimal', hint: 'lengthMinimalHint' },
  { value: 16, label: 'length16', hint: 'length16Hint' },
  { value: 64, label: 'length64', hint: 'length64Hint' },
] as const satisfies ReadonlyArray<{ value: LengthChoice; label: string; hint: string }>;

export interface HeaderControlsProps {
  frame: CraftFrame;
  index: number;
  rsv1Allowed: boolean;
  onChange(patch: Partial<CraftFrame>): void;
}

export function HeaderControls({ frame, index, rsv1Allowed, onChange }: HeaderControlsProps) {
  const { t } = useTranslation('crafter', { keyPrefix: 'header' });
  const keyProblem = frame.mask && !(parseMaskKey(frame.maskKey) instanceof Uint8Array);
  return (
    <div className="header-controls" aria-label={t('aria')} data-testid="header-controls">
      <div className="hc-row">
        <span className="hc-label">{t('flags')}</span>
        <div className="hc-bits">
          <Bit name="FIN" on={frame.fin} field="flags" hint={t('finHint')} onToggle={(fin) => onChange({ fin })} />
          <Bit name="RSV1" on={frame.rsv1 || frame.compress} field="flags" disabled={frame.compress} hint={frame.compress ? t('rsv1Compressed') : t('rsv1Hint')} onToggle={(rsv1) => onChange({ rsv1 })} />
          <Bit name="RSV2" on={frame.rsv2} field="flags" hint={t('rsvHint', { n: 2 })} onToggle={(rsv2) => onChange({ rsv2 })} />
          <Bit name="RSV3" on={frame.rsv3} field="flags" hint={t('rsvHint', { n: 3 })} onToggle={(rsv3) => onChange({ rsv3 })} />
        </div>
      </div>
      <label className="hc-row">
        <Term id="opcode" className="hc-label" />
        <select className={`select hc-opcode ${opcodeClass(frame.opcode)}`} aria-label={t('opcodeAria')} data-testid="crafter-opcode" value={frame.opcode} onChange={(e) => onChange({ opcode: Number(e.target.value) })}>
          {OPCODES.map((op) => (
            <option key={op} value={op}>
              {opcodeLabel(op)}
            </option>
          ))}
        </select>
      </label>
      <div className="hc-row">
        <Term id="mask" className="hc-label" />
        <div className="hc-inline">
          <Bit name="MASK" on={frame.mask} field="mask" hint={t('maskHint')} onToggle={(mask) => onChange({ mask })} />
          <input
            className={keyProblem ? 'input hc-key invalid' : 'input hc-key'}
            aria-label={t('maskKeyAria')}
            translate="no"
            data-testid="crafter-mask-key"
            value={frame.maskKey}
            disabled={!frame.mask}
            spellCheck={false}
            maxLength={11}
            onChange={(e) => onChange({ maskKey: e.target.value, maskKeyMode: 'fixed' })}
          />
          <button className="button ghost small" disabled={!frame.mask} onClick={() => onChange({ maskKey: randomMaskKey(), maskKeyMode: 'random' })} title={t('randomHint')}>
            {t('random')}
          </button>
          <span className="muted hc-note">{frame.maskKeyMode === 'random' ? t('keyRandom') : t('keyTyped')}</span>
        </div>
      </div>
      <div className="hc-row">
        <Term id="payload-length" className="hc-label" />
        <div className="segmented small" role="radiogroup" aria-label={t('lengthAria')}>
          {LENGTHS.map((l) => (
            <button key={String(l.value)} role="radio" aria-checked={frame.lengthEncoding === l.value} className={frame.lengthEncoding === l.value ? 'seg active' : 'seg'} title={t(l.hint)} onClick={() => onChange({ lengthEncoding: l.value })}>
              {t(l.label)}
            </button>
          ))}
        </div>
      </div>
      <div className="hc-row">
        <Term id="compression" className="hc-label" />
        <label className="hc-check" title={t('compressHint')}>
          <input type="checkbox" checked={frame.compress} onChange={(e) => onChange({ compress: e.target.checked })} />
          {t('compress')}
          <span className="muted hc-note">{rsv1Allowed ? t('negotiated') : t('notNegotiated')}</span>
        </label>
      </div>
      {index > 0 && (
        <label className="hc-row">
          <span className="hc-label">{t('delay')}</span>
          <span className="hc-inline">
            <input
              className="input hc-delay"
              type="number"
              min={0}
              max={MAX_DELAY_MS}
              step={100}
              aria-label={t('delayAria')}
              value={frame.delayMs}
              onChange={(e) => onChange({ delayMs: Math.max(0, Math.min(MAX_DELAY_MS, Math.round(Number(e.target.value) || 0))) })}
            />
            <span className="muted">{t('delayUnit')}</span>
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
