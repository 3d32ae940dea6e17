/**
 * Input guards shared by the design and sensitivity functions. Every message starts with the name of
 * the public function that was called, so that an error points at the caller's mistake.
 */

/**
 * Throws a RangeError unless `value` is an integer in [min, max].
 * @param fn name of the public function, used as the message prefix
 * @param name name of the argument
 */
export function assertIntegerInRange(fn: string, name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const upper = max === Number.MAX_SAFE_INTEGER ? '' : `, at most ${max}`;
    throw new RangeError(`${fn}: ${name} must be an integer of at least ${min}${upper}, got ${value}`);
  }
}

/** Throws a TypeError unless `rng` is a function (the random source must always be given). */
export function assertRng(fn: string, rng: unknown): void {
  if (typeof rng !== 'function') {
    throw new TypeError(`${fn}: a random source rng: () => number is required (no Math.random fallback)`);
  }
}

/**
 * Draws one number from `rng` and throws a RangeError unless it lies in [0, 1).
 * Used where a bad source would silently corrupt a design (e.g. a stratum index out of range).
 */
export function drawUnit(fn: string, rng: () => number): number {
  const u = rng();
  if (!(u >= 0 && u < 1)) throw new RangeError(`${fn}: rng must return numbers in [0, 1), got ${u}`);
  return u;
}
