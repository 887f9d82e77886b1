// The engine's process (DESIGN "The engine runs in its own process"): forked once as a
// utilityProcess; every window gets its own MessageChannelMain, one end to the engine, the other
// to the window's preload. Main itself never runs engine code, so nothing the engine does can
// freeze a window.
import { join } from 'node:path';
import { MessageChannelMain, utilityProcess, type MessagePortMain, type UtilityProcess } from 'electron';

export interface EngineProcess {
  /** A fresh port wired to the engine (the other end went to the engine process). */
  connect(): MessagePortMain;
  stop(): Promise<void>;
}

export function forkEngine(dataDir: string, onExit: (code: number) => void): EngineProcess {
  const child: UtilityProcess = utilityProcess.fork(join(import.meta.dirname, 'engine.js'), ['--data-dir', dataDir], {
    serviceName: 'Framescope engine',
    stdio: 'inherit',
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      onExit(code);
      resolve();
    }),
  );
  return {
    connect() {
      const { port1, port2 } = new MessageChannelMain();
      child.postMessage({ type: 'connect' }, [port1]);
      return port2;
    },
    async stop() {
      // SIGTERM: the engine closes its proxies and flushes the spill file before it exits.
      if (!exited) child.kill();
      await exit;
    },
  };
}
