// How a body can be shown: text, JSON (pretty-printed), hex, or — for text/event-stream — its
// server-sent events. The default follows the content: events for an event stream, JSON when it
// parses, text for valid UTF-8, hex for the rest. Pure, no DOM.
import { findInvalidUtf8 } from '../../../../../shared/protocol/utf8';
import { parseJson, type JsonValue } from '../payload/payload-content';

export type BodyMode = 'text' | 'json' | 'hex' | 'events';

export function isEventStream(contentType: string | null): boolean {
  return contentType !== null && contentType.split(';')[0]!.trim().toLowerCase() === 'text/event-stream';
}

export function defaultBodyMode(contentType: string | null, bytes: Uint8Array, json: JsonValue | null): BodyMode {
  if (isEventStream(contentType)) return 'events';
  if (json !== null) return 'json';
  return findInvalidUtf8(bytes) === -1 ? 'text' : 'hex';
}

/** JSON pretty-printed with two spaces, or null when the body is not a JSON object or array. */
export function prettyJson(bytes: Uint8Array): string | null {
  const value = parseJson(bytes);
  return value === null ? null : JSON.stringify(value, null, 2);
}

export { parseJson };
