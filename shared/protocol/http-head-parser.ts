import { isToken } from './extensions.js';

export interface HttpHeader {
  name: string;
  value: string;
  /** [start, end) byte offsets into the head's `raw` bytes, for highlighting. */
  nameRange: [number, number];
  valueRange: [number, number];
}

export interface HttpRequestLine {
  method: string;
  target: string;
  version: string;
}

export interface HttpStatusLine {
  version: string;
  status: number;
  reason: string;
}

export interface HttpHead {
  /** The exact bytes of the head, start line through the blank line. */
  raw: Uint8Array;
  rawLength: number;
  startLine: string;
  kind: 'request' | 'response';
  request: HttpRequestLine | null;
  response: HttpStatusLine | null;
  headers: HttpHeader[];
  /** Case-insensitive lookup; repeated fields are joined with ", " (RFC 7230 §3.2.2). */
  header(name: string): string | null;
}

export interface HttpHeadResult {
  done: boolean;
  head?: HttpHead;
  /** Bytes after the head (the body, or the first WebSocket frames). */
  rest?: Uint8Array;
  error?: string;
}

export const DEFAULT_MAX_HEAD_SIZE = 64 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;

/** Header lookup that also works on a head that crossed IPC (and lost its method). */
export function getHeader(head: { headers: HttpHeader[] }, name: string): string | null {
  const lower = name.toLowerCase();
  let out: string | null = null;
  for (const h of head.headers) {
    if (h.name.toLowerCase() === lower) out = out === null ? h.value : `${out}, ${h.value}`;
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(i + 4096, bytes.length)));
  }
  return s;
}

const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) ([^ ]+) (HTTP\/[0-9]\.[0-9])$/;
const STATUS_LINE = /^(HTTP\/[0-9]\.[0-9]) ([0-9]{3})(?: (.*))?$/;

/** Parses a complete head (RFC 7230 §3). Bytes map 1:1 to characters (latin1) so ranges are byte offsets. */
export function parseHttpHead(raw: Uint8Array): HttpHead | { error: string } {
  const text = latin1(raw);
  const lines: Array<{ start: number; text: string }> = [];
  let start = 0;
  while (start < text.length) {
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? text.length : lf;
    const contentEnd = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    lines.push({ start, text: text.slice(start, contentEnd) });
    start = end + 1;
  }
  const first = lines[0];
  if (first === undefined || first.text === '') return { error: 'empty start line' };
  let request: HttpRequestLine | null = null;
  let response: HttpStatusLine | null = null;
  const rm = REQUEST_LINE.exec(first.text);
  const sm = rm === null ? STATUS_LINE.exec(first.text) : null;
  if (rm !== null) request = { method: rm[1] as string, target: rm[2] as string, version: rm[3] as string };
  else if (sm !== null) response = { version: sm[1] as string, status: Number(sm[2]), reason: sm[3] ?? '' };
  else return { error: 'malformed start line' };

  const headers: HttpHeader[] = [];
  for (let li = 1; li < lines.length; li++) {
    const line = lines[li] as { start: number; text: string };
    if (line.text === '') break;
    const c0 = line.text.charCodeAt(0);
    if (c0 === 0x20 || c0 === TAB) {
      // RFC 7230 §3.2.4 obs-fold: replace the fold with one space.
      const prev = headers[headers.length - 1];
      if (prev === undefined) return { error: `line ${li + 1} continues a header that does not exist` };
      const trimmed = line.text.trim();
      if (trimmed !== '') {
        prev.value = prev.value === '' ? trimmed : `${prev.value} ${trimmed}`;
        prev.valueRange = [prev.valueRange[0], line.start + line.text.trimEnd().length];
      }
      continue;
    }
    const colon = line.text.indexOf(':');
    if (colon <= 0) return { error: `line ${li + 1} is not a header field` };
    const name = line.text.slice(0, colon);
    if (!isToken(name)) return { error: `invalid header name on line ${li + 1}` };
    const rawValue = line.text.slice(colon + 1);
    const lead = rawValue.length - rawValue.replace(/^[ \t]+/, '').length;
    const value = rawValue.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
    const vStart = line.start + colon + 1 + lead;
    headers.push({ name, value, nameRange: [line.start, line.start + colon], valueRange: [vStart, vStart + value.length] });
  }
  const headersRef = { headers };
  return {
    raw,
    rawLength: raw.length,
    startLine: first.text,
    kind: request !== null ? 'request' : 'response',
    request,
    response,
    headers,
    header: (name: string) => getHeader(headersRef, name),
  };
}

/**
 * Incremental reader of one HTTP/1.1 head. Collects bytes until the blank line
 * (CRLF CRLF, bare LF tolerated per RFC 7230 §3.5), then parses. Never throws:
 * non-HTTP bytes or an oversized head give `error`, and it stays in error.
 */
export class HttpHeadParser {
  private readonly maxHeadSize: number;
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  /** Only CRs seen since the last LF (so one more LF ends the head). */
  private atLineStart = false;
  private result: HttpHeadResult | null = null;

  constructor(options: { maxHeadSize?: number } = {}) {
    this.maxHeadSize = options.maxHeadSize ?? DEFAULT_MAX_HEAD_SIZE;
  }

  push(chunk: Uint8Array): HttpHeadResult {
    if (this.result !== null) {
      if (this.result.done) return { done: true, head: this.result.head as HttpHead, rest: chunk };
      return this.result;
    }
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === LF) {
        if (this.atLineStart) return this.complete(chunk, i + 1);
        this.atLineStart = true;
      } else if (b === CR) {
        // stays at line start
      } else if ((b < 0x20 && b !== TAB) || b === 0x7f) {
        return this.fail(`not an HTTP head: control byte 0x${b.toString(16).padStart(2, '0')} at offset ${this.size + i}`);
      } else {
        this.atLineStart = false;
      }
      if (this.size + i + 1 >= this.maxHeadSize) return this.fail('header too large');
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    return { done: false };
  }

  private complete(chunk: Uint8Array, cut: number): HttpHeadResult {
    const raw = new Uint8Array(this.size + cut);
    let at = 0;
    for (const c of this.chunks) {
      raw.set(c, at);
      at += c.length;
    }
    raw.set(chunk.subarray(0, cut), at);
    this.chunks.length = 0;
    const head = parseHttpHead(raw);
    if ('error' in head) return this.fail(head.error);
    this.result = { done: true, head, rest: chunk.subarray(cut) };
    return this.result;
  }

  private fail(error: string): HttpHeadResult {
    this.chunks.length = 0;
    this.result = { done: false, error };
    return this.result;
  }
}
