// Finds where an HTTP/1.1 message body ends (RFC 9112 §6.3) without changing a byte: a fixed
// Content-Length, chunked transfer coding (§7.1, trailers included), or "until the connection
// closes". Decoded body data is handed to `onData` (server-sent events, captured bodies). Framing
// it cannot read stops it for good (`error`): the relay then closes instead of guessing (§6.3).

export type BodyMode = { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'close' };

const SIZE = 0;
const SIZE_LF = 1;
const DATA = 2;
const DATA_CR = 3;
const DATA_LF = 4;
const TRAILER = 5;
const DONE = 6;
const FAILED = 7;
/** 16^13 > 2^52: a longer chunk size cannot be a real length and is rejected (§7.1, RFC 9110 §17.5). */
const MAX_SIZE_DIGITS = 13;
const MAX_LINE = 8192;

export class BodyReader {
  /** Body bytes on the wire so far (chunk framing included). */
  wireBytes = 0;
  /** Body data bytes so far (chunk framing excluded). */
  dataBytes = 0;
  error: string | null = null;
  private state: number;
  private remaining = 0;
  private size = 0;
  private sizeDigits = 0;
  private inExtension = false;
  /** Whitespace seen after the size: only BWS before ';' may follow (§7.1.1). */
  private afterSize = false;
  private lineLength = 0;

  constructor(
    readonly mode: BodyMode,
    private readonly onData?: (data: Uint8Array) => void,
  ) {
    this.state = mode.kind === 'none' || (mode.kind === 'length' && mode.length === 0) ? DONE : mode.kind === 'chunked' ? SIZE : DATA;
    if (mode.kind === 'length') this.remaining = mode.length;
    if (mode.kind === 'close') this.remaining = Number.POSITIVE_INFINITY;
  }

  get done(): boolean {
    return this.state === DONE;
  }

  get failed(): boolean {
    return this.state === FAILED;
  }

  /** Consumes the body's bytes from `chunk`; returns how many belonged to the body. */
  push(chunk: Uint8Array): number {
    let pos = 0;
    const n = chunk.length;
    while (pos < n && this.state !== DONE && this.state !== FAILED) {
      if (this.state === DATA) {
        const take = Math.min(this.remaining, n - pos);
        if (take > 0) this.onData?.(chunk.subarray(pos, pos + take));
        this.dataBytes += take;
        this.remaining -= take;
        pos += take;
        if (this.remaining === 0) this.state = this.mode.kind === 'chunked' ? DATA_CR : DONE;
        continue;
      }
      const b = chunk[pos++] as number;
      if (this.state === SIZE) this.sizeByte(b);
      else if (this.state === SIZE_LF) this.afterSizeLine(b);
      else if (this.state === DATA_CR) this.state = b === 0x0d ? DATA_LF : b === 0x0a ? SIZE : this.fail('chunk data is not followed by CRLF');
      else if (this.state === DATA_LF) this.state = b === 0x0a ? SIZE : this.fail('chunk data is not followed by CRLF');
      else if (this.state === TRAILER) this.trailerByte(b);
      if (this.state === FAILED) pos--; // the offending byte is not part of a readable body
    }
    this.wireBytes += pos;
    return pos;
  }

  private sizeByte(b: number): void {
    if (b === 0x0d) {
      this.state = SIZE_LF;
      return;
    }
    if (b === 0x0a) {
      this.afterSizeLine(b);
      return;
    }
    if (++this.lineLength > MAX_LINE) {
      this.state = this.fail('chunk size line too long');
      return;
    }
    if (this.inExtension) return;
    const d = hexDigit(b);
    if (d >= 0 && !this.afterSize) {
      if (++this.sizeDigits > MAX_SIZE_DIGITS) this.state = this.fail('the chunk size is too long (RFC 9112 §7.1)');
      else this.size = this.size * 16 + d;
    } else if (b === 0x3b && this.sizeDigits > 0) {
      this.inExtension = true; // chunk-ext (§7.1.1): ignored
    } else if ((b === 0x20 || b === 0x09) && this.sizeDigits > 0) {
      this.afterSize = true; // BWS before a chunk-ext
    } else {
      this.state = this.fail('invalid chunk size (RFC 9112 §7.1)');
    }
  }

  private afterSizeLine(b: number): void {
    if (b !== 0x0a) {
      this.state = this.fail('chunk size line does not end in CRLF');
      return;
    }
    if (this.sizeDigits === 0) {
      this.state = this.fail('missing chunk size');
      return;
    }
    const size = this.size;
    this.size = 0;
    this.sizeDigits = 0;
    this.inExtension = false;
    this.afterSize = false;
    this.lineLength = 0;
    if (size === 0) this.state = TRAILER;
    else {
      this.remaining = size;
      this.state = DATA;
    }
  }

  private trailerByte(b: number): void {
    // Trailer fields end with an empty line (§4.1.2).
    if (b === 0x0a) {
      if (this.lineLength === 0) this.state = DONE;
      this.lineLength = 0;
    } else if (b !== 0x0d) {
      this.lineLength++;
      if (this.lineLength > MAX_LINE) this.state = this.fail('trailer line too long');
    }
  }

  private fail(message: string): number {
    this.error = message;
    return FAILED;
  }
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}
