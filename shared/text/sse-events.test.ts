import { describe, expect, it } from 'vitest';
import { parseEventStream } from './sse-events';

describe('parseEventStream (HTML §9.2.6)', () => {
  it('splits events, joins data lines, keeps the last event id across events', () => {
    const r = parseEventStream('event: tick\nid: 7\ndata: a\ndata:b\n\ndata: c\r\n\r\n');
    expect(r.events.map((e) => [e.type, e.data, e.lastEventId])).toEqual([
      ['tick', 'a\nb', '7'],
      ['message', 'c', '7'],
    ]);
  });

  it('ignores comments, events without data, bad retry values and ids holding NUL', () => {
    const r = parseEventStream(': ping\n\nevent: x\n\nretry: 10x\nid: a\u0000b\ndata\n\nretry: 1500\ndata: y\n\n');
    expect(r.comments).toBe(1);
    expect(r.events).toHaveLength(2);
    expect(r.events[0]).toMatchObject({ type: 'message', data: '', lastEventId: '', retry: null });
    expect(r.events[1]).toMatchObject({ data: 'y', retry: 1500 });
  });

  it('CR alone ends a line, a BOM is dropped, and an unfinished event stays pending', () => {
    const r = parseEventStream('\ufeffdata: one\r\rdata: two\ndata: thr');
    expect(r.events.map((e) => e.data)).toEqual(['one']);
    expect(r.pending).toEqual([
      { name: 'data', value: 'two' },
      { name: 'data', value: 'thr' },
    ]);
  });

  it('a wrong world fails: "data:x" without a blank line is not an event', () => {
    expect(parseEventStream('data: x\n').events).toEqual([]);
  });
});
