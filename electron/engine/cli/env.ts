// `framescope env`: the environment that sends Node, Python and curl clients through a Framescope
// forward proxy, trusting its CA. Prints `export` lines (eval "$(framescope env --proxy URL)"), or
// with --shell starts the user's shell with them set.
import { spawn } from 'node:child_process';
import { proxyEnvironment, shellExports, writeCaBundle } from '../tls/client-env';
import { openCaContext } from './ca-context';
import type { Command } from './command';
import { UsageError, stringFlag } from './flags';

export const envCommand: Command = {
  name: 'env',
  summary: 'print (or start a shell with) HTTP_PROXY, HTTPS_PROXY and CA variables for a Framescope forward proxy',
  usage: 'framescope env [--proxy http://HOST:PORT] [--shell]',
  async run(argv, io) {
    const { args, dataDir, ca } = openCaContext(argv, { proxy: 'string', shell: 'boolean' });
    const proxy = stringFlag(args, 'proxy') ?? 'http://127.0.0.1:8080';
    if (!/^http:\/\/[^/\s]+\/?$/.test(proxy)) throw new UsageError(`--proxy must look like http://127.0.0.1:8080, not "${proxy}"`);
    const env = proxyEnvironment(proxy, ca.certPath, writeCaBundle(dataDir, ca));
    if (args.flags.shell !== true) {
      for (const line of shellExports(env)) io.out(line);
      io.err(`# Start the proxy with: framescope capture --forward --listen ${proxy.replace(/^http:\/\/|\/$/g, '')}`);
      return 0;
    }
    const shell = process.env.SHELL ?? (process.platform === 'win32' ? 'cmd.exe' : '/bin/sh');
    io.err(`Starting ${shell} with its traffic going through ${proxy}; exit the shell to return.`);
    return new Promise((resolve) => {
      const child = spawn(shell, [], { stdio: 'inherit', env: { ...process.env, ...env } });
      child.once('error', (err) => {
        io.err(`framescope env: cannot start ${shell}: ${err.message}`);
        resolve(1);
      });
      child.once('exit', (code) => resolve(code ?? 0));
    });
  },
};
