// The payload editor: Monaco once it has loaded, a plain textarea until then (or if it cannot
// load), so typing never waits for the editor and a broken chunk never blocks crafting.
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useTranslation } from 'react-i18next';
import { THEME_DARK, THEME_LIGHT, defineThemeFromTokens } from './editor-themes';
import { matchLanguage } from '../i18n/languages';
import { loadMonaco } from './load-monaco';
import { MonacoLanguageNote } from './MonacoLanguageNote';
import { monacoLanguage } from './monaco-messages';
import './payload-editor.css';

export type EditorLanguage = 'plaintext' | 'json' | 'framescope-hex';

export interface EditorMarker {
  /** Character index into the value. */
  at: number;
  message: string;
}

export interface PayloadEditorHandle {
  /** Formats the document with the language's formatter (JSON); false when there is none. */
  format(): Promise<boolean>;
  focus(): void;
}

export interface PayloadEditorProps {
  value: string;
  language: EditorLanguage;
  onChange(value: string): void;
  markers?: readonly EditorMarker[];
  placeholder?: string;
  ariaLabel: string;
  ref?: Ref<PayloadEditorHandle>;
}

interface Loaded {
  monaco: typeof Monaco;
  editor: Monaco.editor.IStandaloneCodeEditor;
  model: Monaco.editor.ITextModel;
}

function isDark(): boolean {
  return document.documentElement.dataset.theme === 'dark';
}

function applyTheme(monaco: typeof Monaco): void {
  const dark = isDark();
  defineThemeFromTokens(monaco, dark);
  monaco.editor.setTheme(dark ? THEME_DARK : THEME_LIGHT);
}

/**
 * Monaco's menus, find box and hovers are UI text in the app's language, even where a view marks the
 * editor as data (translate="no"); the edited text itself stays data. The nearest translate
 * attribute wins (HTML), for translation tools and for the e2e text audit alike.
 */
function markTranslatable(editor: Monaco.editor.IStandaloneCodeEditor): void {
  const root = editor.getDomNode();
  root?.setAttribute('translate', 'yes');
  root?.querySelector('.lines-content')?.setAttribute('translate', 'no');
}

export function PayloadEditor({ value, language, onChange, markers = [], placeholder, ariaLabel, ref }: PayloadEditorProps) {
  const { t, i18n } = useTranslation('components');
  const appLanguage = matchLanguage(i18n.resolvedLanguage ?? i18n.language) ?? 'en';
  const hostRef = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  const initial = useRef({ value, language });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    let disposed = false;
    let created: Loaded | null = null;
    let observer: MutationObserver | null = null;
    loadMonaco()
      .then((monaco) => {
        if (disposed || hostRef.current === null) return;
        applyTheme(monaco);
        const model = monaco.editor.createModel(initial.current.value, initial.current.language);
        const editor = monaco.editor.create(hostRef.current, {
          model,
          automaticLayout: true,
          minimap: { enabled: false },
          fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace',
          fontSize: 13,
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          tabSize: 2,
          renderLineHighlight: 'line',
          fixedOverflowWidgets: true,
          placeholder: placeholder ?? '',
          ariaLabel,
          // A payload is data, not code: no suggestions popping up while typing it.
          quickSuggestions: false,
          suggestOnTriggerCharacters: false,
        });
        markTranslatable(editor);
        editor.onDidChangeModelContent(() => onChangeRef.current(model.getValue()));
        // Follow the app's theme toggle: App sets data-theme on <html> after React commits.
        observer = new MutationObserver(() => applyTheme(monaco));
        observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
        created = { monaco, editor, model };
        setLoaded(created);
      })
      .catch((err: unknown) => {
        if (!disposed) setFailed(err instanceof Error ? err.message : String(err));
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      created?.editor.dispose();
      created?.model.dispose();
    };
    // The editor is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (loaded === null || loaded.model.getValue() === value) return;
    // An edit, not setValue: the user can undo a template or a file load with Ctrl+Z.
    loaded.model.pushEditOperations([], [{ range: loaded.model.getFullModelRange(), text: value }], () => null);
  }, [loaded, value]);

  // Our own words in the editor follow a language switch at once (Monaco's menus cannot: see the note).
  useEffect(() => {
    loaded?.editor.updateOptions({ ariaLabel, placeholder: placeholder ?? '' });
  }, [loaded, ariaLabel, placeholder]);

  useEffect(() => {
    if (loaded !== null) loaded.monaco.editor.setModelLanguage(loaded.model, language);
  }, [loaded, language]);

  useEffect(() => {
    if (loaded === null) return;
    const { monaco, model } = loaded;
    monaco.editor.setModelMarkers(
      model,
      'framescope',
      markers.map((m) => {
        const start = model.getPositionAt(m.at);
        const end = model.getPositionAt(m.at + 1);
        return { severity: monaco.MarkerSeverity.Error, message: m.message, startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
      }),
    );
  }, [loaded, markers]);

  useImperativeHandle(
    ref,
    () => ({
      async format() {
        const action = loaded?.editor.getAction('editor.action.formatDocument');
        if (action && action.isSupported()) {
          await action.run();
          return true;
        }
        return false;
      },
      focus() {
        loaded?.editor.focus();
      },
    }),
    [loaded],
  );

  return (
    <div className="payload-editor" data-testid="payload-editor" data-ready={loaded !== null ? 'true' : 'false'}>
      {/* monaco-component: Monaco's theme colours (--vscode-*) are set on that class, and its context
          menu is drawn in a shadow root hosted here, beside .monaco-editor; without them it is transparent. */}
      <div className="payload-editor-host monaco-component" ref={hostRef} hidden={loaded === null} />
      {loaded === null && (
        <textarea
          className="payload-editor-fallback"
          aria-label={ariaLabel}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {loaded !== null && monacoLanguage() !== appLanguage && <MonacoLanguageNote language={appLanguage} />}
      {failed !== null && <p className="payload-editor-failed">{t('editor.failed', { error: failed })}</p>}
    </div>
  );
}
