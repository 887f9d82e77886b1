import { describe, expect, it } from 'vitest';
import { hostPort, intFlag, parseFlags, UsageError } from './flags';

describe('parseFlags', () => {
  it('reads values inline or as the next word, booleans, and positionals', () => {
    const args = parseFlags(['file.bin', '--from', 'client', '--json', '--port=8080', '-'], { from: 'string', json: 'boolean', port: 'string' });
    expect(args.flags).toEqual({ from: 'client', json: true, port: '8080' });
    expect(args.positionals).toEqual(['file.bin', '-']);
    expect(intFlag(args, 'port', 0, 65535)).toBe(8080);
  });

  it('names what is wrong', () => {
    expect(() => parseFlags(['--nope'], {})).toThrow(new UsageError('unknown flag --nope'));
    expect(() => parseFlags(['--from'], { from: 'string' })).toThrow('--from needs a value');
    expect(() => parseFlags(['--json=1'], { json: 'boolean' })).toThrow('--json takes no value');
    expect(() => parseFlags(['--from', '--json'], { from: 'string', json: 'boolean' })).toThrow('--from needs a value');
    expect(() => parseFlags(['-x'], {})).toThrow('unknown flag -x');
    expect(parseFlags(['--', '--z'], {}).positionals).toEqual(['--z']);
  });

  it('parses HOST:PORT including IPv6', () => {
    expect(hostPort('127.0.0.1:9000', '--listen')).toEqual({ host: '127.0.0.1', port: 9000 });
    expect(hostPort('[::1]:80', '--listen')).toEqual({ host: '::1', port: 80 });
    expect(() => hostPort('localhost', '--listen')).toThrow('--listen must be HOST:PORT');
    expect(() => hostPort('a:70000', '--listen')).toThrow(UsageError);
  });
});
