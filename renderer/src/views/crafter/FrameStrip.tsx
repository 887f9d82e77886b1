// The sequence: one chip per frame, in sending order, with the pause before it. A lone frame
// is a sequence of one; fragments and interleaved pings are built here.
import { useTranslation } from 'react-i18next';
import { MAX_FRAMES } from '../../../../shared/craft/craft-spec';
import { OpcodeBadge } from '../../components/opcode-badge/OpcodeBadge';
import { formatCount } from '../../format';
import { useStore } from '../../store';
import type { CrafterPreview } from './use-crafter-preview';
import './frame-strip.css';

/** The FIN bit as the RFC writes it (§5.2): a field name, the same in every language. */
const FIN_LABEL = { set: 'FIN', clear: 'FIN=0' } as const;

export function FrameStrip({ preview }: { preview: CrafterPreview }) {
  const { t } = useTranslation('crafter', { keyPrefix: 'strip' });
  const frames = useStore((s) => s.crafterDoc.frames);
  const selected = useStore((s) => s.crafterSelected);
  const select = useStore((s) => s.selectCrafterFrame);
  const add = useStore((s) => s.addCrafterFrame);
  const remove = useStore((s) => s.removeCrafterFrame);
  const move = useStore((s) => s.moveCrafterFrame);
  const totalDelay = frames.slice(1).reduce((n, f) => n + f.delayMs, 0);

  return (
    <div className="frame-strip" aria-label={t('aria')}>
      <ol className="frame-chips" role="listbox" aria-label={t('listAria')}>
        {frames.map((f, i) => {
          const p = preview.frames[i];
          const problems = p ? (p.build.ok ? (p.check?.violations.length ?? 0) : 1) : 0;
          return (
            <li key={i} className="frame-chip-wrap">
              {i > 0 && (
                <span className="frame-chip-delay" title={t('pauseHint')}>
                  {f.delayMs > 0 ? `+${f.delayMs} ms` : '→'}
                </span>
              )}
              <button
                role="option"
                aria-selected={i === selected}
                className={i === selected ? 'frame-chip selected' : 'frame-chip'}
                onClick={() => select(i)}
                data-testid="crafter-frame-chip"
                title={`${t('chipTitle', { n: i + 1, fin: f.fin ? 1 : 0 })}${problems > 0 ? ` · ${t('problems', { count: problems })}` : ''}`}
              >
                <span className="frame-chip-n">{i + 1}</span>
                <OpcodeBadge opcode={f.opcode} compressed={f.compress} />
                <span className={f.fin ? 'frame-chip-fin' : 'frame-chip-fin off'}>{f.fin ? FIN_LABEL.set : FIN_LABEL.clear}</span>
                {problems > 0 && <span className="frame-chip-warn" aria-label={t('problems', { count: problems })}>⚠ {problems}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="frame-strip-actions">
        <button className="button small" onClick={add} disabled={frames.length >= MAX_FRAMES} title={t('addHint')}>
          {t('add')}
        </button>
        <button className="button ghost small" onClick={() => move(selected, -1)} disabled={selected === 0} aria-label={t('earlierAria')} title={t('earlier')}>
          ←
        </button>
        <button className="button ghost small" onClick={() => move(selected, 1)} disabled={selected >= frames.length - 1} aria-label={t('laterAria')} title={t('later')}>
          →
        </button>
        <button className="button ghost small" onClick={() => remove(selected)} disabled={frames.length <= 1} title={t('removeHint')}>
          {t('remove')}
        </button>
        {frames.length > 1 && <span className="muted frame-strip-sum">{t('sum', { count: frames.length, ms: formatCount(totalDelay) })}</span>}
      </div>
    </div>
  );
}
