// Server-sent events split out of a text/event-stream body exactly as a browser's EventSource does
// (HTML Living Standard §9.2.6 "Interpreting an event stream"): lines end in CRLF, LF or CR; a line
// starting with ':' is a comment; "field: value" drops one space after the colon; `data` lines join
// with LF; `id` sets the last event ID unless it holds U+0000; `retry` counts only when all ASCII
// digits; a blank line dispatches the event, but only if it has data; what follows the last blank
// line is not an event yet. Pure: the renderer and tests use it on decoded body text.

export interface SseEvent {
  /** Event type: the `event` field, or "message". */
  type: string;
  data: string;
  /** The last event ID at dispatch (it carries over to later events, §9.2.6). */
  lastEventId: string;
  /** A `retry` field inside this event (milliseconds), or null. */
  retry: number | null;
  /** Fields of the event as written, in order (the viewer shows them). */
  fields: { name: string; value: string }[];
}

export interface SseParse {
  events: SseEvent[];
  /** Comment lines (keep-alives such as ": ping"). */
  comments: number;
  /** Fields after the last blank line: an event still arriving (or cut off). */
  pending: { name: string; value: string }[];
}

export function parseEventStream(text: string): SseParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const events: SseEvent[] = [];
  let comments = 0;
  let data = '';
  let type = '';
  let lastEventId = '';
  let retry: number | null = null;
  let fields: { name: string; value: string }[] = [];
  // Only lines that ended (followed by CR or LF) are processed; a trailing partial line is pending.
  const re = /([^\r\n]*)(\r\n|\r|\n)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(body)) !== null) {
    consumed = re.lastIndex;
    const line = m[1] as string;
    if (line === '') {
      if (data !== '') {
        events.push({ type: type === '' ? 'message' : type, data: data.endsWith('\n') ? data.slice(0, -1) : data, lastEventId, retry, fields });
      }
      data = '';
      type = '';
      retry = null;
      fields = [];
      continue;
    }
    if (line.startsWith(':')) {
      comments++;
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    fields.push({ name, value });
    if (name === 'event') type = value;
    else if (name === 'data') data += `${value}\n`;
    else if (name === 'id' && !value.includes('\u0000')) lastEventId = value;
    else if (name === 'retry' && /^[0-9]+$/.test(value)) retry = Number(value);
  }
  const tail = body.slice(consumed);
  const cut = tail.indexOf(':');
  const pending = tail === '' ? fields : [...fields, { name: cut < 0 ? tail : tail.slice(0, cut), value: cut < 0 ? '' : tail.slice(cut + 1).replace(/^ /, '') }];
  return { events, comments, pending };
}
