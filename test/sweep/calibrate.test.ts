/**
 * `povsim calibrate` on a tiny plan: the fit per target, the fitted values with their profile, and a
 * fitted parameter file that is a valid scenario other scenarios can extend.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrateCommand, type CalibrateArgs } from '../../src/cli/commands/calibrate.js';
import { fittedScenarioYaml, roundFitted } from '../../src/experiment/sweep/calibration-output.js';
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
