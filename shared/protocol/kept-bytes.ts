import { EMPTY_BYTES } from './frame-header.js';
import { Utf8Validator, type Utf8Check } from './utf8.js';

/**
 * The bytes of one message as they stream in: every byte is counted (and checked as UTF-8 when
 * asked), but only the first `budget` are kept, as views, for display. What is not kept is a
 * Framescope limit ("kept N of M"), never the peer's fault.
 */
export class KeptBytes {
  private parts: Uint8Array[] = [];
  kept = 0;
  /** Every byte seen, kept or not. */
  total = 0;
  private utf8: Utf8Validator | null;
  /** Index (in the whole message) of the first invalid UTF-8 byte, or -1. */
  invalidAt = -1;

  constructor(
    private readonly budget: number,
    validateUtf8: boolean,
    check?: Utf8Check,
  ) {
    this.utf8 = validateUtf8 ? new Utf8Validator(check) : null;
  }

  /**
   * Adds bytes; `keep` false only counts (and validates) them. Returns the index in `bytes` of
   * the first invalid UTF-8 byte when this push found the message's first one, else -1.
   */
  push(bytes: Uint8Array, keep = true): number {
    const at = this.total;
    this.total += bytes.length;
    if (keep && this.kept === at && this.kept < this.budget && bytes.length > 0) {
      const part = this.kept + bytes.length > this.budget ? bytes.subarray(0, this.budget - this.kept) : bytes;
      this.parts.push(part);
      this.kept += part.length;
    }
    if (this.utf8 === null || this.invalidAt >= 0) return -1;
    const bad = this.utf8.push(bytes);
    if (bad < 0) return -1;
    this.invalidAt = at + bad;
    return bad;
  }

  /** Some bytes will never be seen: stop judging the text (what was not seen cannot be judged). */
  blind(): void {
    this.utf8 = null;
  }

  /** Validating, all bytes were seen and the text ends inside a code point (§8.1 makes that invalid too). */
  get endsMidCodePoint(): boolean {
    return this.utf8 !== null && this.invalidAt < 0 && !this.utf8.complete;
  }

  get truncated(): boolean {
    return this.kept < this.total;
  }

  /** The kept prefix as one array (no copy when it is one piece). */
  bytes(): Uint8Array {
    const parts = this.parts;
    if (parts.length === 0) return EMPTY_BYTES;
    if (parts.length === 1) return parts[0] as Uint8Array;
    const out = new Uint8Array(this.kept);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    this.parts = [out];
    return out;
  }
}
