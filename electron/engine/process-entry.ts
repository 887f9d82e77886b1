// The engine in its own process (DESIGN "one engine, two hosts, one transport"). Electron's main
// process forks this module as a utilityProcess and hands it one MessagePortMain per window
// (`process.parentPort`); a test forks it with child_process.fork and talks over the IPC channel.
// Either way it speaks the same RPC as browser mode (host/rpc-host.ts), so a slow inflate or a big
// import never freezes a window. Never imports electron: both ports are described structurally.
import { parseArgs } from 'node:util';
import type { HostKind } from '../../shared/api';
import { Engine } from './engine';
import { serveRpc, type RpcPort } from './host/rpc-host';

/** Electron's MessagePortMain, as far as we use it. */
interface MainPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

/** Electron's `process.parentPort` in a utility process. */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: MainPortLike[] }) => void): void;
}

function mainPort(port: MainPortLike): RpcPort {
  return {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    onClose: (listener) => port.on('close', listener),
  };
}

/** A child_process IPC channel (fork with serialization: 'advanced', so bytes stay Uint8Array). */
function nodeIpcPort(proc: NodeJS.Process): RpcPort {
  return {
    send: (message) => {
      if (proc.connected) proc.send!(message);
    },
    onMessage: (listener) => proc.on('message', listener),
    onClose: (listener) => proc.on('disconnect', listener),
  };
}

function start(): void {
  // Not strict: a host may add arguments of its own; we read only ours.
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, host: { type: 'string' } }, strict: false, allowPositionals: true });
  const host: HostKind = values.host === 'browser' ? 'browser' : 'electron';
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  const engine = new Engine({ host, dataDir });
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void engine.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    parentPort.on('message', (event) => {
      for (const port of event.ports) {
        serveRpc(engine, mainPort(port));
        port.start();
      }
    });
  } else if (process.send) {
    serveRpc(engine, nodeIpcPort(process));
    // The parent went away: nobody can reach this engine any more.
    process.once('disconnect', shutdown);
  } else {
    process.stderr.write('framescope engine: start me with utilityProcess.fork or child_process.fork\n');
    process.exit(2);
  }
}

start();
