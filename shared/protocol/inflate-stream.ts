/**
 * The permessage-deflate decompressor the decoder is given (RFC 7692 §7.2.2). shared/ stays pure,
 * so the engine supplies it (node:zlib's streaming raw inflate); tests may supply their own.
 *
 * One StreamInflater serves one direction of one connection for its whole life: with context
 * takeover the sender's LZ77 window spans messages, so the receiver's window must see every
 * compressed byte of every message, whatever Framescope keeps for display.
 */

/** How one message's inflation ended. */
export interface InflateEnd {
  /** Why the message could not be (wholly) inflated, or null. */
  error: string | null;
  /** The error is this message's own: its bytes are not valid DEFLATE data (a protocol violation). */
  corrupt: boolean;
  /** Compressed bytes of this message that followed a DEFLATE block marked final (BFINAL). */
  trailingBytes: number;
}

/** Receives one message's output. */
export interface InflateSink {
  /** Inflated bytes, in order; the array is the sink's to keep. */
  data(bytes: Uint8Array): void;
  /** Called exactly once, after the message's last data(). May come later than end() (async). */
  end(result: InflateEnd): void;
}

export interface StreamInflater {
  /** A compressed message starts; its output goes to `sink`. Messages are inflated in order. */
  begin(sink: InflateSink): void;
  /** Compressed payload of the current message, frame by frame (unmasked; never modified afterwards). */
  write(bytes: Uint8Array): void;
  /** The message's last frame was written: the inflater appends 00 00 ff ff (§7.2.2) and flushes. */
  end(): void;
  /**
   * The current message will never end (the stream was cut, or another message interrupted it).
   * Its sink still gets end(); with context takeover later messages cannot be trusted.
   */
  abandon(reason: string): void;
}
