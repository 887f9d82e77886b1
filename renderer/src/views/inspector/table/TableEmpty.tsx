// What the table says when it has no rows: how to get frames, or why the filter shows none.
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../../shared/model';
import { useStore } from '../../../store';
import { isFilterActive } from '../../../store/inspector-slice';

export interface TableEmptyProps {
  captureFrames: number;
  connection: ConnectionSummary | null;
  onShowHandshake(): void;
}

export function TableEmpty({ captureFrames, connection, onShowHandshake }: TableEmptyProps) {
  const { t } = useTranslation('inspector');
  const filter = useStore((s) => s.inspectorFilter);
  const clearFilter = useStore((s) => s.clearInspectorFilter);
  const selectConnection = useStore((s) => s.selectConnection);

  if (isFilterActive(filter)) {
    return (
      <div className="table-empty" data-testid="table-empty">
        <p className="empty-title">{t('empty.noMatch')}</p>
        <p className="muted">{t('empty.noMatchHint')}</p>
        <button className="button" onClick={clearFilter}>
          {t('toolbar.clear')}
        </button>
      </div>
    );
  }
  if (connection) {
    const http = connection.kind !== 'websocket';
    return (
      <div className="table-empty" data-testid="table-empty">
        <p className="empty-title">{http ? t('empty.httpTitle', { id: connection.id }) : t('empty.noFramesOn', { id: connection.id })}</p>
        <p className="muted">
          {http
            ? t('empty.httpHint')
            : connection.state === 'failed'
              ? connection.error
                ? t('empty.failedWith', { error: connection.error })
                : t('empty.failed')
              : t('empty.waiting')}
        </p>
        <div className="table-empty-actions">
          <button className="button" onClick={onShowHandshake}>
            {http ? t('empty.showExchanges') : t('empty.showHandshake')}
          </button>
          <button className="button ghost" onClick={() => selectConnection(null)}>
            {t('empty.showAll')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="table-empty" data-testid="table-empty">
      <p className="empty-title">{captureFrames > 0 ? t('empty.loading') : t('empty.none')}</p>
      {captureFrames === 0 && (
        <>
          <p className="muted">{t('empty.startHint')}</p>
          <p className="muted">{t('empty.pickHint')}</p>
        </>
      )}
    </div>
  );
}
