// The Payload tab: the message this frame belongs to (reassembled across fragments, inflated
// when compressed), its frames, and for compressed messages the bytes as they travelled too.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FrameDetail } from '../../../../../shared/model';
import { CLOSE_CODES } from '../../../../../shared/protocol/close-codes';
import { OPCODE_CLOSE, isControlOpcode } from '../../../../../shared/protocol/opcodes';
import { queryKeys } from '../../../api/queries/query-keys';
import { useClient } from '../../../api/use-client';
import { formatCount } from '../../../format';
import { useStore } from '../../../store';
import { readVersion } from '../../../store/read-version';
import { OpcodeBadge } from '../../../components/opcode-badge/OpcodeBadge';
import { ViolationList } from '../../../components/violations/ViolationList';
import { fieldsOfViolation } from '../../../components/violations/violation-fields';
import { LOOKAHEAD_FRAMES, findMessage } from './find-message';
import { PagedPayload } from './PagedPayload';
import { PayloadBody } from './PayloadBody';
import { PAGED_FROM } from './payload-reads';

export interface PayloadTabProps {
  detail: FrameDetail;
  onSelectFrame(id: number): void;
}

export function PayloadTab({ detail, onSelectFrame }: PayloadTabProps) {
  const { t } = useTranslation(['inspector', 'common']);
  const s = detail.summary;
  const client = useClient();
  // The message grows as its fragments arrive: read it again when the connection moves on.
  const version = useStore((st) => readVersion(st, s.connectionId));
  const { data: found, error: failure } = useQuery({
    queryKey: queryKeys.message(s.connectionId, s.id, version),
    queryFn: () => findMessage(client, detail),
    placeholderData: (previous, query) => (query?.queryKey[2] === s.id ? previous : undefined),
  });
  const message = found?.message ?? null;
  const lastFrameId = found && 'lastFrameId' in found ? found.lastFrameId : s.id;
  // Large or cut payloads are read page by page from the engine; small ones come with the detail.
  const pagedMessage = message !== null && (message.payload.length >= PAGED_FROM || message.truncated) && !message.inflateError;
  const pagedFrame = detail.payload.length >= PAGED_FROM || detail.payloadTruncated;

  // The payload's own violations (invalid UTF-8, a bad close code…) belong here too.
  const payloadViolations = detail.violations.filter((v) => fieldsOfViolation(v.code).includes('payload'));
  if (s.opcode === OPCODE_CLOSE) return <CloseView detail={detail} violations={payloadViolations} />;

  return (
    <div className="payload-tab">
      <ViolationList violations={payloadViolations} />
      {message && (
        <div className="message-head" data-testid="message-head">
          <span className="pane-subtitle">
            {t('payload.message', { id: message.messageId })} <OpcodeBadge opcode={message.opcode} compressed={message.compressed} />
          </span>
          <span className="muted">
            {message.frameIds.length === 1 ? t('payload.oneFrame') : t('payload.frames', { count: message.frameIds.length })} ·{' '}
            {message.compressed ? t('payload.afterInflating', { bytes: t('common:bytes', { count: message.length }) }) : t('common:bytes', { count: message.length })}
          </span>
          {message.frameIds.length > 1 && (
            <span className="fragment-list" aria-label={t('payload.fragmentsLabel')} data-testid="fragment-list">
              {message.frameIds.map((id, i) => (
                <button key={id} className={id === s.id ? 'chip on' : 'chip'} onClick={() => onSelectFrame(id)} title={t('payload.fragment', { n: i + 1, total: message.frameIds.length })}>
                  #{id}
                </button>
              ))}
            </span>
          )}
        </div>
      )}
      {!message && !isControlOpcode(s.opcode) && found && 'reason' in found && (
        <p className="note warn-note">{t('payload.ownPayload', { reason: t(`payload.reason.${found.reason}`, { n: formatCount(LOOKAHEAD_FRAMES) }) })}</p>
      )}
      {failure && <p className="note warn-note">{t('payload.reassembleFailed', { error: failure.message })}</p>}
      {message?.inflateError && <p className="note warn-note">{t('payload.inflateFailed', { error: message.inflateError })}</p>}

      {message && message.compressed && !message.inflateError ? (
        <>
          <h3 className="pane-subtitle">{t('payload.inflated')}</h3>
          {pagedMessage ? (
            <PagedPayload key={`m${lastFrameId}`} frameId={lastFrameId} part="message" opcode={message.opcode} testId="payload-message" />
          ) : (
            <PayloadBody key={`m${s.id}`} bytes={message.payload} opcode={message.opcode} truncated={message.truncated} {...(message.inflatedLength !== undefined ? { total: message.inflatedLength } : {})} testId="payload-message" />
          )}
          <h3 className="pane-subtitle">
            {t('payload.onWire')} <span className="muted">— {t('payload.onWireHint')}</span>
          </h3>
          {pagedFrame ? (
            <PagedPayload key={`w${s.id}`} frameId={s.id} part="frame" opcode={2} testId="payload-wire" />
          ) : (
            <PayloadBody key={`w${s.id}`} bytes={detail.payload} opcode={2} truncated={detail.payloadTruncated} testId="payload-wire" />
          )}
        </>
      ) : message && message.frameIds.length > 1 ? (
        pagedMessage ? (
          <PagedPayload key={`m${lastFrameId}`} frameId={lastFrameId} part="message" opcode={message.opcode} testId="payload-message" />
        ) : (
          <PayloadBody key={`m${s.id}`} bytes={message.payload} opcode={message.opcode} truncated={message.truncated} testId="payload-message" />
        )
      ) : pagedFrame ? (
        <PagedPayload key={`f${s.id}`} frameId={s.id} part="frame" opcode={s.opcode === 0 && message ? message.opcode : s.opcode} testId="payload-frame" />
      ) : (
        <PayloadBody key={`f${s.id}`} bytes={detail.payload} opcode={s.opcode === 0 && message ? message.opcode : s.opcode} truncated={detail.payloadTruncated} testId="payload-frame" />
      )}
    </div>
  );
}

function CloseView({ detail, violations }: { detail: FrameDetail; violations: FrameDetail['violations'] }) {
  const { t } = useTranslation('inspector');
  const close = detail.close;
  // RFC 6455 §7.4.1 names, in the UI language; the shared table (English, for the CLI) says which codes exist.
  const known = close?.code != null && CLOSE_CODES[close.code] !== undefined ? String(close.code) : null;
  return (
    <div className="payload-tab">
      <ViolationList violations={violations} />
      <div className="close-info" data-testid="close-info">
        {close === null || close.code === null ? (
          <p>{t('close.noCode')}</p>
        ) : (
          <>
            <p>
              <span className="close-code">{close.code}</span> <strong>{known ? t(`close.code.${known as '1000'}.name`) : t('close.unregistered')}</strong>
              <span className="muted"> — {known ? t(`close.code.${known as '1000'}.meaning`) : t('close.unregisteredMeaning')}</span>
            </p>
            <p>
              {t('close.reason')}{' '}
              {close.reason === '' ? (
                <span className="muted">{t('close.none')}</span>
              ) : (
                <span className="close-reason" translate="no">
                  {close.reason}
                </span>
              )}
            </p>
          </>
        )}
      </div>
      <PayloadBody key={`c${detail.summary.id}`} bytes={detail.payload} opcode={2} truncated={detail.payloadTruncated} testId="payload-frame" />
    </div>
  );
}
