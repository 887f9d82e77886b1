// A large payload in pages: one 64 KiB page at a time is read from the engine (readPayload) and
// shown as text or hex, so a 20 MiB message never loads whole into the renderer. Text pages are
// cut at UTF-8 boundaries by the decoder's streaming rules; a multi-byte character split by a page
// edge shows as � at the edge (Hex has every byte).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayloadPart } from '../../../../../shared/api';
import { queryKeys } from '../../../api/queries/query-keys';
import { useClient } from '../../../api/use-client';
import { formatCount } from '../../../format';
import { PayloadBody } from './PayloadBody';
import { VIEW_PAGE, keptNote } from './payload-reads';

export interface PagedPayloadProps {
  frameId: number;
  part: PayloadPart;
  opcode: number;
  testId?: string;
}

export function PagedPayload({ frameId, part, opcode, testId }: PagedPayloadProps) {
  const { t } = useTranslation('inspector');
  const [page, setPage] = useState(0);
  const client = useClient();
  const chunk = useQuery({
    queryKey: queryKeys.payloadPage(frameId, part, page),
    queryFn: () => client.readPayload({ frameId, part, offset: page * VIEW_PAGE, length: VIEW_PAGE }),
    placeholderData: keepPreviousData,
  });
  const value = chunk.data ?? null;
  const pages = value === null ? 1 : Math.max(1, Math.ceil(value.kept / VIEW_PAGE));
  const go = (p: number) => setPage(Math.min(pages - 1, Math.max(0, p)));
  const from = page * VIEW_PAGE;
  const to = from + (value?.bytes.length ?? 0);
  const note = value === null ? null : keptNote(value.kept, value.total);

  return (
    <div className="paged-payload" data-testid={testId}>
      <div className="pager" role="group" aria-label={t('payload.pages')}>
        <button className="button small" onClick={() => go(0)} disabled={page === 0} aria-label={t('payload.first')}>
          «
        </button>
        <button className="button small" onClick={() => go(page - 1)} disabled={page === 0} aria-label={t('payload.prev')} data-testid="page-prev">
          ‹
        </button>
        <span className="pager-where" data-testid="page-where">
          {t('payload.page', { page: formatCount(page + 1), pages: formatCount(pages) })}
          <span className="muted"> · {t('payload.range', { from: formatCount(from), to: formatCount(to), total: formatCount(value?.kept ?? 0) })}</span>
        </span>
        <button className="button small" onClick={() => go(page + 1)} disabled={page >= pages - 1} aria-label={t('payload.next')} data-testid="page-next">
          ›
        </button>
        <button className="button small" onClick={() => go(pages - 1)} disabled={page >= pages - 1} aria-label={t('payload.last')} data-testid="page-last">
          »
        </button>
      </div>
      {note && (
        <p className="note warn-note" data-testid="kept-note">
          {note}
        </p>
      )}
      {chunk.error && <p className="note warn-note">{t('payload.pageFailed', { error: chunk.error.message })}</p>}
      {value && <PayloadBody key={`${frameId}-${part}-${page}`} bytes={value.bytes} opcode={opcode} />}
    </div>
  );
}
