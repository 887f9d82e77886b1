// The `framescope` command line: the engine headless. Each command lives in its own file.
import type { CliIo, Command } from './command';
import { UsageError } from './flags';
import { decodeCommand } from './decode';
import { serveCommand } from './serve';
import { captureCommand } from './capture';
import { labCommand } from './lab';
import { demoCommand } from './demo';
import { caCommand } from './ca';
import { envCommand } from './env';
import { browserCommand } from './browser';
import { packageVersion } from '../version';
import { terminalLine } from './terminal-text';

export const COMMANDS: Command[] = [serveCommand, decodeCommand, labCommand, captureCommand, demoCommand, caCommand, envCommand, browserCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Framescope: see how the WebSocket protocol really works.',
    '',
    'Usage: framescope <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help      show this help (or `framescope <command> --help`)',
    '  --version   print the version',
    '',
    ...COMMANDS.map((c) => `  ${c.usage}`),
  ].join('\n');
}

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  // Every line any command prints passes here: nothing hidden (escape sequences, C1, bidi) leaves raw.
  const io: CliIo = { ...rawIo, out: (line) => rawIo.out(terminalLine(line)), err: (line) => rawIo.err(terminalLine(line)) };
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(help());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(packageVersion());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.err(`framescope: unknown command '${first}' (try framescope --help)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`framescope ${command.name}: ${err.message} (usage: ${command.usage})`);
      return 2;
    }
    io.err(`framescope ${command.name}: ${(err as Error).message}`);
    return 1;
  }
}

/** Wires the real process to `main`: stdout/stderr, Ctrl-C and SIGTERM as a graceful stop. */
export async function runProcess(): Promise<void> {
  let stop: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => (stop = resolve));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interrupted,
    stdin: process.stdin,
  });
  process.exit(code);
}
