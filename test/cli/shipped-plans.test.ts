/**
 * The shipped sweep and calibration plans load as they are: a change to the parameter table (more
 * parameters, so a lower bound on Morris candidates) must not leave a shipped plan that only fails when run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalibrationPlan, loadSweepPlan } from '../../src/node/sweep-plans.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const sweeps = readdirSync(join(SCENARIOS, 'sweeps')).filter((f) => f.endsWith('.yaml'));
const calibrations = readdirSync(join(SCENARIOS, 'calibration')).filter((f) => f.endsWith('.yaml'));

describe('shipped plans', () => {
  it('ship at least one sweep and one calibration plan', () => {
    expect(sweeps.length).toBeGreaterThan(0);
    expect(calibrations.length).toBeGreaterThan(0);
  });

  it.each(sweeps)('sweeps/%s loads', (file) => {
    const plan = loadSweepPlan(join(SCENARIOS, 'sweeps', file));
    expect(plan.name).toBe(file.replace('.yaml', ''));
  });

  it.each(calibrations)('calibration/%s loads', (file) => {
    const plan = loadCalibrationPlan(join(SCENARIOS, 'calibration', file));
    expect(plan).toBeTruthy();
  });
});
