// The Inspector: filters on top, the frame table, and the detail pane (Anatomy · Payload ·
// Handshake) below a splitter. Rows are read from the engine through the query layer, keyed by
// filter and read version; the store holds only the filter, the selection and the versions.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameFilter, FrameSummary } from '../../../../shared/model';
import { useClient } from '../../api/use-client';
import { i18n } from '../../i18n';
import { queryKeys } from '../../api/queries/query-keys';
import { ErrorBoundary } from '../../components/error-boundary/ErrorBoundary';
import { useStore } from '../../store';
import { filterKey, toFrameFilter } from '../../store/inspector-slice';
import { readVersion } from '../../store/read-version';
import { DetailPane } from './detail/DetailPane';
import { FollowLiveButton } from './FollowLiveButton';
import { InspectorToolbar } from './InspectorToolbar';
import { Splitter, useDetailHeight } from './Splitter';
import { FrameTable, ROW_HEIGHT, type ScrollRequest } from './table/FrameTable';
import { TableEmpty } from './table/TableEmpty';
import { useFramePages } from './table/use-frame-pages';
import { useInspectorKeys } from './use-inspector-keys';
import { useTimeBase } from './use-time-base';
import './inspector.css';

/** No filter narrows the scope (all frames, or all of one connection's): its row count is its frame count. */
function isWholeScope(filter: FrameFilter): boolean {
  return Object.keys(filter).every((k) => k === 'connectionId');
}

function regexProblem(text: string, regex: boolean): string | null {
  if (!regex || text === '') return null;
  try {
    new RegExp(text);
    return null;
  } catch (err) {
    return i18n.t('inspector:toolbar.regexInvalid', { reason: (err as Error).message.replace(/^Invalid regular expression: /, '') });
  }
}

