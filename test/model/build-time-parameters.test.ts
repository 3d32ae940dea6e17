/**
 * BUILD_TIME_KEYS, the parameters a schedule cannot change, are exactly those no monthly or yearly
 * phase reads: every parameter's reads are counted after the world is built, through the shipped
 * scenarios to 2025 (a listed parameter that a phase starts reading fails this test, and so does a
 * parameter no phase reads that is missing from the list).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_TIME_KEYS, PARAM_KEYS, defaultParams, type ParamKey } from '../../src/model/parameters.js';
import { advanceRun, closeRun, startRun } from '../../src/model/simulate.js';
import { loadScenario } from '../../src/node/scenario-files.js';

const SCENARIOS = ['baseline', 'all-four', 'suggestion-1-industry', 'suggestion-2-relocation', 'suggestion-3-culture', 'suggestion-4-governance'];

describe('parameters read only when the population is built', () => {
  it('are the list the scenario checks refuse to schedule', () => {
    const read = new Set<string>();
    for (const name of SCENARIOS) {
      const s = loadScenario(join(import.meta.dirname, '../../scenarios', `${name}.yaml`));
      const run = startRun({ params: { ...defaultParams(), ...s.values }, schedule: s.schedule, seed: 3, scale: 0.001, endYear: 2025 });
      // Every parameter becomes an accessor on the same object, so the phases' own references see it.
      const p = run.w.p as Record<string, number>;
      for (const k of Object.keys(p)) {
        let v = p[k];
        Object.defineProperty(p, k, { get: () => (read.add(k), v), set: (x: number) => void (v = x), enumerable: true, configurable: true });
      }
      try {
        advanceRun(run, run.steps);
      } finally {
        closeRun(run);
      }
    }
    const unread = PARAM_KEYS.filter((k) => !read.has(k));
    expect(unread).toEqual([...BUILD_TIME_KEYS].sort((a: ParamKey, b: ParamKey) => PARAM_KEYS.indexOf(a) - PARAM_KEYS.indexOf(b)));
    expect(unread.length).toBe(43);
  });
});
