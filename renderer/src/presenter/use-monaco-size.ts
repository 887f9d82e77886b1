// Monaco draws its own text (13 px by default) and measures it itself, so CSS must not resize it:
// while presenter mode is on, every editor on the page is told to use 18 px instead, and is put back
// when it ends. Monaco is only touched once a view has loaded it (an editor is on the page).
import { useEffect } from 'react';
import { loadMonaco } from '../monaco/load-monaco';

const PRESENTER_PX = 18;
const NORMAL_PX = 13;
const RECHECK_MS = 500;

function resizeEditors(px: number): void {
  if (!document.querySelector('.monaco-editor')) return;
  void loadMonaco().then((monaco) => {
    for (const editor of monaco.editor.getEditors()) if (editor.getOption(monaco.editor.EditorOption.fontSize) !== px) editor.updateOptions({ fontSize: px });
  });
}

export function useMonacoSize(presenting: boolean): void {
  useEffect(() => {
    if (!presenting) return;
    resizeEditors(PRESENTER_PX);
    // Editors a view creates later (switching to the crafter) are caught on the next round.
    const timer = setInterval(() => resizeEditors(PRESENTER_PX), RECHECK_MS);
    return () => {
      clearInterval(timer);
      resizeEditors(NORMAL_PX);
    };
  }, [presenting]);
}
