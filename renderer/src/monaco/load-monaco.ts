// Monaco is large: it is fetched the first time an editor is shown, once, as its own chunk. Its
// own UI text is chosen first (monaco-messages.ts): the message table must exist before Monaco's
// modules evaluate, which is why Monaco is imported only after it.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { currentLanguage } from '../i18n';
import { markMonacoLoaded, prepareMonacoMessages } from './monaco-messages';

let loading: Promise<typeof Monaco> | null = null;

async function load(): Promise<typeof Monaco> {
  const lng = currentLanguage();
  await prepareMonacoMessages(lng);
  const { monaco } = await import('./monaco-setup');
  markMonacoLoaded(lng);
  return monaco;
}

export function loadMonaco(): Promise<typeof Monaco> {
  loading ??= load();
  // A failed load (a missing chunk) may be retried by the next editor instead of failing forever.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
