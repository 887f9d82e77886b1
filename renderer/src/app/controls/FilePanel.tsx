// Save the capture (all of it, or the selected connection) as JSON Lines — the format of
// `framescope capture --out` — or as HAR for Chrome DevTools, and open a JSON Lines file back as
// closed connections. Saving goes
// through a Blob URL and <a download>, which works the same in browser mode and in Electron.
import { useRef, useState, type ChangeEvent } from 'react';
import { getClient } from '../../api/client';
import { useStore } from '../../store';
import type { CaptureExportFormat } from '../../../../shared/api';
import { EXPORT_FORMATS, captureFileName, importSummary, tooLarge } from './capture-file-text';
import { InlineError } from './InlineError';
import { useAction } from './use-action';

export function FilePanel() {
  const selected = useStore((s) => (s.selectedConnectionId === null ? null : (s.connections.get(s.selectedConnectionId) ?? null)));
  const [onlySelected, setOnlySelected] = useState(false);
  const [format, setFormat] = useState<CaptureExportFormat>('jsonl');
  const [opened, setOpened] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const scope = onlySelected && selected !== null ? selected.id : null;

  const save = useAction(async () => {
    const bytes = await getClient().exportCapture({ connectionId: scope, format });
    download(bytes, captureFileName(new Date(), format), format === 'har' ? 'application/json' : 'application/x-ndjson');
  });
  const open = useAction(async (file: File) => {
    setOpened(null);
    const refusal = tooLarge(file.name, file.size);
    if (refusal) throw new Error(refusal);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await getClient().importCapture({ name: file.name, bytes });
    setOpened(importSummary(file.name, result));
  });

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
        </div>
        <InlineError message={save.error} testId="file-save-error" />
      </section>
      <section className="controls-form" aria-label="Open a capture">
        <h3 className="controls-subhead">Open</h3>
        <p className="controls-hint">Opens a saved .jsonl capture; its connections join the capture, closed, with every frame decoded again.</p>
        <div className="controls-actions">
          <button className="button" type="button" disabled={open.pending} data-testid="file-open" onClick={() => input.current?.click()}>
            {open.pending ? 'Opening…' : 'Open capture…'}
          </button>
          <input ref={input} type="file" accept=".jsonl,.json" hidden data-testid="file-input" onChange={chosen} />
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

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
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
