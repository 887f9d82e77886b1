// Turns what a user typed into the capture controls into contract options, or into one sentence
// saying what is wrong and how to fix it. Pure, so every rule is unit-tested.
import type { ClientConnectOptions, ProxyOptions } from '../../../../shared/api';
import { parseHostPattern } from '../../../../shared/host-pattern';
import { closeCodeValidity, encodeUtf8, fromHex, isToken } from '../../../../shared/protocol';
import { i18n } from '../../i18n';
import type { ClientDraft, ProxyDraft } from '../../store/controls-slice';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
/** The sentence comes from the `controls` catalog (`inputs.*`), in the user's language. */
const fail = <T>(key: string, params: Record<string, string | number> = {}): Parsed<T> => ({ ok: false, error: i18n.t(`controls:inputs.${key}` as 'controls:inputs.subprotocolTwice', params) });

/** Empty means "any free port" (0); otherwise 1-65535. */
export function parsePort(text: string): Parsed<number> {
  const t = text.trim();
  if (t === '') return ok(0);
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 65535) {
    return fail('port', { text: t });
  }
  return ok(Number(t));
}

/** A ws:// or wss:// URL (RFC 6455 §3). http(s):// gets a hint rather than a bare refusal. */
export function parseWsUrl(text: string, what: 'serverUrl' | 'forwardTarget'): Parsed<string> {
  const t = text.trim();
  if (t === '') return fail('enterUrl', { what: i18n.t(`controls:inputs.what.${what}`) });
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return fail('notUrl', { text: t });
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const scheme = url.protocol === 'http:' ? 'ws' : 'wss';
    return fail('httpScheme', { scheme, protocol: url.protocol, suggestion: `${scheme}://${url.host}${url.pathname}` });
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return fail('wsScheme', { what: i18n.t(`controls:inputs.what.${what}`) });
  if (url.hash) return fail('fragment');
  return ok(t);
}

/** "a.test, *.b.test" → ['a.test', '*.b.test']; blanks dropped (the engine checks each name). */
export function parseHostList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((h) => h.trim())
    .filter((h) => h !== '');
}

/** A host list checked by the engine's own matcher (shared/host-pattern.ts), each pattern in its normal form. */
function hostPatterns(text: string, list: 'passThrough' | 'insecureHosts'): Parsed<string[]> {
  const out: string[] = [];
  for (const host of parseHostList(text)) {
    const parsed = parseHostPattern(host);
    if (!parsed.ok) return fail(`hostPattern.${parsed.problem}`, { host, list: i18n.t(`controls:inputs.what.${list}`) });
    out.push(parsed.text);
  }
  return ok(out);
}

/** The forward proxy's TLS choices (issue 14), only those that differ from the defaults. */
function forwardTls(draft: ProxyDraft): Parsed<Partial<ProxyOptions>> {
  const passThrough = draft.interceptTls ? hostPatterns(draft.passThrough, 'passThrough') : ok([]);
  if (!passThrough.ok) return passThrough;
  const insecure = hostPatterns(draft.insecureHosts, 'insecureHosts');
  if (!insecure.ok) return insecure;
  const cas = draft.trustedCas;
  return ok({
    ...(!draft.interceptTls ? { interceptTls: false } : {}),
    ...(passThrough.value.length > 0 ? { passThroughHosts: passThrough.value } : {}),
    ...(insecure.value.length > 0 ? { insecureUpstreamHosts: insecure.value } : {}),
    ...(cas.length > 0 ? { trustedCertificatesPem: cas.map((c) => c.pem) } : {}),
  });
}

export function proxyOptionsFrom(draft: ProxyDraft): Parsed<ProxyOptions> {
  const port = parsePort(draft.port);
  if (!port.ok) return port;
  if (draft.mode === 'forward') {
    const tls = forwardTls(draft);
    if (!tls.ok) return tls;
    return ok({ mode: 'forward', listenHost: '127.0.0.1', listenPort: port.value, ...tls.value });
  }
  const target = parseWsUrl(draft.target, 'forwardTarget');
  if (!target.ok) return target;
  return ok({ mode: 'reverse', listenHost: '127.0.0.1', listenPort: port.value, target: target.value });
}

