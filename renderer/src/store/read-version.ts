// The version a read is keyed by. For one connection it is a stamp of that connection's counters
// (frames, bytes — a frame still arriving grows them —, violations, state): a closed
// connection's pages stay cached while others keep capturing. For the whole capture it is
// the capture version, which every change of the feed bumps. Connection ids never repeat (not
// even after Clear), so a connection's count names one state of it for the life of the engine.
import type { ConnectionSummary } from '../../../shared/model';
import type { ReadVersion } from '../api/queries/query-keys';
import type { StoreState } from './index';

export function connectionFrames(c: ConnectionSummary): number {
  return c.counters.client.frames + c.counters.server.frames;
}

export function readVersion(s: Pick<StoreState, 'connections' | 'captureVersion'>, connectionId: number | null): ReadVersion {
  const c = connectionId === null ? undefined : s.connections.get(connectionId);
  return c ? `c${connectionFrames(c)}:${c.counters.client.bytes + c.counters.server.bytes}:${c.violations}:${c.state}` : `v${s.captureVersion}`;
}
