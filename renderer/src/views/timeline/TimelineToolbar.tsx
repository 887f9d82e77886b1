// Above the diagram: which connection it shows, what the shapes mean, and the zoom controls.
import type { ConnectionSummary } from '../../../../shared/model';
import { formatCount } from '../../format';
import './timeline-toolbar.css';
import { SafeText } from '../../components/safe-text/SafeText';
import { visibleText } from '../../components/safe-text/split-hidden';

interface Props {
  connection: ConnectionSummary;
  /** Frames of the connection, or null while the first read is under way. */
  frames: number | null;
  exchanges: number;
  /** How the window is drawn: arrows, density ticks (with the frames in view), or a burst in order. */
  drawing: { mode: 'arrows' | 'density' | 'burst'; inView: number; approximate: boolean };
  following: boolean;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
}

const LEGEND: Array<{ className: string; shape: string; label: string; hint: string }> = [
  { className: 'op-text', shape: 'dot', label: 'text', hint: 'Text frame (opcode 0x1)' },
  { className: 'op-binary', shape: 'dot', label: 'binary', hint: 'Binary frame (opcode 0x2)' },
  { className: 'op-ping', shape: 'diamond', label: 'ping', hint: 'Ping (0x9): the other side must answer with a pong (RFC 6455 §5.5.2)' },
  { className: 'op-pong', shape: 'diamond hollow', label: 'pong', hint: 'Pong (0xA): the answer to a ping; the bracket beside the lane is the round trip' },
  { className: 'op-close', shape: 'square', label: 'close', hint: 'Close (0x8): the shaded band is the closing handshake (RFC 6455 §7.1.2)' },
  { className: 'injected', shape: 'plus', label: 'injected', hint: 'Written into the connection by Framescope: the arrow starts at the proxy' },
];

export function TimelineToolbar({ connection: c, frames, exchanges, drawing, following, onZoomIn, onZoomOut, onFit }: Props) {
  const live = following && (c.state === 'open' || c.state === 'connecting' || c.state === 'closing');
  return (
    <div className="tl-toolbar">
      <div className="tl-title">
        <span className={`state-pill ${c.state}`}>{c.state}</span>
        <span className="tl-url" title={visibleText(c.url)}>
          <SafeText text={c.url} />
        </span>
        <span className="tl-count" data-testid="timeline-count">
          {frames === null ? '…' : `${formatCount(frames)} ${frames === 1 ? 'frame' : 'frames'}`}
          {exchanges > 0 && ` · ${formatCount(exchanges)} HTTP`}
        </span>
        {drawing.mode === 'density' && (
          <span className="tl-mode" data-testid="timeline-mode" title="Each bar is a slice of time; its length says how many frames each side sent in it. Zoom in to see every frame as an arrow.">
            {drawing.approximate ? '≈ ' : ''}
            {formatCount(drawing.inView)} in view: density · scroll to zoom in
          </span>
        )}
      </div>
      <ul className="tl-legend" aria-label="Legend">
        {LEGEND.map((item) => (
          <li key={item.label} className={item.className} title={item.hint}>
            <span className={`tl-legend-shape ${item.shape}`} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      <div className="tl-zoom">
        {live && <span className="tl-live" title="The view re-fits as frames arrive. Zoom or drag to stop following.">following</span>}
        <button className="button small" onClick={onZoomOut} title="Zoom out (−)" aria-label="Zoom out">
          −
        </button>
        <button className="button small" onClick={onZoomIn} title="Zoom in (+)" aria-label="Zoom in">
          +
        </button>
        <button className="button small" onClick={onFit} data-testid="timeline-fit" title="Show the whole connection and follow new frames (F)">
          Fit
        </button>
      </div>
    </div>
  );
}
