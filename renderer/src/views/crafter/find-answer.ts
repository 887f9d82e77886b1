// How the peer reacted: the frames the other side sent after our first injected frame, found in
// the capture itself (the same rows the Inspector shows), never guessed.
import type { FramescopeClient } from '../../../../shared/api';
import type { Peer } from '../../../../shared/model';
import { OPCODE_CLOSE } from '../../../../shared/protocol/opcodes';
import type { AnswerFrame } from '../../store/crafter-slice';

const PAGE = 200;

export async function findAnswers(
  client: FramescopeClient,
  query: { connectionId: number; answeringPeer: Peer; afterFrameId: number; limit: number },
): Promise<AnswerFrame[]> {
  const filter = { connectionId: query.connectionId };
  const position = await client.locateFrame({ filter, frameId: query.afterFrameId });
  if (position < 0) return [];
  const out: AnswerFrame[] = [];
  let start = position + 1;
  // The connection's frames in capture order; our own later frames are skipped, not answers.
  for (;;) {
    const page = await client.queryFrames({ filter, start, count: PAGE });
    for (const row of page.rows) {
      if (row.from !== query.answeringPeer) continue;
      let closeCode: number | null = null;
      let closeReason: string | null = null;
      if (row.opcode === OPCODE_CLOSE) {
        const detail = await client.getFrame(row.id);
        closeCode = detail.close?.code ?? null;
        closeReason = detail.close?.reason ?? null;
      }
      out.push({ frameId: row.id, opcode: row.opcode, preview: row.preview, closeCode, closeReason });
      if (out.length >= query.limit || row.opcode === OPCODE_CLOSE) return out;
    }
    start += page.rows.length;
    if (page.rows.length === 0 || start >= page.total) return out;
  }
}
