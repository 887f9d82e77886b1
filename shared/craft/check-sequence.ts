// Judges crafted bytes with the same decoder the capture uses: the whole sequence is fed through
// one FrameParser (frame rules, RFC 6455 §5) and one MessageAssembler (fragmentation §5.4 and
// UTF-8 §8.1), as the receiving peer would see it.
import { FrameParser } from '../protocol/frame-parser';
import { MessageAssembler } from '../protocol/message-assembler';
import type { Peer, Violation } from '../protocol/types';

export interface FrameCheck {
  /** Violations of this frame; `offset` is relative to the frame's first byte. */
  violations: Violation[];
  /** A fatal violation earlier (or in this frame's header) stopped decoding: a peer cannot read it. */
  undecodable: boolean;
}

export interface SequenceCheck {
  frames: FrameCheck[];
  /** The last data message is left open (FIN clear): the peer keeps waiting for its continuation. */
  unfinishedMessage: boolean;
}

export interface CheckOptions {
  from: Peer;
  /** RSV1 is allowed when the connection negotiated permessage-deflate (RFC 7692 §6). */
  rsv1Allowed: boolean;
}

export function checkSequence(frames: readonly Uint8Array[], options: CheckOptions): SequenceCheck {
  const parser = new FrameParser({ from: options.from, rsv1Allowed: options.rsv1Allowed });
  const assembler = new MessageAssembler();
  const starts: number[] = [];
  let at = 0;
  for (const f of frames) {
    starts.push(at);
    at += f.length;
  }
  const out: FrameCheck[] = frames.map(() => ({ violations: [], undecodable: false }));
  const indexOf = (offset: number): number => {
    let i = starts.length - 1;
    while (i > 0 && (starts[i] as number) > offset) i--;
    return i;
  };
  const record = (list: Violation[], frameOffset: number): void => {
    const i = indexOf(frameOffset);
    const check = out[i] as FrameCheck;
    for (const v of list) check.violations.push({ ...v, offset: Math.max(0, v.offset - (starts[i] as number)) });
  };

  for (const bytes of frames) {
    for (const event of parser.push(bytes)) {
      if (event.type === 'frame') {
        const own = event.frame.violations;
        const message = event.frame.complete ? assembler.push(event.frame).violations : [];
        record([...own, ...message], event.frame.offset);
        if (own.some((v) => v.fatal)) (out[indexOf(event.frame.offset)] as FrameCheck).undecodable = true;
      } else if (event.type === 'undecodable') {
        for (let i = indexOf(event.offset); i < out.length && (starts[i] as number) < event.offset + event.length; i++) {
          (out[i] as FrameCheck).undecodable = true;
        }
      }
    }
  }
  return { frames: out, unfinishedMessage: assembler.inMessage };
}

/**
 * Checks that `bytes` are whole frames back to back, reading only their headers (§5.2), so an
 * injection never leaves a direction in the middle of a frame. Returns the frame count.
 */
export function countWholeFrames(
  bytes: Uint8Array,
): { frames: number } | { error: string; code: 'endsInHeader' | 'shortPayload'; params: Record<string, number> } {
  let pos = 0;
  let frames = 0;
  while (pos < bytes.length) {
    if (pos + 2 > bytes.length) return { error: `The bytes end inside the header of frame ${frames + 1}.`, code: 'endsInHeader', params: { frame: frames + 1 } };
    const b1 = bytes[pos + 1] as number;
    const len7 = b1 & 0x7f;
    const extra = len7 === 126 ? 2 : len7 === 127 ? 8 : 0;
    const headerLength = 2 + extra + (b1 & 0x80 ? 4 : 0);
    if (pos + headerLength > bytes.length) return { error: `The bytes end inside the header of frame ${frames + 1}.`, code: 'endsInHeader', params: { frame: frames + 1 } };
    let length = len7;
    if (len7 === 126) length = ((bytes[pos + 2] as number) << 8) | (bytes[pos + 3] as number);
    else if (len7 === 127) {
      let hi = 0;
      let lo = 0;
      for (let i = 0; i < 4; i++) hi = hi * 256 + (bytes[pos + 2 + i] as number);
      for (let i = 0; i < 4; i++) lo = lo * 256 + (bytes[pos + 6 + i] as number);
      length = hi * 0x100000000 + lo;
    }
    const end = pos + headerLength + length;
    if (!Number.isSafeInteger(end) || end > bytes.length) {
      const follow = bytes.length - pos - headerLength;
      return { error: `Frame ${frames + 1} declares ${length} payload bytes but only ${follow} follow.`, code: 'shortPayload', params: { frame: frames + 1, declared: length, follow } };
    }
    pos = end;
    frames++;
  }
  return { frames };
}
