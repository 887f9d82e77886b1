// The body of a Close frame (RFC 6455 §5.5.1): a status code, with what each one means and
// whether it may be sent at all (§7.4), and a UTF-8 reason. "Raw payload" hands over to the
// editor for bodies the picker cannot express (a 1-byte body, a reason that is not UTF-8).
import { useTranslation } from 'react-i18next';
import { CLOSE_CODES, closeCodeValidity } from '../../../../shared/protocol/close-codes';
import { encodeUtf8 } from '../../../../shared/protocol/utf8';
import type { CraftFrame } from '../../../../shared/craft/craft-spec';
import { Term } from '../../components/term/Term';
import { closeCodeMeaning, closeCodeName } from './close-code-text';

const LISTED = Object.keys(CLOSE_CODES).map(Number);
/** §5.5: a control payload is at most 125 bytes, 2 of them the code. */
const MAX_REASON_BYTES = 123;

export function CloseControls({ frame, onChange }: { frame: CraftFrame; onChange(patch: Partial<CraftFrame>): void }) {
  const { t } = useTranslation('crafter', { keyPrefix: 'close' });
  const code = frame.closeCode;
  const meaning = code !== null ? closeCodeMeaning(code) : null;
  const reasonBytes = encodeUtf8(frame.closeReason).length;
  const listed = code === null || LISTED.includes(code);

  return (
    <div className="close-controls" data-testid="close-controls">
      <div className="segmented small" role="radiogroup" aria-label={t('bodyAria')}>
        <button role="radio" aria-checked={frame.closeBody === 'code'} className={frame.closeBody === 'code' ? 'seg active' : 'seg'} onClick={() => onChange({ closeBody: 'code' })}>
          {t('codeAndReason')}
        </button>
        <button role="radio" aria-checked={frame.closeBody === 'payload'} className={frame.closeBody === 'payload' ? 'seg active' : 'seg'} onClick={() => onChange({ closeBody: 'payload' })} title={t('rawHint')}>
          {t('raw')}
        </button>
      </div>
      {frame.closeBody === 'code' && (
        <>
          <label className="cc-row">
            <Term id="close-code" className="hc-label" />
            <select
              className="select cc-code"
              aria-label={t('codeAria')}
              data-testid="crafter-close-code"
              value={code === null ? 'none' : listed ? String(code) : 'other'}
              onChange={(e) => {
                const v = e.target.value;
                onChange({ closeCode: v === 'none' ? null : v === 'other' ? 4000 : Number(v) });
              }}
            >
              <option value="none">{t('none')}</option>
              {LISTED.map((c) => (
                <option key={c} value={c}>
                  {closeCodeName(c)}
                  {closeCodeValidity(c).valid ? '' : t('notOnWire')}
                </option>
              ))}
              <option value="other">{t('other')}</option>
            </select>
            {!listed && code !== null && (
              <input
                className="input cc-other"
                type="number"
                min={0}
                max={65535}
                aria-label={t('numberAria')}
                value={code}
                onChange={(e) => onChange({ closeCode: Math.max(0, Math.min(65535, Math.round(Number(e.target.value) || 0))) })}
              />
            )}
          </label>
          <p className={meaning && !meaning.ok ? 'cc-meaning bad' : 'cc-meaning'} data-testid="crafter-close-meaning">
            {meaning === null ? t('emptyMeaning') : meaning.text}
          </p>
          <label className="cc-row">
            <span className="hc-label">{t('reason')}</span>
            <input className="input cc-reason" aria-label={t('reasonAria')} translate="no" value={frame.closeReason} disabled={code === null} onChange={(e) => onChange({ closeReason: e.target.value })} placeholder={t('reasonPlaceholder')} />
            <span className={reasonBytes > MAX_REASON_BYTES ? 'cc-count bad' : 'cc-count muted'} title={t('reasonHint')}>
              {t('reasonBytes', { used: reasonBytes, max: MAX_REASON_BYTES })}
            </span>
          </label>
        </>
      )}
    </div>
  );
}
