import type { Peer } from './types.js';

/** One parameter of an extension; `value` is null for a bare name, and unquoted. */
export interface ExtensionParam {
  name: string;
  value: string | null;
}

export interface NegotiatedExtension {
  name: string;
  params: ExtensionParam[];
}

/** permessage-deflate parameters (RFC 7692 §7.1), with the defaults filled in. */
export interface DeflateParams {
  serverNoContextTakeover: boolean;
  clientNoContextTakeover: boolean;
  /** LZ77 window of the server's compressor, 8..15 (default 15). */
  serverMaxWindowBits: number;
  /** LZ77 window of the client's compressor, 8..15 (default 15). */
  clientMaxWindowBits: number;
}

export const PERMESSAGE_DEFLATE = 'permessage-deflate';

// RFC 7230 §3.2.6 tchar.
function isTchar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    '!#$%&\'*+-.^_`|~'.includes(String.fromCharCode(c))
  );
}

export function isToken(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isTchar(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Parses a Sec-WebSocket-Extensions value (RFC 6455 §9.1):
 * `1#( token *( ";" token [ "=" ( token / quoted-string ) ] ) )`.
 * Quoted values are unescaped and must then be tokens (§9.1). Never throws.
 */
export function parseExtensions(value: string): NegotiatedExtension[] | { error: string; at: number } {
  const out: NegotiatedExtension[] = [];
  let i = 0;
  const n = value.length;
  const skipOws = (): void => {
    while (i < n && (value[i] === ' ' || value[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && isTchar(value.charCodeAt(i))) i++;
    return value.slice(start, i);
  };
  let current: NegotiatedExtension | null = null;
  while (true) {
    skipOws();
    if (i >= n) break;
    if (value[i] === ',') {
      i++; // empty list elements are allowed by the #rule (RFC 7230 §7)
      continue;
    }
    const name = readToken();
    if (name === '') return { error: 'expected an extension name', at: i };
    current = { name, params: [] };
    out.push(current);
    skipOws();
    while (i < n && value[i] === ';') {
      i++;
      skipOws();
      const pStart = i;
      const pName = readToken();
      if (pName === '') return { error: 'expected a parameter name', at: pStart };
      skipOws();
      let pValue: string | null = null;
      if (value[i] === '=') {
        i++;
        skipOws();
        if (value[i] === '"') {
          const qStart = i;
          i++;
          let text = '';
          while (i < n && value[i] !== '"') {
            if (value[i] === '\\') i++;
            if (i < n) text += value[i];
            i++;
          }
          if (i >= n) return { error: 'unterminated quoted string', at: qStart };
          i++;
          if (!isToken(text)) return { error: 'a quoted parameter value must be a token', at: qStart };
          pValue = text;
        } else {
          const vStart = i;
          pValue = readToken();
          if (pValue === '') return { error: 'expected a parameter value', at: vStart };
        }
        skipOws();
      }
      current.params.push({ name: pName, value: pValue });
    }
    if (i < n && value[i] !== ',') return { error: `unexpected character '${value[i]}'`, at: i };
  }
  if (out.length === 0) return { error: 'no extension listed', at: 0 };
  return out;
}

function windowBits(value: string | null, lenient: boolean): number | null {
  // RFC 7692 §7.1.2: 1*DIGIT without leading zeros, in 8..15. Lenient: any decimal form of 8..15
  // ("08"), which is how ws reads it, so a capture decodes what those peers really do.
  if (value === null || !(lenient ? /^[0-9]+$/ : /^[1-9][0-9]?$/).test(value)) return null;
  const bits = Number(value);
  return bits >= 8 && bits <= 15 ? bits : null;
}

/**
 * Validates permessage-deflate parameters (RFC 7692 §7.1). In an offer,
 * client_max_window_bits may have no value (§7.1.2.2); in a response it must.
 */
export function deflateParamsFromExtension(ext: NegotiatedExtension, role: 'offer' | 'response' = 'response', lenient = false): DeflateParams | { error: string } {
  const params: DeflateParams = { serverNoContextTakeover: false, clientNoContextTakeover: false, serverMaxWindowBits: 15, clientMaxWindowBits: 15 };
  const seen = new Set<string>();
  for (const p of ext.params) {
    // §7: a parameter may appear at most once.
    if (seen.has(p.name)) return { error: `parameter ${p.name} appears twice` };
    seen.add(p.name);
    switch (p.name) {
      case 'server_no_context_takeover':
      case 'client_no_context_takeover':
        if (p.value !== null) return { error: `${p.name} takes no value` };
        if (p.name === 'server_no_context_takeover') params.serverNoContextTakeover = true;
        else params.clientNoContextTakeover = true;
        break;
      case 'server_max_window_bits': {
        const bits = windowBits(p.value, lenient);
        if (bits === null) return { error: 'server_max_window_bits must be an integer from 8 to 15' };
        params.serverMaxWindowBits = bits;
        break;
      }
      case 'client_max_window_bits': {
        if (p.value === null && role === 'offer') break;
        const bits = windowBits(p.value, lenient);
        if (bits === null) return { error: 'client_max_window_bits must be an integer from 8 to 15' };
        params.clientMaxWindowBits = bits;
        break;
      }
      default:
        return { error: `unknown permessage-deflate parameter ${p.name}` };
    }
  }
  return params;
}

/** Finds the first permessage-deflate in a Sec-WebSocket-Extensions value and validates it. */
export function parseDeflateParams(headerValue: string, role: 'offer' | 'response' = 'response'): DeflateParams | { error: string } {
  const list = parseExtensions(headerValue);
  if (!Array.isArray(list)) return { error: list.error };
  const ext = list.find((e) => e.name.toLowerCase() === PERMESSAGE_DEFLATE);
  if (ext === undefined) return { error: 'permessage-deflate is not listed' };
  return deflateParamsFromExtension(ext, role);
}

/** The compressor settings used by the peer that sends (`from`): what its receiver's inflater must match. */
export function deflateFor(from: Peer, params: DeflateParams): { noContextTakeover: boolean; windowBits: number } {
  return from === 'client'
    ? { noContextTakeover: params.clientNoContextTakeover, windowBits: params.clientMaxWindowBits }
    : { noContextTakeover: params.serverNoContextTakeover, windowBits: params.serverMaxWindowBits };
}
