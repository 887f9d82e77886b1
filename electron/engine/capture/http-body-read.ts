// The contract's getHttpBody: one page of an exchange's request or response body, as the wire
// carried it or decoded (body-decode.ts). The framing is read from the exchange's own head by the
// relay's rules (http-rules.ts, RFC 9112 §6.3), so the viewer and the relay never disagree on
// whether a body was chunked. A decoded body is kept for the next pages (a small cache keyed by how
// much of the body was kept), so paging through it decodes it once.
import { HTTP_BODY_DECODE_CAP, HTTP_BODY_PAGE_BYTES, type BodiesApi, type HttpBodyChunk, type HttpBodyQuery } from '../../../shared/api/bodies';
import { FramescopeError } from '../../../shared/api/errors';
import type { HttpBodySide, HttpExchange } from '../../../shared/model';
import { HttpHeadParser, getHeader, type HttpHead } from '../../../shared/protocol/index';
import { requestBodyMode, responseBodyMode } from '../proxy/http-rules';
import { decodeBody, type Decoded } from './body-decode';
import type { CaptureStore } from './capture-store';

/** Wire bytes read for decoding at most (a body kept on disk may be far larger than any view). */
const DECODE_INPUT_LIMIT = 4 * HTTP_BODY_DECODE_CAP;
const CACHE_ENTRIES = 2;

export interface BodyFraming {
  chunked: boolean;
  contentCodings: string[];
  contentType: string | null;
}

function parseHead(raw: Uint8Array | null): HttpHead | null {
  if (raw === null || raw.length === 0) return null;
  const r = new HttpHeadParser().push(raw);
  return r.done ? (r.head as HttpHead) : null;
}

/** Chunked or not (as the relay decided it) and the content codings, from the exchange's heads. */
export function bodyFraming(exchange: Readonly<HttpExchange>, side: HttpBodySide): BodyFraming {
  const head = parseHead(side === 'request' ? exchange.requestHead : exchange.responseHead);
  if (head === null) return { chunked: false, contentCodings: [], contentType: null };
  const mode = side === 'request' ? requestBodyMode(head) : responseBodyMode(head, exchange.method);
  const codings = (getHeader(head, 'content-encoding') ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '');
  return { chunked: !('error' in mode) && mode.kind === 'chunked', contentCodings: codings, contentType: getHeader(head, 'content-type') };
}

export class HttpBodyReader implements BodiesApi {
  private readonly cache = new Map<string, Decoded>();

  constructor(private readonly store: CaptureStore) {}

  async getHttpBody(query: HttpBodyQuery): Promise<HttpBodyChunk> {
    const exchange = this.store.exchanges.get(query.exchangeId);
    if (exchange === undefined) throw new FramescopeError('not-found', `No HTTP exchange ${String(query.exchangeId)} in the capture.`);
    if (query.side !== 'request' && query.side !== 'response') throw new FramescopeError('invalid', "The body side must be 'request' or 'response'.");
    const { kept } = this.store.bodies.size(exchange.id, query.side);
    // The relay's count of wire bytes (an opened file's too: its body records hold only what was kept).
    const wire = query.side === 'request' ? exchange.requestBodyBytes : exchange.responseBodyBytes;
    const framing = bodyFraming(exchange, query.side);
    const n = Math.min(query.length, HTTP_BODY_PAGE_BYTES);
    const base = { side: query.side, wireBytes: wire, keptBytes: kept, ...framing, decoded: query.decoded, offset: query.offset };
    if (!query.decoded) {
      return { ...base, total: kept, bytes: this.store.bodies.read(exchange.id, query.side, query.offset, n), note: null };
    }
    const decoded = await this.decoded(exchange.id, query.side, kept, framing);
    // A plain Uint8Array copy: zlib hands out Buffers, which the RPC wire does not carry as bytes.
    const bytes = new Uint8Array(decoded.bytes.subarray(query.offset, query.offset + n));
    return { ...base, total: decoded.bytes.length, bytes, note: decoded.note };
  }

  /** Forget decoded bodies (the capture was cleared). */
  clear(): void {
    this.cache.clear();
  }

  private async decoded(id: number, side: HttpBodySide, kept: number, framing: BodyFraming): Promise<Decoded> {
    const key = `${id}:${side}:${kept}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const wire = this.store.bodies.read(id, side, 0, Math.min(kept, DECODE_INPUT_LIMIT));
    const result = await decodeBody(wire, framing.chunked, framing.contentCodings, HTTP_BODY_DECODE_CAP);
    if (kept > DECODE_INPUT_LIMIT && result.note === null) result.note = { code: 'capped', kept: result.bytes.length };
    this.cache.set(key, result);
    while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    return result;
  }
}
