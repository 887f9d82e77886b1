// A violation in the UI's language. The engine's registry (shared/protocol/violations.ts) and the
// handshake checks stay English for the CLI; the renderer looks the title and explanation up in the
// `violations` catalog by the violation's stable code. In English the engine's own sentence is kept,
// since it can be more specific ("Opcode 0x3 is reserved…"); in Chinese the catalog's sentence for
// the code is shown (the specific values are in the anatomy beside it). A code the catalog lacks (an
// imported capture from another version) falls back to the engine's English.
import type { Violation } from '../../../../shared/protocol/types';
import { violationKind } from '../../../../shared/protocol/violations';
import { i18n } from '../../i18n';

export interface ViolationText {
  title: string;
  explanation: string;
  /** False when the text is the engine's English (no catalog entry for this code). */
  translated: boolean;
}

export function hasViolationText(code: string, lng: string = i18n.language): boolean {
  return i18n.exists(`violations:${code}.title`, { lng }) && i18n.exists(`violations:${code}.explanation`, { lng });
}

export function violationText(v: Pick<Violation, 'code' | 'message'>): ViolationText {
  if (!hasViolationText(v.code)) return { title: violationKind(v.code)?.title ?? v.code, explanation: v.message, translated: false };
  // Dynamic keys: the catalog test guarantees every registry code has both entries in both languages.
  const key = (part: 'title' | 'explanation') => `violations:${v.code}.${part}` as 'violations:invalid-utf8.title';
  const english = i18n.resolvedLanguage === 'en' || i18n.language === 'en';
  return { title: i18n.t(key('title')), explanation: english && v.message ? v.message : i18n.t(key('explanation')), translated: true };
}
