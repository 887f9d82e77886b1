// The payload: text, JSON (validated and formatted) or hex (spaces, comments, base64 paste), or
// loaded from a file. Close frames get the code picker instead, unless the user wants raw bytes.
import { useRef, useState } from 'react';
import type { CraftFrame, PayloadMode } from '../../../../shared/craft/craft-spec';
import { convertPayload, payloadFromFile } from '../../../../shared/craft/payload-modes';
import { OPCODE_CLOSE } from '../../../../shared/protocol/opcodes';
import { PayloadEditor, type EditorLanguage, type EditorMarker, type PayloadEditorHandle } from '../../monaco/PayloadEditor';
import { HEX_LANGUAGE_ID } from '../../monaco/hex-language';
import { formatBytes } from '../../format';
import { CloseControls } from './CloseControls';
import type { FramePreview } from './use-crafter-preview';
import './payload-panel.css';

const MODES: Array<{ mode: PayloadMode; label: string; language: EditorLanguage; placeholder: string }> = [
  { mode: 'text', label: 'Text', language: 'plaintext', placeholder: 'Type the payload as text (sent as UTF-8)…' },
  { mode: 'json', label: 'JSON', language: 'json', placeholder: '{"type": "hello"}' },
  { mode: 'hex', label: 'Hex', language: HEX_LANGUAGE_ID as EditorLanguage, placeholder: 'de ad be ef  # comments with # or //; base64 pastes work too' },
];

export interface PayloadPanelProps {
  frame: CraftFrame;
  preview: FramePreview | undefined;
  onChange(patch: Partial<CraftFrame>): void;
}

export function PayloadPanel({ frame, preview, onChange }: PayloadPanelProps) {
  const editorRef = useRef<PayloadEditorHandle>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isCloseCode = frame.opcode === OPCODE_CLOSE && frame.closeBody === 'code';
  const mode = MODES.find((m) => m.mode === frame.payloadMode) ?? MODES[0]!;
  const build = preview?.build;
  const markers: EditorMarker[] = build && !build.ok && build.reason === 'payload' && build.at !== null ? [{ at: build.at, message: build.error }] : [];

  const switchMode = (to: PayloadMode) => {
    const converted = convertPayload(frame.payload, frame.payloadMode, to);
    if ('error' in converted) return setProblem(converted.error);
    setProblem(null);
    onChange({ payloadMode: to, payload: converted.text });
  };

  const loadFile = async (file: File) => {
    const loaded = payloadFromFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if ('error' in loaded) return setProblem(loaded.error);
    setProblem(null);
    onChange({ payloadMode: loaded.mode, payload: loaded.text });
  };

  return (
    <div className="payload-panel">
      {frame.opcode === OPCODE_CLOSE && <CloseControls frame={frame} onChange={onChange} />}
      {!isCloseCode && (
        <>
          <div className="payload-toolbar">
            <div className="segmented small" role="radiogroup" aria-label="Payload format">
              {MODES.map((m) => (
                <button key={m.mode} role="radio" aria-checked={frame.payloadMode === m.mode} className={frame.payloadMode === m.mode ? 'seg active' : 'seg'} onClick={() => switchMode(m.mode)} data-testid={`payload-mode-${m.mode}`}>
                  {m.label}
                </button>
              ))}
            </div>
            {frame.payloadMode === 'json' && (
              <button
                className="button ghost small"
                data-testid="payload-format"
                onClick={() =>
                  void editorRef.current?.format().then((done) => {
                    if (!done) setProblem('The editor is still loading; try again in a moment.');
                  })
                }
                title="Format with the JSON language service (Shift+Alt+F in the editor)"
              >
                Format
              </button>
            )}
            <button className="button ghost small" onClick={() => fileRef.current?.click()} title="Load the payload from a file (text as text, anything else as hex)">
              Load file…
            </button>
            <input
              ref={fileRef}
              type="file"
              hidden
              data-testid="payload-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void loadFile(file);
              }}
            />
            <span className="payload-size muted" data-testid="payload-size">
              {build?.ok ? `${formatBytes(build.messagePayload.length)}${frame.compress ? ` → ${formatBytes(build.wirePayload.length)} compressed` : ''}` : ''}
            </span>
          </div>
          <div className="payload-editor-wrap">
            <PayloadEditor ref={editorRef} value={frame.payload} language={mode.language} onChange={(payload) => onChange({ payload })} markers={markers} placeholder={mode.placeholder} ariaLabel="Payload" />
          </div>
        </>
      )}
      {problem && (
        <p className="payload-problem" role="alert">
          {problem}
          <button className="button ghost small" onClick={() => setProblem(null)} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
    </div>
  );
}
