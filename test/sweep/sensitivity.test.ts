/**
 * `povsim sensitivity` end to end on tiny sweeps: Morris μ*, σ and Sobol S1, ST written as a table,
 * indices.csv, SVG charts and an HTML report; μ* checked against elementary effects recomputed by
 * hand from results.csv and design.json.
 */
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sensitivityCommand, type SensitivityArgs } from '../../src/cli/commands/sensitivity.js';
import { InputError } from '../../src/engine/diagnostics.js';
import { releaseOutputFolders } from '../../src/node/output-folder.js';
import { loadSweepPlan } from '../../src/node/sweep-plans.js';
import * as msg from '../../src/experiment/sweep/plan-messages.js';
import { runSweep } from '../../src/node/sweep-run.js';
import { rejectionOf } from '../helpers/thrown.js';
import { captureIO, planFolder, PROVENANCE, removeTempDirs, tinyPlan } from './helpers.js';

afterAll(removeTempDirs);

const args = (dir: string, extra: Partial<SensitivityArgs> = {}): SensitivityArgs => ({
  dir, bootstrap: 200, confidence: 0.9, seed: 1, top: 20, json: false, quiet: false, force: false, ...extra,
});

/** Runs a tiny sweep of the given design and returns its directory. */
async function sweep(design: string): Promise<string> {
  const { dir, plan } = planFolder(tinyPlan(design));
  const out = join(dir, 'out');
  await runSweep(loadSweepPlan(plan), out, { workers: 1, provenance: PROVENANCE });
  return out;
}

