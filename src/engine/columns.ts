/**
 * Struct-of-arrays agent storage: each state variable is one typed array indexed by agent id.
 * A spec names the columns and their element types; `allocateColumns` returns the arrays.
 */

/** Element types a column may have. */
export type ColumnType = 'f64' | 'f32' | 'i32' | 'u32' | 'u16' | 'i16' | 'u8' | 'i8';

interface ColumnArrays {
  f64: Float64Array;
  f32: Float32Array;
  i32: Int32Array;
  u32: Uint32Array;
  u16: Uint16Array;
  i16: Int16Array;
  u8: Uint8Array;
  i8: Int8Array;
}

/** Maps a spec `{name: type}` to `{name: TypedArray}`. */
export type Columns<S extends Record<string, ColumnType>> = { [K in keyof S]: ColumnArrays[S[K]] };

const CTORS = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  u16: Uint16Array,
  i16: Int16Array,
  u8: Uint8Array,
  i8: Int8Array,
} as const;

/**
 * Allocates one zero-filled typed array of length `n` per column of `spec`; with `shared`, each on a
 * SharedArrayBuffer of its own, so threads can work on the same columns.
 */
export function allocateColumns<S extends Record<string, ColumnType>>(spec: S, n: number, shared = false): Columns<S> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`allocateColumns: n must be a non-negative integer, got ${n}`);
  // Object.fromEntries builds an object with fast (shape-based) properties; assigning computed keys in a
  // loop would leave it in dictionary mode, and every column lookup in a hot loop would be a hash probe.
  return Object.fromEntries(
    Object.entries(spec).map(([name, type]) => {
      const C = CTORS[type];
      // (The union of the constructors only takes ArrayBuffer in TypeScript's types; each takes a shared one.)
      return [name, shared ? new C(new SharedArrayBuffer(n * C.BYTES_PER_ELEMENT) as unknown as ArrayBuffer) : new C(n)];
    }),
  ) as Columns<S>;
}

/** Bytes held by the columns (for memory reports). */
export function columnBytes(cols: Record<string, { byteLength: number }>): number {
  let b = 0;
  for (const c of Object.values(cols)) b += c.byteLength;
  return b;
}
