// Lab timestamps use the capture's convention: microseconds since the Unix epoch, from the
// process's wall-clock origin plus the monotonic clock, so they compare with the capture's times.
export function nowUs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}
