// Schemas of the capture methods' parameters (shared/api/capture.ts), one tuple per method.
// v.object drops keys the contract does not name, so services never see them.
import * as v from 'valibot';
import { isHostPattern, parseHostPattern } from '../host-pattern';
import { bytes, count, id, nullableId, peer, port, text, wholeBetween } from './schema-parts';

const frameFilter = v.object({
  connectionId: v.optional(v.nullable(id)),
  from: v.optional(v.nullable(peer)),
  opcodes: v.optional(v.pipe(v.array(wholeBetween(0, 15)), v.maxLength(16))),
  text: v.optional(text(4096)),
  regex: v.optional(v.boolean()),
  violationsOnly: v.optional(v.boolean()),
});

/** Bounds of a proxy's own trusted CAs: a few certificates, each a PEM file of at most 64 KiB. */
export const MAX_TRUSTED_CERTIFICATES = 16;
export const MAX_PEM_CHARS = 65_536;

/** Host patterns (shared/host-pattern.ts: a name, `*.domain` for sub-domains, an IP address) for pass-through and unchecked-certificate lists. */
const hostList = v.pipe(
  v.array(
    v.pipe(
      v.string(),
      v.maxLength(260),
      v.check(isHostPattern, (issue) => {
        const parsed = parseHostPattern(String(issue.input));
        return parsed.ok ? 'a host pattern' : parsed.message;
      }),
    ),
  ),
  v.maxLength(256),
);

const proxyOptions = v.object({
  mode: v.picklist(['reverse', 'forward']),
  listenHost: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(255))),
  listenPort: v.optional(port),
  target: v.optional(text(2048)),
  handshakeTimeoutMs: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(3_600_000))),
  exposeToNetwork: v.optional(v.boolean()),
  connectPorts: v.optional(v.union([v.literal('any'), v.pipe(v.array(wholeBetween(1, 65535)), v.maxLength(1024))])),
  interceptTls: v.optional(v.boolean()),
  passThroughHosts: v.optional(hostList),
  insecureUpstreamHosts: v.optional(hostList),
  trustedCertificatesPem: v.optional(
    v.pipe(
      v.array(v.pipe(text(MAX_PEM_CHARS), v.includes('-----BEGIN CERTIFICATE-----', 'a trusted CA is PEM text (-----BEGIN CERTIFICATE-----)'))),
      v.maxLength(MAX_TRUSTED_CERTIFICATES),
    ),
  ),
});

const headerName = v.pipe(v.string(), v.regex(/^[!#$%&'*+.^`|~\w-]+$/, 'a header name is a token (RFC 9110 §5.1)'), v.maxLength(256));

/** PayloadRange (the payload-read types at the end of capture.ts), for readPayload. */
export const payloadRange = v.object({ frameId: id, part: v.picklist(['frame', 'message']), offset: count, length: count });

export const CAPTURE_SCHEMAS = {
  startProxy: v.tuple([proxyOptions]),
  stopProxy: v.tuple([id]),
  listProxies: v.tuple([]),
  getStats: v.tuple([]),
  listConnections: v.tuple([]),
  getConnection: v.tuple([id]),
  queryFrames: v.tuple([v.object({ filter: v.optional(frameFilter), start: count, count: count, progressive: v.optional(v.boolean()) })]),
  getFrame: v.tuple([id]),
  locateFrame: v.tuple([v.object({ filter: v.optional(frameFilter), frameId: id })]),
  listHttpExchanges: v.tuple([v.object({ connectionId: v.optional(nullableId) })]),
  clearCapture: v.tuple([]),
  setCapturePaused: v.tuple([v.boolean()]),
  setCaptureBudget: v.tuple([
    v.object({
      memoryBytes: v.optional(count),
      diskBytes: v.optional(count),
      whenFull: v.optional(v.picklist(['stop', 'drop-oldest'])),
    }),
  ]),
  readPayload: v.tuple([payloadRange]),
  exportCapture: v.tuple([v.object({ connectionId: v.optional(nullableId), format: v.optional(v.picklist(['jsonl', 'har'])) })]),
  importCapture: v.tuple([v.object({ name: text(1024), bytes })]),
  clientConnect: v.tuple([
    v.object({
      url: text(2048),
      subprotocols: v.optional(v.pipe(v.array(text(256)), v.maxLength(64))),
      headers: v.optional(v.record(headerName, text(8192))),
      deflate: v.optional(v.boolean()),
    }),
  ]),
  clientSend: v.tuple([v.object({ connectionId: id, data: bytes, binary: v.boolean() })]),
  clientPing: v.tuple([v.object({ connectionId: id, data: v.optional(v.pipe(bytes, v.maxLength(125))) })]),
  clientClose: v.tuple([v.object({ connectionId: id, code: v.optional(wholeBetween(0, 65535)), reason: v.optional(text(123)) })]),
};
