/**
 * Gives an object whose number fields change during a run its final hidden class before any code
 * runs on it.
 *
 * Why: V8 gives `{ x: 0 }` a hidden class in which x is a constant small integer. The first time x is
 * written again, and again the first time it holds a fraction, the object's class changes, and every
 * optimized function that has seen the object is thrown away and compiled again. A cold run at 1:100
 * did that about 130 times, a sixth of its time (docs/performance.md, "Warm-up"). Writing each field
 * twice, first with a value of its final kind, settles the class at once. Values are left as they
 * were; other engines simply do two extra writes.
 */

/** The keys of T whose values are numbers. */
export type NumberKey<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T] & string;

/**
 * Settles `fractional` fields (they will hold fractions) and `whole` fields (they stay whole numbers,
 * so they keep the integer representation) as changing fields. Returns `o`.
 */
export function settleNumberFields<T extends object>(o: T, fractional: readonly NumberKey<T>[], whole: readonly NumberKey<T>[] = []): T {
  const r = o as Record<string, number>;
  for (const k of fractional) {
    const v = r[k];
    r[k] = 0.5;
    r[k] = v;
  }
  for (const k of whole) {
    const v = r[k];
    r[k] = v + 1;
    r[k] = v;
  }
  return o;
}

/**
 * Settles every field of `o` that holds an object (or array, or function) as holding objects of any
 * class. Returns `o`.
 *
 * Why: V8 notes the class of the first value an object literal's field is given. The second object
 * made by the same literal (the next run's world, say) gets that field generalized to any class, and
 * every optimized function that read the field through the first object is thrown away: at the start
 * of a process's second run, nearly all of the model's code (docs/performance.md, "Warm-up"). A store
 * of null and back does that generalization at once, before any code is compiled against the object.
 */
export function settleObjectFields<T extends object>(o: T): T {
  const r = o as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    const v = r[k];
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) continue;
    r[k] = null;
    r[k] = v;
  }
  return o;
}

/** Settles every number field of `o` as fractional (a table of parameters, a set of flows). Returns `o`. */
export function settleAllNumberFields<T extends object>(o: T): T {
  const r = o as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    const v = r[k];
    if (typeof v !== 'number') continue;
    r[k] = 0.5;
    r[k] = v;
  }
  return o;
}
