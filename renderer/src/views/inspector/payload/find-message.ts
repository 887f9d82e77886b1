// The capture attaches a reassembled message to its last frame (RFC 6455 §5.4). To show the
// whole message from any of its fragments, look ahead in the same connection and direction for
// the frame that completed it.
import type { FramescopeApi } from '../../../../../shared/api';
import type { FrameDetail, MessageInfo } from '../../../../../shared/model';
import { isControlOpcode } from '../../../../../shared/protocol/opcodes';

const LOOKAHEAD_PAGES = 8;
const PAGE = 256;

/** Why the whole message cannot be shown (the Payload tab words it in the UI language). */
export type MessageMissing = 'gone' | 'unfinished' | 'tooFar';

export type MessageLookup = { message: MessageInfo; lastFrameId: number } | { message: null; reason: MessageMissing };

/** How far ahead the last fragment is looked for, in frames. */
export const LOOKAHEAD_FRAMES = LOOKAHEAD_PAGES * PAGE;

export async function findMessage(api: Pick<FramescopeApi, 'locateFrame' | 'queryFrames' | 'getFrame'>, detail: FrameDetail): Promise<MessageLookup> {
  if (detail.message) return { message: detail.message, lastFrameId: detail.summary.id };
  const s = detail.summary;
  const filter = { connectionId: s.connectionId, from: s.from };
  const position = await api.locateFrame({ filter, frameId: s.id });
  if (position < 0) return { message: null, reason: 'gone' };
  for (let page = 0; page < LOOKAHEAD_PAGES; page++) {
    const result = await api.queryFrames({ filter, start: position + 1 + page * PAGE, count: PAGE });
    for (const row of result.rows) {
      if (row.messageId === s.messageId && row.fin && !isControlOpcode(row.opcode)) {
        const last = await api.getFrame(row.id);
        if (last.message) return { message: last.message, lastFrameId: row.id };
      }
    }
    if (result.rows.length < PAGE) return { message: null, reason: 'unfinished' };
  }
  return { message: null, reason: 'tooFar' };
}
