/**
 * Returns to poverty (December, before exit assessment): an exited household is re-registered only when
 * its income this year is truly below the line, the check also sees it below the line, and monitoring
 * finds it (probability returnDetection). It gets a cadre again and counts as returned. "Below the line"
 * means below the standard it exited under, indexed for prices (the fixture's exited households exited in
 * 2013 under 2,736 yuan: 2,790.7 in 2014), not a later, higher line; a return within 24 months makes the
 * exit not durable.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { DRAW } from '../../src/model/draws.js';
import { assessIncome } from '../../src/model/registry-assessment.js';
import { monitoringReach } from '../../src/model/cadres.js';
import { detectReturns, DURABLE_MONTHS, returnStandard } from '../../src/model/returns.js';
import { Registry, Spend } from '../../src/model/world.js';
import { advanceTo, buildWorld, households, type HouseholdSpec } from './fixtures.js';

const exited = (y: number, extra: HouseholdSpec = {}): HouseholdSpec => ({ registry: Registry.Exited, incomeYearSum: 12 * y, incomeLastYear: y, ...extra });

describe('detectReturns', () => {
  it('with a perfect check and certain detection, re-registers exactly the exited households below the line', () => {
    const w = buildWorld({
      params: { assessmentNoise: 0, returnDetection: 1 },
      villages: [{
        cadres: [{}, {}],
        households: [
          exited(2700, { size: 3 }), // below 2,800: returns
          exited(2800), // at the line: not poor
          exited(4000),
          { registry: Registry.Registered, incomeYearSum: 12 * 1000, cadre: 0 }, // registered: nothing to do
          { registry: Registry.None, incomeYearSum: 12 * 1000 }, // never registered: identification's job
          exited(100, { size: 2 }),
        ],
      }],
    });
    advanceTo(w, 12);
    detectReturns(w);
    expect(Array.from(w.hh.registry)).toEqual([1, 2, 2, 1, 0, 1]);
    expect(Array.from(w.hh.returned)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(w.flows.returns).toBe(5);
    // New cases go to the least-loaded cadres: cadre 1 (0 cases), then cadre 0 and 1 tie at 1 → cadre 0.
    expect(w.hh.cadre[0]).toBe(1);
    expect(w.hh.cadre[5]).toBe(0);
    expect(Array.from(w.cadres.caseload)).toEqual([2, 1]);
  });

  it('never re-registers a household whose income is truly above the line, however noisy the check', () => {
    const w = buildWorld({
      params: { assessmentNoise: 2, returnDetection: 1 },
      villages: [{ cadres: [{ quality: 0 }], households: households(300, (i) => exited(2800 + i)) }],
    });
    advanceTo(w, 12);
    // The noisy check would see many of them below the line...
    let seenBelow = 0;
    for (let h = 0; h < 300; h++) if (assessIncome(w, h, 2800 + h, 0, DRAW.assessment.returnIncome) < 2800) seenBelow++;
    expect(seenBelow).toBeGreaterThan(50);
    detectReturns(w);
    // ...but none returns.
    expect(w.flows.returns).toBe(0);
    expect(Array.from(w.hh.registry).every((r) => r === Registry.Exited)).toBe(true);
  });

  it('a household truly below its standard returns iff the check sees it below and the detection draw is below returnDetection', () => {
    const n = 300;
    const w = buildWorld({
      params: { assessmentNoise: 0.4, returnDetection: 0.8 },
      villages: [{ cadres: [{ quality: 0.5 }], households: households(n, (i) => exited(2500 + i, { size: 1 })) }], // 2,500..2,799
    });
    advanceTo(w, 12);
    // The standard before the check (a return resets the household's status year).
    const standards = Array.from({ length: n }, (_, h) => returnStandard(w, h)); // 2,736 × 1.02 = 2,790.7
    detectReturns(w);
    const key = w.streams.identification.key;
    let expected = 0;
    for (let h = 0; h < n; h++) {
      const y = 2500 + h;
      const standard = standards[h];
      const seen = assessIncome(w, h, y, w.cadres.quality[0], DRAW.assessment.returnIncome) < standard;
      const found = uniformAt(key, h, 12, DRAW.identification.returnFound) < 0.8;
      const back = y < standard && seen && found;
      expected += back ? 1 : 0;
      expect(w.hh.registry[h], `household ${h}`).toBe(back ? Registry.Registered : Registry.Exited);
    }
    expect(w.flows.returns).toBe(expected);
    expect(expected).toBeGreaterThan(100);
    expect(expected).toBeLessThan(n);
  });

  it('returnDetection 0: nobody is found', () => {
    const w = buildWorld({ params: { assessmentNoise: 0, returnDetection: 0 }, villages: [{ cadres: 1, households: households(20, () => exited(1000)) }] });
    advanceTo(w, 12);
    detectReturns(w);
    expect(w.flows.returns).toBe(0);
  });
});

describe('returns against the indexed exit standard, and durable exits', () => {
  // December 2020 (step 84): the line is 4,000; a household that exited in 2016 under 2,952 is judged
  // against 2,952 × 1.02^4 = 3,195.4.
  const DEC_2020 = 84;
  const from2016 = (y: number): HouseholdSpec => exited(y, { exitLine: 2952, statusYear: 2016, exitStep: 36 });

  it('a household above its indexed exit standard but below the later, higher line is not a return', () => {
    const w = buildWorld({
      params: { assessmentNoise: 0, returnDetection: 1, priceInflation: 0.02, exitStandard2020: 4000, atRiskSupportFromYear: 2100 },
      villages: [{ cadres: 1, households: [from2016(3300), from2016(3100)] }],
    });
    advanceTo(w, DEC_2020);
    expect(w.line).toBe(4000);
    expect(returnStandard(w, 0)).toBeCloseTo(2952 * 1.02 ** 4, 6);
    detectReturns(w);
    expect(w.hh.registry[0]).toBe(Registry.Exited); // 3,300: poor by the 2020 line, not by its own standard
    expect(w.hh.registry[1]).toBe(Registry.Registered); // 3,100 < 3,195.4: a real fall
    expect(w.flows.returns).toBe(4);
  });

  it('a return within 24 months of the exit removes that exit from the durable count; a later one does not', () => {
    const w = buildWorld({
      params: { assessmentNoise: 0, returnDetection: 1, atRiskSupportFromYear: 2100 },
      villages: [{ cadres: 1, households: [exited(1000, { size: 3, exitStep: 12, exitLine: 2800, statusYear: 2014 }), exited(1000, { size: 2, exitStep: 0 })] }],
    });
    w.durable[12] = 3; // three persons exited in December 2014
    w.durable[0] = 2;
    advanceTo(w, 36); // December 2016: 24 months after the first exit, 36 after the second
    expect(DURABLE_MONTHS).toBe(24);
    detectReturns(w);
    expect(Array.from(w.hh.registry)).toEqual([Registry.Registered, Registry.Registered]);
    expect(w.durable[12]).toBe(0); // returned within 24 months: not durable
    expect(w.durable[0]).toBe(2); // 36 months later: the exit was durable
  });

  it('from atRiskSupportFromYear the fallbacks come first: temporary assistance, dibao, a public-welfare post', () => {
    // December 2016; every household exited in 2014 under 2,800, so its standard is 2,800 × 1.02² = 2,913.1.
    // A rested stationed cadre with a caseload of round(0.3 × 5) = 2 against 20: monitoring reaches every one.
    const base = { exitLine: 2800, statusYear: 2014, exitStep: 12, cadre: 0 };
    const w = buildWorld({
      params: { assessmentNoise: 0, returnDetection: 1, priceInflation: 0.02, atRiskSupportFromYear: 2016, incomeStabilityWeight: 0, ecoJobWage: 6000 },
      villages: [{ cadres: 1, stationed: 1, households: [
        exited(2500, { ...base, size: 2 }), // shocks of 1,000 yuan this year explain the fall: temporary assistance
        exited(2000, { ...base, size: 2, laborers: 0 }), // cannot work, not on dibao: put on dibao
        exited(2000, { ...base, size: 4, laborers: 1 }), // a post adds 6,000 / 4 = 1,500 per person: 3,500 ≥ 2,913
        exited(1000, { ...base, size: 2, laborers: 1 }), // a post adds 3,000 per person: 4,000 ≥ 2,913
        exited(1000, { ...base, size: 6, laborers: 1 }), // a post adds 1,000 per person: 2,000 < 2,913: returns
      ] }],
    });
    advanceTo(w, 36);
    w.hh.shockYear[0] = 1000; // 1,000 yuan for 2 persons: without it the stable income is 3,000
    const social = w.flows.spending[Spend.social_security];
    detectReturns(w);
    expect(Array.from(w.hh.registry)).toEqual([Registry.Exited, Registry.Exited, Registry.Exited, Registry.Exited, Registry.Registered]);
    expect(w.hh.onDibao[1]).toBe(1);
    expect([w.hh.ecoPost[2], w.hh.ecoPost[3], w.hh.ecoPost[4]]).toEqual([1, 1, 0]);
    // Temporary assistance pays the shortfall to the standard for both persons.
    expect(w.flows.spending[Spend.social_security] - social).toBeCloseTo((2800 * 1.02 ** 2 - 2500) * 2, 6);
    expect(w.flows.fallbacks).toBe(2 + 2 + 4 + 2);
    expect(w.flows.returns).toBe(6);
  });
  it("temporary assistance also covers a shock of last year, which the stable income still weighs", () => {
    // Stable income = 0.7 × this year + 0.3 × last year. Household 0 earned 3,000 both years but last
    // year's 2,000-yuan medical bill (2 persons) left last year at 2,000: stable 2,700 < 2,800.
    // Without that shock it would be 3,000: temporary assistance. Household 1 has no shock: it returns.
    const base = { exitLine: 2800, statusYear: 2014, exitStep: 12, size: 2, laborers: 1, cadre: 0 };
    const w = buildWorld({
      params: { assessmentNoise: 0, returnDetection: 1, priceInflation: 0, atRiskSupportFromYear: 2016, incomeStabilityWeight: 0.3, ecoJobWage: 0 },
      villages: [{ cadres: 1, stationed: 1, households: [exited(3000, { ...base }), exited(2700, { ...base, ecoPost: 1 })] }],
    });
    advanceTo(w, 36);
    w.hh.incomeLastYear[0] = 2000;
    w.hh.shockLastYear[0] = 2000;
    w.hh.incomeLastYear[1] = 2700;
    detectReturns(w);
    expect(Array.from(w.hh.registry)).toEqual([Registry.Exited, Registry.Registered]);
    expect(w.flows.fallbacks).toBe(2);
  });

  it('monitoring reaches an at-risk household with the capacity its team has left: caseload against the reference, less burnout', () => {
    const w = buildWorld({
      params: { monitoredWeight: 0.3, stationedCaseloadReference: 20, stationedStaffing: 1, burnoutEffortLoss: 0.6, caseloadReference: 5, precisionWithoutCadre: 0.3 },
      villages: [
        // A poor village: one stationed cadre carries 40 registered + 0.3 × 10 exited = 43 against 20.
        { cadres: 1, stationed: 1, households: [...households(40, () => ({ registry: Registry.Registered })), ...households(10, () => exited(5000, { cadre: 0 }))] },
        // No stationed cadre: village cadres alone, however light the helper's caseload.
        { cadres: 1, households: [exited(5000, { cadre: 0 }), exited(5000, { cadre: -1 })] },
        // A stationed cadre with nothing to carry: only burnout limits it.
        { cadres: 1, stationed: 1, households: [exited(5000, { cadre: 0, statusYear: 2014 })] },
      ],
    });
    w.villages.teamBurnout[0] = 0.5;
    expect(w.cadres.caseload[w.villages.stationedStart[0]]).toBe(43);
    expect(monitoringReach(w, 40)).toBeCloseTo((20 / 43) * (1 - 0.6 * 0.5), 12); // 0.3256
    expect(monitoringReach(w, 50)).toBe(0.3);
    expect(monitoringReach(w, 51)).toBe(0.3);
    expect(w.cadres.caseload[w.villages.stationedStart[2]]).toBe(0); // round(0.3 × 1)
    w.villages.teamBurnout[2] = 0.25;
    expect(monitoringReach(w, 52)).toBeCloseTo(1 - 0.6 * 0.25, 12);
    w.villages.teamBurnout[0] = 0;
    expect(monitoringReach(w, 40)).toBeCloseTo(20 / 43, 12);
    // Extra staff (stationedStaffing, a schedule in suggestion 4) share the caseload: twice the capacity.
    (w.p as { stationedStaffing: number }).stationedStaffing = 2;
    expect(monitoringReach(w, 40)).toBeCloseTo(40 / 43, 12);
  });

  it('a fallback needs monitoring to reach the household: with an overloaded, burnt-out team most at-risk households return', () => {
    // 300 exited households in a poor village whose team is over its caseload; each would be kept out by
    // a public-welfare post (1,000 + 6,000 / 2 = 4,000 ≥ 2,913). Only those monitoring reaches get one.
    const base = { exitLine: 2800, statusYear: 2014, exitStep: 12, size: 2, laborers: 1, cadre: 0 };
    const build = (stationed: number) => {
      const w = buildWorld({
        params: { assessmentNoise: 0, returnDetection: 1, priceInflation: 0.02, atRiskSupportFromYear: 2016, incomeStabilityWeight: 0, ecoJobWage: 6000, monitoredWeight: 0.3, stationedCaseloadReference: 20, burnoutEffortLoss: 0.6 },
        villages: [{ cadres: 1, stationed, households: households(300, () => exited(1000, base)) }],
      });
      advanceTo(w, 36);
      return w;
    };
    const w = build(1);
    w.villages.teamBurnout[0] = 0.5;
    const reach = monitoringReach(w, 0);
    expect(reach).toBeCloseTo((20 / 90) * 0.7, 12); // caseload 0.3 × 300 = 90 per stationed cadre: reach 0.156
    let reached = 0;
    for (let h = 0; h < 300; h++) if (uniformAt(w.streams.identification.key, h, w.step, DRAW.identification.fallbackReached) < reach) reached++;
    detectReturns(w);
    expect(w.flows.fallbacks).toBe(2 * reached);
    expect(w.flows.returns).toBe(2 * (300 - reached));
    // Binomial(300, 0.156): 46.7 expected, sd 6.3.
    expect(reached).toBeGreaterThan(27);
    expect(reached).toBeLessThan(66);
    // Ten stationed cadres share the load (9 each, under 20) and are rested: every one gets a post.
    const rested = build(10);
    expect(monitoringReach(rested, 0)).toBe(1);
    detectReturns(rested);
    expect(rested.flows.returns).toBe(0);
    expect(rested.flows.fallbacks).toBe(600);
  });
});
