/**
 * The playground's pure parts, without a browser: slider geometry, the URL codec, scenario export
 * (checked against the CLI's own loader) and the shipped scenarios (read as the page reads them).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareEnsembles, ensembleOf } from '../../playground/analysis.js';
import { applyScenario, exportedScenario, fileNameOf, readFileSchedule, resolveScenarios, scenarioYaml } from '../../playground/scenario-file.js';
import {
  LEVER_SUGGESTION, baselineSetup, controlGroups, currentSetup, defaultSettings, roundToStep, sliderGeometry, sliderKeys, withValue, type Settings,
} from '../../playground/settings.js';
import { decodeSettings, encodeSettings } from '../../playground/url-state.js';
import { resolveParams } from '../../src/experiment/run-scenario.js';
import { executeTask } from '../../src/experiment/task.js';
import { LEVER_KEYS, PARAMETERS, defaultParams } from '../../src/model/parameters.js';
import { expandSchedule, type ScheduleChange } from '../../src/model/schedule.js';
import { START_YEAR } from '../../src/model/simulate.js';
import { loadScenario } from '../../src/node/scenario-files.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'povsim-playground-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The per-month series a run would use: equal series mean equal runs. */
function series(params: Record<string, number>, schedule: readonly ScheduleChange[]): Record<string, number[]> {
  const s = expandSchedule(params as ReturnType<typeof defaultParams>, schedule, START_YEAR, 84);
  return Object.fromEntries([...s].map(([k, v]) => [k, [...v]]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

function shippedTexts(): Record<string, string> {
  const dir = join(ROOT, 'scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function sample(): Settings {
  let s = defaultSettings();
  s = withValue(s, 'culturalMotivation', 0.8);
  s = withValue(s, 'burnoutRate', 0.06);
  s = withValue(s, 'initialMotivation', 0.45);
  return { ...s, name: 'my test: culture', seed: 7, scale: 0.002, replicates: 4, schedule: [{ kind: 'ramp', key: 'trainingDays', from: { year: 2018, month: 1 }, to: { year: 2019, month: 6 }, value: 12 }] };
}

describe('controls', () => {
  it('has the four levers first and every assume parameter, grouped by the table group', () => {
    const groups = controlGroups();
    expect(groups[0].specs.map((s) => s.key)).toEqual([...LEVER_KEYS]);
    const assumed = PARAMETERS.filter((p) => p.source === 'assume' && !(LEVER_KEYS as readonly string[]).includes(p.key)).map((p) => p.key);
    expect(sliderKeys().slice(4).sort()).toEqual([...assumed].sort());
    for (const g of groups.slice(1)) expect(new Set(g.specs.map((s) => s.group))).toEqual(new Set([g.group]));
    expect(Object.keys(LEVER_SUGGESTION).sort()).toEqual([...LEVER_KEYS].sort());
  });

  it('gives every slider a round step with the range ends and the default on its grid', () => {
    for (const g of controlGroups()) {
      for (const s of g.specs) {
        const { min, max, step } = sliderGeometry(s);
        expect([min, max], s.key).toEqual([s.low, s.high]);
        const positions = (max - min) / step;
        expect(Math.abs(positions - Math.round(positions)), s.key).toBeLessThan(1e-6);
        // subsidyLevel needs a 20-yuan step to hold the paper's 18,720 (PageUp/PageDown move 10%).
        // Calibrated defaults carry four digits (industryCoverage 0.8286 needs a 0.0002 step).
        expect(positions, s.key).toBeLessThanOrEqual(s.key === 'subsidyLevel' ? 4000 : 2500);
        if (!s.integer) expect(positions, s.key).toBeGreaterThanOrEqual(50);
        const d = (s.default - min) / step;
        expect(Math.abs(d - Math.round(d)), s.key).toBeLessThan(1e-6);
        expect(roundToStep(min + Math.round(d) * step, step), s.key).toBe(s.default);
      }
    }
  });

  it('widens a slider to hold a value outside the plausible range', () => {
    const spec = PARAMETERS.find((p) => p.key === 'relocationWillingness')!;
    const g = sliderGeometry(spec, [0.5]);
    expect(g.min).toBe(0.5);
    expect(Math.abs((0.5 - g.min) / g.step - Math.round((0.5 - g.min) / g.step))).toBeLessThan(1e-9);
  });
});

describe('URL', () => {
  it('round-trips every setting', () => {
    const s = { ...sample(), leversFrom: 2014 as const, baseline: 'assumptions' as const };
    const hash = encodeSettings(s);
    expect(hash).toContain('culturalMotivation=0.8');
    const back = decodeSettings(hash);
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(s);
  });

  it('writes nothing for the defaults', () => {
    expect(encodeSettings(defaultSettings())).toBe('');
    expect(decodeSettings('').settings).toEqual(defaultSettings());
  });

  it('reports unknown keys and invalid values and leaves them at their defaults', () => {
    const { settings, problems } = decodeSettings('#culturalMotivaton=0.5&cadreEffort=2&seed=-1&scale=0.3&sched=%7B%22nope%22%3A%5B%5D%7D&burnoutRate=0.05');
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/culturalMotivaton: not a lever/);
    expect(problems.join('\n')).toMatch(/cadreEffort: 2 is outside the valid range/);
    expect(settings.values).toEqual({ burnoutRate: 0.05 });
    expect(settings.seed).toBe(1);
  });
});

describe('scenario export', () => {
  it('writes a file the CLI loads to the same parameters, schedule and run as the page', () => {
    for (const leversFrom of [2018, 2014] as const) {
      const s = { ...sample(), leversFrom };
      const file = join(tmp, fileNameOf(s.name));
      writeFileSync(file, scenarioYaml(s));
      const loaded = loadScenario(file);
      const page = currentSetup(s);
      expect(loaded.name).toBe('my test: culture');
      expect(loaded.run).toEqual({ endYear: 2020, scale: 0.002, replicates: 4, seed: 7 });
      expect(resolveParams(loaded.values)).toEqual(page.params);
      expect(series(resolveParams(loaded.values), loaded.schedule)).toEqual(series(page.params, page.schedule));
    }
  });

  it('lists only values that differ from the defaults, levers under levers: when they act from 2014', () => {
    const doc = exportedScenario({ ...sample(), leversFrom: 2014 });
    expect(doc.levers).toEqual({ culturalMotivation: 0.8 });
    expect(doc.parameters).toEqual({ initialMotivation: 0.45, burnoutRate: 0.06 });
    const doc2018 = exportedScenario(sample());
    expect(doc2018.levers).toBeUndefined();
    expect(doc2018.schedule?.culturalMotivation).toEqual([{ year: 2018, value: 0.8 }]);
    expect(exportedScenario(defaultSettings())).toMatchObject({ levers: undefined, parameters: undefined, schedule: undefined });
  });
});

describe('schedules from the URL, checked by the scenario core', () => {
  it('reads steps and ramps with the file format defaults for months', () => {
    const r = readFileSchedule({ trainingDays: [{ year: 2018, value: 12 }, { from: 2019, to: 2020, toMonth: 6, value: 3 }] });
    expect(r.problems).toEqual([]);
    expect(r.changes).toEqual([
      { kind: 'step', key: 'trainingDays', at: { year: 2018, month: 1 }, value: 12 },
      { kind: 'ramp', key: 'trainingDays', from: { year: 2019, month: 1 }, to: { year: 2020, month: 6 }, value: 3 },
    ]);
  });

  it('reports unknown keys, bad months and years after the run with the key path, and uses no change', () => {
    const r = readFileSchedule({ trainingDays: [{ year: 2018, month: 13, value: 12 }], cadreEfort: [] });
    expect(r.changes).toEqual([]);
    expect(r.problems.join('\n')).toMatch(/schedule\.trainingDays\[0\]\.month: /);
    expect(r.problems.join('\n')).toMatch(/cadreEfort/);
    const late = readFileSchedule({ trainingDays: [{ year: 2024, value: 12 }] }, 2020);
    expect(late.problems).toEqual(['schedule.trainingDays[0].year: year 2024 is after the run\'s last year 2020']);
  });
});

describe('shipped scenarios', () => {
  const shipped = resolveScenarios(shippedTexts()).filter((s) => !s.file.includes('/'));

  it('reads all six as the CLI does', () => {
    expect(shipped.map((s) => s.file)).toEqual(['all-four.yaml', 'baseline.yaml', 'suggestion-1-industry.yaml', 'suggestion-2-relocation.yaml', 'suggestion-3-culture.yaml', 'suggestion-4-governance.yaml']);
    for (const s of shipped) {
      const cli = loadScenario(join(ROOT, 'scenarios', s.file));
      expect(s.name).toBe(cli.name);
      expect(s.values).toEqual(cli.values);
      expect(series(resolveParams(s.values), s.schedule)).toEqual(series(resolveParams(cli.values), cli.schedule));
    }
  });

  it('loads a scenario into settings that run it unchanged, keeping the assumptions', () => {
    for (const s of shipped) {
      for (const leversFrom of [2018, 2014] as const) {
        const before = { ...withValue(defaultSettings(), 'burnoutRate', 0.07), leversFrom };
        const after = applyScenario(withValue(before, 'cadreEffort', 0.9), s);
        expect(after.name).toBe(s.name);
        expect(after.values.burnoutRate).toBe(0.07);
        const page = currentSetup(after);
        const want = { ...resolveParams(s.values), burnoutRate: 0.07 };
        expect(page.params).toEqual(want);
        expect(series(page.params, page.schedule)).toEqual(series(want, s.schedule));
      }
    }
    const culture = applyScenario(defaultSettings(), shipped.find((s) => s.file === 'suggestion-3-culture.yaml')!);
    expect(culture.values).toEqual({ culturalMotivation: 0.8 });
    expect(culture.schedule).toEqual([]);
  });
});

describe('analysis', () => {
  it('compares the baseline with the current settings on common random numbers', () => {
    const s = { ...withValue(defaultSettings(), 'culturalMotivation', 0.8), scale: 0.0005, replicates: 2 };
    const run = (setup: ReturnType<typeof currentSetup>) =>
      [11, 12].map((seed, id) => executeTask({ id, params: setup.params, schedule: setup.schedule, seed, scale: setup.scale, endYear: setup.endYear, monthly: false }));
    const base = ensembleOf(run(baselineSetup(s)));
    const same = compareEnsembles(base, base, 2018);
    expect(same.effectOfficial).toMatchObject({ mean: 0, ciLo: 0, ciHi: 0 });
    expect(same.cost.perPerson).toBeNull();
    const c = compareEnsembles(base, ensembleOf(run(currentSetup(s))), 2018);
    expect(c.bands.filter((b) => b.metric === 'official_incidence')).toHaveLength(16);
    expect(c.extraByCategory.find((x) => x.category === 'culture')!.yuan).toBeGreaterThan(0);
    expect(c.routes).toHaveLength(12);
  });
});
