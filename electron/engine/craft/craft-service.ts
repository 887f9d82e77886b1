// The frame crafter's engine side: puts crafted bytes into a live connection (through the capture
// engine, which relays them at a frame boundary and records them as injected), compresses
// payloads with a connection's negotiated permessage-deflate, and keeps the user's snippets.
import { FramescopeError, type CraftApi, type InjectOptions, type Snippet } from '../../../shared/api';
import { countWholeFrames } from '../../../shared/craft/check-sequence';
import type { Peer } from '../../../shared/model';
import type { CaptureService } from '../capture/capture-service';
import { deflateMessage } from './deflate-message';
import { SnippetStore } from './snippet-store';

/** Bytes accepted in one injection or one message to compress. */
export const MAX_CRAFT_BYTES = 16 * 1024 * 1024;

function checkPeer(from: unknown): asserts from is Peer {
  if (from !== 'client' && from !== 'server') throw new FramescopeError('invalid', '"from" must be "client" or "server".');
}

function checkBytes(bytes: unknown, what: string, allowEmpty: boolean): asserts bytes is Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new FramescopeError('invalid', `${what} must be bytes.`);
  if (!allowEmpty && bytes.length === 0) throw new FramescopeError('invalid', `${what} are empty.`);
  if (bytes.length > MAX_CRAFT_BYTES) throw new FramescopeError('invalid', `${what} exceed ${MAX_CRAFT_BYTES / (1024 * 1024)} MiB.`);
}

export class CraftService implements CraftApi {
  private readonly snippets: SnippetStore;

  constructor(private readonly deps: { capture: CaptureService; dataDir: string }) {
    this.snippets = new SnippetStore(deps.dataDir);
  }

  async injectFrames(options: InjectOptions): Promise<{ firstFrameId: number | null }> {
    const { connectionId, from, bytes } = options ?? ({} as InjectOptions);
    if (!Number.isSafeInteger(connectionId) || connectionId < 0) throw new FramescopeError('invalid', 'Pick a connection to send into.');
    checkPeer(from);
    checkBytes(bytes, 'The frames', false);
    // Only whole frames: a partial one would leave the direction mid-frame and garble the
    // real traffic that follows (RFC 6455 §5.2 framing has no resynchronisation).
    const whole = countWholeFrames(bytes);
    if ('error' in whole) throw new FramescopeError('invalid', `${whole.error} Only whole frames can be injected.`);
    return this.deps.capture.inject({ connectionId, from, bytes });
  }

  async deflateMessage(options: { connectionId: number | null; from: Peer; payload: Uint8Array }): Promise<Uint8Array> {
    const { connectionId, from, payload } = options ?? ({} as typeof options);
    checkPeer(from);
    checkBytes(payload, 'The payload bytes', true);
    return deflateMessage(payload, { windowBits: await this.windowBits(connectionId, from) });
  }

  /**
   * The sender's LZ77 window (RFC 7692 §7.1.2) as the handshake negotiated it; 15 (the default)
   * without a connection or without permessage-deflate, where the preview shows RSV1 as a violation.
   */
  private async windowBits(connectionId: number | null, from: Peer): Promise<number> {
    if (connectionId === null || connectionId === undefined) return 15;
    if (!Number.isSafeInteger(connectionId)) throw new FramescopeError('invalid', 'connectionId must be an integer or null.');
    return this.deps.capture.deflateParams(connectionId, from)?.windowBits ?? 15;
  }

  listSnippets(): Promise<Snippet[]> {
    return this.snippets.list();
  }

  saveSnippet(snippet: Omit<Snippet, 'savedAt'>): Promise<Snippet> {
    return this.snippets.save(snippet);
  }

  async deleteSnippet(id: string): Promise<void> {
    if (typeof id !== 'string') throw new FramescopeError('invalid', 'A snippet id is text.');
    await this.snippets.delete(id);
  }
}
