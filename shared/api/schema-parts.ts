// Building blocks for the contract's schemas (valibot): what an id, a port or a byte array is.
// Shapes only; services keep the rules that need state (is the connection open, is the port free).
import * as v from 'valibot';

/** A non-negative whole number that survives JSON and IPC exactly (ids, counts, offsets). */
export const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
/** Ids (frames count from 0); whether one exists is the service's answer (`not-found`). */
export const id = count;
export const port = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535));
export const bytes = v.instance(Uint8Array);
export const peer = v.picklist(['client', 'server']);

/** Text a user typed or a file carried; bounded so one call cannot hold the engine's memory. */
export function text(max = 65_536) {
  return v.pipe(v.string(), v.maxLength(max));
}

/** A number from min to max, both finite. */
export function between(min: number, max: number) {
  return v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));
}

export function wholeBetween(min: number, max: number) {
  return v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
}

export const nullableId = v.nullable(id);
