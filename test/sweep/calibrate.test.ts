/**
 * `povsim calibrate` on a tiny plan: the fit per target, the fitted values with their profile, and a
 * fitted parameter file that is a valid scenario other scenarios can extend; with `writeTable`, the
 * calibrated-values module the parameter table reads (written to a temporary folder, never over the
 * shipped src/model/calibrated.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrateCommand, type CalibrateArgs } from '../../src/cli/commands/calibrate.js';
import { calibratedModule, fittedScenarioYaml, roundFitted } from '../../src/experiment/sweep/calibration-output.js';
import { calibratedKeys } from '../../src/experiment/sweep/calibration-plan.js';
import { CALIBRATED } from '../../src/model/calibrated.js';
import { loadCalibrationPlan } from '../../src/node/sweep-plans.js';
import { TARGETS } from '../../src/experiment/targets.js';
import { loadScenario } from '../../src/node/scenario-files.js';
import { captureIO, planFolder, removeTempDirs, writeFixture } from './helpers.js';

afterAll(removeTempDirs);

const PLAN = `name: tiny-fit
base: base.yaml
fit:
  incomeLogSd: { min: 0.3, max: 1.0 }
  industryCoverage: { min: 0.2, max: 0.9 }
replicates: 1
seed: 2
endYear: 2017
maxEvaluations: 3
profileStep: 0.1
output: calibration/fitted.yaml
`;

describe('povsim calibrate', () => {
  it('prints and writes the fit, the profile and a fitted file that scenarios extend', async () => {
    const { dir, plan } = planFolder(PLAN);
    const out = join(dir, 'out');
    const io = captureIO();
    const args: CalibrateArgs = { plan, out, workers: 1, quiet: false, json: false, force: false, profile: true };
    expect(await calibrateCommand(args, io, new AbortController().signal)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/^fit of tiny-fit after \d+ evaluations \(evaluation limit reached\): objective \d+\.\d{3}/);
    for (const t of TARGETS) expect(text).toContain(t.name);
    expect(text).toMatch(/parameter\s+start\s+fitted\s+± se \(profile\)\s+bounds/);
    expect(io.stderr.join('\n')).toContain('calibrate tiny-fit: incomeLogSd, industryCoverage around "test-base"');

    const fit = readFileSync(join(out, 'fit.csv'), 'utf8').trimEnd().split('\n');
    expect(fit[0]).toBe('target,observed,simulated,error,tolerance,within_tolerance');
    expect(fit).toHaveLength(1 + TARGETS.length);
    const profile = readFileSync(join(out, 'profile.csv'), 'utf8').trimEnd().split('\n');
    expect(profile.map((l) => l.split(',')[0])).toEqual(['parameter', 'incomeLogSd', 'industryCoverage']);
    expect(readFileSync(join(out, 'history.csv'), 'utf8').split('\n')[0]).toBe('evaluation,objective,incomeLogSd,industryCoverage');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ completed: true, plan: 'tiny-fit', evaluations: 3 });

    // The fitted file: a valid scenario with levers and parameters, no run settings.
    const fitted = join(dir, 'calibration', 'fitted.yaml');
    expect(existsSync(fitted)).toBe(true);
    const s = loadScenario(fitted);
    expect(Object.keys(s.values).sort()).toEqual(['incomeLogSd', 'industryCoverage']);
    expect(s.values.incomeLogSd).toBe(manifest.fitted.incomeLogSd);
    expect(readFileSync(fitted, 'utf8')).toMatch(/^levers:\n {2}industryCoverage: [\d.]+\nparameters:\n {2}incomeLogSd: [\d.]+$/m);
    const child = writeFixture(dir, 'child.yaml', 'name: child\nextends: calibration/fitted.yaml\nlevers:\n  cadreEffort: 0.7\n');
    expect(loadScenario(child).values).toEqual({ ...s.values, cadreEffort: 0.7 });
  });

  it('with writeTable, writes a calibrated-values module the parameter table can read, and no fitted file', async () => {
    const fit = calibratedKeys().map((k) => `  ${k}: {}`).join('\n');
    const { dir, plan } = planFolder(`name: tiny-table\nbase: base.yaml\nfit:\n${fit}\nreplicates: 1\nseed: 2\nendYear: 2017\nmaxEvaluations: 2\nwriteTable: model/calibrated.ts\n`);
    writeFixture(dir, 'model/.keep', '');
    const out = join(dir, 'out');
    const io = captureIO();
    const args: CalibrateArgs = { plan, out, workers: 1, quiet: false, json: false, force: false, profile: false };
    expect(await calibrateCommand(args, io, new AbortController().signal)).toBe(0);
    const module = join(dir, 'model', 'calibrated.ts');
    expect(io.stdout.join('\n')).toContain(`the parameter table reads its calibrated defaults from ${module}`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ fittedFile: null, tableModule: module });
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()).toEqual(['base.yaml', 'plan.yaml'].sort());
    const text = readFileSync(module, 'utf8');
    expect(text.split('\n')[0]).toBe(`// Written by \`povsim calibrate ${plan}\` (plan "tiny-table", writeTable); re-run it to refit, do not edit by hand.`);
    // The module is what parameters.ts imports: CALIBRATED with exactly the calibrated rows' keys.
    const written = (await import(pathToFileURL(module).href)) as { CALIBRATED: Record<string, number> };
    expect(Object.keys(written.CALIBRATED).sort()).toEqual(calibratedKeys().sort());
    expect(written.CALIBRATED).toEqual(manifest.fitted);
  });

  it('the shipped module is exactly what the calibrate writer produces for its values', () => {
    const shipped = readFileSync(resolve(import.meta.dirname, '../../src/model/calibrated.ts'), 'utf8');
    const base = { name: 'baseline', values: {}, schedule: [], replicates: 4, seed: 1, scale: 0.01, endYear: 2017 };
    const facts = { plan: 'scenarios/calibration/baseline-fit.yaml', planName: 'baseline-fit', objective: 3.693, evaluations: 70, converged: false, base };
    expect(calibratedModule({ ...CALIBRATED }, facts)).toBe(shipped);
  });

  it('refuses writeTable when the plan does not fit exactly the calibrated rows', () => {
    const { plan } = planFolder('name: partial\nbase: base.yaml\nfit:\n  incomeLogSd: {}\nendYear: 2017\nwriteTable: calibrated.ts\n');
    expect(() => loadCalibrationPlan(plan)).toThrow(/writeTable rewrites the defaults of the table's calibrated rows \(.*incomeLogSd.*\), but the plan fits incomeLogSd/);
    const { plan: js } = planFolder('name: js\nbase: base.yaml\nfit:\n  incomeLogSd: {}\nendYear: 2017\nwriteTable: calibrated.js\n');
    expect(() => loadCalibrationPlan(js)).toThrow(/it must end in \.ts/);
  });

  it('rounds fitted values for the file (4 significant digits, whole numbers for integers)', () => {
    expect(roundFitted('incomeLogSd', 0.612345)).toBe(0.6123);
    expect(roundFitted('dependencyMonths', 17.6)).toBe(18);
    const yaml = fittedScenarioYaml({ cadreEffort: 0.55556, skillReturn: 0.7 }, {
      plan: 'p.yaml', planName: 'p', objective: 1.5, evaluations: 9, converged: true,
      base: { name: 'b', values: {}, schedule: [], replicates: 2, seed: 1, scale: 0.01, endYear: 2017 },
    });
    expect(yaml).toContain('levers:\n  cadreEffort: 0.5556\nparameters:\n  skillReturn: 0.7\n');
  });
});
