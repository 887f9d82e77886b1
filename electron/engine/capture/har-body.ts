// HTTP bodies in a HAR file as Chrome DevTools writes them: the response's `content` holds the body
// decoded (chunks joined, gzip/br/deflate undone) with its decoded size, as `text` when it is UTF-8
// and as base64 with `encoding: "base64"` otherwise; a request body goes in `postData`. What the
// capture did not keep, or could not decode, is said in a `comment`.
import { HTTP_BODY_DECODE_CAP } from '../../../shared/api/bodies';
import type { HttpBodySide, HttpExchange } from '../../../shared/model';
import { decodeBodySync } from './body-decode';
import type { CaptureStore } from './capture-store';
import { bodyFraming } from './http-body-read';

export interface HarBody {
  size: number;
  mimeType: string;
  text?: string;
  encoding?: 'base64';
  comment?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The decoded body of one side, as HAR content; null when that side has no body. */
export function harBody(store: CaptureStore, e: HttpExchange, side: HttpBodySide): HarBody | null {
  const { kept } = store.bodies.size(e.id, side);
  const wire = side === 'request' ? e.requestBodyBytes : e.responseBodyBytes;
  const framing = bodyFraming(e, side);
  const mimeType = framing.contentType ?? 'x-unknown';
  if (kept === 0) return wire === 0 ? null : { size: wire, mimeType, comment: 'Framescope did not keep this body (capture budget).' };
  const decoded = decodeBodySync(store.bodies.read(e.id, side, 0, Math.min(kept, 4 * HTTP_BODY_DECODE_CAP)), framing.chunked, framing.contentCodings, HTTP_BODY_DECODE_CAP);
  const out: HarBody = { size: decoded.bytes.length, mimeType };
  try {
    out.text = utf8.decode(decoded.bytes);
  } catch {
    out.text = Buffer.from(decoded.bytes.buffer, decoded.bytes.byteOffset, decoded.bytes.length).toString('base64');
    out.encoding = 'base64';
  }
  const notes: string[] = [];
  if (kept < wire) notes.push(`Framescope kept ${kept} of ${wire} wire bytes.`);
  const n = decoded.note;
  if (n?.code === 'capped') notes.push(`Decoded output cut at ${n.kept} bytes.`);
  if (n?.code === 'failed') notes.push(`Decoding ${n.coding} failed: ${n.message}`);
  if (n?.code === 'unsupported') notes.push(`Content coding ${n.coding} is not decoded.`);
  if (notes.length > 0) out.comment = notes.join(' ');
  return out;
}
