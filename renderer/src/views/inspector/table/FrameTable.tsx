// The frame table: ten million rows scroll because only the rows in view exist in the DOM and
// only their pages are fetched. Rows have one height, so the rows in view are arithmetic
// (scaled-scroll.ts), and past the browser's height limit the scrollbar maps proportionally
// onto the rows while keyboard moves and "go to frame" still land on the exact row.
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameSummary } from '../../../../../shared/model';
import { useFlingSkeletons } from './use-fling-skeletons';
import { useScaledScroll } from './use-scaled-scroll';
import { rowsInView } from './scaled-scroll';
import { FrameRow, FrameTableHeader, useRowWords, type RowWords } from './FrameRow';

export const ROW_HEIGHT = 26;
/** Rows are drawn in blocks, so a scroll of a few rows redraws nothing but the block that enters. */
const BLOCK = 32;
/** Room under the last row for the follow-live button (the sizer's padding in inspector.css). */
const RESERVE = 44;

export interface ScrollRequest {
  index: number;
  seq: number;
}

export interface FrameTableProps {
  /** The row at a position, or undefined while its page loads; a new function means new rows. */
  rowAt(index: number): FrameSummary | undefined;
  total: number;
  /** The rows on screen belong to the previous filter while the new one loads. */
  busy: boolean;
  selectedId: number | null;
  timeBase: number | null;
  followLive: boolean;
  scrollRequest: ScrollRequest | null;
  /** The rows in view changed (not reported during a fling: nobody reads rows flying past). */
  onRange(first: number, last: number): void;
  onUserScrolledUp(): void;
  onSelect(index: number, row: FrameSummary): void;
  onOpen(index: number, row: FrameSummary): void;
}

export function FrameTable(props: FrameTableProps) {
  const { rowAt, total, busy, selectedId, timeBase, followLive, scrollRequest, onRange, onUserScrolledUp, onSelect, onOpen } = props;
  const { t } = useTranslation('inspector');
  const words = useRowWords();
  const scrollRef = useRef<HTMLDivElement>(null);
  const scroll = useScaledScroll(scrollRef, total, ROW_HEIGHT, RESERVE, followLive);
  const { first, last } = rowsInView(scroll.geometry, scroll.virtualTop);
  // One block of overscan each way, and the rows under the follow-live button's reserve. While
  // following live nothing scrolls into view from above, and every row is replaced as the capture
  // grows: drawing rows nobody sees would cost each update a third more.
  const firstBlock = Math.max(0, Math.floor(first / BLOCK) - (followLive ? 0 : 1));
  const lastBlock = total === 0 ? firstBlock - 1 : Math.min(Math.ceil(total / BLOCK) - 1, Math.floor((last + Math.ceil(RESERVE / ROW_HEIGHT)) / BLOCK) + 1);
  const blocks: number[] = [];
  for (let b = firstBlock; b <= lastBlock; b++) blocks.push(b);
  const skeletons = useFlingSkeletons(scroll.virtualTop, scroll.isScrolling, scroll.geometry.viewport, blocks, followLive);

  const flinging = skeletons.size > 0;
  const rangeFirst = firstBlock * BLOCK;
  const rangeLast = Math.min(total, (lastBlock + 1) * BLOCK) - 1;
  useEffect(() => {
    if (!flinging) onRange(rangeFirst, Math.max(rangeFirst, rangeLast));
  }, [onRange, rangeFirst, rangeLast, flinging]);

  // Following live keeps the newest row in view as rows arrive (use-scaled-scroll.ts).
  const { reveal } = scroll;

  useEffect(() => {
    if (scrollRequest) reveal(scrollRequest.index);
  }, [scrollRequest, reveal]);

  // Reading layout in a scroll handler forces it early: only do it while following live.
  const lastTop = useRef(0);
  const onScroll = () => {
    scroll.onScroll();
    const el = scrollRef.current;
    if (!el || !followLive) return;
    const top = el.scrollTop;
    const movedUp = top < lastTop.current;
    lastTop.current = top;
    if (movedUp && el.scrollHeight - el.clientHeight - top > ROW_HEIGHT) onUserScrolledUp();
  };

  // Blocks are laid out one under the other from the first one's place, computed in virtual
  // rows and shifted to the physical scroll position (never a transform of millions of pixels).
  const blocksTop = firstBlock * BLOCK * ROW_HEIGHT + (scroll.scrollTop - scroll.virtualTop);
  return (
    <div className={busy ? 'frame-table busy' : 'frame-table'} role="grid" aria-label={t('table.label')} aria-rowcount={total + 1} aria-readonly="true" aria-busy={busy}>
      <FrameTableHeader />
      <div className="frame-table-scroll" ref={scrollRef} onScroll={onScroll} tabIndex={-1} data-testid="frame-table-scroll">
        <div className="frame-table-sizer" style={{ height: scroll.height }}>
          <div className="frame-block" style={{ transform: `translateY(${blocksTop}px)` }}>
            {blocks.map((b) => (
              <FrameBlock
                // Keyed by slot, not by block number: the block that enters takes the slot of the
                // one that left, and its rows are updated in place instead of made anew (a live
                // capture at 20,000 frames/s replaces every row in view on each update).
                key={b % blocks.length}
                rowAt={rowAt}
                start={b * BLOCK}
                end={Math.min(total, (b + 1) * BLOCK)}
                skeleton={skeletons.has(b)}
                selectedId={selectedId}
                timeBase={timeBase}
                onSelect={onSelect}
                onOpen={onOpen}
                words={words}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

interface FrameBlockProps {
  rowAt(index: number): FrameSummary | undefined;
  start: number;
  end: number;
  skeleton: boolean;
  selectedId: number | null;
  timeBase: number | null;
  onSelect(index: number, row: FrameSummary): void;
  onOpen(index: number, row: FrameSummary): void;
  words: RowWords;
}

const FrameBlock = memo(function FrameBlock({ rowAt, start, end, skeleton, selectedId, timeBase, onSelect, onOpen, words }: FrameBlockProps) {
  // A block flying past in a fling is one element drawn as empty rows: a fling brings in two
  // blocks a frame, and 64 row elements made and dropped each frame cost more than the frame has.
  if (skeleton) return <div className="frame-skeleton" style={{ height: (end - start) * ROW_HEIGHT }} aria-hidden="true" />;
  const rows = [];
  for (let i = start; i < end; i++) {
    const row = rowAt(i);
    rows.push(<FrameRow key={i - start} index={i} row={row} selected={row !== undefined && row.id === selectedId} timeBase={timeBase} onSelect={onSelect} onOpen={onOpen} words={words} />);
  }
  return <div>{rows}</div>;
});
