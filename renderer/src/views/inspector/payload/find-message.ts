// The capture attaches a reassembled message to its last frame (RFC 6455 §5.4). To show the
// whole message from any of its fragments, look ahead in the same connection and direction for
// the frame that completed it.
import type { FramescopeApi } from '../../../../../shared/api';
import type { FrameDetail, MessageInfo } from '../../../../../shared/model';
import { isControlOpcode } from '../../../../../shared/protocol/opcodes';

const LOOKAHEAD_PAGES = 8;
const PAGE = 256;

export type MessageLookup = { message: MessageInfo; lastFrameId: number } | { message: null; reason: string };

export async function findMessage(api: Pick<FramescopeApi, 'locateFrame' | 'queryFrames' | 'getFrame'>, detail: FrameDetail): Promise<MessageLookup> {
  if (detail.message) return { message: detail.message, lastFrameId: detail.summary.id };
  const s = detail.summary;
  const filter = { connectionId: s.connectionId, from: s.from };
  const position = await api.locateFrame({ filter, frameId: s.id });
  if (position < 0) return { message: null, reason: 'The frame is no longer in the capture.' };
  for (let page = 0; page < LOOKAHEAD_PAGES; page++) {
    const result = await api.queryFrames({ filter, start: position + 1 + page * PAGE, count: PAGE });
    for (const row of result.rows) {
      if (row.messageId === s.messageId && row.fin && !isControlOpcode(row.opcode)) {
        const last = await api.getFrame(row.id);
        if (last.message) return { message: last.message, lastFrameId: row.id };
      }
    }
    if (result.rows.length < PAGE) return { message: null, reason: 'The message is not finished yet: its last fragment (FIN = 1) has not arrived.' };
  }
  return { message: null, reason: `The last fragment of this message is more than ${LOOKAHEAD_PAGES * PAGE} frames away.` };
}
