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
 * Allocates one zero-filled typed array of length `n` per column of `spec`. The columns of one element
 * type lie one after another (each from a multiple of 8 bytes), in spec order, in a single buffer (their pool, {@link columnPools}); with
 * `shared`, a SharedArrayBuffer, so threads can work on the same columns.
 */
export function allocateColumns<S extends Record<string, ColumnType>>(spec: S, n: number, shared = false): Columns<S> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`allocateColumns: n must be a non-negative integer, got ${n}`);
  const names = Object.keys(spec);
  const byType = new Map<ColumnType, string[]>();
  for (const name of names) byType.set(spec[name], [...(byType.get(spec[name]) ?? []), name]);
  const made = new Map<string, ColumnArrays[ColumnType]>();
  for (const [type, group] of byType) {
    const C = CTORS[type];
    // Each column starts at a multiple of 8 bytes, so any column can also be read as wider words
    // (the household index reads four u8 households at a time).
    const stride = Math.ceil((n * C.BYTES_PER_ELEMENT) / 8) * 8;
    // (The union of the constructors only takes ArrayBuffer in TypeScript's types; each takes a shared one.)
    const buffer = (shared ? new SharedArrayBuffer(stride * group.length) : new ArrayBuffer(stride * group.length)) as ArrayBuffer;
    group.forEach((name, k) => made.set(name, new C(buffer, k * stride, n)));
  }
  // Object.fromEntries builds an object with fast (shape-based) properties; assigning computed keys in a
  // loop would leave it in dictionary mode, and every column lookup in a hot loop would be a hash probe.
  return Object.fromEntries(names.map((name) => [name, made.get(name)!])) as Columns<S>;
}

/**
 * One view over the whole buffer of each element type: a column of that type is its pool from
 * {@link offsetIn}(pool, column) on.
 *
 * Why: a hot loop that reads twenty columns through twenty arrays makes V8 check each array's class,
 * length and data pointer on every iteration (it does not hoist them out of the loop); through one
 * pool per type it checks three arrays. The income pass took 0.90–0.93 of its time so (docs/performance.md,
 * "Column pools").
 */
export type ColumnPools<S extends Record<string, ColumnType>> = { readonly [T in S[keyof S]]: ColumnArrays[T] };

const TYPE_OF = new Map<unknown, ColumnType>(Object.entries(CTORS).map(([t, C]) => [C, t as ColumnType]));

/**
 * The pools of columns made by {@link allocateColumns} or {@link cloneColumns}.
 * @throws Error when the columns of one type do not share one buffer (columns built some other way)
 */
export function columnPools<S extends Record<string, ColumnType>>(cols: Columns<S>): ColumnPools<S> {
  const pools = new Map<ColumnType, ColumnArrays[ColumnType]>();
  for (const [name, col] of Object.entries(cols) as [string, ColumnArrays[ColumnType]][]) {
    const type = TYPE_OF.get(col.constructor);
    if (type === undefined) throw new Error(`columnPools: column ${name} is not a typed array of a column type`);
    const pool = pools.get(type);
    if (pool === undefined) pools.set(type, new CTORS[type](col.buffer as ArrayBuffer));
    else if (pool.buffer !== col.buffer) throw new Error(`columnPools: column ${name} is not in the buffer of the other ${type} columns`);
  }
  return Object.fromEntries(pools) as ColumnPools<S>;
}

/**
 * Where `col` starts in `pool`, in elements.
 * @throws Error when `col` is not in `pool` (a column replaced after the pools were made)
 */
export function offsetIn(pool: ArrayLike<number> & { buffer: ArrayBufferLike }, col: { buffer: ArrayBufferLike; byteOffset: number; BYTES_PER_ELEMENT: number }): number {
  if (col.buffer !== pool.buffer) throw new Error('offsetIn: the column is not in this pool (columns must come from allocateColumns or cloneColumns)');
  return col.byteOffset / col.BYTES_PER_ELEMENT;
}

/** A copy of columns made by {@link allocateColumns}, laid out the same way (each pool copied once). */
export function cloneColumns<C extends Columns<Record<string, ColumnType>>>(cols: C): C {
  const copies = new Map<ArrayBufferLike, ArrayBuffer>();
  const out = Object.entries(cols).map(([name, col]) => {
    let buffer = copies.get(col.buffer);
    if (buffer === undefined) {
      buffer = new ArrayBuffer(col.buffer.byteLength);
      new Uint8Array(buffer).set(new Uint8Array(col.buffer));
      copies.set(col.buffer, buffer);
    }
    const C = CTORS[TYPE_OF.get(col.constructor)!];
    return [name, new C(buffer, col.byteOffset, col.length)];
  });
  return Object.fromEntries(out) as C;
}

/** Bytes held by the columns (for memory reports). */
export function columnBytes(cols: Record<string, { byteLength: number }>): number {
  let b = 0;
  for (const c of Object.values(cols)) b += c.byteLength;
  return b;
}
