/**
 * Column storage (src/engine/columns.ts): the columns of one element type lie one after another in one
 * buffer, their pool; an element read or written through the pool is the column's own element; copies
 * keep the layout and own their memory; a column that is not in its pool is refused, never read stale.
 */
import { describe, expect, it } from 'vitest';
import { allocateColumns, cloneColumns, columnPools, offsetIn } from '../../src/engine/columns.js';
import { initWorld, defaultParams } from '../../src/model/simulate.js';
import { INCOME_BLOCKS } from '../../src/model/income.js';

const SPEC = { a: 'f32', n: 'u8', b: 'f32', m: 'u16', c: 'f32', k: 'u8' } as const;

describe('column pools', () => {
  it('lay the columns of one type one after another in spec order, each from a multiple of 8 bytes, zero-filled', () => {
    const cols = allocateColumns(SPEC, 5);
    expect(cols.a.buffer).toBe(cols.b.buffer);
    expect(cols.b.buffer).toBe(cols.c.buffer);
    expect(cols.n.buffer).toBe(cols.k.buffer);
    expect(cols.a.buffer).not.toBe(cols.n.buffer);
    // Each column from a multiple of 8 bytes: 5 f32 take 20 bytes, padded to 24; 5 u8 take 8.
    expect([cols.a.byteOffset, cols.b.byteOffset, cols.c.byteOffset]).toEqual([0, 24, 48]);
    expect([cols.n.byteOffset, cols.k.byteOffset, cols.m.byteOffset]).toEqual([0, 8, 0]);
    expect(Object.keys(cols)).toEqual(['a', 'n', 'b', 'm', 'c', 'k']);
    for (const c of Object.values(cols)) expect([...c]).toEqual([0, 0, 0, 0, 0]);
    cols.b.fill(7);
    expect([...cols.a, ...cols.c]).toEqual(new Array(10).fill(0));
  });

  it('read and write through the pool what the column holds', () => {
    const cols = allocateColumns(SPEC, 4);
    const pools = columnPools(cols);
    expect(pools.f32).toBeInstanceOf(Float32Array);
    expect(pools.f32.length).toBe(12); // 3 columns of 4 f32, 16 bytes each: no padding
    expect(pools.u16.length).toBe(4); // 4 u16 = 8 bytes
    cols.c[3] = 2.5;
    expect(pools.f32[offsetIn(pools.f32, cols.c) + 3]).toBe(2.5);
    pools.u8[offsetIn(pools.u8, cols.k) + 1] = 9;
    expect([...cols.k]).toEqual([0, 9, 0, 0]);
    expect([...cols.n]).toEqual([0, 0, 0, 0]);
  });

  it('refuse a column that is not in the pool, and columns of one type on different buffers', () => {
    const cols = allocateColumns(SPEC, 4);
    const pools = columnPools(cols);
    expect(() => offsetIn(pools.f32, new Float32Array(4))).toThrow(/not in this pool/);
    expect(() => columnPools({ ...cols, b: new Float32Array(4) })).toThrow(/column b is not in the buffer of the other f32 columns/);
  });

  it('copy with the same layout into memory of their own, from shared columns too', () => {
    const cols = allocateColumns(SPEC, 3, true);
    cols.a.set([1, 2, 3]);
    cols.m.set([4, 5, 6]);
    const copy = cloneColumns(cols);
    expect(copy.a.buffer).toBe(copy.c.buffer);
    expect(copy.a.buffer).toBeInstanceOf(ArrayBuffer);
    expect([...copy.a]).toEqual([1, 2, 3]);
    expect([...copy.m]).toEqual([4, 5, 6]);
    expect(copy.b.byteOffset).toBe(cols.b.byteOffset);
    copy.a[0] = 10;
    expect(cols.a[0]).toBe(1);
    const pools = columnPools(copy);
    expect(pools.f32[offsetIn(pools.f32, copy.a)]).toBe(10);
  });

  it('keep a pass from reading a world whose column was replaced after it was built', () => {
    const w = initWorld({ params: defaultParams(), schedule: [], seed: 1, scale: 0.0002, endYear: 2014 });
    (w.hh as { savings: Float32Array }).savings = new Float32Array(w.nHouseholds);
    expect(() => INCOME_BLOCKS.run(w, 0)).toThrow(/not in this pool/);
  });
});
