// Characters a peer can use to make text lie about itself: controls (C0, DEL, C1: terminal escape
// sequences, carriage returns that overwrite a line), format characters (bidi embeddings,
// overrides and isolates, Unicode TR9 §2; zero-width spaces and joiners, the BOM) and the line
// and paragraph separators. One definition for the CLI's escaping and the renderer's markers.

/** Every hidden or text-changing character (General_Category Cc, Cf, Zl, Zp). */
export const HIDDEN_CHARS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** The same minus line feed and tab: for output whose own layout uses them (help, indented JSON). */
export const HIDDEN_CHARS_BUT_LAYOUT = /[^\P{Cc}\n\t]|[\p{Cf}\p{Zl}\p{Zp}]/gu;

export function hasHiddenChars(text: string): boolean {
  HIDDEN_CHARS.lastIndex = 0;
  return HIDDEN_CHARS.test(text);
}

/** Short names people know from editors (Monaco, VS Code), for the marks the UI shows. */
const NAMES: Record<number, string> = {
  0x00ad: 'SHY',
  0x061c: 'ALM',
  0x180e: 'MVS',
  0x200b: 'ZWSP',
  0x200c: 'ZWNJ',
  0x200d: 'ZWJ',
  0x200e: 'LRM',
  0x200f: 'RLM',
  0x2028: 'LSEP',
  0x2029: 'PSEP',
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2060: 'WJ',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
  0xfeff: 'BOM',
  0x7f: 'DEL',
  0x1b: 'ESC',
};

export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The mark for one hidden character: its common abbreviation, else U+XXXX. */
export function hiddenCharName(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return NAMES[code] ?? codePointLabel(code);
}

/** `\uXXXX` (a surrogate pair above the BMP): valid in JSON strings and plain to read in a terminal. */
export function unicodeEscape(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
