// HTTP bodies in the capture (issue 14): read one page of a request's or a response's body, as the
// wire carried it (chunk framing and content codings included) or decoded (chunks joined, gzip, br
// and deflate undone by the engine), like readPayload pages a frame's payload.
import type { HttpBodySide } from '../model';

/** readHttpBody returns at most this many bytes per call. */
export const HTTP_BODY_PAGE_BYTES = 1024 * 1024;
/** The engine decodes at most this many bytes of one body (a decompression bomb stops here). */
export const HTTP_BODY_DECODE_CAP = 16 * 1024 * 1024;

export interface HttpBodyQuery {
  exchangeId: number;
  side: HttpBodySide;
  offset: number;
  /** Capped by the engine (a page). */
  length: number;
  /** false: the wire bytes; true: chunks joined and content codings undone. */
  decoded: boolean;
}

/** Why a decoded view is not the whole body, as a stable code plus parameters (the renderer words it). */
export type HttpBodyDecodeNote =
  /** The decoded body grew past HTTP_BODY_DECODE_CAP: the first `kept` bytes are shown. */
  | { code: 'capped'; kept: number }
  /** A coding could not be undone; the message is the decoder's (English, for the CLI). */
  | { code: 'failed'; coding: string; message: string }
  /** A content coding the engine does not decode (compress, zstd, …): the bytes are shown as they came. */
  | { code: 'unsupported'; coding: string }
  /** The chunked framing ends early (the body is cut or still arriving): decoded as far as it goes. */
  | { code: 'incomplete' };

export interface HttpBodyChunk {
  side: HttpBodySide;
  /** Body bytes on the wire (chunk framing included), whether kept or not. */
  wireBytes: number;
  /** Wire bytes the capture kept, from the start (< wireBytes only when the capture budget ran out). */
  keptBytes: number;
  /** RFC 9112 §6.1: true when the body is sent in chunks. */
  chunked: boolean;
  /** RFC 9110 §8.4: Content-Encoding, in the order applied (lower-case), e.g. ['gzip']. */
  contentCodings: string[];
  /** The Content-Type field value, or null. */
  contentType: string | null;
  decoded: boolean;
  /** Size of what is addressed: keptBytes for the wire view, the decoded length for the decoded view. */
  total: number;
  offset: number;
  bytes: Uint8Array;
  /** Decoded view only: why it is not the whole body, or null. */
  note: HttpBodyDecodeNote | null;
}

export interface BodiesApi {
  /** One page of an exchange's request or response body (wire or decoded). */
  getHttpBody(query: HttpBodyQuery): Promise<HttpBodyChunk>;
}

export const BODIES_METHODS = ['getHttpBody'] as const satisfies readonly (keyof BodiesApi)[];
