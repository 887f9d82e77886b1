// Reads the world a lesson's check judges, through the contract and the query cache: the tail of
// the frame table (pages read straight from the contract: the shared page cache drops a version's
// pages, cancelling their reads, as soon as the feed moves on), the exchanges and connections the
// change feed keeps in the store, and the handshakes of connections opened since the step began.
import type { QueryClient } from '@tanstack/react-query';
import type { FramescopeClient } from '../../../../shared/api';
import type { HandshakeDetail, FrameSummary } from '../../../../shared/model';
import type { LessonBaseline, LessonHandshake, LessonWorld } from '../../../../shared/lessons/world';
import { queryKeys } from '../../api/queries/query-keys';
import type { StoreState } from '../../store';

/** A lesson's traffic is small: the newest rows of the capture are enough, and the read stays bounded. */
/** Rows a lesson reads at a time, from the end back to its baseline (its own reads, not the table's pages). */
const PAGE_SIZE = 256;
export const WORLD_ROWS = 8 * PAGE_SIZE;
/** Handshakes read per check at most (connections opened since the step began). */
const MAX_HANDSHAKES = 24;

type CaptureState = Pick<StoreState, 'connections' | 'exchanges'>;

function statusOf(detail: HandshakeDetail): number | null {
  const m = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(detail.response?.startLine ?? '');
  return m ? Number(m[1]) : null;
}

export function lessonHandshake(detail: HandshakeDetail): LessonHandshake {
  return {
    requestHeaders: (detail.request?.headers ?? []).map((h) => [h.name, h.value]),
    status: statusOf(detail),
    acceptOk: detail.accept ? detail.accept.ok : null,
    offeredSubprotocols: detail.offeredSubprotocols,
  };
}

async function tailFrames(client: FramescopeClient, since: LessonBaseline): Promise<FrameSummary[]> {
  const page = (p: number) => client.queryFrames({ filter: {}, start: p * PAGE_SIZE, count: PAGE_SIZE });
  const first = await page(0);
  const lastPage = Math.max(0, Math.ceil(first.total / PAGE_SIZE) - 1);
  const firstPage = Math.max(0, Math.floor(Math.max(0, first.total - WORLD_ROWS) / PAGE_SIZE));
  const pages = [];
  for (let p = lastPage; p >= firstPage; p--) {
    const rows = p === 0 ? first.rows : (await page(p)).rows;
    pages.unshift(rows);
    // Rows are in id order: once a page starts before the baseline, older pages hold nothing new.
    if ((rows[0]?.id ?? Infinity) < since.frameId) break;
  }
  return pages.flat().filter((f) => f.id >= since.frameId);
}

export async function readLessonWorld(queryClient: QueryClient, client: FramescopeClient, state: CaptureState, since: LessonBaseline): Promise<LessonWorld> {
  const connections = [...state.connections.values()];
  const frames = await tailFrames(client, since);
  const fresh = connections.filter((c) => c.id > since.connectionId && (c.kind === 'websocket' || c.state === 'failed') && c.state !== 'connecting').slice(-MAX_HANDSHAKES);
  const handshakes: Record<number, LessonHandshake> = {};
  await Promise.all(
    fresh.map(async (c) => {
      const stamp = `${c.state}:${c.closedAt ?? ''}:${c.violations}`;
      const detail = await queryClient.fetchQuery({ queryKey: queryKeys.connection(c.id, stamp), queryFn: () => client.getConnection(c.id) });
      handshakes[c.id] = lessonHandshake(detail.handshake);
    }),
  );
  const exchanges = [...state.exchanges.values()].filter((e) => e.id > since.exchangeId);
  return { since, connections, frames, exchanges, handshakes };
}
