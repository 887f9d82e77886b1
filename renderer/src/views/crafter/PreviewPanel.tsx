// The live preview of the selected frame: the same anatomy and hex dump as the Inspector, the
// codec's verdict on the bytes, and what a correct peer will do with them.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findTemplate } from '../../../../shared/craft/templates';
import { toHex } from '../../../../shared/protocol/hex';
import { FrameAnatomy } from '../../components/anatomy/FrameAnatomy';
import { useFieldHighlight } from '../../components/anatomy/use-field-highlight';
import { HexDump } from '../../components/hex/HexDump';
import { ErrorText } from '../../components/error-text/ErrorText';
import { ViolationList } from '../../components/violations/ViolationList';
import { formatBytes } from '../../format';
import { text } from '../../actions/notice-text';
import { useStore } from '../../store';
import { anatomyFromBuild } from './anatomy-from-build';
import { craftDetail, craftMessage } from './craft-message';
import { expectedReactionText } from './reaction-text';
import type { CrafterPreview } from './use-crafter-preview';
import './preview-panel.css';

export function PreviewPanel({ preview }: { preview: CrafterPreview }) {
  const { t } = useTranslation('crafter', { keyPrefix: 'preview' });
  const index = useStore((s) => s.crafterSelected);
  const count = useStore((s) => s.crafterDoc.frames.length);
  const templateId = useStore((s) => s.crafterTemplateId);
  const pushNotice = useStore((s) => s.pushNotice);
  const { highlight, onHighlight, onPick } = useFieldHighlight();
  const current = preview.frames[index];
  const build = current?.build;
  const anatomy = useMemo(() => (build?.ok ? anatomyFromBuild(build) : null), [build]);
  const violations = current?.check?.violations ?? [];
  const allViolations = preview.frames.flatMap((f) => f.check?.violations ?? []);
  const template = templateId !== null ? findTemplate(templateId) : undefined;
  const reaction = expectedReactionText(allViolations, template);
  const failing = reaction.closeCode !== null && reaction.closeCode !== 1000;

  return (
    <section className="crafter-preview" aria-label={t('aria')} data-testid="crafter-preview">
      <header className="crafter-preview-head">
        <h2>{count > 1 ? t('titleOf', { n: index + 1, count }) : t('title')}</h2>
        {build?.ok && (
          <span className="muted" data-testid="crafter-frame-size">
            {t('size', { total: formatBytes(build.bytes.length), header: build.headerLength, payload: build.bytes.length - build.headerLength })}
          </span>
        )}
        {build?.ok && (
          <button
            className="button ghost small"
            onClick={() => void navigator.clipboard?.writeText(toHex(build.bytes)).then(() => pushNotice('info', { text: text('crafter:preview.copied') }), () => pushNotice('error', { text: text('crafter:preview.noClipboard') }))}
          >
            {t('copyHex')}
          </button>
        )}
      </header>

      <div className={failing ? 'crafter-reaction fail' : 'crafter-reaction'} data-testid="crafter-reaction">
        <span className="crafter-reaction-title">{failing ? t('expectClose', { code: reaction.closeCode }) : t('expected')}</span>
        <span>{reaction.summary}</span>
      </div>

      {build && !build.ok && (
        <p className={build.reason === 'compressing' ? 'crafter-build-note' : 'crafter-build-error'} role="alert" data-testid="crafter-build-error">
          {build.reason === 'compressing' ? t('compressing') : craftMessage(build.code, build.params)}
        </p>
      )}
      {preview.deflateError !== null && <ErrorText error={preview.deflateError} context={t('deflateFailed')} className="crafter-build-error" testId="crafter-deflate-error" />}
      {build?.ok && [...build.noteCodes, ...build.warningCodes].length > 0 && (
        <ul className="crafter-notes">
          {build.noteCodes.map((n, i) => (
            <li key={`n${i}`} className="note">
              {craftMessage(n.code, n.params)}
            </li>
          ))}
          {build.warningCodes.map((w, i) => (
            <li key={`w${i}`} className="warning">
              {craftMessage(w.code, w.params)}
              <Detail text={craftDetail(w.code, w.params)} />
            </li>
          ))}
        </ul>
      )}
      {current?.check?.undecodable && violations.every((v) => !v.fatal) && (
        <p className="crafter-build-note">{t('undecodable')}</p>
      )}
      {preview.unfinishedMessage && index === count - 1 && (
        <p className="crafter-build-note">{t('unfinished')}</p>
      )}
      <ViolationList violations={violations} offsetLabel={t('ofThisFrame')} onPickField={onPick} />
      {violations.length === 0 && build?.ok && !current?.check?.undecodable && <p className="crafter-valid" data-testid="crafter-valid">{t('valid')}</p>}

      {anatomy && build?.ok && (
        <div className="crafter-anatomy">
          <FrameAnatomy frame={anatomy} highlight={highlight} onHighlight={onHighlight} onPick={onPick} violations={violations} compact />
          <HexDump bytes={build.bytes} ranges={build.fields} highlight={highlight} onHighlight={onHighlight} onPick={onPick} maskKey={build.maskKey} maxRows={10} label={t('bytesLabel')} />
        </div>
      )}
    </section>
  );
}

/** The engine's own words beside a sentence: data, never translated. */
function Detail({ text }: { text: string | null }) {
  return text === null ? null : (
    <span className="crafter-detail" translate="no" data-testid="crafter-detail">
      {` ${text}`}
    </span>
  );
}