describe('Morris screening of a sweep', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await sweep('{ kind: morris, trajectories: 4 }');
  });

  it('prints the table and writes indices.csv, SVG charts and report.html', async () => {
    const io = captureIO();
    expect(await sensitivityCommand(args(dir, { metric: 'official_incidence', year: 2015 }), io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('Morris screening (4 trajectories) of official_incidence in 2015, 16 points × 2 replicate(s)');
    expect(text).toMatch(/rank\s+parameter\s+source\s+μ\* \(percentage points\)\s+μ\* 90% CI\s+μ\s+σ\s+σ\/μ\*/);
    const out = join(dir, 'sensitivity', 'official_incidence-2015');
    for (const f of ['indices.csv', 'report.html', 'morris-mu-star.svg', 'morris-plane.svg']) expect(existsSync(join(out, f)), f).toBe(true);
    const csv = readFileSync(join(out, 'indices.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('rank,parameter,source,low,high,unit,mu_star,mu_star_low,mu_star_high,mu,sigma');
    expect(csv).toHaveLength(4);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<title>Sensitivity of official poverty incidence in 2015</title>');
    expect(html).toContain('"id":"morris-mu-star"');
    expect(html).toContain('cadreEffort');
    expect(readFileSync(join(out, 'morris-mu-star.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('μ* and σ equal the elementary effects recomputed from results.csv and design.json', async () => {
    const io = captureIO();
    await sensitivityCommand(args(dir, { metric: 'true_incidence', year: 2014, bootstrap: 0, json: true }), io);
    const res = JSON.parse(io.stdout[0]);
    const design = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8'));
    const lines = readFileSync(join(dir, 'results.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const y = (p: number): number => {
      const vals = lines.filter((c) => Number(c[0]) === p && c[6] === '2014').map((c) => Number(c[8]));
      return vals.reduce((a, b) => a + b, 0) / vals.length;
    };
    for (const [i, key] of (design.parameters as string[]).entries()) {
      const effects = (design.trajectories as { steps: { input: number; from: number; to: number; sign: number; delta: number }[] }[])
        .map((t) => t.steps.find((s) => s.input === i)!)
        .map((s) => (y(s.to) - y(s.from)) / (s.sign * s.delta));
      const muStar = effects.reduce((a, e) => a + Math.abs(e), 0) / effects.length;
      const mean = effects.reduce((a, e) => a + e, 0) / effects.length;
      const sigma = Math.sqrt(effects.reduce((a, e) => a + (e - mean) ** 2, 0) / (effects.length - 1));
      const row = res.rows.find((r: { key: string }) => r.key === key);
      expect(row.muStar).toBeCloseTo(muStar, 12);
      expect(row.sigma).toBeCloseTo(sigma, 12);
    }
    expect(res.rows.map((r: { muStar: number }) => r.muStar)).toEqual([...res.rows.map((r: { muStar: number }) => r.muStar)].sort((a, b) => b - a));
  });

  it('names the flag when the metric or year was not kept', async () => {
    await expect(sensitivityCommand(args(dir, { metric: 'returns' }), captureIO())).rejects.toThrow(InputError);
    const e = await rejectionOf(InputError, sensitivityCommand(args(dir, { year: 2013 }), captureIO()));
    expect(e.diagnostics[0]).toMatchObject({ key: '--year', ...msg.yearNotInSweep(2013, [2014, 2015]) });
  });

  it('replaces its own earlier output, but never the sweep it reads, nor other output without --force', async () => {
    // In process the command's folder locks are held until released, as the CLI does when a command ends.
    releaseOutputFolders();
    const command = async (a: SensitivityArgs): Promise<number> => {
      try {
        return await sensitivityCommand(a, captureIO());
      } finally {
        releaseOutputFolders();
      }
    };
    const run = args(dir, { metric: 'official_incidence', year: 2015, bootstrap: 0, quiet: true });
    expect(await command(run)).toBe(0);
    expect(await command(run)).toBe(0); // the default folder again: replaced
    for (const out of [dir, join(dir, '..')]) {
      const e = await rejectionOf(InputError, command({ ...run, out, force: true }));
      expect(e.diagnostics[0]).toMatchObject({ key: '--out', message: `--out ${out} would replace the sweep ${dir} that the analysis reads` });
    }
    const link = join(dir, '..', 'link-to-sweep');
    symlinkSync(dir, link); // a link must not hide the sweep
    const viaLink = await rejectionOf(InputError, command({ ...run, out: link, force: true }));
    expect(viaLink.diagnostics[0].message).toBe(`--out ${link} would replace the sweep ${dir} that the analysis reads`);
    expect(existsSync(join(dir, 'results.csv'))).toBe(true);
    const other = await sweep('{ kind: morris, trajectories: 2 }'); // another povsim output folder
    const e = await rejectionOf(InputError, command({ ...run, out: other }));
    expect(e.diagnostics[0]).toMatchObject({ key: '--out', code: 'output-exists', message: `output directory ${other} already holds files from an earlier run` });
    expect(existsSync(join(other, 'results.csv'))).toBe(true);
    expect(await command({ ...run, out: other, force: true })).toBe(0);
    expect(existsSync(join(other, 'indices.csv'))).toBe(true);
    expect(existsSync(join(other, 'results.csv'))).toBe(false);
  });
});

describe('Sobol indices of a sweep', () => {
  it('writes S1 and ST with bootstrap intervals', async () => {
    const dir = await sweep('{ kind: sobol, samples: 8 }');
    const io = captureIO();
    expect(await sensitivityCommand(args(dir, { metric: 'exits_total', year: 2015 }), io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Sobol indices (8 base samples) of exits_total in 2015, 40 points × 2 replicate(s)');
    const out = join(dir, 'sensitivity', 'exits_total-2015');
    const csv = readFileSync(join(out, 'indices.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('rank,parameter,source,low,high,unit,S1,S1_low,S1_high,ST,ST_low,ST_high');
    expect(csv).toHaveLength(4);
    for (const line of csv.slice(1)) {
      const c = line.split(',').slice(-6).map(Number);
      expect(c.every(Number.isFinite)).toBe(true);
      expect(c[1]).toBeLessThanOrEqual(c[2]); // S1 interval ordered
      expect(c[4]).toBeLessThanOrEqual(c[5]); // ST interval ordered
    }
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('"id":"sobol-indices"');
    expect(existsSync(join(out, 'sobol-indices.svg'))).toBe(true);
  });

  it('refuses designs without indices', async () => {
    const dir = await sweep('{ kind: random, points: 3 }');
    const e = await rejectionOf(InputError, sensitivityCommand(args(dir), captureIO()));
    expect(e.diagnostics[0]).toMatchObject(msg.noSensitivityForDesign('random'));
  });
});
