// The frame table: a million rows scroll smoothly because only the rows in view exist in the
// DOM and only their pages are fetched. The virtualizer works on blocks of rows, not rows, so
// its bookkeeping stays O(rows / BLOCK) while a live capture keeps adding rows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import type { FrameSummary } from '../../../../../shared/model';
import type { FrameRowSource } from './frame-row-source';
import { useFlingSkeletons } from './use-fling-skeletons';
import { FrameRow, FrameTableHeader } from './FrameRow';

export const ROW_HEIGHT = 26;
const BLOCK = 32;
const BLOCK_HEIGHT = BLOCK * ROW_HEIGHT;

export interface ScrollRequest {
  index: number;
  seq: number;
}

export interface FrameTableProps {
  source: FrameRowSource;
  /** Bumped whenever the source has new rows, so visible blocks redraw. */
  tick: number;
  filterKey: string;
  version: number;
  total: number;
  /** The rows on screen belong to the previous filter while the new one loads. */
  busy: boolean;
  selectedId: number | null;
  timeBase: number | null;
  followLive: boolean;
  scrollRequest: ScrollRequest | null;
  onUserScrolledUp(): void;
  onSelect(index: number, row: FrameSummary): void;
  onOpen(index: number, row: FrameSummary): void;
}

export function FrameTable(props: FrameTableProps) {
  const { source, tick, filterKey, version, total, busy, selectedId, timeBase, followLive, scrollRequest, onUserScrolledUp, onSelect, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const blocks = Math.ceil(total / BLOCK);
  const virtualizer = useVirtualizer({ count: blocks, getScrollElement: () => scrollRef.current, estimateSize: () => BLOCK_HEIGHT, overscan: 1 });
  const items = virtualizer.getVirtualItems();
  const skeletons = useFlingSkeletons(virtualizer.scrollOffset ?? 0, virtualizer.isScrolling, scrollRef.current?.clientHeight ?? 400, items.map((i) => i.index), followLive);
  const first = items.length > 0 ? items[0]!.index * BLOCK : 0;
  const last = items.length > 0 ? Math.min(total, (items[items.length - 1]!.index + 1) * BLOCK) - 1 : 0;

  // Fetch what is in view (and re-fetch it when the capture changed); nothing else. Rows flung
  // past faster than anyone can read are not fetched at all: the fetch waits for the fling to end.
  const flinging = skeletons.size > 0;
  useEffect(() => {
    if (!flinging) source.want(first, last, version);
  }, [source, first, last, version, filterKey, flinging]);

  // Follow live: keep the newest row in view as rows arrive.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (followLive && el) el.scrollTop = el.scrollHeight;
  }, [followLive, total]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!scrollRequest || !el) return;
    const top = scrollRequest.index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [scrollRequest]);

  // Reading layout in a scroll handler forces it early: only do it while following live.
  const lastTop = useRef(0);
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el || !followLive) return;
    const top = el.scrollTop;
    const movedUp = top < lastTop.current;
    lastTop.current = top;
    if (movedUp && el.scrollHeight - el.clientHeight - top > ROW_HEIGHT) onUserScrolledUp();
  };

  return (
    <div className={busy ? 'frame-table busy' : 'frame-table'} role="grid" aria-label="Captured frames" aria-rowcount={total + 1} aria-readonly="true" aria-busy={busy}>
      <FrameTableHeader />
      <div className="frame-table-scroll" ref={scrollRef} onScroll={onScroll} tabIndex={-1} data-testid="frame-table-scroll">
        {/* Every block is BLOCK rows tall for the virtualizer; the last one may be shorter, so the
            scrollable height comes from the row count. */}
        <div className="frame-table-sizer" style={{ height: total * ROW_HEIGHT }}>
          {items.map((item) => (
            <FrameBlock
              key={item.key}
              source={source}
              tick={tick}
              filterKey={filterKey}
              start={item.index * BLOCK}
              end={Math.min(total, (item.index + 1) * BLOCK)}
              top={item.start}
              skeleton={skeletons.has(item.index)}
              selectedId={selectedId}
              timeBase={timeBase}
              onSelect={onSelect}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface FrameBlockProps {
  source: FrameRowSource;
  tick: number;
  filterKey: string;
  start: number;
  end: number;
  top: number;
  skeleton: boolean;
  selectedId: number | null;
  timeBase: number | null;
  onSelect(index: number, row: FrameSummary): void;
  onOpen(index: number, row: FrameSummary): void;
}

const FrameBlock = memo(function FrameBlock({ source, start, end, top, skeleton, selectedId, timeBase, onSelect, onOpen }: FrameBlockProps) {
  const rows = [];
  for (let i = start; i < end; i++) {
    if (skeleton) {
      rows.push(<FrameRow key={i} index={i} row={undefined} selected={false} timeBase={timeBase} onSelect={onSelect} onOpen={onOpen} />);
      continue;
    }
    const row = source.rowAt(i);
    rows.push(<FrameRow key={i} index={i} row={row} selected={row !== undefined && row.id === selectedId} timeBase={timeBase} onSelect={onSelect} onOpen={onOpen} />);
  }
  return (
    <div className="frame-block" style={{ transform: `translateY(${top}px)` }}>
      {rows}
    </div>
  );
});
