// The packets under the lab's bytes: how many TCP segments each transport's connections took, read
// from the kernel's own per-socket counters (TCP_INFO, as `ss -ti` from iproute2 prints them). Node
// cannot call getsockopt(TCP_INFO) itself; `ss` can, for every socket in the network namespace,
// browser clients' included. Where `ss` is missing (not Linux), the lab estimates and says so.
import { execFile } from 'node:child_process';

export interface TcpSocketStats {
  local: string;
  peer: string;
  segsOut: number;
  segsIn: number;
  dataSegsOut: number;
  bytesSent: number;
  bytesReceived: number;
  /** TCP timestamps negotiated (RFC 7323 §3): 12 more header bytes (option + padding) on every segment. */
  timestamps: boolean;
}

const SS_TIMEOUT_MS = 2000;
/** ss output is ~1 KiB per socket; a lab run has at most a few hundred. */
const SS_MAX_BUFFER = 8 * 1_048_576;

/** Parses `ss -tinH` output: a line per socket (state, queues, local, peer), then an indented info line. */
export function parseSs(text: string): TcpSocketStats[] {
  const out: TcpSocketStats[] = [];
  let head: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      head = line.trim().split(/\s+/);
      continue;
    }
    if (!head || head.length < 5) continue;
    const num = (name: string) => Number(new RegExp(`(?:^|\\s)${name}:(\\d+)`).exec(line)?.[1] ?? 0);
    out.push({
      local: head[3]!,
      peer: head[4]!,
      segsOut: num('segs_out'),
      segsIn: num('segs_in'),
      dataSegsOut: num('data_segs_out'),
      bytesSent: num('bytes_sent'),
      bytesReceived: num('bytes_received'),
      timestamps: /(?:^|\s)ts(?:\s|$)/.test(line),
    });
    head = null;
  }
  return out;
}

/** Every TCP socket to or from one of `ports` on this host, or null when `ss` cannot be run. */
export function readTcpSockets(ports: number[]): Promise<TcpSocketStats[] | null> {
  if (process.platform !== 'linux' || ports.length === 0) return Promise.resolve(null);
  const filter = ports.map((p) => `sport = :${p} or dport = :${p}`).join(' or ');
  return new Promise((resolve) => {
    execFile('ss', ['-tinH', 'state', 'all', `( ${filter} )`], { timeout: SS_TIMEOUT_MS, maxBuffer: SS_MAX_BUFFER }, (err, stdout) => {
      resolve(err ? null : parseSs(stdout));
    });
  });
}

export function portOf(endpoint: string): number {
  return Number(/:(\d+)$/.exec(endpoint)?.[1] ?? NaN);
}

/** IPv4 (20 B, no options) + TCP (20 B) + the timestamp option if negotiated. RFC 791 §3.1, RFC 9293 §3.1. */
export function headerBytesPerSegment(timestamps: boolean): number {
  return 20 + 20 + (timestamps ? 12 : 0);
}

export interface TcpTotals {
  /** Segments both ways on the client ↔ meter hop, SYNs and pure ACKs included. */
  segments: number;
  dataSegments: number;
  headerBytes: number;
  /** Application bytes the sockets sent (bytes_sent, retransmissions included). */
  bytesSent: number;
  sockets: number;
}

/**
 * Keeps the largest counters seen per socket across samples: a socket's counters vanish when it
 * closes, so sampling while it is open (and once more just before the clients stop) keeps them.
 * Both ends of every connection to the meter's port live on this host, so summing each socket's
 * segs_out counts each segment once.
 */
export class KernelTcpCounter {
  private readonly sockets = new Map<string, TcpSocketStats>();
  available: boolean | null = null;

  constructor(readonly port: number) {}

  take(all: TcpSocketStats[] | null): void {
    if (all === null) {
      this.available ??= false;
      return;
    }
    this.available = true;
    for (const s of all) {
      if (portOf(s.local) !== this.port && portOf(s.peer) !== this.port) continue;
      if (s.segsOut === 0 && s.segsIn === 0) continue; // listening socket or TIME_WAIT without info
      const key = `${s.local}>${s.peer}`;
      const prev = this.sockets.get(key);
      if (!prev || s.segsOut >= prev.segsOut) this.sockets.set(key, s);
    }
  }

  totals(): TcpTotals {
    let segments = 0;
    let dataSegments = 0;
    let headerBytes = 0;
    let bytesSent = 0;
    for (const s of this.sockets.values()) {
      segments += s.segsOut;
      dataSegments += s.dataSegsOut;
      headerBytes += s.segsOut * headerBytesPerSegment(s.timestamps);
      bytesSent += s.bytesSent;
    }
    return { segments, dataSegments, headerBytes, bytesSent, sockets: this.sockets.size };
  }
}
