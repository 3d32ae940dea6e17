/**
 * Sweep and calibration plans are validated like scenarios: every problem with file:line:column, key,
 * message and hint (messages from plan-messages.ts, never copied strings).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, InputError, type Diagnostic } from '../../src/engine/diagnostics.js';
import { loadCalibrationPlan, loadSweepPlan } from '../../src/node/sweep-plans.js';
import * as msg from '../../src/experiment/sweep/plan-messages.js';
import { planHash, planPoints, type PlanOverrides } from '../../src/experiment/sweep/plan.js';
import { paramSpec } from '../../src/model/parameters.js';
import * as smsg from '../../src/scenario/messages.js';
import { thrownBy } from '../helpers/thrown.js';
import { BASE_YAML, planFolder, removeTempDirs, tempDir, tinyPlan, writeFixture } from './helpers.js';

afterAll(removeTempDirs);

/** The diagnostics of a plan that must be rejected. */
function planErrors(yaml: string, overrides?: PlanOverrides, load: (file: string, o?: PlanOverrides) => unknown = loadSweepPlan): Diagnostic[] {
  const { plan } = planFolder(yaml);
  try {
    load(plan, overrides);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).diagnostics;
  }
  throw new Error('expected the plan to be rejected');
}

describe('loadSweepPlan: a valid plan', () => {
  const { plan } = planFolder(tinyPlan('{ kind: morris, trajectories: 3 }'));
  const p = loadSweepPlan(plan);

  it('resolves ranges from the table, the base scenario and the run settings', () => {
    expect(p.name).toBe('tiny');
    expect(p.base.name).toBe('test-base');
    expect(p.base.values).toEqual({ followUpSupport: 0.4 });
    const effort = paramSpec('cadreEffort')!;
    expect(p.vary[0]).toEqual({ key: 'cadreEffort', low: effort.low, high: effort.high, log: false, integer: false });
    expect(p.vary[1]).toMatchObject({ key: 'subsidyLevel', low: 10000, high: 85000, log: true });
    expect(p.vary[2]).toMatchObject({ key: 'dependencyMonths', integer: true });
    expect(p.design).toEqual({ kind: 'morris', trajectories: 3, levels: 4, seed: 3 });
    // replicates and seed from the plan; scale and endYear from the base scenario's run
    expect([p.replicates, p.seed, p.scale, p.endYear]).toEqual([2, 3, 0.0005, 2015]);
    expect(p.outputs).toEqual({ metrics: ['official_incidence', 'true_incidence', 'exits_total'], years: [2014, 2015] });
    expect(planPoints(p)).toBe(3 * 4);
  });

  it('takes command-line overrides, which change the plan hash', () => {
    const q = loadSweepPlan(plan, { scale: 0.001, replicates: 1 });
    expect([q.scale, q.replicates]).toEqual([0.001, 1]);
    expect(planHash(q)).not.toBe(planHash(p));
    expect(planHash(loadSweepPlan(plan))).toBe(planHash(p));
  });

  it('selects parameters by source and group with include, without those listed under vary', () => {
    const q = loadSweepPlan(planFolder(tinyPlan('{ kind: latin-hypercube, points: 5 }', 'include: { groups: [lever], except: [industryCoverage] }\n')).plan);
    expect(q.vary.map((v) => v.key)).toEqual(['cadreEffort', 'subsidyLevel', 'dependencyMonths', 'culturalMotivation']);
  });

  it('defaults to every year and to official and true incidence', () => {
    const q = loadSweepPlan(planFolder('name: x\nbase: base.yaml\nvary: { cadreEffort: }\ndesign: { kind: grid, levels: 2 }\n').plan);
    expect(q.outputs).toEqual({ metrics: ['official_incidence', 'true_incidence'], years: [2013, 2014, 2015] });
    expect(planPoints(q)).toBe(2);
    expect(q.replicates).toBe(1);
  });
});

