// How each transport is named and coloured in every lab picture (lanes, table, plots). Colours come
// from tokens.css through lab.css (--lab-<transport>), one visual language in light and dark.
import type { LabByteKey, LabTransport } from '../../../../shared/api';

export const TRANSPORT_NAMES: Record<LabTransport, string> = {
  'short-polling': 'Short polling',
  'long-polling': 'Long polling',
  sse: 'Server-sent events',
  websocket: 'WebSocket',
  'http2-polling': 'HTTP/2 polling',
};

export function transportColor(t: LabTransport): string {
  return `var(--lab-${t})`;
}

/** The client API behind each lane, by who runs the clients. */
export function clientApi(t: LabTransport, client: 'browser' | 'node'): string {
  if (t === 'http2-polling') return 'Node http2 (browsers lack h2c)';
  if (client === 'node') return { 'short-polling': 'Node http, every interval', 'long-polling': 'Node http, again after each answer', sse: 'Node http, text/event-stream', websocket: 'Node ws' }[t];
  return { 'short-polling': 'fetch() every interval', 'long-polling': 'fetch() again after each answer', sse: 'EventSource', websocket: 'new WebSocket()' }[t];
}

export const BYTE_LABELS: Record<LabByteKey, string> = {
  payload: 'message (payload)',
  'request-headers': 'request headers',
  'response-headers': 'response headers',
  handshake: 'handshake / setup',
  'body-wrapping': 'JSON array / newlines',
  'sse-fields': 'SSE “data:” + blank line',
  'chunked-encoding': 'chunked encoding',
  'frame-headers': 'frame headers',
  'h2-frame-headers': 'HTTP/2 frame headers',
  'hpack-request-headers': 'request headers (HPACK)',
  'hpack-response-headers': 'response headers (HPACK)',
  control: 'control frames',
  'upstream-payload': 'client → server messages',
  'upstream-headers': 'client → server request + response headers',
  'upstream-frame-headers': 'client frame headers (masked)',
  unattributed: 'unexplained',
};

export function byteColor(key: LabByteKey): string {
  return `var(--lab-bytes-${key})`;
}

export function fmtMs(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v).toLocaleString('en-US')} ms`;
}

export function fmtBytes(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (v >= 10_240) return `${(v / 1024).toFixed(1)} KiB`;
  return `${v.toFixed(v < 100 ? digits : 0)} B`;
}
