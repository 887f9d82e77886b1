import {
  PERMESSAGE_DEFLATE,
  deflateParamsFromExtension,
  isToken,
  parseExtensions,
  type DeflateParams,
  type NegotiatedExtension,
} from './extensions.js';
import { computeAccept } from './handshake.js';
import { fromBase64 } from './hex.js';
import { getHeader, type HttpHead } from './http-head-parser.js';
import type { Violation } from './types.js';

export interface HandshakeCheck {
  /** Offsets point into the raw bytes of the request, or of the response for 'handshake-response-*', accept, subprotocol and extension codes. */
  violations: Violation[];
  accept: { expected: string; actual: string | null; ok: boolean } | null;
  /** The subprotocol the server selected. */
  subprotocol: string | null;
  /** The extensions the server selected, in its order. */
  extensions: NegotiatedExtension[];
  /** permessage-deflate parameters in force, when the server accepted it. */
  deflate: DeflateParams | null;
}

type Head = Pick<HttpHead, 'headers' | 'request' | 'response' | 'kind'>;

function v(code: string, section: string, message: string, offset: number): Violation {
  return { code, section, message, offset, fatal: false };
}

function offsetOf(head: Head, name: string): number {
  const lower = name.toLowerCase();
  const h = head.headers.find((x) => x.name.toLowerCase() === lower);
  return h === undefined ? 0 : h.valueRange[0];
}

/** Comma-separated tokens of a header, lowercased (RFC 7230 §7 #rule). */
function tokens(value: string | null): string[] {
  if (value === null) return [];
  return value.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '');
}

function hasWebsocketUpgrade(value: string | null): boolean {
  // Upgrade: protocol-name ["/" protocol-version] (RFC 7230 §6.7).
  return tokens(value).some((t) => t.split('/')[0] === 'websocket');
}

function checkRequest(req: Head, out: Violation[]): void {
  if (req.request === null) {
    out.push(v('handshake-not-request', '4.1', 'The opening handshake must start with an HTTP request.', 0));
    return;
  }
  const { method, version } = req.request;
  if (method !== 'GET') out.push(v('handshake-method-not-get', '4.2.1', `The handshake request uses ${method}; it must be GET.`, 0));
  const [major, minor] = version.slice(5).split('.').map(Number) as [number, number];
  if (major < 1 || (major === 1 && minor < 1)) {
    out.push(v('handshake-http-version', '4.2.1', `The handshake uses ${version}; it must be HTTP/1.1 or higher.`, method.length + req.request.target.length + 2));
  }
  if (getHeader(req, 'host') === null) out.push(v('handshake-missing-host', '4.2.1', 'The handshake request has no Host header.', 0));
  if (!hasWebsocketUpgrade(getHeader(req, 'upgrade'))) {
    out.push(v('handshake-missing-upgrade', '4.2.1', 'The request lacks "Upgrade: websocket".', offsetOf(req, 'upgrade')));
  }
  if (!tokens(getHeader(req, 'connection')).includes('upgrade')) {
    out.push(v('handshake-missing-connection-upgrade', '4.2.1', 'The request\'s Connection header does not include "Upgrade".', offsetOf(req, 'connection')));
  }
  const key = getHeader(req, 'sec-websocket-key');
  if (key === null) {
    out.push(v('handshake-missing-key', '4.2.1', 'The request has no Sec-WebSocket-Key header.', 0));
  } else {
    const decoded = fromBase64(key.trim());
    if (!(decoded instanceof Uint8Array) || decoded.length !== 16) {
      out.push(v('handshake-invalid-key', '4.2.1', 'Sec-WebSocket-Key must be the base64 encoding of exactly 16 bytes.', offsetOf(req, 'sec-websocket-key')));
    }
  }
  const version13 = getHeader(req, 'sec-websocket-version');
  if (version13 === null) {
    out.push(v('handshake-missing-version', '4.2.1', 'The request has no Sec-WebSocket-Version header.', 0));
  } else if (version13.trim() !== '13') {
    out.push(v('handshake-unsupported-version', '4.2.1', `Sec-WebSocket-Version is ${version13}; this protocol is version 13.`, offsetOf(req, 'sec-websocket-version')));
  }
  const protocols = getHeader(req, 'sec-websocket-protocol');
  if (protocols !== null) {
    const list = protocols.split(',').map((p) => p.trim());
    if (list.some((p) => !isToken(p)) || new Set(list).size !== list.length) {
      out.push(v('handshake-invalid-subprotocol', '4.1', 'Sec-WebSocket-Protocol must list distinct tokens.', offsetOf(req, 'sec-websocket-protocol')));
    }
  }
}

/** Why a deflate response does not fit an offer (RFC 7692 §7.1.1-7.1.2), or null if it fits. */
function deflateMismatch(offer: NegotiatedExtension, resp: NegotiatedExtension, params: DeflateParams): string | null {
  const has = (e: NegotiatedExtension, n: string): boolean => e.params.some((p) => p.name === n);
  if (has(resp, 'client_max_window_bits') && !has(offer, 'client_max_window_bits')) {
    return 'the server set client_max_window_bits although the client did not offer it (§7.1.2.2)';
  }
  const offeredClientBits = offer.params.find((p) => p.name === 'client_max_window_bits');
  if (offeredClientBits?.value != null && params.clientMaxWindowBits > Number(offeredClientBits.value)) {
    return 'the server chose a larger client_max_window_bits than the client offered (§7.1.2.2)';
  }
  const offeredServerBits = offer.params.find((p) => p.name === 'server_max_window_bits');
  if (offeredServerBits !== undefined && params.serverMaxWindowBits > Number(offeredServerBits.value)) {
    return 'the server chose a larger server_max_window_bits than the client allowed (§7.1.2.1)';
  }
  if (has(offer, 'server_no_context_takeover') && !params.serverNoContextTakeover) {
    return 'the client asked for server_no_context_takeover but the server did not agree to it (§7.1.1.1)';
  }
  return null;
}

