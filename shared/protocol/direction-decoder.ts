import { FrameParser, type FrameParserOptions, type ParserEvent } from './frame-parser.js';
import type { StreamInflater } from './inflate-stream.js';
import { MessageAssembler, type AssemblerResult, type MessageAssemblerOptions } from './message-assembler.js';
import type { DecodedFrame, FrameHeader, Violation } from './types.js';

export interface DirectionDecoderOptions extends FrameParserOptions, Pick<MessageAssemblerOptions, 'nextMessageId' | 'decodeText' | 'utf8Check'> {
  /** Bytes kept per message (and per frame); default the parser's 1 MiB. */
  payloadBudget?: number;
  /** This direction's permessage-deflate inflater, when it was negotiated. */
  inflater?: StreamInflater;
}

export interface DecoderHandler {
  header?(header: FrameHeader): void;
  frame(frame: DecodedFrame, result: AssemblerResult): void;
  undecodable?(offset: number, length: number, violations: Violation[] | undefined): void;
}

/**
 * One direction of a WebSocket stream, decoded whole: the frame parser (RFC 6455 §5.2) feeds the
 * message assembler (§5.4, §8.1, RFC 7692) every payload byte, including those beyond what is
 * kept, so verdicts and inflation never depend on the display budget. The capture, the CLI and
 * the tests all decode through this one pipeline.
 */
export class DirectionDecoder {
  readonly parser: FrameParser;
  readonly assembler: MessageAssembler;

  constructor(
    options: DirectionDecoderOptions,
    private readonly handler: DecoderHandler,
  ) {
    this.parser = new FrameParser({ ...options, streamOverflow: true, headerEvents: handler.header !== undefined });
    this.assembler = new MessageAssembler({
      ...(options.payloadBudget !== undefined ? { payloadBudget: options.payloadBudget } : {}),
      ...(options.inflater !== undefined ? { inflater: options.inflater } : {}),
      ...(options.nextMessageId !== undefined ? { nextMessageId: options.nextMessageId } : {}),
      ...(options.decodeText !== undefined ? { decodeText: options.decodeText } : {}),
      ...(options.utf8Check !== undefined ? { utf8Check: options.utf8Check } : {}),
    });
  }

  push(chunk: Uint8Array): void {
    this.dispatch(this.parser.push(chunk));
  }

  /** The stream closed: a frame cut short is reported incomplete, an open message is given up. */
  end(): void {
    this.dispatch(this.parser.end());
    this.assembler.end();
  }

  private dispatch(events: ParserEvent[]): void {
    const h = this.handler;
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as ParserEvent;
      if (e.type === 'frame') h.frame(e.frame, this.assembler.push(e.frame));
      else if (e.type === 'payload') this.assembler.overflow(e.frame, e.bytes);
      else if (e.type === 'header') h.header?.(e.header);
      else h.undecodable?.(e.offset, e.length, e.violations);
    }
  }
}
