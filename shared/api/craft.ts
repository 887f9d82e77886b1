import type { Peer } from '../model';

export interface InjectOptions {
  connectionId: number;
  /** Who the bytes pretend to come from: 'client' sends them to the server, 'server' to the client. */
  from: Peer;
  /** Whole frames, exactly as they should appear on the wire. */
  bytes: Uint8Array;
}

export interface Snippet {
  id: string;
  name: string;
  /** The crafter's serialized state (frame fields and payload text), owned by the renderer. */
  spec: string;
  savedAt: number;
}

export interface CraftApi {
  /** Queued until the direction is at a frame boundary; the capture marks the frames injected. */
  injectFrames(options: InjectOptions): Promise<{ firstFrameId: number | null }>;
  /** Compress a message with the connection's negotiated permessage-deflate parameters. */
  deflateMessage(options: { connectionId: number | null; from: Peer; payload: Uint8Array }): Promise<Uint8Array>;
  listSnippets(): Promise<Snippet[]>;
  saveSnippet(snippet: Omit<Snippet, 'savedAt'>): Promise<Snippet>;
  deleteSnippet(id: string): Promise<void>;
}

export const CRAFT_METHODS = [
  'injectFrames',
  'deflateMessage',
  'listSnippets',
  'saveSnippet',
  'deleteSnippet',
] as const satisfies readonly (keyof CraftApi)[];
