/**
 * The lean kernel equals the plain one: phases that visit only the households of the index
 * (household-index.ts) and skip work by bounds give, at every step, the same bytes in every column and
 * every metric as the plain passes over every household. The plain run also takes shocks and motivation
 * as two passes where the lean one takes them in one (shocks-and-motivation.ts).
 */
import { describe, expect, it } from 'vitest';
import { firstAtOrAfter, plainPasses, registryIndex, usePlainPasses } from '../../src/model/household-index.js';
import { defaultParams } from '../../src/model/parameters.js';
import type { ScheduleChange } from '../../src/model/schedule.js';
import { advanceRun, finishRun, startRun, type RunSpec, type RunState } from '../../src/model/simulate.js';
import { DRAW } from '../../src/model/draws.js';
import { assessIncome, assuredAboveIncome, surelyAssessedAbove } from '../../src/model/registry-assessment.js';
import { Registry, type World } from '../../src/model/world.js';

const from2017 = (key: ScheduleChange['key'], value: number): ScheduleChange => ({ kind: 'step', key, at: { year: 2017, month: 1 }, value });

/** The first column of `a` whose bytes differ from `b`'s, with the first differing element; null when all agree. */
function firstDifference(a: Record<string, ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }>, b: typeof a): string | null {
  for (const name of Object.keys(a)) {
    const x = new Uint8Array(a[name].buffer, a[name].byteOffset, a[name].byteLength);
    const y = new Uint8Array(b[name].buffer, b[name].byteOffset, b[name].byteLength);
    if (Buffer.compare(x, y) === 0) continue;
    for (let i = 0; i < a[name].length; i++) if (!Object.is(a[name][i], b[name][i])) return `${name}[${i}]: ${a[name][i]} vs ${b[name][i]}`;
    return `${name}: lengths`;
  }
  return null;
}

function worldDifference(a: World, b: World): string | null {
  const parts = [
    ['hh', firstDifference(a.hh, b.hh)],
    ['villages', firstDifference(a.villages, b.villages)],
    ['cadres', firstDifference(a.cadres, b.cadres)],
    ['industries', firstDifference(a.industries, b.industries)],
    ['durable', firstDifference({ durable: a.durable }, { durable: b.durable })],
  ] as const;
  for (const [what, d] of parts) if (d) return `${what}.${d}`;
  if (a.budgetLeft !== b.budgetLeft || a.relocationFinanceLeft !== b.relocationFinanceLeft) return 'budget';
  return null;
}

/** Steps a lean and a plain run of `spec` side by side; returns where they first differ (null when never) and the lean run. */
function leanAgainstPlain(spec: RunSpec): { difference: string | null; lean: RunState; plain: RunState } {
  const lean = startRun(spec);
  const plain = startRun(spec);
  usePlainPasses(plain.w);
  for (let t = 1; t <= lean.steps; t++) {
    advanceRun(lean, t);
    advanceRun(plain, t);
    const d = worldDifference(lean.w, plain.w) ?? firstDifference({ monthly: lean.monthly.data }, { monthly: plain.monthly.data });
    if (d) return { difference: `step ${t}: ${d}`, lean, plain };
  }
  return { difference: null, lean, plain };
}

describe('lean kernel against plain passes', () => {
  it('baseline and a policy mix from 2017 give the same bytes at every step, 2013–2020', () => {
    const p = defaultParams();
    const specs: RunSpec[] = [
      { params: p, schedule: [], seed: 3, scale: 0.002, endYear: 2020 },
      {
        params: p,
        schedule: [
          from2017('subsidyLevel', 60000),
          from2017('industryCoverage', 0.9),
          from2017('culturalMotivation', 0.8),
          from2017('cadreSupport', 1),
          from2017('extraBudget', 5e9),
        ],
        seed: 11,
        scale: 0.002,
        endYear: 2020,
      },
    ];
    for (const spec of specs) {
      const { difference, lean, plain } = leanAgainstPlain(spec);
      expect(difference).toBeNull();
      expect(plainPasses(plain.w)).toBe(true);
      expect(plainPasses(lean.w)).toBe(false);
      // The runs did something for the skipped households to miss: exits, relocations, new registrations.
      const yearly = finishRun(lean).yearly;
      expect(yearly.value(7, 'exits_total')).toBeGreaterThan(0);
      expect(yearly.value(4, 'relocations') + yearly.value(5, 'relocations')).toBeGreaterThan(0);
      expect(yearly.value(3, 'new_registrations')).toBeGreaterThan(0);
    }
  });
});

