// The one change a forward proxy makes to a request it relays (RFC 9112 §3.2.1-§3.2.2): the
// absolute-form target becomes origin-form ("GET http://h:1/p?q" → "GET /p?q"), and the origin
// sees the target's authority as Host (§3.2.2: a proxy "MUST ignore the received Host header field"
// and generate one from the target). Every other byte of the head is kept as the client sent it.
import type { HttpHead } from '../../../shared/protocol/index';
import { parseAbsoluteTarget } from './http-rules';

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, Math.min(i + 4096, bytes.length)));
  return s;
}

function bytesOf(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** The head to send upstream for an absolute-form request; `head.raw` itself when nothing changes. */
export function toOriginForm(head: HttpHead): Uint8Array {
  const request = head.request;
  if (request === null || request.method === 'CONNECT') return head.raw;
  const target = parseAbsoluteTarget(request.target);
  if ('error' in target) return head.raw;
  const text = latin1(head.raw);
  const firstEnd = text.indexOf('\n');
  const lineEnd = text[firstEnd - 1] === '\r' ? '\r\n' : '\n';
  const lines = text.slice(firstEnd + 1).split(/(?<=\n)/);
  const requestLine = `${request.method} ${target.path} ${request.version}${lineEnd}`;
  const hosts = head.headers.filter((h) => h.name.toLowerCase() === 'host');
  const hostOk = hosts.length === 1 && hosts[0]!.value.toLowerCase() === target.hostField.toLowerCase();
  if (hostOk) return bytesOf(requestLine + lines.join(''));
  const kept = lines.filter((line) => !/^host[ \t]*:/i.test(line));
  return bytesOf(requestLine + `Host: ${target.hostField}${lineEnd}` + kept.join(''));
}
