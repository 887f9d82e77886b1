// How the peer reacted: the frames the other side sent after our first injected frame, found in
// the capture itself (the same rows the Inspector shows), never guessed. Read through the query
// layer with the Inspector's keys (position, pages of rows, a close frame's detail) at the
// connection's read version, so a page the table already read is not asked for again.
import type { QueryClient } from '@tanstack/react-query';
import type { FramescopeClient } from '../../../../shared/api';
import type { Peer } from '../../../../shared/model';
import { OPCODE_CLOSE } from '../../../../shared/protocol/opcodes';
import { framePageQuery, PAGE_SIZE, type FramePageRead } from '../../api/queries/frame-pages';
import { queryKeys, type ReadVersion } from '../../api/queries/query-keys';
import type { AnswerFrame } from '../../store/crafter-slice';
import { filterKey } from '../../store/inspector-slice';

export interface AnswerQuery {
  connectionId: number;
  answeringPeer: Peer;
  afterFrameId: number;
  limit: number;
  /** The connection's read version now (store/read-version.ts). */
  version: ReadVersion;
}

export async function findAnswers(queryClient: QueryClient, client: FramescopeClient, query: AnswerQuery): Promise<AnswerFrame[]> {
  const filter = { connectionId: query.connectionId };
  const read: FramePageRead = { filter, filterKey: filterKey(filter), version: query.version };
  const position = await queryClient.fetchQuery({
    queryKey: queryKeys.locateFrame(filter, read.filterKey, query.afterFrameId, query.version),
    queryFn: () => client.locateFrame({ filter, frameId: query.afterFrameId }),
  });
  if (position < 0) return [];
  const out: AnswerFrame[] = [];
  // The connection's frames in capture order; our own later frames are skipped, not answers.
  for (let at = position + 1; ; ) {
    const page = await queryClient.fetchQuery(framePageQuery(client, read, Math.floor(at / PAGE_SIZE)));
    const rows = page.rows.slice(at % PAGE_SIZE);
    for (const row of rows) {
      if (row.from !== query.answeringPeer) continue;
      let closeCode: number | null = null;
      let closeReason: string | null = null;
      if (row.opcode === OPCODE_CLOSE) {
        const detail = await queryClient.fetchQuery({ queryKey: queryKeys.frame(row.id), queryFn: () => client.getFrame(row.id) });
        closeCode = detail.close?.code ?? null;
        closeReason = detail.close?.reason ?? null;
      }
      out.push({ frameId: row.id, opcode: row.opcode, preview: row.preview, closeCode, closeReason });
      if (out.length >= query.limit || row.opcode === OPCODE_CLOSE) return out;
    }
    at += rows.length;
    if (rows.length === 0 || at >= page.total) return out;
  }
}
