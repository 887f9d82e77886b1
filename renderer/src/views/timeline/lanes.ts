// Where the three lanes of the sequence diagram sit, and which way an arrow runs between them.
import type { Peer } from '../../../../shared/model';
import type { TimelineArrow } from './arrow-model';

export interface Lanes {
  width: number;
  height: number;
  /** Right edge of the time gutter (tick labels). */
  gutter: number;
  client: number;
  proxy: number;
  server: number;
}

export const GUTTER_PX = 88;
/** Room outside the outer lanes: ping round-trip brackets, and half a lane head's width. */
const OUTER_PX = 96;

export function laneLayout(width: number, height: number): Lanes {
  const client = GUTTER_PX + OUTER_PX;
  const server = Math.max(client + 240, width - OUTER_PX);
  return { width, height, gutter: GUTTER_PX, client, server, proxy: (client + server) / 2 };
}

export function laneOf(lanes: Lanes, peer: Peer): number {
  return peer === 'client' ? lanes.client : lanes.server;
}

/**
 * x where an arrow starts and ends. Frames leave their sender's lane, pass the proxy (which saw
 * them at `time`) and reach the other peer; injected frames start at the proxy, which wrote them.
 */
export function arrowSpan(lanes: Lanes, a: TimelineArrow): { x1: number; x2: number } {
  const to = a.from === 'client' ? lanes.server : lanes.client;
  return { x1: a.injected ? lanes.proxy : laneOf(lanes, a.from), x2: to };
}

/** The half of the arrow its label goes in: the one it starts from. */
export function labelBox(lanes: Lanes, a: TimelineArrow): { x: number; width: number } {
  const { x1 } = arrowSpan(lanes, a);
  const other = x1 === lanes.proxy ? (a.from === 'client' ? lanes.server : lanes.client) : lanes.proxy;
  return { x: (x1 + other) / 2, width: Math.abs(other - x1) - 24 };
}
