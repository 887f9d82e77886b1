import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../api';
import { API_SCHEMAS, checkParams } from './schemas';

describe('contract schemas', () => {
  it('has one for every method of the contract', () => {
    expect(Object.keys(API_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
  });

  it('accepts well-formed calls and drops keys the contract does not name', () => {
    expect(checkParams('getInfo', [])).toEqual({ ok: true, params: [] });
    const checked = checkParams('queryFrames', [{ start: 0, count: 50, filter: { opcodes: [1, 2], text: 'x' }, extra: 'dropped' }]);
    expect(checked).toEqual({ ok: true, params: [{ start: 0, count: 50, filter: { opcodes: [1, 2], text: 'x' } }] });
    expect(checkParams('listConnections', [1, 2])).toEqual({ ok: true, params: [] });
    expect(checkParams('clientSend', [{ connectionId: 3, data: new Uint8Array([1]), binary: true }]).ok).toBe(true);
  });

  it('refuses wrong shapes and says which parameter', () => {
    const cases: Array<[Parameters<typeof checkParams>[0], unknown, RegExp]> = [
      ['getFrame', ['7'], /getFrame: parameter 0: /],
      ['getFrame', [1.5], /getFrame/],
      ['getFrame', [], /getFrame/],
      ['queryFrames', [{ start: -1, count: 1 }], /parameter 0\.start/],
      ['startProxy', [{ mode: 'reverse', listenPort: 70000 }], /parameter 0\.listenPort/],
      ['startProxy', [{ mode: 'sideways' }], /parameter 0\.mode/],
      ['clientSend', [{ connectionId: 1, data: [1, 2], binary: false }], /parameter 0\.data/],
      ['clientPing', [{ connectionId: 1, data: new Uint8Array(126) }], /parameter 0\.data/],
      ['clientConnect', [{ url: 'ws://x', headers: { 'Bad Name': 'v' } }], /headers/],
      ['labStart', [{ rate: 1e9, size: 64, format: 'json', pattern: 'steady', intervalMs: 100, cookieBytes: 0, clients: 'engine' }], /parameter 0\.rate/],
      ['setCapturePaused', ['yes'], /parameter 0/],
      ['importCapture', [null], /importCapture/],
    ];
    for (const [method, params, message] of cases) {
      const checked = checkParams(method, params);
      expect(checked.ok, `${method} ${JSON.stringify(params)}`).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(message);
    }
  });
});