export function InspectorView() {
  const { t } = useTranslation('inspector');
  const filterState = useStore((s) => s.inspectorFilter);
  const connectionId = useStore((s) => s.selectedConnectionId);
  const version = useStore((s) => readVersion(s, connectionId));
  const selectedId = useStore((s) => s.selectedFrameId);
  const followLive = useStore((s) => s.followLive);
  const detailOpen = useStore((s) => s.detailOpen);
  const captureFrames = useStore((s) => s.stats.frames);
  const connection = useStore((s) => (connectionId === null ? undefined : s.connections.get(connectionId)));
  const { selectFrame, setFollowLive, setDetailOpen, setDetailTab } = useStore.getState();

  // While the search is an invalid regular expression, the table keeps the last valid search.
  const regexError = regexProblem(filterState.text, filterState.regex);
  const lastValid = useRef({ text: filterState.text, regex: filterState.regex });
  if (regexError === null) lastValid.current = { text: filterState.text, regex: filterState.regex };
  const frameFilter = useMemo(() => {
    const search = regexError === null ? filterState : { ...filterState, ...lastValid.current };
    return toFrameFilter(search, connectionId);
  }, [filterState, connectionId, regexError]);
  const key = filterKey(frameFilter);
  const client = useClient();
  const queryClient = useQueryClient();
  const read = useMemo(() => ({ filter: frameFilter, filterKey: key, version }), [frameFilter, key, version]);
  const loaded = useStore((s) => s.info !== null);
  const inScope = connection ? connection.counters.client.frames + connection.counters.server.frames : captureFrames;
  // The rows the table shows before the first page answers: with no filter narrowing the scope,
  // its frame count is known from the feed, so a table following live starts at the end and
  // reads only the pages there (the first window of a large capture is its last rows).
  const [range, setRange] = useState<{ first: number; last: number } | null>(null);
  const onRange = useCallback((first: number, last: number) => setRange((r) => (r?.first === first && r.last === last ? r : { first, last })), []);
  const pages = useFramePages(read, range?.first ?? 0, range?.last ?? 0, range !== null);
  const total = pages.total ?? (isWholeScope(frameFilter) ? inScope : 0);
  const timeBase = useTimeBase(connectionId);

  const searchRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [detailHeight, setDetailHeight] = useDetailHeight();
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const scrollTo = useCallback((index: number) => setScrollRequest((r) => ({ index, seq: (r?.seq ?? 0) + 1 })), []);

  const onSelect = useCallback(
    (index: number, row: FrameSummary) => {
      setFollowLive(false); // the user is reading: stop moving the rows under them
      setSelectedIndex(index);
      selectFrame(row.id);
    },
    [selectFrame, setFollowLive],
  );
  const onOpen = useCallback(
    (index: number, row: FrameSummary) => {
      onSelect(index, row);
      setDetailOpen(true);
    },
    [onSelect, setDetailOpen],
  );

  // A selection made elsewhere (the Timeline, a fragment link) or a new filter: find its row.
  useEffect(() => {
    if (selectedId === null) {
      setSelectedIndex(null);
      return;
    }
    if (selectedIndex !== null && pages.rowAt(selectedIndex)?.id === selectedId) return;
    let live = true;
    queryClient
      .fetchQuery({ queryKey: queryKeys.locateFrame(frameFilter, key, selectedId, version), queryFn: () => client.locateFrame({ filter: frameFilter, frameId: selectedId }) })
      .then((at) => {
        if (!live) return;
        setSelectedIndex(at >= 0 ? at : null);
        if (at >= 0 && !useStore.getState().followLive) scrollTo(at);
      })
      .catch(() => live && setSelectedIndex(null));
    return () => {
      live = false;
    };
    // selectedIndex is deliberately left out: it changes together with selectedId on clicks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, key, scrollTo]);

  const goTo = async (index: number) => {
    if (total === 0) return;
    const at = Math.min(Math.max(0, index), total - 1);
    const row = pages.rowAt(at) ?? (await pages.ensure(at));
    if (row) {
      onSelect(at, row);
      scrollTo(at);
    }
  };

  useInspectorKeys(detailRef, {
    move: (delta) => void goTo(selectedIndex === null ? (delta > 0 ? 0 : total - 1) : selectedIndex + delta),
    jump: (to) => void goTo(to === 'first' ? 0 : total - 1),
    open: () => {
      if (selectedId === null) return;
      setDetailOpen(true);
      requestAnimationFrame(() => detailRef.current?.focus());
    },
    back: () => (document.querySelector('[data-testid="frame-table-scroll"]') as HTMLElement | null)?.focus(),
    search: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    pageRows: () => Math.max(1, Math.floor(((bodyRef.current?.clientHeight ?? 600) - (detailOpen ? detailHeight : 0)) / ROW_HEIGHT) - 2),
  });

  // With no rows the table is not mounted; the pages in view are still read as the capture grows.
  // Until the engine's first state arrives the table waits, so that its first read is for the
  // rows it will show.
  const showEmpty = pages.total === 0;

  const onSelectFrame = useCallback((id: number) => selectFrame(id), [selectFrame]);
  const maxDetail = (bodyRef.current?.clientHeight ?? 800) - 120;

  return (
    <section className="inspector" aria-label={t('label')}>
      <InspectorToolbar searchRef={searchRef} matching={pages.busy ? null : pages.total} inScope={inScope} regexError={regexError} />
      {pages.error && (
        <div className="inspector-error" role="alert">
          {t('view.listError', { error: pages.error })}
        </div>
      )}
      <div className="inspector-body" ref={bodyRef}>
        <div className="inspector-table">
          {!loaded ? null : showEmpty ? (
            <TableEmpty
              captureFrames={captureFrames}
              connection={connection ?? null}
              onShowHandshake={() => {
                setDetailTab('handshake');
                setDetailOpen(true);
              }}
            />
          ) : (
            <ErrorBoundary what={t('view.theTable')} resetKey={key}>
              <FrameTable
                rowAt={pages.rowAt}
                total={total}
                busy={pages.busy}
                selectedId={selectedId}
                timeBase={timeBase}
                followLive={followLive}
                scrollRequest={scrollRequest}
                onRange={onRange}
                onUserScrolledUp={() => setFollowLive(false)}
                onSelect={onSelect}
                onOpen={onOpen}
              />
            </ErrorBoundary>
          )}
          <FollowLiveButton connectionId={connectionId} />
        </div>
        {detailOpen ? (
          <>
            <Splitter height={detailHeight} max={maxDetail} onResize={setDetailHeight} />
            <div className="inspector-detail" style={{ height: detailHeight }}>
              <DetailPane paneRef={detailRef} onSelectFrame={onSelectFrame} />
            </div>
          </>
        ) : (
          <button className="detail-reopen button ghost small" onClick={() => setDetailOpen(true)}>
            {t('view.reopen')}
          </button>
        )}
      </div>
    </section>
  );
}
