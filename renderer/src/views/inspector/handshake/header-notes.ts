// What each header of the opening handshake is for (RFC 6455 §4.1, §4.2.2, §9.1, §11.3), and what
// each permessage-deflate parameter means (RFC 7692 §7.1), in the UI language (`inspector` catalog).
import { i18n } from '../../../i18n';

const NOTED_HEADERS = new Set(['host', 'upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-accept', 'sec-websocket-protocol', 'sec-websocket-extensions', 'origin']);
const NOTED_PARAMS = new Set(['server_no_context_takeover', 'client_no_context_takeover', 'server_max_window_bits', 'client_max_window_bits']);

/** The note for a header (lowercase name), or undefined for headers without one. */
export function headerNote(name: string): string | undefined {
  return NOTED_HEADERS.has(name) ? i18n.t(`inspector:header.${name as 'host'}`) : undefined;
}

/** The headers that make an HTTP request a WebSocket opening handshake: highlighted. */
export const WS_HEADERS: ReadonlySet<string> = new Set(['upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-accept', 'sec-websocket-protocol', 'sec-websocket-extensions']);

/** RFC 7692 §7.1: what a permessage-deflate parameter means; '' for one it does not define. */
export function deflateParamNote(name: string): string {
  return NOTED_PARAMS.has(name) ? i18n.t(`inspector:nego.param.${name as 'server_max_window_bits'}`) : '';
}
