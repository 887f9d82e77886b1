// Test-only: an independent list of what must never reach a terminal raw (C0 but LF and TAB, DEL,
// C1, bidi and invisible format characters), written out by hand rather than from
// shared/text/hidden-chars.ts, so the tests do not grade the code with its own answer.
export const RAW_HIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
