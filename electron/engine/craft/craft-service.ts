// Placeholder until the frame crafter lands (issue 8).
import { FramescopeError, type CraftApi, type InjectOptions, type Snippet } from '../../../shared/api';
import type { Peer } from '../../../shared/model';
import type { CaptureService } from '../capture/capture-service';

export class CraftService implements CraftApi {
  constructor(private readonly deps: { capture: CaptureService; dataDir: string }) {}

  async injectFrames(_options: InjectOptions): Promise<{ firstFrameId: number | null }> {
    throw new FramescopeError('unsupported', 'Frame injection is not built yet.');
  }
  async deflateMessage(_options: { connectionId: number | null; from: Peer; payload: Uint8Array }): Promise<Uint8Array> {
    throw new FramescopeError('unsupported', 'Compression is not built yet.');
  }
  async listSnippets(): Promise<Snippet[]> {
    return [];
  }
  async saveSnippet(_snippet: Omit<Snippet, 'savedAt'>): Promise<Snippet> {
    throw new FramescopeError('unsupported', 'Snippets are not built yet.');
  }
  async deleteSnippet(_id: string): Promise<void> {}
}
