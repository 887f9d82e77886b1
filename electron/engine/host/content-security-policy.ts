/**
 * The renderer's Content-Security-Policy, one definition for both hosts. Payloads are hostile:
 * no inline script, no remote content, no plugins. Monaco injects styles, hence 'unsafe-inline'
 * for styles only; its workers are bundled files (worker-src 'self' blob:).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  // The lab's browser clients talk to lab servers on other loopback ports; nothing else is reachable.
  "connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
