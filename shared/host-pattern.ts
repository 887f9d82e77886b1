// Host patterns for the forward proxy's TLS lists — hosts that pass through untouched and hosts
// whose upstream certificate is not checked (issue 14). ONE parser and ONE matcher, used by the
// capture form, the contract's schema, the CLI flags and the engine, so they can never disagree.
// A pattern is:
//   - a host name, matched exactly: `api.example.com`;
//   - `*.name`, matched by the sub-domains of name at any depth (`a.name`, `b.a.name`), never by
//     name itself — list both to cover both (like a certificate's wildcard, RFC 6125 §6.4.3, it
//     does not cover the bare name);
//   - an IP literal (`127.0.0.1`, `::1` or `[::1]`), matched exactly; never a wildcard over one.
// Names compare case-insensitively (RFC 4343) and a trailing dot (the DNS root, RFC 1034 §3.1)
// is ignored. Pure TypeScript: URL is the only global used, present in Node and in browsers.

export type HostPattern = { kind: 'name' | 'ip'; host: string } | { kind: 'subdomains'; suffix: string };

/** Why a pattern was refused, by a stable code (the renderer words it; `message` is for the CLI and the schema). */
export type HostPatternProblem = 'empty' | 'wildcard' | 'ip-wildcard' | 'name';

export type ParsedHostPattern = { ok: true; pattern: HostPattern; text: string } | { ok: false; problem: HostPatternProblem; message: string };

const MAX_NAME = 253;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv6 literal in its canonical form (WHATWG URL serialises it: RFC 5952), or null. */
function ipv6(text: string): string | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!bare.includes(':') || !/^[0-9a-f:.]+$/.test(bare)) return null;
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

/** Lower case, no trailing dot, IPv6 without brackets and in canonical form. */
export function normalizeHost(host: string): string {
  const h = host.trim().toLowerCase();
  const v6 = ipv6(h);
  if (v6 !== null) return v6;
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

function isIp(host: string): boolean {
  return IPV4.test(host) || ipv6(host) !== null;
}

/** A DNS name: labels of letters, digits, '-' and '_' (service names), at most 253 characters, the last label not all digits (that would read as an IPv4 address). */
function isName(host: string): boolean {
  if (host.length === 0 || host.length > MAX_NAME) return false;
  const labels = host.split('.');
  return labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!);
}

const MESSAGES: Record<HostPatternProblem, (text: string) => string> = {
  empty: () => 'a host is empty',
  wildcard: (t) => `"${t}": a wildcard is allowed only as a whole first label, as in *.example.com (sub-domains only)`,
  'ip-wildcard': (t) => `"${t}": an IP address is matched exactly; a wildcard cannot stand before one`,
  name: (t) => `"${t}" is not a host name, an IP address or *.domain`,
};

function refuse(problem: HostPatternProblem, text: string): ParsedHostPattern {
  return { ok: false, problem, message: MESSAGES[problem](text) };
}

export function parseHostPattern(text: string): ParsedHostPattern {
  const raw = text.trim();
  if (raw === '') return refuse('empty', raw);
  const host = normalizeHost(raw);
  if (host.startsWith('*.')) {
    const suffix = host.slice(2);
    if (suffix.includes('*')) return refuse('wildcard', raw);
    if (isIp(suffix)) return refuse('ip-wildcard', raw);
    if (!isName(suffix)) return refuse('name', raw);
    return { ok: true, pattern: { kind: 'subdomains', suffix: `.${suffix}` }, text: host };
  }
  if (host.includes('*')) return refuse('wildcard', raw);
  if (isIp(host)) return { ok: true, pattern: { kind: 'ip', host }, text: host };
  if (!isName(host)) return refuse('name', raw);
  return { ok: true, pattern: { kind: 'name', host }, text: host };
}

export function isHostPattern(text: string): boolean {
  return parseHostPattern(text).ok;
}

export function hostMatchesPattern(pattern: HostPattern, host: string): boolean {
  const h = normalizeHost(host);
  if (pattern.kind === 'subdomains') return !isIp(h) && h.length > pattern.suffix.length && h.endsWith(pattern.suffix);
  return h === pattern.host;
}

/**
 * A list of patterns, parsed once, for the engine's checks. Patterns that do not parse never match
 * (the schema and the CLI refuse them before they get here).
 */
export function hostMatcher(patterns: readonly string[]): (host: string) => boolean {
  const parsed = patterns.map(parseHostPattern).flatMap((p) => (p.ok ? [p.pattern] : []));
  return (host) => parsed.some((p) => hostMatchesPattern(p, host));
}
