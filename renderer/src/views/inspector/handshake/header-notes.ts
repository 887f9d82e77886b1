// What each header of the opening handshake is for (RFC 6455 §4.1, §4.2.2, §9.1, §11.3).
export const HEADER_NOTES: Record<string, string> = {
  host: 'Which host the client wants; required in the request (RFC 6455 §4.1, item 4).',
  upgrade: 'Asks to switch this TCP connection from HTTP to WebSocket; must contain "websocket" (§4.1, §4.2.2).',
  connection: 'Must contain "Upgrade" so intermediaries know the Upgrade header applies to this hop (§4.1).',
  'sec-websocket-key': 'A random 16-byte value, base64-encoded. Proves the server understood a WebSocket request (§4.1, item 7).',
  'sec-websocket-version': 'The protocol version; must be 13 (§4.1, item 9).',
  'sec-websocket-accept': 'base64(SHA-1(key + GUID)): proof the server read this very key (§4.2.2, item 5.4).',
  'sec-websocket-protocol': 'Subprotocols the client offers, or the one the server picked (§4.1, §11.3.4).',
  'sec-websocket-extensions': 'Extensions offered by the client, or accepted by the server, e.g. permessage-deflate (§9.1).',
  origin: 'Where the page that opened the socket came from; servers use it to refuse other sites (§4.1, §10.2).',
};

/** The headers that make an HTTP request a WebSocket opening handshake: highlighted. */
export const WS_HEADERS: ReadonlySet<string> = new Set(['upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-accept', 'sec-websocket-protocol', 'sec-websocket-extensions']);

/** RFC 7692 §7.1: what each permessage-deflate parameter means. */
export const DEFLATE_PARAM_NOTES: Record<string, string> = {
  server_no_context_takeover: 'The server resets its compressor after every message (less memory, worse compression).',
  client_no_context_takeover: 'The client resets its compressor after every message.',
  server_max_window_bits: 'The largest LZ77 window (2^bits bytes) the server may use when compressing.',
  client_max_window_bits: 'The largest LZ77 window (2^bits bytes) the client may use when compressing.',
};
