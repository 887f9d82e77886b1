// `framescope demo echo|chat|deflate|strict|socketio`: a demo WebSocket server behind the capture proxy,
// headless, until Ctrl-C. Connect any client to the printed proxy address (`framescope capture`
// or the app show the frames; this command only keeps the demo up).
import { parseArgs } from 'node:util';
import { DEMO_SERVER_KINDS, DEMO_SERVER_WORDS, checkDemoKind } from '../../../shared/api';
import { Engine } from '../engine';
import { httpUrl } from '../lab/socketio/socketio-demo';
import type { Command } from './command';
import { UsageError } from './flags';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'start a demo server (echo, chat, deflate, strict, socketio) behind the capture proxy',
  usage: 'framescope demo echo|chat|deflate|strict|socketio [--port N] [--client]',
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { port: { type: 'string' }, client: { type: 'boolean' } } });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const [kind, ...extra] = parsed.positionals;
    if (!checkDemoKind(kind)) throw new UsageError(`say which demo: ${DEMO_SERVER_KINDS.join(', ')}`);
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const portText = parsed.values.port ?? '0';
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 0 && port <= 65535)) throw new UsageError('--port must be a port number (0 picks a free one)');
    const engine = new Engine({ host: 'browser' });
    try {
      const info = await engine.lab.demoServers.start({ kind, connectClient: parsed.values.client === true }, port);
      io.out(DEMO_SERVER_WORDS[kind]);
      // socket.io clients start with HTTP long polling: give them the http:// form of the same proxy.
      io.out(`connect to: ${kind === 'socketio' ? httpUrl(info.proxyUrl) : info.proxyUrl} (captured by the proxy)`);
      io.out(`server at:  ${info.serverUrl} (not captured)`);
      io.err('Ctrl-C stops the demo.');
      await io.interrupted;
      return 0;
    } finally {
      await engine.close();
    }
  },
};
