import { createServer, connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { KernelTcpCounter, headerBytesPerSegment, parseSs, readTcpSockets } from './kernel-tcp';

// Real `ss -tinH` output (iproute2 6.1): a socket line, then its TCP_INFO line.
const SS = `ESTAB 0      0      127.0.0.1:44970 127.0.0.1:37619
\t cubic wscale:7,7 rto:204 rtt:0.036/0.013 ato:40 mss:32768 cwnd:10 bytes_sent:5 bytes_acked:6 bytes_received:5 segs_out:4 segs_in:3 data_segs_out:1 data_segs_in:1 send 80099555556bps
ESTAB 0      0      127.0.0.1:37619 127.0.0.1:44970
\t ts sack cubic wscale:7,7 rto:204 rtt:0.02/0.011 bytes_sent:5 bytes_received:5 segs_out:2 segs_in:4 data_segs_out:1 data_segs_in:1
LISTEN 0      511    127.0.0.1:37619 0.0.0.0:*
`;

describe('the kernel TCP counters', () => {
  it('parse from ss, with the timestamp option read per socket', () => {
    const socks = parseSs(SS);
    expect(socks).toHaveLength(2);
    expect(socks[0]).toEqual({ local: '127.0.0.1:44970', peer: '127.0.0.1:37619', segsOut: 4, segsIn: 3, dataSegsOut: 1, bytesSent: 5, bytesReceived: 5, timestamps: false });
    expect(socks[1]!.timestamps).toBe(true);
    const counter = new KernelTcpCounter(37619);
    counter.take(socks);
    // A later sample with fewer segments (a reused port pair) never lowers the count.
    counter.take(parseSs(SS.replace('segs_out:4', 'segs_out:1')));
    expect(counter.totals()).toEqual({ segments: 6, dataSegments: 2, headerBytes: 4 * 40 + 2 * 52, bytesSent: 10, sockets: 2 });
    expect(headerBytesPerSegment(false)).toBe(40);
  });

  it('count a real connection: both ends, every byte sent, at least one segment per write', async () => {
    const server = createServer((s) => s.on('data', (d) => s.write(d)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const client: Socket = connect(port, '127.0.0.1');
    await new Promise<void>((r) => client.once('connect', r));
    client.setNoDelay(true);
    let echoed = 0;
    for (let i = 0; i < 5; i++) {
      client.write('x'.repeat(100));
      await new Promise<void>((r) => {
        const on = (d: Buffer) => {
          echoed += d.length;
          if (echoed >= (i + 1) * 100) {
            client.off('data', on);
            r();
          }
        };
        client.on('data', on);
      });
    }
    const counter = new KernelTcpCounter(port);
    const all = await readTcpSockets([port]);
    counter.take(all);
    client.destroy();
    server.close();
    if (process.platform !== 'linux') return expect(all).toBeNull();
    const t = counter.totals();
    expect(t.sockets).toBe(2);
    expect(t.bytesSent).toBe(1000);
    // 5 writes each way, and the handshake's SYN / SYN-ACK / ACK.
    expect(t.dataSegments).toBe(10);
    expect(t.segments).toBeGreaterThanOrEqual(13);
  });
});
