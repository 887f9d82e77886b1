// The opening handshake as the UI explains it: both raw heads with header ranges, the
// Sec-WebSocket-Accept computation worked out (RFC 6455 §4.2.2 item 5.4), what was offered and
// what was negotiated, and every violation the codec finds (§4.1, §4.2, RFC 7692 §7.1).
import {
  checkHandshake,
  explainAccept,
  getHeader,
  type DeflateParams,
  type HttpHead,
} from '../../../shared/protocol/index';
import type { HandshakeDetail, HttpHeadView, NegotiatedExtension } from '../../../shared/model';

export interface HandshakeResult {
  detail: HandshakeDetail;
  /** permessage-deflate parameters in force, when the server accepted it. */
  deflate: DeflateParams | null;
  /** The Sec-WebSocket-Extensions value the server accepted, verbatim. */
  extensionsValue: string | null;
}

export function headView(head: HttpHead): HttpHeadView {
  return {
    raw: head.raw,
    startLine: head.startLine,
    headers: head.headers.map((h) => ({ name: h.name, value: h.value, nameRange: [...h.nameRange], valueRange: [...h.valueRange] })),
  };
}

export function emptyHandshake(): HandshakeDetail {
  return {
    request: null,
    response: null,
    accept: null,
    offeredSubprotocols: [],
    subprotocol: null,
    offeredExtensions: null,
    extensions: [],
    violations: [],
  };
}

export function buildHandshake(request: HttpHead, response: HttpHead | null): HandshakeResult {
  const check = checkHandshake(request, response);
  const key = getHeader(request, 'sec-websocket-key');
  let accept: HandshakeDetail['accept'] = null;
  if (key !== null) {
    const e = explainAccept(key.trim());
    accept = {
      key: e.key,
      guid: e.guid,
      concatenated: e.concatenated,
      sha1Hex: e.sha1Hex,
      expected: e.accept,
      actual: response === null ? null : getHeader(response, 'sec-websocket-accept'),
      ok: check.accept?.ok ?? false,
    };
  }
  const offered = getHeader(request, 'sec-websocket-protocol');
  const extensions: NegotiatedExtension[] = check.extensions.map((e) => {
    const params: Record<string, string | true> = {};
    for (const p of e.params) params[p.name] = p.value ?? true;
    return { name: e.name, params };
  });
  const detail: HandshakeDetail = {
    request: headView(request),
    response: response === null ? null : headView(response),
    accept,
    offeredSubprotocols: offered === null ? [] : offered.split(',').map((p) => p.trim()).filter((p) => p !== ''),
    subprotocol: check.subprotocol,
    offeredExtensions: getHeader(request, 'sec-websocket-extensions'),
    extensions,
    violations: check.violations,
  };
  const extensionsValue = response === null ? null : getHeader(response, 'sec-websocket-extensions');
  return { detail, deflate: check.deflate, extensionsValue };
}
