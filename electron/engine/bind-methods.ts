/** Picks the listed methods of a service, bound to it, so the engine's API is built from the contract's method lists. */
export function bindMethods<T extends object, K extends keyof T>(service: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) {
    const member = service[key];
    if (typeof member !== 'function') throw new Error(`service has no method ${String(key)}`);
    out[key] = (member as (...args: unknown[]) => unknown).bind(service) as T[K];
  }
  return out;
}