// Headers the client writes itself from the other fields (RFC 6455 §4.1); a second copy would
// make a handshake the server must reject, so we say where the value belongs instead.
/** Headers the client sets itself; the value names the catalog's reason (`controls:inputs.managed.*`). */
const MANAGED_HEADERS: Record<string, string> = {
  host: 'host',
  upgrade: 'upgrade',
  connection: 'connection',
  'sec-websocket-key': 'key',
  'sec-websocket-version': 'version',
  'sec-websocket-protocol': 'protocol',
  'sec-websocket-extensions': 'extensions',
};

/** "Name: value" per line (RFC 7230 §3.2: the name is a token, the value has no CR/LF). */
export function parseHeaderLines(text: string): Parsed<Record<string, string>> {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return fail('headerForm', { line: i + 1 });
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!isToken(name)) return fail('headerName', { line: i + 1, name });
    const managed = MANAGED_HEADERS[name.toLowerCase()];
    if (managed) return fail('headerManaged', { line: i + 1, name, why: i18n.t(`controls:inputs.managed.${managed}` as 'controls:inputs.managed.host') });
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return ok(headers);
}

/** Comma-separated subprotocol names; each must be a token (RFC 6455 §4.1, §11.3.4). */
export function parseSubprotocols(text: string): Parsed<string[]> {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (!isToken(name)) return fail('subprotocolName', { name });
  }
  if (new Set(names).size !== names.length) return fail('subprotocolTwice');
  return ok(names);
}

export function clientOptionsFrom(draft: ClientDraft): Parsed<ClientConnectOptions> {
  const url = parseWsUrl(draft.url, 'serverUrl');
  if (!url.ok) return url;
  const subprotocols = parseSubprotocols(draft.subprotocols);
  if (!subprotocols.ok) return subprotocols;
  const headers = parseHeaderLines(draft.headers);
  if (!headers.ok) return headers;
  return ok({ url: url.value, subprotocols: subprotocols.value, headers: headers.value, deflate: draft.deflate });
}

export type PayloadKind = 'text' | 'binary';

/** Text as UTF-8, or hex typed by a person (spaces and # comments allowed). */
export function parsePayload(text: string, kind: PayloadKind): Parsed<Uint8Array> {
  if (kind === 'text') return ok(encodeUtf8(text));
  const hex = fromHex(text);
  if ('error' in hex) return fail(hex.code === 'notHexDigit' ? 'hexDigit' : 'hexOdd', { char: hex.char ?? '', at: hex.at + 1 });
  return ok(hex.bytes);
}

/** RFC 6455 §5.5: a control frame's payload is at most 125 bytes. */
export const MAX_CONTROL_PAYLOAD = 125;

export interface CloseInput {
  code?: number;
  reason?: string;
}

/**
 * A Close frame's body is an optional 2-byte code followed by a UTF-8 reason (§5.5.1); the whole
 * body fits a control frame, so the reason has at most 123 bytes, and a reason needs a code.
 */
export function parseClose(codeText: string, reason: string): Parsed<CloseInput> {
  const t = codeText.trim();
  if (t === '') return reason === '' ? ok({}) : fail('reasonNeedsCode');
  if (!/^\d+$/.test(t)) return fail('closeCode', { text: t });
  const code = Number(t);
  const validity = closeCodeValidity(code);
  if (!validity.valid) return fail('cannotSendCode', { reason: validity.reason });
  const bytes = encodeUtf8(reason).length;
  if (bytes > MAX_CONTROL_PAYLOAD - 2) return fail('reasonTooLong', { bytes });
  return ok(reason === '' ? { code } : { code, reason });
}
