// `framescope lab`: the comparison lab headless. Node clients on all five transports; HTTP/1.1 and
// WebSocket bytes counted by the capture proxy (HTTP/2 by the lab's socket tap); then the summary.
import { DEFAULT_CONCURRENCY, DEFAULT_IDLE_CLIENTS, DEFAULT_LAB_OPTIONS, LAB_COST_LIMITS, checkLabOptions, type LabOptions } from '../../../shared/api';
import { measureConcurrency } from '../lab/cost/concurrency';
import { measureIdleCost } from '../lab/cost/idle-cost';
import { Engine } from '../engine';
import { runHeadless } from '../lab/headless';
import { captureMeters } from '../lab/meter/meter-policy';
import { compressionSample, measureCompression } from '../lab/compression';
import { summaryJson, summaryTable } from '../lab/summary-table';
import type { Command } from './command';
import { UsageError, intFlag, numberFlag, parseFlags, stringFlag } from './flags';

export const labCommand: Command = {
  name: 'lab',
  summary: 'compare short polling, long polling, SSE, WebSocket and HTTP/2 polling on the wire',
  usage: 'framescope lab [--duration S] [--rate N] [--size BYTES] [--interval MS] [--format text|json] [--pattern steady|bursty] [--phase random|fixed] [--upstream] [--cookie BYTES] [--idle-clients N] [--requests N] [--work MS] [--no-socketio] [--json]',
  async run(argv, io) {
    const args = parseFlags(argv, {
      duration: 'string',
      rate: 'string',
      size: 'string',
      interval: 'string',
      format: 'string',
      pattern: 'string',
      phase: 'string',
      upstream: 'boolean',
      cookie: 'string',
      'idle-clients': 'string',
      requests: 'string',
      work: 'string',
      'no-socketio': 'boolean',
      json: 'boolean',
    });
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const durationS = numberFlag(args, 'duration', 0.5, 600) ?? 10;
    const input: LabOptions = {
      ...DEFAULT_LAB_OPTIONS,
      clients: 'engine',
      rate: numberFlag(args, 'rate', 0, Number.MAX_SAFE_INTEGER) ?? DEFAULT_LAB_OPTIONS.rate,
      size: intFlag(args, 'size', 0, Number.MAX_SAFE_INTEGER) ?? DEFAULT_LAB_OPTIONS.size,
      intervalMs: intFlag(args, 'interval', 0, Number.MAX_SAFE_INTEGER) ?? DEFAULT_LAB_OPTIONS.intervalMs,
      cookieBytes: intFlag(args, 'cookie', 0, Number.MAX_SAFE_INTEGER) ?? 0,
      format: (stringFlag(args, 'format') ?? DEFAULT_LAB_OPTIONS.format) as LabOptions['format'],
      pattern: (stringFlag(args, 'pattern') ?? DEFAULT_LAB_OPTIONS.pattern) as LabOptions['pattern'],
      phase: (stringFlag(args, 'phase') ?? DEFAULT_LAB_OPTIONS.phase) as LabOptions['phase'],
      upstream: args.flags.upstream === true,
    };
    // 0 leaves a measurement out; otherwise the app's bounds (LAB_COST_LIMITS).
    const idleClients = intFlag(args, 'idle-clients', 0, LAB_COST_LIMITS.clients.max) ?? DEFAULT_IDLE_CLIENTS;
    if (idleClients !== 0 && idleClients < LAB_COST_LIMITS.clients.min) throw new UsageError(`--idle-clients must be 0 or from ${LAB_COST_LIMITS.clients.min} to ${LAB_COST_LIMITS.clients.max}`);
    const requests = intFlag(args, 'requests', 0, LAB_COST_LIMITS.requests.max) ?? DEFAULT_CONCURRENCY.requests;
    const workMs = intFlag(args, 'work', LAB_COST_LIMITS.workMs.min, LAB_COST_LIMITS.workMs.max) ?? DEFAULT_CONCURRENCY.workMs;
    const checked = checkLabOptions(input);
    if ('error' in checked) throw new UsageError(flagWords(checked.error));
    const options = checked.options;
    const engine = new Engine({ host: 'browser' });
    try {
      if (!args.flags.json) io.err(`Running the lab for ${durationS} s (Ctrl-C ends it early)…`);
      const summary = await runHeadless({
        options,
        durationS,
        meterFor: captureMeters(engine.capture),
        interrupted: io.interrupted,
        onError: (m) => io.err(`lab: ${m}`),
      });
      const compression = await measureCompression(compressionSample(options));
      const figures = {
        idle: idleClients > 0 ? await measureIdleCost({ clients: idleClients }) : null,
        concurrency: requests > 0 ? await measureConcurrency({ requests, workMs }) : null,
        // The real socket.io server and its two client sessions through this engine's capture proxy (labSocketIo).
        socketIo: args.flags['no-socketio'] === true ? null : await engine.api.labSocketIo(),
      };
      if (args.flags.json) io.out(JSON.stringify(summaryJson(summary, options, compression, figures), null, 2));
      else for (const line of summaryTable(summary, options, compression, figures)) io.out(line);
      const short = summary.rows.filter((r) => r.messages < r.published);
      if (short.length > 0) io.err(`Not every message arrived on ${short.map((r) => r.transport).join(', ')}.`);
      return short.length > 0 ? 1 : 0;
    } finally {
      await engine.close();
    }
  },
};

/** The contract speaks of options (intervalMs); the command line of flags (--interval). */
function flagWords(message: string): string {
  return message.replace(/^intervalMs/, '--interval').replace(/^cookieBytes/, '--cookie').replace(/^(rate|size|format|pattern|phase)\b/, '--$1');
}
