import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB_OPTIONS, checkLabOptions, decodeLabMessage, decodePollBody, encodeLabMessage, encodePollBody, encodeSseEvent, splitSseEvents } from './lab';
import { LAB_COST_LIMITS, withinLimit } from './lab-cost';

describe('lab messages', () => {
  it('are exactly `size` ASCII bytes and carry their sequence number and time', () => {
    for (const format of ['text', 'json'] as const) {
      for (const size of [64, 65, 300, 70_000]) {
        const m = encodeLabMessage(1234567, 1_732_451_234_567_890, size, format);
        expect(m.length).toBe(size);
        expect(/^[\x20-\x7e]*$/.test(m)).toBe(true);
        expect(decodeLabMessage(m)).toEqual({ seq: 1234567, generatedAt: 1_732_451_234_567_890 });
      }
    }
    expect(JSON.parse(encodeLabMessage(1, 2, 80, 'json'))).toMatchObject({ seq: 1, at: 2 });
    expect(decodeLabMessage('<img src=x onerror=alert(1)>')).toBeNull();
  });

  it('batch into poll bodies and SSE events that split back, across any cut', () => {
    const msgs = [1, 2, 3].map((i) => encodeLabMessage(i, 10 + i, 70, 'json'));
    expect(decodePollBody(encodePollBody(msgs, 'json'), 'json')).toEqual(msgs);
    expect(decodePollBody(encodePollBody(msgs, 'text'), 'text')).toEqual(msgs);
    const stream = msgs.map(encodeSseEvent).join('');
    for (let cut = 0; cut <= stream.length; cut++) {
      const a = splitSseEvents(stream.slice(0, cut));
      const b = splitSseEvents(a.rest + stream.slice(cut));
      expect([...a.events, ...b.events]).toEqual(msgs);
    }
  });

  it('checks options with a message instead of throwing', () => {
    expect(checkLabOptions(DEFAULT_LAB_OPTIONS)).toEqual({ options: DEFAULT_LAB_OPTIONS });
    expect(checkLabOptions({ ...DEFAULT_LAB_OPTIONS, extra: 'ignored' })).toEqual({ options: DEFAULT_LAB_OPTIONS });
    for (const bad of [null, 'x', { rate: 0 }, { size: 63 }, { size: 100.5 }, { intervalMs: Number.NaN }, { format: 'xml' }, { clients: 'both' }, { rate: 200, size: 1_000_000 }]) {
      expect('error' in checkLabOptions(bad === null || typeof bad !== 'object' ? bad : { ...DEFAULT_LAB_OPTIONS, ...bad })).toBe(true);
    }
  });
});

describe('lab form limits', () => {
  it('brings a typed number within its limit, whole, with the minimum for anything unreadable', () => {
    const limit = LAB_COST_LIMITS.clients;
    expect([5, 10, 250.6, 99999, Number.NaN, 0].map((v) => withinLimit(v, limit))).toEqual([10, 10, 251, 2000, 10, 10]);
  });
});
