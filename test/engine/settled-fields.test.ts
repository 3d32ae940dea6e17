/**
 * settleNumberFields, settleAllNumberFields and settleObjectFields (src/engine/settled-fields.ts) change
 * an object's hidden class only: every value, the key order and the other fields stay as they were; and
 * V8 keeps code optimized for a settled object when its field first holds a fraction, or when the same
 * literal makes a second object (fails when settling does nothing: tried).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { settleAllNumberFields, settleNumberFields, settleObjectFields } from '../../src/engine/settled-fields.js';

describe('settled number fields', () => {
  it('leave every value and the key order as they were', () => {
    const o = { step: 0, line: 2736, share: 0.25, negative: -3, big: 2 ** 40, name: 'x', list: [1, 2] };
    const same = settleNumberFields(o, ['line', 'share', 'big'], ['step', 'negative']);
    expect(same).toBe(o);
    expect(o).toEqual({ step: 0, line: 2736, share: 0.25, negative: -3, big: 2 ** 40, name: 'x', list: [1, 2] });
    expect(Object.keys(o)).toEqual(['step', 'line', 'share', 'negative', 'big', 'name', 'list']);
  });

  it('settle every number field of a table and skip the others', () => {
    const t = { a: 0, b: 1.5, c: 'text', d: null, e: -0, f: Number.NaN };
    settleAllNumberFields(t);
    expect(t.a).toBe(0);
    expect(t.b).toBe(1.5);
    expect(t.c).toBe('text');
    expect(t.d).toBeNull();
    expect(Object.is(t.e, -0)).toBe(true);
    expect(t.f).toBeNaN();
    expect(Object.keys(t)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('settled object fields', () => {
  it('leave every value, its identity and the key order as they were', () => {
    const column = new Float64Array([1, 2]);
    const nested = { a: 1 };
    const fn = (): number => 3;
    const o = { column, count: 2, nested, none: null, name: 'x', fn, list: [1, 2], flag: true };
    const list = o.list;
    expect(settleObjectFields(o)).toBe(o);
    expect(o.column).toBe(column);
    expect(o.nested).toBe(nested);
    expect(o.fn).toBe(fn);
    expect(o.list).toBe(list);
    expect(o).toEqual({ column: new Float64Array([1, 2]), count: 2, nested: { a: 1 }, none: null, name: 'x', fn, list: [1, 2], flag: true });
    expect(Object.keys(o)).toEqual(['column', 'count', 'nested', 'none', 'name', 'fn', 'list', 'flag']);
  });
});

type Status = Record<'plain' | 'settled', { before: boolean; after: boolean }>;

/** V8's own optimization status, in a child process (the flag it needs is not for the test process), on dist/ (built by the test setup). */
function probe(): { numbers: Status; objects: Status } {
  const fixture = fileURLToPath(new URL('./fixtures/settled-probe.mjs', import.meta.url));
  const dist = fileURLToPath(new URL('../../dist', import.meta.url));
  return JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', fixture, dist], { encoding: 'utf8' })) as { numbers: Status; objects: Status };
}

describe('settled fields, in V8', () => {
  let out: { numbers: Status; objects: Status };
  beforeAll(() => {
    out = probe();
  });

  it('keep a function optimized for the object when a field first holds a fraction (it is thrown away otherwise)', () => {
    expect(out.numbers.plain).toEqual({ before: true, after: false });
    expect(out.numbers.settled).toEqual({ before: true, after: true });
  });

  it('keep a function optimized for an object when the same literal makes a second object (it is thrown away otherwise)', () => {
    expect(out.objects.plain).toEqual({ before: true, after: false });
    expect(out.objects.settled).toEqual({ before: true, after: true });
  });
});
