// The lab's messages as they travel: exactly `size` bytes of ASCII carrying their sequence number
// and generation time, so any client (browser or Node) can measure its own delivery latency.
// Polling responses batch them; SSE frames each as one `data:` field (WHATWG HTML §9.2.6).

const FILLER = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function filler(n: number): string {
  if (n <= 0) return '';
  return FILLER.repeat(Math.ceil(n / FILLER.length)).slice(0, n);
}

/** A message of exactly `size` bytes (longer only if `size` cannot hold the header). All ASCII, no newline. */
export function encodeLabMessage(seq: number, generatedAt: number, size: number, format: 'text' | 'json'): string {
  if (format === 'json') {
    const head = `{"seq":${seq},"at":${generatedAt},"pad":"`;
    return `${head}${filler(size - head.length - 2)}"}`;
  }
  const head = `${seq} ${generatedAt} `;
  return head + filler(size - head.length);
}

const TEXT_HEAD = /^(\d+) (\d+) /;
const JSON_HEAD = /^\{"seq":(\d+),"at":(\d+),/;

export function decodeLabMessage(message: string): { seq: number; generatedAt: number } | null {
  const m = TEXT_HEAD.exec(message) ?? JSON_HEAD.exec(message);
  return m ? { seq: Number(m[1]), generatedAt: Number(m[2]) } : null;
}

/** A polling response body: a JSON array, or one message per line for text. */
export function encodePollBody(messages: string[], format: 'text' | 'json'): string {
  return format === 'json' ? `[${messages.join(',')}]` : messages.join('\n');
}

export function decodePollBody(body: string, format: 'text' | 'json'): string[] {
  if (body === '') return [];
  if (format === 'json') {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? parsed.map((m) => JSON.stringify(m)) : [];
  }
  return body.split('\n');
}

/** One server-sent event: `data:` plus the blank line that ends the event (7 bytes of framing). */
export function encodeSseEvent(message: string): string {
  return `data:${message}\n\n`;
}

export const SSE_FIELD_BYTES = 'data:'.length + '\n\n'.length;

/** Splits an event stream into the data of complete events; returns the unfinished tail. */
export function splitSseEvents(buffer: string): { events: string[]; rest: string } {
  const events: string[] = [];
  let at = 0;
  for (;;) {
    const end = buffer.indexOf('\n\n', at);
    if (end < 0) break;
    const data = buffer
      .slice(at, end)
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    if (data !== '') events.push(data);
    at = end + 2;
  }
  return { events, rest: buffer.slice(at) };
}
