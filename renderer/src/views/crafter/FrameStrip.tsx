// The sequence: one chip per frame, in sending order, with the pause before it. A lone frame
// is a sequence of one; fragments and interleaved pings are built here.
import { MAX_FRAMES } from '../../../../shared/craft/craft-spec';
import { OpcodeBadge } from '../../components/opcode-badge/OpcodeBadge';
import { useStore } from '../../store';
import type { CrafterPreview } from './use-crafter-preview';
import './frame-strip.css';

export function FrameStrip({ preview }: { preview: CrafterPreview }) {
  const frames = useStore((s) => s.crafterDoc.frames);
  const selected = useStore((s) => s.crafterSelected);
  const select = useStore((s) => s.selectCrafterFrame);
  const add = useStore((s) => s.addCrafterFrame);
  const remove = useStore((s) => s.removeCrafterFrame);
  const move = useStore((s) => s.moveCrafterFrame);
  const totalDelay = frames.slice(1).reduce((n, f) => n + f.delayMs, 0);

  return (
    <div className="frame-strip" aria-label="Frames to send, in order">
      <ol className="frame-chips" role="listbox" aria-label="Frames">
        {frames.map((f, i) => {
          const p = preview.frames[i];
          const problems = p ? (p.build.ok ? (p.check?.violations.length ?? 0) : 1) : 0;
          return (
            <li key={i} className="frame-chip-wrap">
              {i > 0 && (
                <span className="frame-chip-delay" title="Pause before this frame">
                  {f.delayMs > 0 ? `+${f.delayMs} ms` : '→'}
                </span>
              )}
              <button
                role="option"
                aria-selected={i === selected}
                className={i === selected ? 'frame-chip selected' : 'frame-chip'}
                onClick={() => select(i)}
                data-testid="crafter-frame-chip"
                title={`Frame ${i + 1}: FIN=${f.fin ? 1 : 0}${problems > 0 ? ` · ${problems} problem(s)` : ''}`}
              >
                <span className="frame-chip-n">{i + 1}</span>
                <OpcodeBadge opcode={f.opcode} compressed={f.compress} />
                <span className={f.fin ? 'frame-chip-fin' : 'frame-chip-fin off'}>{f.fin ? 'FIN' : 'FIN=0'}</span>
                {problems > 0 && <span className="frame-chip-warn" aria-label={`${problems} problems`}>⚠ {problems}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="frame-strip-actions">
        <button className="button small" onClick={add} disabled={frames.length >= MAX_FRAMES} title="Add a frame after the selected one">
          + Frame
        </button>
        <button className="button ghost small" onClick={() => move(selected, -1)} disabled={selected === 0} aria-label="Move the frame earlier" title="Move earlier">
          ←
        </button>
        <button className="button ghost small" onClick={() => move(selected, 1)} disabled={selected >= frames.length - 1} aria-label="Move the frame later" title="Move later">
          →
        </button>
        <button className="button ghost small" onClick={() => remove(selected)} disabled={frames.length <= 1} title="Remove the selected frame">
          Remove
        </button>
        {frames.length > 1 && <span className="muted frame-strip-sum">{frames.length} frames over {totalDelay.toLocaleString('en-US')} ms</span>}
      </div>
    </div>
  );
}