describe('lean kernel against plain passes, motivation at its bounds', () => {
  it('a wide drift puts motivation at 0 and at 1, and the joint pass clamps it as the plain phase does', () => {
    // The default drift never takes a household to 0 in the runs above, so their clamp is not exercised.
    const { difference, lean } = leanAgainstPlain({ params: { ...defaultParams(), motivationDrift: 0.2 }, schedule: [], seed: 3, scale: 0.0005, endYear: 2015 });
    expect(difference).toBeNull();
    expect(lean.w.hh.motivation.includes(0)).toBe(true);
    expect(lean.w.hh.motivation.includes(1)).toBe(true);
  });
});

describe('registryIndex', () => {
  it('lists, in id order, the households in the registry, with a job, resettled, on dibao, returned or waiting; every household when plain', () => {
    const s = startRun({ params: defaultParams(), schedule: [], seed: 5, scale: 0.0015, endYear: 2015 });
    advanceRun(s, 14);
    const w = s.w;
    // Built by the joint pass of step 14, block by block (shocks-and-motivation.ts), and put together.
    expect(w.blocks.count).toBeGreaterThanOrEqual(3);
    const { ids, count } = registryIndex(w);
    const expected: number[] = [];
    for (let h = 0; h < w.nHouseholds; h++) {
      const hh = w.hh;
      if (hh.registry[h] !== Registry.None || hh.jobs[h] > 0 || hh.relocated[h] === 1 || hh.onDibao[h] === 1 || hh.returned[h] === 1 || hh.waiting[h] === 1) expected.push(h);
    }
    expect(Array.from(ids.subarray(0, count))).toEqual(expected);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(w.nHouseholds);
    usePlainPasses(w);
    expect(registryIndex(w).count).toBe(w.nHouseholds);
  });

  it('firstAtOrAfter finds the first position whose id is at least h', () => {
    const ids = Int32Array.from([2, 5, 9, 40]);
    expect([0, 2, 3, 5, 9, 10, 40, 41].map((h) => firstAtOrAfter(ids, 4, h))).toEqual([0, 0, 1, 1, 2, 3, 3, 4]);
    expect(firstAtOrAfter(ids, 0, 3)).toBe(0);
  });
});

describe('surelyAssessedAbove', () => {
  it('is true only where the assessed income is above the level, and often enough to skip most checks', () => {
    const s = startRun({ params: defaultParams(), schedule: [], seed: 9, scale: 0.001, endYear: 2015 });
    advanceRun(s, 11); // November: the year's income so far is known (December's year end resets it)
    const w = s.w;
    let sure = 0;
    let checks = 0;
    for (const level of [w.line, 2 * w.line, 5 * w.line]) {
      for (const quality of [0, 0.5, 1]) {
        for (let h = 0; h < w.nHouseholds; h++) {
          const y = w.hh.incomeYearSum[h] / w.month;
          checks++;
          if (!surelyAssessedAbove(w, h, y, quality, DRAW.assessment.identifyIncome, level)) continue;
          sure++;
          expect(assessIncome(w, h, y, quality, DRAW.assessment.identifyIncome), `household ${h}`).toBeGreaterThan(level);
        }
      }
    }
    expect(sure / checks).toBeGreaterThan(0.3);
    expect(sure).toBeLessThan(checks);
    // Never for a non-positive income or level.
    expect(surelyAssessedAbove(w, 0, 0, 0.5, DRAW.assessment.identifyIncome, w.line)).toBe(false);
    expect(surelyAssessedAbove(w, 0, 1e9, 0.5, DRAW.assessment.identifyIncome, 0)).toBe(false);
  });
});

describe('assuredAboveIncome', () => {
  it('is an income above which every draw of the assessment is above the level, for any draw slot', () => {
    const s = startRun({ params: defaultParams(), schedule: [], seed: 4, scale: 0.001, endYear: 2015 });
    advanceRun(s, 11);
    const w = s.w;
    let assured = 0;
    for (const level of [w.line, 3 * w.line]) {
      for (const quality of [0, 0.5, 1]) {
        const bound = assuredAboveIncome(w, quality, level);
        expect(bound).toBeGreaterThan(level);
        for (let h = 0; h < w.nHouseholds; h++) {
          const y = w.hh.incomeYearSum[h] / w.month;
          if (!(y > bound)) continue;
          assured++;
          for (const slot of [DRAW.assessment.identifyIncome, DRAW.assessment.exitIncome, DRAW.assessment.quotaIncome]) {
            expect(assessIncome(w, h, y, quality, slot), `household ${h}`).toBeGreaterThan(level);
          }
          // Whatever the draw: at the bound's own assumption, the widest normal draw.
          expect(y * Math.exp(-Math.abs(w.p.assessmentNoise * (1 - w.p.assessmentQualityEffect * quality)) * 6.67)).toBeGreaterThan(level);
        }
      }
    }
    expect(assured).toBeGreaterThan(100);
    expect(assuredAboveIncome(w, 0.5, 0)).toBe(Infinity);
  });
});
