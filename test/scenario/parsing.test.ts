/** The two hand-written scanners of src/scenario: the JSON error locator and the nesting guard. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findJsonSyntaxError } from '../../src/scenario/jsonSyntax.js';
import { excessiveNesting } from '../../src/scenario/nesting.js';
import { MAX_NESTING } from '../../src/scenario/source.js';

const isJson = (t: string) => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxError', () => {
  it('finds no error in any valid JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (v, indent) => {
        expect(findJsonSyntaxError(JSON.stringify(v, null, indent))).toBeUndefined();
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it('agrees with JSON.parse on corrupted JSON, and locates the error inside the text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.string({ maxLength: 3 }), (v, at, junk) => {
        const t = JSON.stringify(v);
        const i = at % (t.length + 1);
        const bad = t.slice(0, i) + junk + t.slice(i + (at % 2));
        const found = findJsonSyntaxError(bad);
        expect(found === undefined).toBe(isJson(bad));
        if (found) expect(found.offset).toBeLessThanOrEqual(bad.length);
      }),
      { numRuns: 2000, seed: 2 },
    );
  });

  it('does not overflow on deep nesting', () => {
    expect(findJsonSyntaxError('['.repeat(1_000_000))).toEqual({ offset: 1_000_000, message: 'unexpected end of file' });
  });
});

describe('excessiveNesting', () => {
  it('passes any shallow YAML or JSON document', () => {
    const shallow = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', maxDepth: 6 },
        fc.string(),
        fc.double(),
        fc.boolean(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(shallow, (v) => {
        expect(excessiveNesting(stringify(v), MAX_NESTING)).toBe(-1);
        expect(excessiveNesting(JSON.stringify(v, null, 2) ?? '', MAX_NESTING)).toBe(-1);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('flags deep flow, block and compact nesting, but not text in block scalars or quotes', () => {
    expect(excessiveNesting(`a: ${'['.repeat(100)}`, 64)).toBe(3 + 64);
    expect(excessiveNesting(`a:\n${'- '.repeat(100)}x`, 64)).toBe(3);
    const indented = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(excessiveNesting(indented, 64)).toBeGreaterThan(0);
    expect(excessiveNesting(`d: |\n  ${'['.repeat(100)}\n${' '.repeat(100)}text\ne: 1\n`, 64)).toBe(-1);
    expect(excessiveNesting(`d: "${'['.repeat(100)}"\ne: '${'{'.repeat(100)}'`, 64)).toBe(-1);
    expect(excessiveNesting(`d: x # ${'['.repeat(100)}\n`, 64)).toBe(-1);
  });
});
