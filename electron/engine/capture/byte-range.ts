// A frame arrives as two arrays, its header and its payload; what the capture keeps of it is a
// range of their concatenation a ‖ b. These copy and view such ranges without concatenating.

/** The n bytes of a ‖ b starting at `from`, as at most two views (no copy). */
export function rangeParts(a: Uint8Array, b: Uint8Array, from: number, n: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let done = 0;
  if (from < a.length && n > 0) {
    const k = Math.min(n, a.length - from);
    parts.push(a.subarray(from, from + k));
    done = k;
  }
  if (done < n) {
    const bFrom = from + done - a.length;
    parts.push(b.subarray(bFrom, bFrom + n - done));
  }
  return parts;
}

/** Copies n bytes of a ‖ b starting at `from` into dst at `at`. */
export function copyRange(a: Uint8Array, b: Uint8Array, from: number, n: number, dst: Uint8Array, at: number): void {
  const aLen = a.length;
  if (n <= 96) {
    // Short copies (headers, hot prefixes): loops beat creating subarray views.
    const end = from + n;
    const aEnd = Math.min(end, aLen);
    let i = from;
    for (; i < aEnd; i++) dst[at++] = a[i] as number;
    for (let j = i - aLen; i < end; i++, j++) dst[at++] = b[j] as number;
    return;
  }
  // One view per array at most (none for a whole one): this runs for every kept frame.
  if (from < aLen) {
    const k = Math.min(n, aLen - from);
    dst.set(from === 0 && k === aLen ? a : a.subarray(from, from + k), at);
    at += k;
    n -= k;
    from = aLen;
  }
  if (n > 0) {
    const start = from - aLen;
    dst.set(start === 0 && n === b.length ? b : b.subarray(start, start + n), at);
  }
}
