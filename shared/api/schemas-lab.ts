// Schemas of the lab's methods (shared/api/lab.ts). Ranges come from LAB_LIMITS, the lab's own
// table; the cross-field rule (rate × size) stays in checkLabOptions.
import * as v from 'valibot';
import { DEMO_SERVER_KINDS, LAB_COST_LIMITS, LAB_LIMITS, LAB_PHASE_MODELS, LAB_TRANSPORTS } from './lab';
import { between, count, text, wholeBetween } from './schema-parts';

const labOptions = v.object({
  rate: between(LAB_LIMITS.rate.min, LAB_LIMITS.rate.max),
  size: wholeBetween(LAB_LIMITS.size.min, LAB_LIMITS.size.max),
  format: v.picklist(['text', 'json']),
  pattern: v.picklist(['steady', 'bursty']),
  phase: v.picklist(LAB_PHASE_MODELS),
  upstream: v.boolean(),
  intervalMs: between(LAB_LIMITS.intervalMs.min, LAB_LIMITS.intervalMs.max),
  cookieBytes: wholeBetween(LAB_LIMITS.cookieBytes.min, LAB_LIMITS.cookieBytes.max),
  clients: v.picklist(['browser', 'engine']),
});

const labReport = v.object({
  runId: count,
  transport: v.picklist(LAB_TRANSPORTS),
  deliveries: v.pipe(v.array(v.object({ seq: count, receivedAt: v.pipe(v.number(), v.finite()) })), v.maxLength(1_000_000)),
});

export const LAB_SCHEMAS = {
  labStart: v.tuple([labOptions]),
  labStop: v.tuple([]),
  labStatus: v.tuple([]),
  labReport: v.tuple([labReport]),
  labClock: v.tuple([]),
  labSummary: v.tuple([]),
  labSweep: v.tuple([v.object({ kind: v.picklist(['interval', 'size']) })]),
  labDemoStart: v.tuple([]),
  labBroadcast: v.tuple([v.object({ size: wholeBetween(1, LAB_LIMITS.size.max) })]),
  labHandshake: v.tuple([v.object({ tag: text(256) })]),
  demoServerStart: v.tuple([v.object({ kind: v.picklist(DEMO_SERVER_KINDS), connectClient: v.optional(v.boolean()) })]),
  demoServerStop: v.tuple([v.object({ kind: v.picklist(DEMO_SERVER_KINDS) })]),
  demoServerList: v.tuple([]),
  labSocketIo: v.tuple([]),
  labIdleCost: v.tuple([v.object({ clients: wholeBetween(LAB_COST_LIMITS.clients.min, LAB_COST_LIMITS.clients.max) })]),
  labConcurrency: v.tuple([
    v.object({
      requests: wholeBetween(LAB_COST_LIMITS.requests.min, LAB_COST_LIMITS.requests.max),
      workMs: wholeBetween(LAB_COST_LIMITS.workMs.min, LAB_COST_LIMITS.workMs.max),
    }),
  ]),
  labCompression: v.tuple([
    v.object({
      size: wholeBetween(LAB_LIMITS.size.min, LAB_LIMITS.size.max),
      format: v.picklist(['text', 'json']),
      rate: between(LAB_LIMITS.rate.min, LAB_LIMITS.rate.max),
    }),
  ]),
};
