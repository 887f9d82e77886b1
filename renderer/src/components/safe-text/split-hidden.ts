// Peer strings can carry characters that change how the text around them reads (a right-to-left
// override turns "invoice_\u202Efdp.exe" into "invoice_exe.pdf") or are not seen at all (zero-width
// spaces, C1 controls). Like Monaco's unicode highlighting, the UI shows each one as a visible mark
// instead of letting it act. The character classes are shared with the CLI (shared/text).
import { HIDDEN_CHARS, HIDDEN_CHARS_BUT_LAYOUT, codePointLabel, hiddenCharName } from '../../../../shared/text/hidden-chars';

export type TextPiece = { kind: 'text'; text: string } | { kind: 'hidden'; name: string; code: string };

/** Splits text into plain runs and hidden characters; `keepLayout` leaves line feeds and tabs alone. */
export function splitHidden(text: string, keepLayout = false): TextPiece[] {
  const pattern = new RegExp(keepLayout ? HIDDEN_CHARS_BUT_LAYOUT : HIDDEN_CHARS);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) pieces.push({ kind: 'text', text: text.slice(at, match.index) });
    pieces.push({ kind: 'hidden', name: hiddenCharName(match[0]), code: codePointLabel(match[0].codePointAt(0) ?? 0) });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}

/** For places that take only a string (tooltips, aria labels): each hidden character as ⟨NAME⟩. */
export function visibleText(text: string): string {
  return text.replace(HIDDEN_CHARS, (c) => `⟨${hiddenCharName(c)}⟩`);
}
