// Under the diagram: the selected frame in one line, and the way to its bytes in the Inspector.
import type { FrameSummary } from '../../../../shared/model';
import { DirectionArrow } from '../../components/direction-arrow/DirectionArrow';
import { OpcodeBadge } from '../../components/opcode-badge/OpcodeBadge';
import { formatBytes, formatClock, formatDurationUs } from '../../format';
import { useStore } from '../../store';
import { SafeText } from '../../components/safe-text/SafeText';
import { visibleText } from '../../components/safe-text/split-hidden';

export function SelectedFrameBar({ frame, origin }: { frame: FrameSummary | null; origin: number }) {
  const setView = useStore((s) => s.setView);
  if (!frame) {
    return (
      <div className="tl-selected empty" data-testid="timeline-selected-none">
        Click an arrow to select its frame (↑ ↓ move the selection). Scroll to zoom around the pointer, drag to pan.
      </div>
    );
  }
  return (
    <div className="tl-selected" data-testid="timeline-selected" data-frame-id={frame.id}>
      <span className="tl-selected-id">#{frame.id}</span>
      <OpcodeBadge opcode={frame.opcode} compressed={frame.rsv1} />
      <DirectionArrow from={frame.from} long />
      {frame.injected && <span className="tag">injected</span>}
      {!frame.fin && <span className="tag" title="RFC 6455 §5.4: more fragments of this message follow">FIN=0</span>}
      {frame.violationCount > 0 && <span className="tag danger">{frame.violationCount} violations</span>}
      <span className="tl-selected-meta" title={formatClock(frame.time)}>
        +{formatDurationUs(frame.time - origin)}
      </span>
      <span className="tl-selected-meta">
        {formatBytes(frame.payloadLength)} payload + {frame.headerLength} B header
      </span>
      <span className="tl-selected-preview" title={visibleText(frame.preview)}>
        <SafeText text={frame.preview} />
      </span>
      <button className="button small" onClick={() => setView('inspector')} title="See this frame's fields and bytes">
        Open in Inspector
      </button>
    </div>
  );
}
