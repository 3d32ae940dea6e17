/**
 * `povsim run` and `povsim compare` as a user meets them: outputs written safely (manifest last, no
 * silent mixing with an earlier run, an interrupted run never looks complete), byte-identical CSV for
 * any number of workers, unknown flags and bad values rejected with exit code 2.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '../..');
const BASELINE = join(ROOT, 'scenarios/baseline.yaml');
const ALL_FOUR = join(ROOT, 'scenarios/all-four.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
}
const SMALL = ['--scale', '0.0005', '--replicates', '2', '--end-year', '2016', '--quiet'];

describe('povsim run', () => {
  it('writes yearly.csv, monthly.csv, summary.json and a manifest that says it completed', async () => {
    const dir = join(tmp, 'a');
    const { io: o } = io();
    expect(await main(['run', BASELINE, '--out', dir, '--workers', '1', ...SMALL], o)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.completed).toBe(true);
    expect(manifest.seeds).toHaveLength(2);
    expect(manifest.run).toMatchObject({ scale: 0.0005, replicates: 2, endYear: 2016 });
    expect(manifest.scenario.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const yearly = readFileSync(join(dir, 'yearly.csv'), 'utf8').trim().split('\n');
    expect(yearly).toHaveLength(1 + 2 * 4); // header + 2 replicates × 2013..2016
    for (const col of ['replicate', 'seed', 'year', 'official_incidence', 'true_incidence', 'official_poor', 'true_poor', 'exits_industry', 'exits_employment', 'exits_ecological', 'exits_relocation', 'exits_social_security', 'exits_other', 'returns', 'false_exits', 'exclusion_error', 'inclusion_error', 'mean_income', 'mean_motivation', 'cadre_burnout', 'relocated', 'spending_total']) {
      expect(yearly[0].split(',')).toContain(col);
    }
    const monthly = readFileSync(join(dir, 'monthly.csv'), 'utf8').trim().split('\n');
    expect(monthly).toHaveLength(1 + 2 * 37);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.years).toEqual([2013, 2014, 2015, 2016]);
    expect(summary.metrics.official_incidence.mean[0]).toBeCloseTo(0.0921, 3);
  });

  it('refuses to write into an earlier run\'s directory without --force, and replaces it with --force', async () => {
    const dir = join(tmp, 'a');
    const before = readFileSync(join(dir, 'yearly.csv'), 'utf8');
    const r = io();
    expect(await main(['run', BASELINE, '--out', dir, '--workers', '1', ...SMALL, '--seed', '9'], r.io)).toBe(2);
    expect(r.err.join('\n')).toMatch(/--out: output directory .* already holds files.*\n\s+hint: pass --force/);
    expect(readFileSync(join(dir, 'yearly.csv'), 'utf8')).toBe(before);
    expect(await main(['run', BASELINE, '--out', dir, '--workers', '1', ...SMALL, '--seed', '9', '--force'], io().io)).toBe(0);
    expect(readFileSync(join(dir, 'yearly.csv'), 'utf8')).not.toBe(before);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).run.seed).toBe(9);
  });

  it('gives byte-identical CSV files with 1 and 2 workers', async () => {
    const d1 = join(tmp, 'w1');
    const d2 = join(tmp, 'w2');
    expect(await main(['run', BASELINE, '--out', d1, '--workers', '1', ...SMALL], io().io)).toBe(0);
    expect(await main(['run', BASELINE, '--out', d2, '--workers', '2', ...SMALL], io().io)).toBe(0);
    for (const f of ['yearly.csv', 'monthly.csv', 'summary.json']) expect(readFileSync(join(d2, f), 'utf8')).toBe(readFileSync(join(d1, f), 'utf8'));
  });

  it('rejects unknown flags, bad flag values and missing files with exit code 2 and no stack trace', async () => {
    for (const args of [
      ['run', BASELINE, '--replicate', '3'],
      ['run', BASELINE, '--scale', '2', '--out', join(tmp, 'x1')],
      ['run', BASELINE, '--workers', '0', '--out', join(tmp, 'x2')],
      ['run', join(tmp, 'missing.yaml')],
      ['frobnicate'],
    ]) {
      const r = io();
      expect(await main(args, r.io), args.join(' ')).toBe(2);
      const text = r.err.join('\n');
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/\n\s+at .*\(/);
    }
    expect(existsSync(join(tmp, 'x1', 'manifest.json'))).toBe(false);
  });

  it('names file, line, key and the right lever when a lever is mistyped', async () => {
    const file = join(tmp, 'typo.yaml');
    writeFileSync(file, `name: typo\nextends: ${BASELINE}\nlevers:\n  cadreEfort: 0.7\n`);
    const r = io();
    expect(await main(['run', file, '--out', join(tmp, 'typo-out')], r.io)).toBe(2);
    expect(r.err.join('\n')).toContain(`${file}:4:3: levers.cadreEfort: unknown lever "cadreEfort"`);
    expect(r.err.join('\n')).toContain('did you mean "cadreEffort"?');
    expect(existsSync(join(tmp, 'typo-out'))).toBe(false);
  });

  it.each(['SIGINT', 'SIGKILL'] as const)('an interrupted run (%s) leaves no directory that claims to be complete', async (signal) => {
    const dir = join(tmp, `killed-${signal}`);
    // First a complete run in the directory, then an interrupted --force re-run over it.
    expect(await main(['run', BASELINE, '--out', dir, '--workers', '1', ...SMALL], io().io)).toBe(0);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
    const child = spawn(process.execPath, [join(ROOT, 'bin/povsim.mjs'), 'run', BASELINE, '--out', dir, '--force', '--scale', '0.002', '--replicates', '200', '--workers', '2', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    // Wait until the run has started (its output directory no longer claims to be complete), then interrupt it.
    for (let i = 0; i < 100 && existsSync(join(dir, 'manifest.json')); i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000));
    expect(child.exitCode, stderr).toBe(null); // still running
    child.kill(signal);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).not.toBe(0);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
  });
});

describe('povsim compare', () => {
  it('writes the report and tables, and gives byte-identical CSV files with 1 and 2 workers', async () => {
    const args = (d: string, w: string) => ['compare', BASELINE, ALL_FOUR, '--out', d, '--workers', w, '--scale', '0.0005', '--replicates', '3', '--quiet'];
    const d1 = join(tmp, 'c1');
    const d2 = join(tmp, 'c2');
    expect(await main(args(d1, '1'), io().io)).toBe(0);
    expect(await main(args(d2, '2'), io().io)).toBe(0);
    for (const f of ['yearly.csv', 'effects.csv', 'costs.csv', 'variance.csv', 'summary.csv']) {
      expect(readFileSync(join(d2, f), 'utf8'), f).toBe(readFileSync(join(d1, f), 'utf8'));
    }
    for (const f of ['report.html', 'summary.md', 'official-incidence.svg', 'official-incidence.png', 'effect-official_incidence.png', 'manifest.json']) {
      expect(existsSync(join(d1, f)), f).toBe(true);
    }
    const effects = readFileSync(join(d1, 'effects.csv'), 'utf8');
    expect(effects).toMatch(/^kind,scenario,outcome,year,through_year,unit,baseline_mean,scenario_mean,estimate,se,interval_lo,interval_hi,interval,n,covers\n/);
    expect(effects).toContain('effect,all-four,official_incidence,2020,');
  });
});
