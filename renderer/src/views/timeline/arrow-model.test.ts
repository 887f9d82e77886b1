import { describe, expect, it } from 'vitest';
import type { FrameSummary, HttpExchange, Peer } from '../../../../shared/model';
import { exchangeArrows, fitText, frameArrow, pairPings } from './arrow-model';
import { arrowSpan, labelBox, laneLayout } from './lanes';
import { initI18n } from '../../i18n';

initI18n('en');

function frame(over: Partial<FrameSummary>): FrameSummary {
  return {
    id: 1, connectionId: 1, from: 'client', index: 0, time: 0, offset: 0, fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1,
    masked: true, payloadLength: 5, headerLength: 6, preview: 'hello', messageId: 1, injected: false, incomplete: false, violationCount: 0,
    ...over,
  };
}

const at = (time: number, from: Peer, opcode: number) => frameArrow(frame({ id: time, time, from, opcode }));

describe('timeline arrows', () => {
  it('says what a frame is in a few words, with the flags that matter', () => {
    expect(frameArrow(frame({})).label).toBe('text · 5 B');
    expect(frameArrow(frame({ fin: false, opcode: 2, payloadLength: 2048 })).label).toBe('binary · FIN=0 · 2.0 KiB');
    expect(frameArrow(frame({ opcode: 0, rsv1: true })).label).toBe('continuation · RSV1 · 5 B');
    expect(frameArrow(frame({ opcode: 0xb })).marker).toBe('control');
    expect(frameArrow(frame({ opcode: 3 })).colourClass).toBe('op-reserved');
    expect(frameArrow(frame({ opcode: 8 })).marker).toBe('close');
  });

  it('draws HTTP exchanges as a request and, once answered, a response', () => {
    const x: HttpExchange = {
      id: 7, connectionId: 1, method: 'GET', url: 'http://h/poll?since=3', status: null, requestHead: new Uint8Array(), responseHead: null,
      requestBodyBytes: 0, responseBodyBytes: 0, startedAt: 10, endedAt: null, sseEvents: 0,
    };
    expect(exchangeArrows(x).map((a) => [a.from, a.label])).toEqual([['client', 'GET /poll?since=3']]);
    const answered = exchangeArrows({ ...x, status: 200, endedAt: 50, responseBodyBytes: 12, sseEvents: 3 });
    expect(answered.map((a) => [a.from, a.time, a.label, a.detail])).toEqual([
      ['client', 10, 'GET /poll?since=3', ''],
      ['server', 50, '200 · 3 events', 'body 12 B'],
    ]);
    const head = new TextEncoder().encode('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n');
    const upgrade = exchangeArrows({ ...x, url: '/chat', status: 101, endedAt: 20, responseHead: head });
    expect(upgrade.map((a) => [a.label, a.detail])).toEqual([
      ['GET /chat', 'Upgrade: websocket'],
      ['101 Switching Protocols', ''],
    ]);
  });

  it('pairs each pong with the latest unanswered ping from the other side', () => {
    const arrows = [at(1, 'client', 9), at(2, 'client', 9), at(3, 'server', 10), at(4, 'server', 10), at(5, 'server', 9), at(6, 'client', 10)];
    expect(pairPings(arrows).map((p) => [p.ping.time, p.pong.time])).toEqual([
      [2, 3],
      [5, 6],
    ]);
  });

  it('cuts labels to the room they have', () => {
    expect(fitText('hello', 100)).toBe('hello');
    expect(fitText('a long label indeed', 66)).toBe('a long la…');
    expect(fitText('x', 5)).toBe('');
  });

  it('starts frames at their sender, injected ones at the proxy, and labels the starting half', () => {
    const lanes = laneLayout(1000, 600);
    const fromClient = frameArrow(frame({ from: 'client' }));
    const fromServer = frameArrow(frame({ from: 'server' }));
    const injected = frameArrow(frame({ from: 'server', injected: true }));
    expect(arrowSpan(lanes, fromClient)).toEqual({ x1: lanes.client, x2: lanes.server });
    expect(arrowSpan(lanes, fromServer)).toEqual({ x1: lanes.server, x2: lanes.client });
    expect(arrowSpan(lanes, injected)).toEqual({ x1: lanes.proxy, x2: lanes.client });
    expect(labelBox(lanes, fromClient).x).toBe((lanes.client + lanes.proxy) / 2);
    expect(labelBox(lanes, fromServer).x).toBe((lanes.server + lanes.proxy) / 2);
    expect(labelBox(lanes, injected).x).toBe((lanes.client + lanes.proxy) / 2);
  });
});
