// The detail pane under the table: Anatomy · Payload · Handshake for the selected frame (the
// Handshake tab also works with only a connection selected).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, type RefObject } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

const TABS: Array<{ tab: DetailTab; needsFrame: boolean }> = [
  { tab: 'anatomy', needsFrame: true },
  { tab: 'payload', needsFrame: true },
  { tab: 'handshake', needsFrame: false },
];

export interface DetailPaneProps {
  paneRef: RefObject<HTMLDivElement | null>;
  onSelectFrame(id: number): void;
}

export const DetailPane = memo(function DetailPane({ paneRef, onSelectFrame }: DetailPaneProps) {
  const { t } = useTranslation(['inspector', 'common']);
  const frameId = useStore((s) => s.selectedFrameId);
  const selectedConnection = useStore((s) => s.selectedConnectionId);
  const current = useStore((s) => s.detailTab);
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
  const active = shown === null && current !== 'handshake' ? null : current;
  const httpOnly = useStore((s) => (connectionId === null ? false : s.connections.get(connectionId)?.kind === 'http'));

  return (
    <section className="detail-pane" ref={paneRef} tabIndex={-1} aria-label={t('detail.label')} data-testid="detail-pane">
      <header className="detail-head">
        <div className="view-tabs detail-tabs" role="tablist" aria-label={t('detail.tabs')}>
          {TABS.map((tab) => {
            const disabled = tab.needsFrame ? shown === null : connectionId === null;
            const selected = current === tab.tab && !disabled;
            return (
              <button key={tab.tab} role="tab" aria-selected={selected} className={selected ? 'tab active' : 'tab'} disabled={disabled} onClick={() => setTab(tab.tab)}>
                {tab.tab === 'handshake' && httpOnly ? t('detail.tab.http') : t(`detail.tab.${tab.tab}`)}
              </button>
            );
          })}
        </div>
        {shown && (
          <div className="detail-title" data-testid="detail-title">
            <strong>{t('detail.frame', { id: shown.summary.id })}</strong>
            <DirectionArrow from={shown.summary.from} long />
            <OpcodeBadge opcode={shown.summary.opcode} compressed={shown.summary.rsv1 && shown.summary.opcode !== 0} />
            <span className="muted">{t('detail.meta', { bytes: t('common:bytes', { count: shown.summary.payloadLength }), connection: shown.summary.connectionId })}</span>
          </div>
        )}
        <span className="toolbar-spacer" />
        {shown && <CopyMenu detail={shown} />}
        <button className="button ghost small" aria-label={t('detail.close')} title={t('detail.closeTitle')} onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      <div className="detail-body">
        <ErrorBoundary what={frameId === null ? t('detail.thisConnection') : t('detail.frameN', { id: frameId })} resetKey={`${frameId}-${current}`}>
          {error && frameId !== null ? (
            <p className="note warn-note">{t('detail.loadFailed', { id: frameId, error })}</p>
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
  const { t } = useTranslation('inspector');
  if (loading) return <p className="muted note">{t('detail.loading')}</p>;
  return (
    <div className="detail-empty">
      <p className="empty-title">{t('detail.emptyTitle')}</p>
      <p className="muted">
        <Trans t={t} i18nKey="detail.emptyHint" components={[<kbd key="0" />, <kbd key="1" />, <kbd key="2" />, <kbd key="3" />, <kbd key="4" />, <kbd key="5" />, <kbd key="6" />, <kbd key="7" />]} />
      </p>
    </div>
  );
}
