// What the CLI prints is read by a terminal, and capture strings come from a peer: a close reason
// holding ESC ] 0 ; … BEL retitles the window, OSC 8 plants a hyperlink, OSC 52 writes the
// clipboard, CSI 2J clears the screen, a C1 CSI (U+009B) does the same without ESC, and bidi
// overrides reorder what the user reads. So nothing hidden reaches stdout or stderr raw.
//
// Escapes are JSON's (\n, \t, \r, \uXXXX): readable in a terminal, and a JSON line stays valid
// JSON for the very same string after escaping, so text and --json output share one rule.
import { HIDDEN_CHARS, HIDDEN_CHARS_BUT_LAYOUT, unicodeEscape } from '../../../shared/text/hidden-chars';

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  return SHORT[char] ?? unicodeEscape(char);
}

/** A peer-controlled string for one line of text output: every hidden character escaped, newlines too. */
export function terminalText(text: string): string {
  return text.replace(HIDDEN_CHARS, escapeChar);
}

/** The last guard before a stream: everything hidden but our own line feeds and tabs. */
export function terminalLine(line: string): string {
  return line.replace(HIDDEN_CHARS_BUT_LAYOUT, escapeChar);
}
