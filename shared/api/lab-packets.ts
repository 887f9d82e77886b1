// The packets under a transport's application bytes: TCP segments and their IP + TCP headers.

export interface LabTcpIp {
  /** True: the kernel's per-socket counters (Linux TCP_INFO via `ss -ti`). False: an estimate. */
  measured: boolean;
  /** Segments both ways between the client and the meter, handshakes and pure ACKs included. */
  segments: number;
  /** Segments that carried data. */
  dataSegments: number;
  /** IPv4 + TCP header bytes of those segments (20 + 20, + 12 with TCP timestamps). */
  headerBytes: number;
  segmentsPerMessage: number | null;
  headerBytesPerMessage: number | null;
  /** Application bytes (both ways) + header bytes, per delivered message: what a packet capture would count. */
  wireBytesPerMessage: number | null;
  /** How the figures were found, in words (what was measured, what was assumed). */
  method: string;
}

/** The same stream sent the other way: client → server (masked WebSocket frames, HTTP POSTs). */
export interface LabUpstreamSummary {
  /** Messages the server received. */
  messages: number;
  payloadBytes: number;
  /** Headers of the POSTs (request and response) or the client frames' headers. */
  overheadBytes: number;
  overheadBytesPerMessage: number | null;
  /** HTTP transports: POST requests; WebSocket: 0 (the frames ride the open connection). */
  requests: number;
  /** WebSocket only: how many client frames had each header size (6, 8 or 14 B: RFC 6455 §5.2, masked). */
  frameHeaderSizes: Record<string, number> | null;
  /** From the client's stamp to the server's receipt (ms). */
  latencyMs: { mean: number; p50: number; p95: number } | null;
}

/** One compression scheme on the lab's event stream, measured against the same transport without it. */
export interface LabCompression {
  scheme: 'gzip per response' | 'gzip over the stream' | 'permessage-deflate, context takeover' | 'permessage-deflate, no context takeover';
  transport: 'short-polling' | 'sse' | 'websocket';
  messages: number;
  /** Bytes the server wrote without compression (headers and framing included). */
  plainBytes: number;
  compressedBytes: number;
  bytesSavedPerMessage: number;
  /** 1 − compressed / plain. */
  savedShare: number;
}
