// Monaco is large: it is fetched the first time an editor is shown, once, as its own chunk.
import type * as Monaco from 'monaco-editor/editor/editor.api';

let loading: Promise<typeof Monaco> | null = null;

export function loadMonaco(): Promise<typeof Monaco> {
  loading ??= import('./monaco-setup').then((m) => m.monaco);
  // A failed load (a missing chunk) may be retried by the next editor instead of failing forever.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
