// Save the capture (all of it, or the selected connection) as JSON Lines — the format of
// `framescope capture --out` — or as HAR for Chrome DevTools, and open a capture file back as
// closed connections. Files move in pages with progress and a Cancel (capture-transfer.ts); saving
// ends in a Blob URL and <a download>, which works the same in browser mode and in Electron.
import { useRef, useState, type ChangeEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { getClient } from '../../api/client';
import { useStore } from '../../store';
import type { CaptureExportFormat, CaptureImportResult } from '../../../../shared/api';
import { EXPORT_FORMATS, captureFileName, tooLarge } from './capture-file-text';
import { openCapture, progressPercent, saveCapture, type Transfer, type TransferProgress } from './capture-transfer';
import { InlineError } from './InlineError';
import { useAction } from './use-action';

const FORMAT_LABELS = { jsonl: 'file.formatJsonl', har: 'file.formatHar' } as const satisfies Record<CaptureExportFormat, string>;
// Data, not words: the command whose output format JSON Lines is.
const CAPTURE_COMMAND = 'framescope capture --out';

export function FilePanel() {
  const { t } = useTranslation('controls');
  const selected = useStore((s) => (s.selectedConnectionId === null ? null : (s.connections.get(s.selectedConnectionId) ?? null)));
  const [onlySelected, setOnlySelected] = useState(false);
  const [format, setFormat] = useState<CaptureExportFormat>('jsonl');
  const [opened, setOpened] = useState<{ name: string; result: CaptureImportResult } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const scope = onlySelected && selected !== null ? selected.id : null;
  const [saving, setSaving] = useState<TransferProgress | null>(null);
  const [opening, setOpening] = useState<TransferProgress | null>(null);
  const transfer = useRef<Transfer | null>(null);

  const save = useAction(async () => {
    const t: Transfer = (transfer.current = { jobId: null, cancelled: false });
    try {
      const blob = await saveCapture(getClient(), { connectionId: scope, format }, t, setSaving);
      download(blob, captureFileName(new Date(), format));
    } finally {
      setSaving(null);
    }
  });
  const open = useAction(async (file: File) => {
    setOpened(null);
    const refusal = tooLarge(file.name, file.size);
    if (refusal) throw new Error(refusal);
    const t: Transfer = (transfer.current = { jobId: null, cancelled: false });
    try {
      const result = await openCapture(getClient(), file, t, setOpening);
      setOpened({ name: file.name, result });
    } finally {
      setOpening(null);
    }
  });
  const cancel = () => {
    const t = transfer.current;
    if (t === null) return;
    t.cancelled = true;
    if (t.jobId !== null) void getClient().endFileJob({ jobId: t.jobId });
  };

  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // so choosing the same file again still fires a change
    if (file) void open.run(file);
  };

  return (
    <div className="controls-body">
      <section className="controls-form" aria-label={t('file.saveLabel')}>
        <h3 className="controls-subhead">{t('file.save')}</h3>
        <p className="controls-hint">
          <Trans t={t} i18nKey="file.saveHint" values={{ command: CAPTURE_COMMAND }} components={[<code key="0" translate="no" />]} />
        </p>
        <div className="segmented" role="radiogroup" aria-label={t('file.scope')}>
          <button type="button" role="radio" aria-checked={scope === null} className={scope === null ? 'segment active' : 'segment'} onClick={() => setOnlySelected(false)}>
            {t('file.whole')}
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={scope !== null}
            disabled={selected === null}
            title={selected === null ? t('file.selectFirst') : undefined}
            className={scope !== null ? 'segment active' : 'segment'}
            data-testid="file-scope-connection"
            onClick={() => setOnlySelected(true)}
          >
            {selected === null ? t('file.selected') : t('file.connection', { id: selected.id })}
          </button>
        </div>
        <div className="segmented" role="radiogroup" aria-label={t('file.format')}>
          {EXPORT_FORMATS.map((f) => (
            <button
              key={f.format}
              type="button"
              role="radio"
              aria-checked={format === f.format}
              className={format === f.format ? 'segment active' : 'segment'}
              data-testid={`file-format-${f.format}`}
              onClick={() => setFormat(f.format)}
            >
              {t(FORMAT_LABELS[f.format])}
            </button>
          ))}
        </div>
        <div className="controls-actions">
          <button className="button primary" type="button" disabled={save.pending} data-testid="file-save" onClick={() => void save.run()}>
            {save.pending ? t('file.saving') : t('file.saveCapture')}
          </button>
          {saving && <TransferStatus progress={saving} onCancel={cancel} testId="file-save-progress" />}
        </div>
        <InlineError message={save.error} testId="file-save-error" />
      </section>
      <section className="controls-form" aria-label={t('file.openLabel')}>
        <h3 className="controls-subhead">{t('file.open')}</h3>
        <p className="controls-hint">{t('file.openHint')}</p>
        <div className="controls-actions">
          <button className="button" type="button" disabled={open.pending} data-testid="file-open" onClick={() => input.current?.click()}>
            {open.pending ? t('file.opening') : t('file.openCapture')}
          </button>
          <input ref={input} type="file" accept=".jsonl,.json" hidden data-testid="file-input" onChange={chosen} />
          {opening && <TransferStatus progress={opening} onCancel={cancel} testId="file-open-progress" />}
        </div>
        {opened && (
          <p className="controls-note" role="status" data-testid="file-opened">
            <Trans
              t={t}
              i18nKey="file.opened"
              values={{
                name: opened.name,
                connections: t('file.connections', { count: opened.result.connections }),
                frames: t('file.frames', { count: opened.result.frames }),
              }}
              components={[<span key="0" translate="no" />]}
            />
            {opened.result.skipped > 0 ? t('file.skipped', { count: opened.result.skipped }) : null}
          </p>
        )}
        <InlineError message={open.error} testId="file-open-error" />
      </section>
    </div>
  );
}

function TransferStatus({ progress, onCancel, testId }: { progress: TransferProgress; onCancel(): void; testId: string }) {
  const { t } = useTranslation('controls');
  const text = t(`file.phase.${progress.phase}`, { percent: progressPercent(progress) });
  return (
    <span className="transfer-status" role="status" data-testid={testId}>
      <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={text} />
      <span className="muted">{text}</span>
      <button className="button ghost small" type="button" onClick={onCancel}>
        {t('file.cancel')}
      </button>
    </span>
  );
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own reference by now; revoking later rather than at once is for engines
  // that read the URL asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
