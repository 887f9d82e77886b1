// What the body is on the wire (size, chunked, content codings) and why a view is not all of it:
// kept N of M (the capture budget), decoding capped, failed, unsupported or not finished. Engine
// notes arrive as codes plus parameters; the decoder's own message is data (translate="no").
import { useTranslation } from 'react-i18next';
import type { HttpBodyChunk } from '../../../../../shared/api/bodies';
import { formatBytes } from '../../../format';

export function BodyNotes({ chunk, wire }: { chunk: HttpBodyChunk; wire: number }) {
  const { t } = useTranslation('http');
  const note = chunk.note;
  return (
    <>
      <p className="muted note http-body-facts" data-testid="http-body-facts">
        {t('body.onWire', { size: formatBytes(wire) })}
        {chunk.chunked && <> · {t('body.chunked')}</>}
        {chunk.contentCodings.length > 0 && (
          <>
            {' · '}
            {t('body.codings')} <span translate="no">{chunk.contentCodings.join(', ')}</span>
          </>
        )}
        {chunk.decoded && (chunk.chunked || chunk.contentCodings.length > 0) && <> · {t('body.decodedSize', { size: formatBytes(chunk.total) })}</>}
      </p>
      {chunk.keptBytes < wire && (
        <p className="note warn-note" data-testid="http-body-kept">
          {t('body.kept', { kept: formatBytes(chunk.keptBytes), total: formatBytes(wire) })}
        </p>
      )}
      {note?.code === 'capped' && <p className="note warn-note">{t('body.capped', { size: formatBytes(note.kept) })}</p>}
      {note?.code === 'incomplete' && <p className="muted note">{t('body.incomplete')}</p>}
      {note?.code === 'unsupported' && (
        <p className="note warn-note">
          {t('body.unsupported')} <span translate="no">{note.coding}</span>
        </p>
      )}
      {note?.code === 'failed' && (
        <p className="note warn-note" data-testid="http-body-failed">
          {t('body.failed')}{' '}
          <span translate="no">
            {note.coding}: {note.message}
          </span>
        </p>
      )}
    </>
  );
}
