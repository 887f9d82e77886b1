import { describe, expect, it } from 'vitest';
import { decodeText, defaultMode, parseJson } from './payload-content';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('payload content', () => {
  it('parses JSON objects and arrays only', () => {
    expect(parseJson(bytes(' {"a":[1,2]}'))).toEqual({ a: [1, 2] });
    expect(parseJson(bytes('[1]'))).toEqual([1]);
    expect(parseJson(bytes('42'))).toBeNull();
    expect(parseJson(bytes('{broken'))).toBeNull();
  });

  it('picks JSON, then text for valid UTF-8, then hex', () => {
    expect(defaultMode(1, bytes('{}'), {})).toBe('json');
    expect(defaultMode(1, bytes('héllo'), null)).toBe('text');
    expect(defaultMode(2, bytes('hello'), null)).toBe('hex');
    expect(defaultMode(1, new Uint8Array([0x68, 0xff]), null)).toBe('hex');
  });

  it('reports where UTF-8 breaks and keeps markup as plain characters', () => {
    expect(decodeText(new Uint8Array([0x61, 0xc3]))).toMatchObject({ invalidAt: 2 });
    expect(decodeText(bytes('<script>x</script>')).text).toBe('<script>x</script>');
  });
});
