// One body of an HTTP exchange (issue 14): the wire bytes or the decoded body (chunks joined, gzip,
// br or deflate undone by the engine), shown as text, pretty JSON, hex or — for an event stream —
// its server-sent events. Notes say what the capture kept and why decoding stopped, in words.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HttpBodyChunk } from '../../../../../shared/api/bodies';
import type { HttpBodySide, HttpExchange } from '../../../../../shared/model';
import { decodeText } from '../payload/payload-content';
import { HexDump } from '../../../components/hex/HexDump';
import { formatBytes } from '../../../format';
import { BodyNotes } from './BodyNotes';
import { SseEvents } from './SseEvents';
import { defaultBodyMode, isEventStream, parseJson, type BodyMode } from './body-view-mode';
import { keptOf, useHttpBody } from './use-http-body';

export function HttpBody({ exchange, side }: { exchange: HttpExchange; side: HttpBodySide }) {
  const { t } = useTranslation('http');
  const wire = side === 'request' ? exchange.requestBodyBytes : exchange.responseBodyBytes;
  const [decoded, setDecoded] = useState(true);
  const query = useHttpBody(exchange, side, decoded);
  const title = side === 'request' ? t('body.requestTitle') : t('body.responseTitle');
  const testId = `http-body-${side}`;
  if (wire === 0 && keptOf(exchange, side) === 0) {
    return (
      <section className="http-body" data-testid={testId}>
        <h3 className="pane-subtitle">{title}</h3>
        <p className="muted note">{t('body.none')}</p>
      </section>
    );
  }
  const chunk = query.data;
  const encoded = chunk !== undefined && (chunk.chunked || chunk.contentCodings.length > 0);
  return (
    <section className="http-body" data-testid={testId}>
      <div className="http-body-head">
        <h3 className="pane-subtitle">{title}</h3>
        {encoded && (
          <div className="segmented small" role="tablist" aria-label={t('body.viewOf')}>
            <button role="tab" aria-selected={decoded} className={decoded ? 'seg on' : 'seg'} onClick={() => setDecoded(true)} data-testid={`${testId}-decoded`}>
              {t('body.decoded')}
            </button>
            <button role="tab" aria-selected={!decoded} className={!decoded ? 'seg on' : 'seg'} onClick={() => setDecoded(false)} data-testid={`${testId}-wire`}>
              {t('body.wire')}
            </button>
          </div>
        )}
      </div>
      {query.error ? (
        <p className="note warn-note">
          {t('body.loadError')} <span translate="no">{query.error.message}</span>
        </p>
      ) : chunk === undefined ? (
        <p className="muted note">{t('body.loading')}</p>
      ) : (
        <>
          <BodyNotes chunk={chunk} wire={wire} />
          <BodyContent key={`${decoded}`} chunk={chunk} testId={testId} />
        </>
      )}
    </section>
  );
}

function BodyContent({ chunk, testId }: { chunk: HttpBodyChunk; testId: string }) {
  const { t } = useTranslation('http');
  const bytes = chunk.bytes;
  const json = useMemo(() => parseJson(bytes), [bytes]);
  const stream = isEventStream(chunk.contentType) && chunk.decoded;
  const [chosen, setChosen] = useState<BodyMode | null>(null);
  const fallback = defaultBodyMode(stream ? chunk.contentType : null, bytes, json);
  const mode = (chosen === 'json' && json === null) || (chosen === 'events' && !stream) ? fallback : (chosen ?? fallback);
  const modes: Array<{ mode: BodyMode; label: string; off?: string }> = [
    ...(stream ? [{ mode: 'events' as const, label: t('body.modeEvents') }] : []),
    { mode: 'text', label: t('body.modeText') },
    { mode: 'json', label: t('body.modeJson'), ...(json === null ? { off: t('body.notJson') } : {}) },
    { mode: 'hex', label: t('body.modeHex') },
  ];
  return (
    <div className="payload-body">
      <div className="segmented small" role="tablist" aria-label={t('body.showAs')}>
        {modes.map((m) => (
          <button key={m.mode} role="tab" aria-selected={mode === m.mode} className={mode === m.mode ? 'seg on' : 'seg'} disabled={m.off !== undefined} title={m.off} onClick={() => setChosen(m.mode)}>
            {m.label}
          </button>
        ))}
      </div>
      {bytes.length === 0 ? (
        <p className="muted note">{t('body.empty')}</p>
      ) : mode === 'events' ? (
        <SseEvents bytes={bytes} />
      ) : mode === 'json' && json !== null ? (
        <pre className="payload-text http-body-text" translate="no" data-testid={`${testId}-json`}>
          {JSON.stringify(json, null, 2)}
        </pre>
      ) : mode === 'hex' ? (
        <div translate="no">
          <HexDump bytes={bytes} ranges={[{ field: 'payload', start: 0, end: bytes.length }]} highlight={null} onHighlight={() => {}} maxRows={16} label={t('body.hexLabel')} />
        </div>
      ) : (
        <BodyText bytes={bytes} testId={testId} />
      )}
      {chunk.total > bytes.length && <p className="muted note">{t('body.pageNote', { size: formatBytes(bytes.length), total: formatBytes(chunk.total) })}</p>}
    </div>
  );
}

function BodyText({ bytes, testId }: { bytes: Uint8Array; testId: string }) {
  const { t } = useTranslation('http');
  const decoded = useMemo(() => decodeText(bytes), [bytes]);
  return (
    <>
      {decoded.invalidAt >= 0 && <p className="note warn-note">{t('body.invalidUtf8', { at: decoded.invalidAt })}</p>}
      <pre className="payload-text http-body-text" translate="no" data-testid={`${testId}-text`}>
        {decoded.text}
      </pre>
      {decoded.cut && <p className="muted note">{t('body.textCut')}</p>}
    </>
  );
}
