// The payload: text, JSON (validated and formatted) or hex (spaces, comments, base64 paste), or
// loaded from a file. Close frames get the code picker instead, unless the user wants raw bytes.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CraftFrame, PayloadMode } from '../../../../shared/craft/craft-spec';
import { convertPayload, payloadFromFile } from '../../../../shared/craft/payload-modes';
import { OPCODE_CLOSE } from '../../../../shared/protocol/opcodes';
import { PayloadEditor, type EditorLanguage, type EditorMarker, type PayloadEditorHandle } from '../../monaco/PayloadEditor';
import { HEX_LANGUAGE_ID } from '../../monaco/hex-language';
import { formatBytes } from '../../format';
import { CloseControls } from './CloseControls';
import { craftMessage } from './craft-message';
import type { FramePreview } from './use-crafter-preview';
import './payload-panel.css';

const MODES = [
  { mode: 'text', label: 'text', language: 'plaintext', placeholder: 'textPlaceholder' },
  { mode: 'json', label: 'json', language: 'json', placeholder: null },
  { mode: 'hex', label: 'hex', language: HEX_LANGUAGE_ID as EditorLanguage, placeholder: 'hexPlaceholder' },
] as const satisfies ReadonlyArray<{ mode: PayloadMode; label: string; language: EditorLanguage; placeholder: string | null }>;

/** JSON's placeholder is an example document, the same in every language. */
const JSON_EXAMPLE = '{"type": "hello"}';

export interface PayloadPanelProps {
  frame: CraftFrame;
  preview: FramePreview | undefined;
  onChange(patch: Partial<CraftFrame>): void;
}

export function PayloadPanel({ frame, preview, onChange }: PayloadPanelProps) {
  const { t } = useTranslation('crafter', { keyPrefix: 'payload' });
  const editorRef = useRef<PayloadEditorHandle>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isCloseCode = frame.opcode === OPCODE_CLOSE && frame.closeBody === 'code';
  const mode = MODES.find((m) => m.mode === frame.payloadMode) ?? MODES[0];
  const build = preview?.build;
  const markers: EditorMarker[] = build && !build.ok && build.reason === 'payload' && build.at !== null ? [{ at: build.at, message: craftMessage(build.code, build.params) }] : [];

  const switchMode = (to: PayloadMode) => {
    const converted = convertPayload(frame.payload, frame.payloadMode, to);
    if ('error' in converted) return setProblem(craftMessage(converted.code, converted.params));
    setProblem(null);
    onChange({ payloadMode: to, payload: converted.text });
  };

  const loadFile = async (file: File) => {
    const loaded = payloadFromFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if ('error' in loaded) return setProblem(craftMessage(loaded.code, loaded.params));
    setProblem(null);
    onChange({ payloadMode: loaded.mode, payload: loaded.text });
  };

  return (
    <div className="payload-panel">
      {frame.opcode === OPCODE_CLOSE && <CloseControls frame={frame} onChange={onChange} />}
      {!isCloseCode && (
        <>
          <div className="payload-toolbar">
            <div className="segmented small" role="radiogroup" aria-label={t('formatAria')}>
              {MODES.map((m) => (
                <button key={m.mode} role="radio" aria-checked={frame.payloadMode === m.mode} className={frame.payloadMode === m.mode ? 'seg active' : 'seg'} onClick={() => switchMode(m.mode)} data-testid={`payload-mode-${m.mode}`}>
                  {t(m.label)}
                </button>
              ))}
            </div>
            {frame.payloadMode === 'json' && (
              <button
                className="button ghost small"
                data-testid="payload-format"
                onClick={() =>
                  void editorRef.current?.format().then((done) => {
                    if (!done) setProblem(t('editorLoading'));
                  })
                }
                title={t('formatHint')}
              >
                {t('format')}
              </button>
            )}
            <button className="button ghost small" onClick={() => fileRef.current?.click()} title={t('loadFileHint')}>
              {t('loadFile')}
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
              {build?.ok ? (frame.compress ? t('compressed', { size: formatBytes(build.messagePayload.length), wire: formatBytes(build.wirePayload.length) }) : formatBytes(build.messagePayload.length)) : ''}
            </span>
          </div>
          <div className="payload-editor-wrap" translate="no">
            <PayloadEditor ref={editorRef} value={frame.payload} language={mode.language} onChange={(payload) => onChange({ payload })} markers={markers} placeholder={mode.placeholder === null ? JSON_EXAMPLE : t(mode.placeholder)} ariaLabel={t('editorAria')} />
          </div>
        </>
      )}
      {problem && (
        <p className="payload-problem" role="alert">
          <span>{problem}</span>
          <button className="button ghost small" onClick={() => setProblem(null)} aria-label={t('dismiss')}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
