// Frame times: seconds since the connection (or capture) started, to the microsecond, the way
// packet analysers print them; the wall-clock time goes in the tooltip.

/** Seconds with six decimals; negative offsets (clock skew between connections) keep their sign. */
export function formatRelativeSeconds(us: number): string {
  const sign = us < 0 ? '-' : '';
  const abs = Math.abs(Math.round(us));
  const whole = Math.floor(abs / 1_000_000);
  const frac = String(abs % 1_000_000).padStart(6, '0');
  return `${sign}${whole}.${frac}`;
}

/** Full local date and time with microseconds, for the tooltip. */
export function formatAbsolute(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  const micros = String(Math.round(us) % 1_000_000).padStart(6, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${micros}`;
}
