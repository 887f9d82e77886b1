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
