/** Comparison files: the shipped default parses; mistakes name file, line, column, key and a hint. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/diagnostics.js';
import { isComparisonText, parseComparisonFile } from '../../src/experiment/comparison-file.js';

const SHIPPED = resolve(import.meta.dirname, '../../scenarios/comparisons/four-suggestions.yaml');

/** The message lines of the InputError the text raises (fails the test when it raises none). */
function problems(text: string): string[] {
  let err: unknown;
  try {
    parseComparisonFile(text, 'c.yaml');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  return (err as InputError).message.split('\n');
}

describe('parseComparisonFile', () => {
  it('reads the shipped default comparison', () => {
    const c = parseComparisonFile(readFileSync(SHIPPED, 'utf8'), SHIPPED);
    expect(c.baseline).toBe('../baseline.yaml');
    expect(c.alternatives).toHaveLength(4);
    expect(c.combinations).toEqual([{ scenario: '../all-four.yaml', of: c.alternatives }]);
    expect(c.years).toEqual([2020, 2025]);
    expect(c.draws.count).toBeGreaterThan(1);
    expect(isComparisonText(readFileSync(SHIPPED, 'utf8'))).toBe(true);
    expect(isComparisonText('name: x\nextends: baseline.yaml\n')).toBe(false);
  });

  it('names an unknown key with its line and the valid keys', () => {
    expect(problems('name: x\nbaseline: b.yaml\nalternatives: [a.yaml]\nalternative: [c.yaml]\n')[0])
      .toBe('c.yaml:4:1: alternative: unknown key "alternative"');
  });

  it('refuses a combination of a part that is not an alternative', () => {
    const lines = problems('name: x\nbaseline: b.yaml\nalternatives: [a.yaml, b2.yaml]\ncombinations:\n  - { scenario: ab.yaml, of: [a.yaml, z.yaml] }\n');
    expect(lines[0]).toMatch(/^c\.yaml:5:\d+: combinations\[0\]\.of: "z\.yaml" is not one of the alternatives$/);
    expect(lines[1]).toMatch(/hint: list each part under alternatives/);
  });

  it('refuses bad numbers and budgets without doses', () => {
    const lines = problems('name: x\nbaseline: b.yaml\nalternatives: [a.yaml]\nreplicates: 1\nbudgets: [-5]\n');
    expect(lines.join('\n')).toMatch(/c\.yaml:4:13: replicates: must be a whole number from 2 to 10000/);
  });

  it('asks for at least 2 replicates a dose (each dose is a paired interval), 1 a draw is enough', () => {
    const head = 'name: x\nbaseline: b.yaml\nalternatives: [a.yaml]\n';
    expect(problems(`${head}doses: { count: 2, replicates: 1 }\n`)[0]).toBe('c.yaml:4:32: doses.replicates: must be a whole number from 2 to 1000');
    const ok = parseComparisonFile(`${head}draws: { count: 2, replicates: 1 }\ndoses: { count: 2, replicates: 2 }\n`, 'c.yaml');
    expect([ok.draws.replicates, ok.doses.replicates]).toEqual([1, 2]);
  });
});
