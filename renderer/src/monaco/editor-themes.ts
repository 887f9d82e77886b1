// Monaco themes made from the app's own colour tokens (tokens.css), so the editor looks like the
// rest of Framescope in light and dark instead of VS Code's palette.
import type * as Monaco from 'monaco-editor/editor/editor.api';

export const THEME_LIGHT = 'framescope-light';
export const THEME_DARK = 'framescope-dark';

/** Reads a colour token as #rrggbb (Monaco wants hex, without the leading '#' in token rules). */
function token(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return /^#[0-9a-fA-F]{6}$/.test(v) ? v : fallback;
}

/** Defines the theme for the colours currently applied to <html> (call after data-theme changes). */
export function defineThemeFromTokens(monaco: typeof Monaco, dark: boolean): string {
  const style = getComputedStyle(document.documentElement);
  const bare = (name: string, fallback: string) => token(style, name, fallback).slice(1);
  const name = dark ? THEME_DARK : THEME_LIGHT;
  monaco.editor.defineTheme(name, {
    base: dark ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [
      { token: 'comment', foreground: bare('--text-faint', '#8a929c'), fontStyle: 'italic' },
      { token: 'number.hex', foreground: bare('--field-payload', '#2b8a3e') },
      { token: 'keyword', foreground: bare('--field-opcode', '#7048e8') },
      { token: 'string', foreground: bare('--text', '#1b1f24') },
    ],
    colors: {
      'editor.background': token(style, '--surface', dark ? '#1d2026' : '#ffffff'),
      'editor.foreground': token(style, '--text', dark ? '#e6e9ee' : '#1b1f24'),
      'editorLineNumber.foreground': token(style, '--text-faint', '#8a929c'),
      'editorLineNumber.activeForeground': token(style, '--text-muted', '#5b6470'),
      'editor.lineHighlightBackground': token(style, '--surface-2', dark ? '#23272e' : '#f0f2f5'),
      'editor.selectionBackground': token(style, '--selection', dark ? '#25375a' : '#dbe7fd'),
      'editorGutter.background': token(style, '--surface', dark ? '#1d2026' : '#ffffff'),
      'editorWidget.background': token(style, '--surface-2', dark ? '#23272e' : '#f0f2f5'),
      'editorWidget.border': token(style, '--border-strong', dark ? '#414854' : '#c3c9d2'),
      focusBorder: token(style, '--focus', dark ? '#6ea0ff' : '#2f6fe4'),
    },
  });
  return name;
}
