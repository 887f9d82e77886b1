import { describe, expect, it } from 'vitest';
import { encodeLabMessage } from '../../../shared/api';
import { measureCompression } from './compression';

describe('compression on the lab stream, measured on real sockets', () => {
  it('saves most over a whole stream or a shared window, least per separate response', async () => {
    const messages = Array.from({ length: 40 }, (_, i) => encodeLabMessage(i + 1, 1_700_000_000_000_000 + i * 200_000, 256, 'json'));
    const rows = await measureCompression(messages);
    const by = (scheme: string) => rows.find((r) => r.scheme === scheme)!;
    for (const r of rows) {
      expect(r.messages).toBe(40);
      expect(r.plainBytes).toBeGreaterThan(40 * 256);
      expect(r.savedShare).toBeCloseTo(1 - r.compressedBytes / r.plainBytes, 9);
    }
    // The shared window (RFC 7692 §7.1.1) finds each message's repeats in the ones before it.
    expect(by('permessage-deflate, context takeover').compressedBytes).toBeLessThan(by('permessage-deflate, no context takeover').compressedBytes);
    expect(by('permessage-deflate, no context takeover').compressedBytes).toBeLessThan(by('permessage-deflate, no context takeover').plainBytes);
    // One gzip stream over every event beats a gzip member (header, trailer, fresh window) per response.
    expect(by('gzip over the stream').savedShare).toBeGreaterThan(by('gzip per response').savedShare);
    expect(by('gzip over the stream').savedShare).toBeGreaterThan(0.3);
  }, 30_000);
});
