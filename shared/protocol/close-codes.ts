/** Close status codes of RFC 6455 §7.4.1 and the IANA registry (§11.7). */
export interface CloseCodeInfo {
  name: string;
  meaning: string;
}

export const CLOSE_CODES: Readonly<Record<number, CloseCodeInfo>> = Object.freeze({
  1000: { name: 'Normal Closure', meaning: 'The purpose for which the connection was established has been fulfilled.' },
  1001: { name: 'Going Away', meaning: 'An endpoint is going away, such as a server going down or a browser leaving the page.' },
  1002: { name: 'Protocol Error', meaning: 'The endpoint is closing because of a protocol error.' },
  1003: { name: 'Unsupported Data', meaning: 'The endpoint received a type of data it cannot accept (e.g. binary when it only understands text).' },
  1004: { name: 'Reserved', meaning: 'Reserved; the meaning might be defined in the future. Must not be sent.' },
  1005: { name: 'No Status Received', meaning: 'Used by APIs to report that no status code was present. Must not be sent in a Close frame.' },
  1006: { name: 'Abnormal Closure', meaning: 'Used by APIs to report that the connection closed without a Close frame. Must not be sent in a Close frame.' },
  1007: { name: 'Invalid Frame Payload Data', meaning: 'The endpoint received data inconsistent with the message type (e.g. invalid UTF-8 in a text message).' },
  1008: { name: 'Policy Violation', meaning: 'The endpoint received a message that violates its policy.' },
  1009: { name: 'Message Too Big', meaning: 'The endpoint received a message too big for it to process.' },
  1010: { name: 'Mandatory Extension', meaning: 'The client expected the server to negotiate one or more extensions, but the server did not.' },
  1011: { name: 'Internal Error', meaning: 'The server encountered an unexpected condition that prevented it from fulfilling the request.' },
  1012: { name: 'Service Restart', meaning: 'The service is restarting.' },
  1013: { name: 'Try Again Later', meaning: 'The service is temporarily overloaded; try again later.' },
  1014: { name: 'Bad Gateway', meaning: 'A gateway or proxy received an invalid response from the upstream server.' },
  1015: { name: 'TLS Handshake', meaning: 'Used by APIs to report a TLS handshake failure. Must not be sent in a Close frame.' },
});

export type CloseCodeValidity =
  | { valid: true; range: 'standard' | 'registered' | 'private' }
  | { valid: false; reason: string };

/**
 * Whether `code` may appear on the wire in a Close frame.
 * RFC 6455 §7.4.1: 1004 is reserved and 1005, 1006, 1015 are for APIs only;
 * §7.4.2: 0-999 are unused, 1000-2999 belong to the RFC and future revisions
 * (so unassigned ones cannot be sent), 3000-3999 are IANA-registered,
 * 4000-4999 are private use. Above 4999 is undefined.
 */
export function closeCodeValidity(code: number): CloseCodeValidity {
  if (!Number.isInteger(code) || code < 1000) return { valid: false, reason: 'codes below 1000 are not used (§7.4.2)' };
  if (code === 1004 || code === 1005 || code === 1006 || code === 1015) {
    return { valid: false, reason: `${code} is reserved and must not be sent in a Close frame (§7.4.1)` };
  }
  if (code <= 1014) return { valid: true, range: 'standard' };
  if (code <= 2999) return { valid: false, reason: `${code} is reserved for future revisions of the protocol (§7.4.2)` };
  if (code <= 3999) return { valid: true, range: 'registered' };
  if (code <= 4999) return { valid: true, range: 'private' };
  return { valid: false, reason: 'codes above 4999 are not defined (§7.4.2)' };
}