describe('loadSweepPlan: problems, located', () => {
  it('unknown keys and values get did-you-mean hints', () => {
    const ds = planErrors(
      [
        'name: x',
        'base: base.yaml',
        'vary:',
        '  cadreEfort: {}',
        '  subsidyLevel: { lo: 1 }',
        'design: { kind: morriss, trajectories: 4 }',
        'replicate: 2',
        'outputs: { metrics: [official_incidense] }',
      ].join('\n'),
    );
    expect(ds).toEqual([
      expect.objectContaining({ line: 4, column: 3, key: 'vary.cadreEfort', ...msg.unknownParameter('cadreEfort', 'cadreEffort') }),
      expect.objectContaining({ line: 5, column: 19, key: 'vary.subsidyLevel.lo', ...msg.unknownPlanKey('lo', 'low', ['low', 'high', 'log', 'levels']) }),
      expect.objectContaining({ line: 6, column: 17, key: 'design.kind', ...msg.unknownChoice('design kind', 'morriss', 'morris', ['grid', 'random', 'latin-hypercube', 'sobol', 'morris']) }),
      expect.objectContaining({ line: 7, column: 1, key: 'replicate' }),
      expect.objectContaining({ line: 8, column: 22, key: 'outputs.metrics[0]', ...msg.unknownMetric('official_incidense', 'official_incidence') }),
    ]);
    expect(ds[3].hint).toBe('did you mean "replicates"?');
    expect(formatDiagnostic(ds[0])).toMatch(/plan\.yaml:4:3: vary\.cadreEfort: unknown parameter or lever "cadreEfort"\n    hint: did you mean "cadreEffort"\?/);
  });

  it('ranges: outside the valid range, backwards, log from zero, no plausible range', () => {
    const ds = planErrors(
      [
        'name: x',
        'base: base.yaml',
        'vary:',
        '  cadreEffort: { low: 0.2, high: 1.5 }',
        '  subsidyLevel: { low: 90000, high: 10000 }',
        '  cadreSupport: { log: true }',
        '  households: {}',
        'design: { kind: random, points: 4 }',
      ].join('\n'),
    );
    expect(ds.map((d) => [d.line, d.key, d.message])).toEqual([
      [4, 'vary.cadreEffort.high', msg.rangeOutsideValid('cadreEffort', 1.5).message],
      [5, 'vary.subsidyLevel.high', msg.rangeBackwards(90000, 10000).message],
      [6, 'vary.cadreSupport.log', msg.logNeedsPositive(0).message],
      [7, 'vary.households', msg.noPlausibleRange('households').message],
    ]);
  });

  it('a number out of range names the nearest valid value as hint', () => {
    const ds = planErrors(['name: x', 'base: base.yaml', 'vary:', '  cadreEffort: {}', 'design: { kind: morris, trajectories: 2 }', 'replicates: 0', 'scale: 5'].join('\n'));
    expect(ds.map((d) => [d.line, d.key, d.message, d.hint])).toEqual([
      [6, 'replicates', smsg.numberOutOfRange(0, 1, 10000).message, 'for example replicates: 1'],
      [7, 'scale', smsg.numberOutOfRange(5, 0.0001, 1).message, 'for example scale: 1'],
    ]);
  });

  it('design keys must fit the kind; required keys are named', () => {
    const ds = planErrors('name: x\nbase: base.yaml\nvary: { cadreEffort: {} }\ndesign: { kind: morris, points: 4, levels: 3 }\n');
    expect(ds.map((d) => d.message)).toEqual([
      msg.designKeyMissing('trajectories', 'morris', '10').message,
      msg.keyNotForDesign('points', 'morris', ['random', 'latin-hypercube']).message,
      msg.oddMorrisLevels(3).message,
    ]);
    expect(planErrors('name: x\nbase: base.yaml\nvary: { cadreEffort: {} }\n').map((d) => d.message)).toEqual([smsg.missingKey('design').message]);
  });

  it('the base scenario: unreadable at the plan\'s base key; its own problems in its own file', () => {
    const [d] = planErrors('name: x\nbase: nope.yaml\nvary: { cadreEffort: {} }\ndesign: { kind: grid }\n');
    expect(d).toMatchObject({ line: 2, column: 7, key: 'base', code: 'base' });
    expect(d.message).toContain('nope.yaml');
    const dir = tempDir();
    writeFixture(dir, 'base.yaml', 'name: b\nlevers:\n  cadreEfort: 0.5\n');
    const plan = writeFixture(dir, 'plan.yaml', 'name: x\nbase: base.yaml\nvary: { cadreEffort: {} }\ndesign: { kind: grid }\n');
    const e = thrownBy(InputError, () => loadSweepPlan(plan));
    expect(e.diagnostics[0]).toMatchObject({ line: 3, key: 'levers.cadreEfort', ...smsg.unknownLever('cadreEfort', 'cadreEffort') });
  });

  it('cross-checks: years outside the run, a varied key the base schedules, too many runs', () => {
    const dir = tempDir();
    writeFixture(dir, 'base.yaml', BASE_YAML + 'schedule:\n  cadreEffort:\n    - { year: 2015, value: 0.7 }\n');
    const plan = writeFixture(dir, 'plan.yaml', 'name: x\nbase: base.yaml\nvary: { cadreEffort: {} }\ndesign: { kind: grid, levels: 2 }\noutputs: { years: [2020] }\n');
    const ds = thrownBy(InputError, () => loadSweepPlan(plan)).diagnostics;
    expect(ds.map((d) => [d.line, d.key, d.message])).toEqual([
      [3, 'vary.cadreEffort', msg.variedAndScheduled('cadreEffort', 'test-base').message],
      [5, 'outputs.years[0]', msg.yearOutsideRun(2020, 2013, 2015).message],
    ]);
    const big = planErrors('name: x\nbase: base.yaml\ninclude: { sources: [assume] }\ndesign: { kind: grid, levels: 3 }\n');
    expect(big).toHaveLength(1);
    expect(big[0]).toMatchObject({ key: 'design', code: 'too-large' });
  });

  it('command-line overrides are checked with the flag named', () => {
    const ds = planErrors(tinyPlan('{ kind: grid }'), { scale: 5, replicates: 1.5 });
    expect(ds.map((d) => [d.file, d.key])).toEqual([['(command line)', '--replicates'], ['(command line)', '--scale']]);
  });

  it('unreadable or malformed files', () => {
    const dir = tempDir();
    expect(() => loadSweepPlan(`${dir}/missing.yaml`)).toThrow(InputError);
    const bad = writeFixture(dir, 'bad.yaml', 'name: x\nvary: [\n');
    expect(thrownBy(InputError, () => loadSweepPlan(bad)).diagnostics[0].code).toBe('syntax');
  });
});

