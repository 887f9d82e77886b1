// Save the capture (all of it, or the selected connection) as JSON Lines — the format of
// `framescope capture --out` — or as HAR for Chrome DevTools, and open a capture file back as
// closed connections. Files move in pages with progress and a Cancel (capture-transfer.ts); saving
// ends in a Blob URL and <a download>, which works the same in browser mode and in Electron.
import { useRef, useState, type ChangeEvent } from 'react';
import { getClient } from '../../api/client';
import { useStore } from '../../store';
import type { CaptureExportFormat } from '../../../../shared/api';
import { EXPORT_FORMATS, captureFileName, importSummary, tooLarge } from './capture-file-text';
import { openCapture, progressText, saveCapture, type Transfer, type TransferProgress } from './capture-transfer';
import { InlineError } from './InlineError';
import { useAction } from './use-action';

export function FilePanel() {
  const selected = useStore((s) => (s.selectedConnectionId === null ? null : (s.connections.get(s.selectedConnectionId) ?? null)));
  const [onlySelected, setOnlySelected] = useState(false);
  const [format, setFormat] = useState<CaptureExportFormat>('jsonl');
  const [opened, setOpened] = useState<string | null>(null);
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
      setOpened(importSummary(file.name, result));
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
      <section className="controls-form" aria-label="Save the capture">
        <h3 className="controls-subhead">Save</h3>
        <p className="controls-hint">
          JSON Lines keeps every frame&apos;s exact bytes (the format of framescope capture --out); HAR opens in Chrome DevTools&apos; Network panel, with messages but not frames.
        </p>
        <div className="segmented" role="radiogroup" aria-label="What to save">
          <button type="button" role="radio" aria-checked={scope === null} className={scope === null ? 'segment active' : 'segment'} onClick={() => setOnlySelected(false)}>
            Whole capture
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={scope !== null}
            disabled={selected === null}
            title={selected === null ? 'Select a connection in the sidebar first' : undefined}
            className={scope !== null ? 'segment active' : 'segment'}
            data-testid="file-scope-connection"
            onClick={() => setOnlySelected(true)}
          >
            {selected === null ? 'Selected connection' : `Connection #${selected.id}`}
          </button>
        </div>
        <div className="segmented" role="radiogroup" aria-label="File format">
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
              {f.label}
            </button>
          ))}
        </div>
        <div className="controls-actions">
          <button className="button primary" type="button" disabled={save.pending} data-testid="file-save" onClick={() => void save.run()}>
            {save.pending ? 'Saving…' : 'Save capture'}
          </button>
          {saving && <TransferStatus progress={saving} onCancel={cancel} testId="file-save-progress" />}
        </div>
        <InlineError message={save.error} testId="file-save-error" />
      </section>
      <section className="controls-form" aria-label="Open a capture">
        <h3 className="controls-subhead">Open</h3>
        <p className="controls-hint">Opens a saved .jsonl capture of any size up to 4 GiB; its connections join the capture, closed, with every frame decoded again.</p>
        <div className="controls-actions">
          <button className="button" type="button" disabled={open.pending} data-testid="file-open" onClick={() => input.current?.click()}>
            {open.pending ? 'Opening…' : 'Open capture…'}
          </button>
          <input ref={input} type="file" accept=".jsonl,.json" hidden data-testid="file-input" onChange={chosen} />
          {opening && <TransferStatus progress={opening} onCancel={cancel} testId="file-open-progress" />}
        </div>
        {opened && (
          <p className="controls-note" role="status" data-testid="file-opened">
            {opened}
          </p>
        )}
        <InlineError message={open.error} testId="file-open-error" />
      </section>
    </div>
  );
}

function TransferStatus({ progress, onCancel, testId }: { progress: TransferProgress; onCancel(): void; testId: string }) {
  return (
    <span className="transfer-status" role="status" data-testid={testId}>
      <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={progressText(progress)} />
      <span className="muted">{progressText(progress)}</span>
      <button className="button ghost small" type="button" onClick={onCancel}>
        Cancel
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
