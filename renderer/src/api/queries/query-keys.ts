// Every remote read of the renderer has one key here: [method, scope…, version]. The version is
// the capture version, or for one connection its frame count (see read-version.ts), so an answer
// is cached for exactly the state it was read at and a new state is simply a new key.
import type { FrameFilter } from '../../../../shared/model';

export type ReadVersion = string;

export const queryKeys = {
  framePage: (filter: FrameFilter, filterKey: string, page: number, version: ReadVersion) => ['queryFrames', filter.connectionId ?? null, filterKey, page, version] as const,
  locateFrame: (filter: FrameFilter, filterKey: string, frameId: number, version: ReadVersion) => ['locateFrame', filter.connectionId ?? null, filterKey, frameId, version] as const,
  /** A frame never changes once captured (RFC 6455 frames are immutable on the wire). */
  frame: (frameId: number) => ['getFrame', frameId] as const,
  /** One page of a frame's payload or of its message, as kept (kept bytes never change). */
  payloadPage: (frameId: number, part: string, page: number) => ['readPayload', frameId, part, page] as const,
  /** The message a frame belongs to grows as its fragments arrive. */
  message: (connectionId: number, frameId: number, version: ReadVersion) => ['findMessage', connectionId, frameId, version] as const,
  /** The handshake is settled once the connection leaves 'connecting'; later changes are its close. */
  connection: (connectionId: number, stamp: string) => ['getConnection', connectionId, stamp] as const,
  /** Kept current by the feed (the engine pushes every exchange that changes), never refetched. */
  exchanges: (connectionId: number) => ['listHttpExchanges', connectionId] as const,
  /** A frame's whole payload or message, gathered for the clipboard (kept bytes never change). */
  wholePayload: (frameId: number, part: string) => ['readWhole', frameId, part] as const,
  /**
   * The crafter's answer watch: the other side's frames after ours, at one read version of the
   * connection. One query over several contract reads (like the timeline's): a page key of the
   * frame table would be dropped, and its read cancelled, as soon as the feed moves on.
   */
  answers: (connectionId: number, afterFrameId: number, version: ReadVersion) => ['findAnswers', connectionId, afterFrameId, version] as const,
  /** The saved snippets: only our own save and delete change them, and they invalidate this key. */
  snippets: () => ['listSnippets'] as const,
  /**
   * A payload compressed for a connection and direction (by its base64). The answer depends only on
   * the permessage-deflate parameters the handshake settled (RFC 7692 §7), which never change for
   * an open connection, and ids never repeat: no version needed.
   */
  deflated: (connectionId: number | null, from: string, payload: string) => ['deflateMessage', connectionId, from, payload] as const,
};

/** Methods whose keys are [method, connectionId | null, …, ReadVersion]: the feed drops their old versions. */
export const VERSIONED_METHODS: ReadonlySet<string> = new Set(['queryFrames', 'locateFrame', 'findMessage', 'timeline']);
