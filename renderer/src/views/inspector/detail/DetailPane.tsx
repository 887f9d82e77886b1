// The detail pane under the table: Anatomy · Payload · Handshake for the selected frame (the
// Handshake tab also works with only a connection selected).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, type RefObject } from 'react';
import { queryKeys } from '../../../api/queries/query-keys';
import { useClient } from '../../../api/use-client';
import { DirectionArrow } from '../../../components/direction-arrow/DirectionArrow';
import { OpcodeBadge } from '../../../components/opcode-badge/OpcodeBadge';
import { useStore } from '../../../store';
import type { DetailTab } from '../../../store/inspector-slice';
import { HandshakeTab } from '../handshake/HandshakeTab';
import { HttpExchanges } from '../handshake/HttpExchanges';
import { PayloadTab } from '../payload/PayloadTab';
import { AnatomyTab } from './AnatomyTab';
import { ErrorBoundary } from '../../../components/error-boundary/ErrorBoundary';
import { CopyMenu } from './CopyMenu';
import './detail.css';

const TABS: Array<{ tab: DetailTab; label: string; needsFrame: boolean }> = [
  { tab: 'anatomy', label: 'Anatomy', needsFrame: true },
  { tab: 'payload', label: 'Payload', needsFrame: true },
  { tab: 'handshake', label: 'Handshake', needsFrame: false },
];

export interface DetailPaneProps {
  paneRef: RefObject<HTMLDivElement | null>;
  onSelectFrame(id: number): void;
}

export const DetailPane = memo(function DetailPane({ paneRef, onSelectFrame }: DetailPaneProps) {
  const frameId = useStore((s) => s.selectedFrameId);
  const selectedConnection = useStore((s) => s.selectedConnectionId);
  const tab = useStore((s) => s.detailTab);
  const setTab = useStore((s) => s.setDetailTab);
  const setOpen = useStore((s) => s.setDetailOpen);
  const client = useClient();
  // The previous frame stays on screen while the next loads: no flash when stepping with j/k.
  const { data: detail, error: failure } = useQuery({
    queryKey: queryKeys.frame(frameId ?? -1),
    queryFn: () => client.getFrame(frameId!),
    enabled: frameId !== null,
    placeholderData: keepPreviousData,
  });
  const error = failure ? failure.message : null;
  const shown = frameId === null ? null : (detail ?? null);
  const connectionId = shown?.summary.connectionId ?? selectedConnection;
  const active = shown === null && tab !== 'handshake' ? null : tab;
  const httpOnly = useStore((s) => (connectionId === null ? false : s.connections.get(connectionId)?.kind === 'http'));

  return (
    <section className="detail-pane" ref={paneRef} tabIndex={-1} aria-label="Frame detail" data-testid="detail-pane">
      <header className="detail-head">
        <div className="view-tabs detail-tabs" role="tablist" aria-label="Detail">
          {TABS.map((t) => {
            const disabled = t.needsFrame ? shown === null : connectionId === null;
            const selected = tab === t.tab && !disabled;
            return (
              <button key={t.tab} role="tab" aria-selected={selected} className={selected ? 'tab active' : 'tab'} disabled={disabled} onClick={() => setTab(t.tab)}>
                {t.tab === 'handshake' && httpOnly ? 'HTTP' : t.label}
              </button>
            );
          })}
        </div>
        {shown && (
          <div className="detail-title" data-testid="detail-title">
            <strong>Frame #{shown.summary.id}</strong>
            <DirectionArrow from={shown.summary.from} long />
            <OpcodeBadge opcode={shown.summary.opcode} compressed={shown.summary.rsv1 && shown.summary.opcode !== 0} />
            <span className="muted">
              {shown.summary.payloadLength.toLocaleString('en-US')} bytes · connection #{shown.summary.connectionId}
            </span>
          </div>
        )}
        <span className="toolbar-spacer" />
        {shown && <CopyMenu detail={shown} />}
        <button className="button ghost small" aria-label="Close the detail pane" title="Close (Esc)" onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      <div className="detail-body">
        <ErrorBoundary what={frameId === null ? 'this connection' : `frame #${frameId}`} resetKey={`${frameId}-${tab}`}>
          {error && frameId !== null ? (
            <p className="note warn-note">Frame #{frameId} could not be loaded: {error}</p>
          ) : active === 'anatomy' && shown ? (
            <AnatomyTab detail={shown} />
          ) : active === 'payload' && shown ? (
            <PayloadTab detail={shown} onSelectFrame={onSelectFrame} />
          ) : active === 'handshake' && connectionId !== null && httpOnly ? (
            <HttpExchanges connectionId={connectionId} />
          ) : active === 'handshake' && connectionId !== null ? (
            <HandshakeTab connectionId={connectionId} />
          ) : (
            <DetailEmpty loading={frameId !== null} />
          )}
        </ErrorBoundary>
      </div>
    </section>
  );
});

function DetailEmpty({ loading }: { loading: boolean }) {
  if (loading) return <p className="muted note">Loading the frame…</p>;
  return (
    <div className="detail-empty">
      <p className="empty-title">Select a frame to take it apart</p>
      <p className="muted">
        Click a row, or use <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>j</kbd>/<kbd>k</kbd>, to see its bits in the RFC 6455 diagram, its bytes in hex, its payload and its
        connection's handshake. <kbd>Enter</kbd> moves here, <kbd>Esc</kbd> goes back, <kbd>Ctrl</kbd>+<kbd>F</kbd> searches payloads.
      </p>
    </div>
  );
}
