// Monaco's web workers, bundled by Vite (`?worker` emits them as files of our own origin), so the
// editor runs under the app's CSP: worker-src 'self' blob:, script-src 'self', no eval, no CDN.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};
