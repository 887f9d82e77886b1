// Presenter mode's keys: F5 toggles it (as in slide software); while it is on, → and ← move through
// the lesson's steps and Esc leaves. Keys typed into a field (a message, the crafter's editor) are
// the student's, never a command.
export type PresenterCommand = 'toggle' | 'next' | 'back' | 'exit';

export interface KeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The event's target is a text field, a select, or editable content (Monaco included). */
  inField: boolean;
}

export function presenterCommand(e: KeyInput, presenting: boolean): PresenterCommand | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (e.key === 'F5') return 'toggle';
  if (!presenting || e.inField) return null;
  if (e.key === 'ArrowRight' || e.key === 'PageDown') return 'next';
  if (e.key === 'ArrowLeft' || e.key === 'PageUp') return 'back';
  if (e.key === 'Escape') return 'exit';
  return null;
}

export function isField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor') !== null;
}