describe('loadCalibrationPlan', () => {
  it('resolves bounds and starts; checks them', () => {
    const { plan } = planFolder('name: c\nbase: base.yaml\nfit:\n  incomeLogSd: { min: 0.3, max: 1.0 }\n  followUpSupport: {}\nendYear: 2017\nmaxEvaluations: 5\n');
    const p = loadCalibrationPlan(plan);
    const sd = paramSpec('incomeLogSd')!;
    expect(p.parameters[0]).toEqual({ key: 'incomeLogSd', min: 0.3, max: 1.0, start: sd.default });
    expect(p.parameters[1]).toMatchObject({ key: 'followUpSupport', start: 0.4 }); // the base scenario's value
    expect(p.base).toMatchObject({ name: 'test-base', endYear: 2017, scale: 0.0005, replicates: 1, seed: 5 });
    expect(p.output?.display.endsWith('fitted.yaml')).toBe(true);
  });

  it('reports bad bounds, unknown keys and an endYear before the targets', () => {
    const ds = planErrors('name: c\nbase: base.yaml\nfit:\n  incomeLogSd: { min: 0.9, max: 0.3 }\n  asistanceRate: {}\nendYear: 2015\n', undefined, loadCalibrationPlan);
    expect(ds.map((d) => [d.line, d.key])).toEqual([[6, 'endYear']]);
    const ds2 = planErrors('name: c\nbase: base.yaml\nfit:\n  incomeLogSd: { min: 0.9, max: 0.3 }\n  asistanceRate: {}\n  assistanceRate: { start: 0.5, max: 0.3 }\nendYear: 2017\n', undefined, loadCalibrationPlan);
    expect(ds2.map((d) => [d.line, d.key, d.message])).toEqual([
      [4, 'fit.incomeLogSd.max', msg.boundsBackwards(0.9, 0.3).message],
      [5, 'fit.asistanceRate', msg.unknownParameter('asistanceRate', 'assistanceRate').message],
      [6, 'fit.assistanceRate.start', msg.startOutsideBounds(0.5, Math.min(paramSpec('assistanceRate')!.low, 0.5), 0.3).message],
    ]);
  });
});