function checkExtensions(req: Head, res: Head, out: Violation[], result: HandshakeCheck): void {
  const resValue = getHeader(res, 'sec-websocket-extensions');
  if (resValue === null) return;
  const at = offsetOf(res, 'sec-websocket-extensions');
  const chosen = parseExtensions(resValue);
  if (!Array.isArray(chosen)) {
    out.push(v('handshake-invalid-extensions', '9.1', `The server's Sec-WebSocket-Extensions cannot be parsed: ${chosen.error}.`, at + chosen.at));
    return;
  }
  result.extensions = chosen;
  const reqValue = getHeader(req, 'sec-websocket-extensions');
  const offered = reqValue === null ? [] : parseExtensions(reqValue);
  const offers = Array.isArray(offered) ? offered : [];
  const seen = new Set<string>();
  for (const ext of chosen) {
    const name = ext.name.toLowerCase();
    if (seen.has(name)) out.push(v('handshake-duplicate-extension', '9.1', `The server accepted ${ext.name} twice.`, at));
    seen.add(name);
    const matching = offers.filter((o) => o.name.toLowerCase() === name);
    if (matching.length === 0) {
      // §4.1 item 5 (client side): an extension the client did not request fails the connection.
      out.push(v('handshake-unrequested-extension', '4.1', `The server selected ${ext.name}, which the client did not offer.`, at));
      continue;
    }
    if (name !== PERMESSAGE_DEFLATE) continue;
    const strict = deflateParamsFromExtension(ext, 'response');
    if ('error' in strict) {
      out.push(v('deflate-invalid-params', 'RFC 7692 §7.1', `The server's permessage-deflate parameters are invalid: ${strict.error}.`, at));
    }
    // A peer like ws reads "08" as 8 and compresses anyway: decode what the peers do, flagged above.
    const params = 'error' in strict ? deflateParamsFromExtension(ext, 'response', true) : strict;
    if ('error' in params) continue;
    const reasons = matching.map((o) => deflateMismatch(o, ext, params));
    if (!reasons.includes(null)) {
      out.push(v('deflate-response-mismatch', 'RFC 7692 §7.1', `The permessage-deflate response does not fit the offer: ${reasons[0]}.`, at));
    }
    if (result.deflate === null) result.deflate = params;
  }
}

function checkResponse(req: Head, res: Head, out: Violation[], result: HandshakeCheck): void {
  if (res.response === null) {
    out.push(v('handshake-not-response', '4.1', 'The server answered with something that is not an HTTP response.', 0));
    return;
  }
  if (res.response.status !== 101) {
    out.push(v('handshake-status-not-101', '4.1', `The server answered ${res.response.status}, not 101 Switching Protocols, so no WebSocket was opened.`, 9));
    return;
  }
  if (!hasWebsocketUpgrade(getHeader(res, 'upgrade'))) {
    out.push(v('handshake-response-missing-upgrade', '4.1', 'The 101 response lacks "Upgrade: websocket".', offsetOf(res, 'upgrade')));
  }
  if (!tokens(getHeader(res, 'connection')).includes('upgrade')) {
    out.push(v('handshake-response-missing-connection', '4.1', 'The 101 response\'s Connection header does not include "Upgrade".', offsetOf(res, 'connection')));
  }
  const key = getHeader(req, 'sec-websocket-key');
  const actual = getHeader(res, 'sec-websocket-accept');
  if (key !== null) {
    const expected = computeAccept(key.trim());
    const ok = actual !== null && actual.trim() === expected;
    result.accept = { expected, actual, ok };
    if (actual === null) out.push(v('handshake-missing-accept', '4.1', 'The 101 response has no Sec-WebSocket-Accept header.', 0));
    else if (!ok) out.push(v('handshake-accept-mismatch', '4.1', `Sec-WebSocket-Accept is ${actual.trim()} but the key requires ${expected}.`, offsetOf(res, 'sec-websocket-accept')));
  }
  const chosen = getHeader(res, 'sec-websocket-protocol');
  if (chosen !== null) {
    result.subprotocol = chosen.trim();
    const offered = (getHeader(req, 'sec-websocket-protocol') ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(result.subprotocol)) {
      out.push(v('handshake-unrequested-subprotocol', '4.1', `The server selected subprotocol "${result.subprotocol}", which the client did not offer.`, offsetOf(res, 'sec-websocket-protocol')));
    }
  }
  checkExtensions(req, res, out, result);
}

/**
 * Checks an opening handshake against RFC 6455 §4.1 (what the client sends and
 * must verify) and §4.2.1/§4.2.2 (what the server reads and answers), plus the
 * permessage-deflate negotiation of RFC 7692 §7.1. `response` null: only the request.
 */
export function checkHandshake(request: Head, response: Head | null): HandshakeCheck {
  const violations: Violation[] = [];
  const result: HandshakeCheck = { violations, accept: null, subprotocol: null, extensions: [], deflate: null };
  checkRequest(request, violations);
  if (response !== null) checkResponse(request, response, violations, result);
  return result;
}
