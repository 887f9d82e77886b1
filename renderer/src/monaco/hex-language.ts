// A tiny Monarch grammar for the crafter's hex mode: byte pairs, # and // comments, the
// "base64:" prefix. Monarch compiles to plain regular expressions (no eval), so CSP is happy.
import type * as Monaco from 'monaco-editor/editor/editor.api';

export const HEX_LANGUAGE_ID = 'framescope-hex';

export function registerHexLanguage(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === HEX_LANGUAGE_ID)) return;
  monaco.languages.register({ id: HEX_LANGUAGE_ID });
  monaco.languages.setLanguageConfiguration(HEX_LANGUAGE_ID, { comments: { lineComment: '#' } });
  monaco.languages.setMonarchTokensProvider(HEX_LANGUAGE_ID, {
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/\/\/.*$/, 'comment'],
        [/^\s*base64:/, 'keyword'],
        [/(0x|\\x)?[0-9a-fA-F]{2}(?![0-9a-zA-Z+/=])/, 'number.hex'],
        [/[A-Za-z0-9+/=_-]+/, 'string'],
        [/[,;:]/, 'delimiter'],
      ],
    },
  });
}
