// Demo servers behind the capture proxy, one of each kind at most: the app's "one click" and
// `framescope demo`. The proxy is an ordinary (user-visible) one, so what passes through it is the
// user's capture, ready for the Inspector, Timeline and Crafter.
import { FramescopeError, type CaptureApi, type DemoServerInfo, type DemoServerKind, type DemoServerStartOptions } from '../../../../shared/api';
import { checkDemoKind } from '../../../../shared/api';
import { STRICT_SUBPROTOCOL, startDemoKind, type RunningDemo } from './demo-kinds';

export type DemoCapture = Pick<CaptureApi, 'startProxy' | 'stopProxy' | 'clientConnect' | 'clientSend'>;

const HELLO = new TextEncoder().encode('{"hello":"from Framescope\'s demo client"}');

interface Entry {
  info: DemoServerInfo;
  server: RunningDemo;
  clientConnected: boolean;
}

export class DemoServers {
  private readonly running = new Map<DemoServerKind, Promise<Entry>>();

  constructor(private readonly capture: DemoCapture) {}

  async start(options: DemoServerStartOptions, listenPort = 0): Promise<DemoServerInfo> {
    if (!checkDemoKind(options.kind)) throw new FramescopeError('invalid', 'kind must be echo, chat, deflate, strict or socketio.');
    const kind = options.kind;
    let entry = this.running.get(kind);
    if (!entry) {
      entry = this.launch(kind, listenPort);
      this.running.set(kind, entry);
      entry.catch(() => this.running.delete(kind));
    }
    const e = await entry;
    if (options.connectClient !== false && !e.clientConnected && e.server.connectClient) {
      e.clientConnected = true;
      e.server.connectClient(e.info.proxyUrl);
    } else if (options.connectClient !== false && !e.clientConnected) {
      e.clientConnected = true;
      try {
        const { connectionId } = await this.capture.clientConnect({
          url: e.info.proxyUrl,
          deflate: kind === 'deflate',
          subprotocols: kind === 'strict' ? [STRICT_SUBPROTOCOL] : undefined,
        });
        e.info.connectionId = connectionId;
        await this.capture.clientSend({ connectionId, data: HELLO, binary: false }).catch(() => {});
      } catch (err) {
        e.clientConnected = false;
        throw err;
      }
    }
    return { ...e.info };
  }

  private async launch(kind: DemoServerKind, listenPort: number): Promise<Entry> {
    const server = await startDemoKind(kind);
    try {
      const proxy = await this.capture.startProxy({ mode: 'reverse', listenHost: '127.0.0.1', listenPort, target: server.url });
      return { server, clientConnected: false, info: { kind, serverUrl: server.url, proxyId: proxy.id, proxyUrl: proxy.address, connectionId: null } };
    } catch (err) {
      await server.close();
      throw new FramescopeError('unavailable', `The ${kind} demo's proxy could not start: ${(err as Error).message}`);
    }
  }

  /** The running demo of a kind (the lab reads the Socket.IO sessions through it). */
  async server(kind: DemoServerKind): Promise<RunningDemo | null> {
    return (await this.running.get(kind)?.catch(() => null))?.server ?? null;
  }

  async list(): Promise<DemoServerInfo[]> {
    const settled = await Promise.all([...this.running.values()].map((p) => p.catch(() => null)));
    return settled.filter((e): e is Entry => e !== null).map((e) => ({ ...e.info }));
  }

  async stop(kind: DemoServerKind): Promise<void> {
    const entry = this.running.get(kind);
    if (!entry) return;
    this.running.delete(kind);
    const e = await entry.catch(() => null);
    if (!e) return;
    await this.capture.stopProxy(e.info.proxyId).catch(() => {});
    await e.server.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((k) => this.stop(k)));
  }
}
