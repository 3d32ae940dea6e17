/**
 * Adaptive replicates as a user meets them: `povsim run --target-half-width` and `povsim compare
 * --target-half-width` at a tiny scale give the same replicate count and byte-identical CSV files with
 * 1 and 2 workers, and the manifest, summary.md and printed lines say how many were used and whether
 * the target was reached. (No exact model outputs: the target is set so that it cannot be reached.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '../..');
const BASELINE = join(ROOT, 'scenarios/baseline.yaml');
const ALL_FOUR = join(ROOT, 'scenarios/all-four.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-adaptive-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: () => undefined, isTTY: false }, out };
}
const TINY = ['--scale', '0.0005', '--replicates', '2', '--end-year', '2016', '--target-half-width', '0.00001', '--max-replicates', '5'];

describe('povsim run --target-half-width', () => {
  it('adds batches up to the maximum, the same with 1 and 2 workers, and says the target was not reached', async () => {
    const o1 = io();
    expect(await main(['run', BASELINE, '--out', join(tmp, 'r1'), '--workers', '1', ...TINY], o1.io)).toBe(0);
    expect(await main(['run', BASELINE, '--out', join(tmp, 'r2'), '--workers', '2', '--quiet', ...TINY], io().io)).toBe(0);
    expect(readFileSync(join(tmp, 'r2', 'yearly.csv'), 'utf8')).toBe(readFileSync(join(tmp, 'r1', 'yearly.csv'), 'utf8'));
    const m = JSON.parse(readFileSync(join(tmp, 'r1', 'manifest.json'), 'utf8'));
    expect(m.run.replicates).toBe(5);
    expect(m.seeds).toHaveLength(5);
    expect(m.replicates).toMatchObject({ initial: 2, used: 5, schedule: [2, 4, 5], reached: false, targetHalfWidthPp: 0.00001, maxReplicates: 5, batch: 2 });
    expect(readFileSync(join(tmp, 'r1', 'yearly.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 5 * 4);
    expect(JSON.parse(readFileSync(join(tmp, 'r1', 'summary.json'), 'utf8')).precision.reached).toBe(false);
    expect(o1.out.join('\n')).toContain('5 replicates per scenario: target ±0.00001 pp NOT reached');
  });

  it('a bad adaptive flag is exit 2 before the output folder is touched; an earlier output stays whole', async () => {
    const out = join(tmp, 'kept');
    expect(await main(['run', BASELINE, '--out', out, '--workers', '1', '--quiet', '--scale', '0.0005', '--replicates', '1', '--end-year', '2014'], io().io)).toBe(0);
    const before = readdirSync(out).sort();
    const cases: [string[], string][] = [
      [['--target-half-width', '0'], '--target-half-width: must be a positive number of percentage points up to 10, got 0'],
      [['--max-replicates', '0'], '--max-replicates: must be a whole number from 2 to'],
      [['--replicates', '5', '--max-replicates', '3'], '--max-replicates: the maximum (3) is below the initial replicates (5)'],
      [['--replicates', '1', '--target-half-width', '0.5'], '--replicates: adaptive replicates (--target-half-width) start from at least 2 replicates, since a half-width needs two; got 1'],
    ];
    for (const [flags, message] of cases) {
      const err: string[] = [];
      const code = await main(['run', BASELINE, '--out', out, '--force', '--workers', '1', '--scale', '0.0005', '--end-year', '2014', ...flags], { out: () => undefined, err: (t) => void err.push(t), isTTY: false });
      expect(code, flags.join(' ')).toBe(2);
      expect(err.join('\n')).toContain(message);
      expect(err.join('\n')).toContain('hint: ');
      expect(readdirSync(out).sort()).toEqual(before);
    }
  });
});

describe('povsim compare --target-half-width', () => {
  it('uses the same replicates and writes identical CSV files with 1 and 2 workers, and says so in summary.md', async () => {
    // a comparison must reach 2018, when the suggestions start
    const tiny = ['--scale', '0.0005', '--replicates', '2', '--end-year', '2020', '--target-half-width', '0.00001', '--max-replicates', '5'];
    const args = (d: string, w: string) => ['compare', BASELINE, ALL_FOUR, '--out', join(tmp, d), '--workers', w, '--quiet', ...tiny];
    expect(await main(args('c1', '1'), io().io)).toBe(0);
    expect(await main(args('c2', '2'), io().io)).toBe(0);
    for (const f of ['yearly.csv', 'effects.csv', 'costs.csv', 'summary.csv', 'summary.md']) {
      expect(readFileSync(join(tmp, 'c2', f), 'utf8'), f).toBe(readFileSync(join(tmp, 'c1', f), 'utf8'));
    }
    const m = JSON.parse(readFileSync(join(tmp, 'c1', 'manifest.json'), 'utf8'));
    expect(m.run.replicates).toBe(5);
    expect(m.replicates).toMatchObject({ initial: 2, used: 5, reached: false });
    expect(readFileSync(join(tmp, 'c1', 'summary.md'), 'utf8')).toContain('5 replicates per scenario: target ±0.00001 pp NOT reached');
    expect(readFileSync(join(tmp, 'c1', 'report.html'), 'utf8')).toContain('NOT reached');
  });
});
