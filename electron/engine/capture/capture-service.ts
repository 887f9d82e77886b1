// Placeholder until the capture proxy lands (issue 5): an empty capture, so the shell works.
import {
  FramescopeError,
  type CaptureApi,
  type ClientCloseOptions,
  type ClientConnectOptions,
  type ClientSendOptions,
  type FrameQuery,
  type ProxyOptions,
  type ProxyStatus,
} from '../../../shared/api';
import type { CaptureStats, ConnectionDetail, ConnectionSummary, FrameDetail, FramePage, HttpExchange } from '../../../shared/model';
import type { EventBus } from '../event-bus';

export class CaptureService implements CaptureApi {
  private paused = false;
  constructor(private readonly deps: { bus: EventBus; dataDir: string }) {}

  async startProxy(_options: ProxyOptions): Promise<ProxyStatus> {
    throw new FramescopeError('unsupported', 'The capture proxy is not built yet.');
  }
  async stopProxy(_id: number): Promise<void> {}
  async listProxies(): Promise<ProxyStatus[]> {
    return [];
  }
  async getStats(): Promise<CaptureStats> {
    return { connections: 0, frames: 0, httpExchanges: 0, memoryBytes: 0, spilledBytes: 0, paused: this.paused };
  }
  async listConnections(): Promise<ConnectionSummary[]> {
    return [];
  }
  async getConnection(id: number): Promise<ConnectionDetail> {
    throw new FramescopeError('not-found', `No connection ${id}.`);
  }
  async queryFrames(query: FrameQuery): Promise<FramePage> {
    return { total: 0, start: query.start, rows: [] };
  }
  async getFrame(id: number): Promise<FrameDetail> {
    throw new FramescopeError('not-found', `No frame ${id}.`);
  }
  async locateFrame(_query: { frameId: number }): Promise<number> {
    return -1;
  }
  async listHttpExchanges(_query: { connectionId?: number | null }): Promise<HttpExchange[]> {
    return [];
  }
  async clearCapture(): Promise<void> {
    this.deps.bus.emit({ type: 'capture-cleared' });
  }
  async setCapturePaused(paused: boolean): Promise<void> {
    this.paused = paused;
  }
  async clientConnect(_options: ClientConnectOptions): Promise<{ connectionId: number }> {
    throw new FramescopeError('unsupported', 'The built-in client is not built yet.');
  }
  async clientSend(_options: ClientSendOptions): Promise<void> {
    throw new FramescopeError('unsupported', 'The built-in client is not built yet.');
  }
  async clientClose(_options: ClientCloseOptions): Promise<void> {
    throw new FramescopeError('unsupported', 'The built-in client is not built yet.');
  }
  async close(): Promise<void> {}
}
