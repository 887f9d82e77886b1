// The one host-pattern matcher (pass-through and unchecked hosts), and the places that use it:
// the contract's schema refuses what the matcher refuses, in the matcher's words.
import { describe, expect, it } from 'vitest';
import { checkParams } from './api/schemas';
import { hostMatcher, hostMatchesPattern, normalizeHost, parseHostPattern, type HostPattern } from './host-pattern';

const pattern = (text: string): HostPattern => {
  const p = parseHostPattern(text);
  if (!p.ok) throw new Error(p.message);
  return p.pattern;
};
const matches = (p: string, host: string) => hostMatchesPattern(pattern(p), host);

describe('host patterns', () => {
  it('matches *.name on sub-domains at any depth, never the bare name or a look-alike', () => {
    expect(matches('*.example.com', 'api.example.com')).toBe(true);
    expect(matches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(matches('*.example.com', 'example.com')).toBe(false);
    expect(matches('*.example.com', 'badexample.com')).toBe(false);
    expect(matches('*.example.com', 'example.com.evil.test')).toBe(false);
  });

  it('compares names case-insensitively and ignores a trailing dot, on both sides', () => {
    expect(matches('*.Example.COM.', 'API.example.com')).toBe(true);
    expect(matches('LocalHost', 'localhost.')).toBe(true);
    expect(matches('localhost', 'localhostx')).toBe(false);
    expect(parseHostPattern(' *.Example.COM. ')).toMatchObject({ ok: true, text: '*.example.com' });
  });

  it('matches IP literals exactly (IPv6 in any spelling, with or without brackets) and never by a wildcard', () => {
    expect(matches('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(matches('127.0.0.1', '127.0.0.10')).toBe(false);
    expect(matches('[::1]', '::1')).toBe(true);
    expect(matches('0:0:0:0:0:0:0:1', '[::1]')).toBe(true);
    expect(matches('::1', '::2')).toBe(false);
    expect(matches('*.localhost', '127.0.0.1')).toBe(false);
    expect(normalizeHost('[::FFFF:127.0.0.1]')).toBe('::ffff:7f00:1');
  });

  it('refuses what cannot be a pattern, with a stable problem code and words', () => {
    const problem = (t: string) => {
      const p = parseHostPattern(t);
      return p.ok ? 'ok' : p.problem;
    };
    expect(['', '  '].map(problem)).toEqual(['empty', 'empty']);
    expect(['*', '*.', 'a.*.com', '*.*.com', 'api*.com', '**.com'].map(problem)).toEqual(['wildcard', 'wildcard', 'wildcard', 'wildcard', 'wildcard', 'wildcard']);
    expect(['*.0.0.1', '*.127.0.0.1', '*.[::1]'].map(problem)).toEqual(['name', 'ip-wildcard', 'ip-wildcard']);
    expect(['host:443', 'a b', 'exa_mple..com', '-a.com', '1.2.3', `${'a'.repeat(64)}.com`, 'http://x'].map(problem)).toEqual(['name', 'name', 'name', 'name', 'name', 'name', 'name']);
    expect(['_service.example', 'xn--bcher-kva.example', 'localhost', '10.0.0.255'].map(problem)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(parseHostPattern('a.*.com')).toMatchObject({ message: expect.stringMatching(/wildcard is allowed only as a whole first label/) });
  });

  it('hostMatcher takes a list: any pattern matches; patterns that do not parse never do', () => {
    const m = hostMatcher(['*.pinned.test', 'bank.test', '::1', 'a.*.b']);
    expect(['x.pinned.test', 'BANK.test.', '[::1]'].map(m)).toEqual([true, true, true]);
    expect(['pinned.test', 'a.x.b', 'other.test', '127.0.0.1'].map(m)).toEqual([false, false, false, false]);
    expect(hostMatcher([])('anything')).toBe(false);
  });

  it('the contract refuses a bad pattern in either list, in the matcher’s words', () => {
    expect(checkParams('startProxy', [{ mode: 'forward', passThroughHosts: ['*.ok.test', 'localhost', '[::1]'], insecureUpstreamHosts: ['*.test.example', '127.0.0.1'] }]).ok).toBe(true);
    for (const key of ['passThroughHosts', 'insecureUpstreamHosts']) {
      const bad = checkParams('startProxy', [{ mode: 'forward', [key]: ['good.test', '*.127.0.0.1'] }]);
      expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(new RegExp(`${key}\\.1.*IP address is matched exactly`)) });
    }
  });
});
