// Monaco's own UI text (context menu, find widget, hovers, aria labels) in the app's language.
// Monaco's ESM build looks its messages up by number in `globalThis._VSCODE_NLS_MESSAGES`
// (vs/nls.js), falling back to the English text compiled into each call. Many of those calls run
// once, while Monaco's modules evaluate (menu titles, the find widget's labels), so the table must be
// in place before Monaco is imported and cannot be swapped afterwards: the language Monaco was first
// loaded in stays until the page is reloaded (monaco-language-note.tsx tells the user so).
import type { Language } from '../i18n';

interface NlsGlobals {
  _VSCODE_NLS_MESSAGES?: string[];
  _VSCODE_NLS_LANGUAGE?: string;
}

interface Pack {
  messages: string[] | undefined;
  language: string | undefined;
}

const nls = globalThis as typeof globalThis & NlsGlobals;
let zhPack: Pack | null = null;
let loadedIn: Language | null = null;

/** Monaco's zh-cn pack is a side-effect module (it assigns the globals); an ES module runs once, so
 * its table is kept here to be put back if the language is chosen again before Monaco loads. */
async function loadZhPack(): Promise<Pack> {
  if (zhPack === null) {
    await import('monaco-editor/nls/lang/zh-cn');
    zhPack = { messages: nls._VSCODE_NLS_MESSAGES, language: nls._VSCODE_NLS_LANGUAGE };
  }
  return zhPack;
}

/** Puts Monaco's message table for `lng` in place; call before Monaco's modules are imported. */
export async function prepareMonacoMessages(lng: Language): Promise<void> {
  const pack = lng === 'zh-CN' ? await loadZhPack() : { messages: undefined, language: undefined };
  // English is Monaco's built-in fallback text: no table at all.
  nls._VSCODE_NLS_MESSAGES = pack.messages;
  nls._VSCODE_NLS_LANGUAGE = pack.language;
}

/** Records the language Monaco's modules were evaluated in (its menus keep it for the page's life). */
export function markMonacoLoaded(lng: Language): void {
  loadedIn = lng;
}

/** The language Monaco's own menus are shown in, or null while Monaco has not loaded. */
export function monacoLanguage(): Language | null {
  return loadedIn;
}
