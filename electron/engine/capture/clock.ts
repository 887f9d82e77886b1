// Capture timestamps: microseconds since the Unix epoch. performance.timeOrigin is the wall clock
// when the process started and performance.now() is monotonic, so times never go backwards and
// subtract exactly, even if the system clock is adjusted during a capture.
export function nowMicros(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}
