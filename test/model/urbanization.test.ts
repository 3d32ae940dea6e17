/**
 * Urbanization (December) and joint demography (populate): only households that are not registered, not
 * resettled and have a laborer leave; the yearly leave chance is fixed from the initial population
 * (urbanizationRate × persons / eligible persons, scaled by urbanizationRate / its initial value), so the
 * rural population falls by about urbanizationRate in the first year and a registry change in one village
 * never changes who leaves in another; households without labour average about noLaborMeanSize persons
 * while all households average meanHouseholdSize.
 */
import { describe, expect, it } from 'vitest';
import { leaveProbability, urbanize } from '../../src/model/urbanization.js';
import { defaultParams } from '../../src/model/parameters.js';
import { allocateWorld, populate, populationSizes } from '../../src/model/population.js';
import { createStreams, START_YEAR } from '../../src/model/simulate.js';
import { Registry } from '../../src/model/world.js';
import { advanceTo, buildWorld, expectRel, households } from './fixtures.js';

describe('urbanize', () => {
  it('only non-registered households with a laborer leave; the rural population falls by about urbanizationRate', () => {
    // 4,000 households of 4: 1,000 registered, 500 without labour, 2,500 eligible; rate 0.05 of 16,000 persons = 800.
    const hs = households(4000, (i) => (i % 8 < 2 ? { registry: Registry.Registered } : i % 8 === 2 ? { laborers: 0 } : i % 8 === 3 ? { registry: Registry.Exited } : {}));
    const w = buildWorld({ params: { urbanizationRate: 0.05 }, villages: [{ industryKey: 0.01, households: hs }] });
    // Fixed at build: 0.05 × 16,000 persons / 10,000 eligible persons (2,500 households of 4).
    expect(w.leaveProbability).toBeCloseTo(0.08, 12);
    advanceTo(w, 12);
    urbanize(w);
    let left = 0;
    let rural = 0;
    for (let h = 0; h < w.nHouseholds; h++) {
      if (w.hh.gone[h] === 1) {
        left += w.hh.size[h];
        expect(w.hh.registry[h]).not.toBe(Registry.Registered);
        expect(w.hh.laborers[h]).toBeGreaterThan(0);
      } else rural += w.hh.size[h];
    }
    expect(rural + left).toBe(16000);
    // Expected 0.08 × 10,000 = 800 persons (200 households, binomial sd about 13 households).
    expect(left / 16000).toBeGreaterThan(0.04);
    expect(left / 16000).toBeLessThan(0.06);
    // A second year applies the same chance to the remaining eligible: about 0.08 × 9,200 = 736 persons
    // of about 15,200, 4.8% (the chance is not re-derived from the smaller population).
    advanceTo(w, 24);
    urbanize(w);
    let rural2 = 0;
    for (let h = 0; h < w.nHouseholds; h++) if (w.hh.gone[h] === 0) rural2 += w.hh.size[h];
    expect(1 - rural2 / rural).toBeGreaterThan(0.04);
    expect(1 - rural2 / rural).toBeLessThan(0.06);
  });

  it('a leaver gives up its industry place, job, post and dibao', () => {
    const w = buildWorld({
      params: { urbanizationRate: 0.1 },
      villages: [{ industryKey: 0.01, households: households(10, () => ({ industryMember: 1, jobs: 1, ecoPost: 1 })).concat(households(200, () => ({ laborers: 0 }))) }],
    });
    advanceTo(w, 12);
    urbanize(w); // 10% of 840 persons = 84 from the 40 eligible persons: all of them leave
    for (let h = 0; h < 10; h++) {
      expect(w.hh.gone[h]).toBe(1);
      expect(w.hh.industryMember[h] + w.hh.jobs[h] + w.hh.ecoPost[h]).toBe(0);
    }
    expect(w.villages.members[0]).toBe(0);
    expect(w.industries.members[0]).toBe(0);
  });

  it('a resettled (relocated) household never leaves, even at a certain leave chance', () => {
    // 10 relocated and 10 ordinary households of 4: 0.5 × 80 persons / 40 eligible persons = 1.
    const hs = households(10, () => ({ relocated: 1 })).concat(households(10));
    const w = buildWorld({ params: { urbanizationRate: 0.5 }, villages: [{ households: hs }] });
    expect(w.leaveProbability).toBe(1);
    advanceTo(w, 12);
    urbanize(w);
    advanceTo(w, 24);
    urbanize(w);
    for (let h = 0; h < 10; h++) expect(w.hh.gone[h], `relocated household ${h}`).toBe(0);
    for (let h = 10; h < 20; h++) expect(w.hh.gone[h], `ordinary household ${h}`).toBe(1);
  });

  it('the chance is fixed at build: registering another village\'s households later changes no one\'s leaving', () => {
    // Two villages of 100 eligible households of 4: 0.2 × 800 / 800 = 0.2. Re-derived after village 1 is
    // registered it would be 0.2 × 800 / 400 = 0.4 and village 0 would lose about twice as many.
    const spec = () => ({ params: { urbanizationRate: 0.2 }, villages: [{ households: households(100) }, { households: households(100) }] });
    const ref = buildWorld(spec());
    const w = buildWorld(spec());
    expectRel(ref.leaveProbability, 0.2, 1e-12);
    for (let h = 100; h < 200; h++) w.hh.registry[h] = Registry.Registered;
    expectRel(w.leaveProbability, 0.2, 1e-12);
    expectRel(leaveProbability(w), 0.4, 1e-12); // what a re-derived chance would be
    for (const x of [ref, w]) {
      advanceTo(x, 12);
      urbanize(x);
    }
    const leftRef = Array.from(ref.hh.gone.slice(0, 100));
    const left = leftRef.reduce((a, b) => a + b, 0);
    expect(left).toBeGreaterThan(5); // about 20 (binomial sd 4)
    expect(left).toBeLessThan(40);
    expect(Array.from(w.hh.gone.slice(0, 100))).toEqual(leftRef);
    for (let h = 100; h < 200; h++) expect(w.hh.gone[h]).toBe(0); // registered: stay
  });

  it('a later urbanizationRate scales the fixed chance by urbanizationRate / its initial value', () => {
    const make = () => buildWorld({ params: { urbanizationRate: 0.2 }, villages: [{ households: households(100) }] });
    const none = make();
    const all = make();
    none.p.urbanizationRate = 0; // 0.2 × 0 / 0.2 = 0
    all.p.urbanizationRate = 1; // 0.2 × 1 / 0.2 = 1
    for (const x of [none, all]) {
      advanceTo(x, 12);
      urbanize(x);
    }
    expect(Array.from(none.hh.gone).every((g) => g === 0)).toBe(true);
    expect(Array.from(all.hh.gone).every((g) => g === 1)).toBe(true);
  });
});

describe('joint demography (populate at 1:1000)', () => {
  it('households without labour average about noLaborMeanSize persons; all households about meanHouseholdSize', () => {
    const params = defaultParams();
    const sizes = populationSizes(params, 0.001);
    const w = allocateWorld({ params, series: new Map(), streams: createStreams(5), scale: 0.001, startYear: START_YEAR, steps: 12 }, sizes);
    populate(w);
    let persons = 0;
    let noLabor = 0;
    let noLaborPersons = 0;
    for (let h = 0; h < w.nHouseholds; h++) {
      persons += w.hh.size[h];
      if (w.hh.laborers[h] === 0) {
        noLabor++;
        noLaborPersons += w.hh.size[h];
        expect(w.hh.size[h]).toBeLessThanOrEqual(3);
      }
    }
    expect(w.nHouseholds).toBe(10000);
    expect(Math.abs(noLaborPersons / noLabor - params.noLaborMeanSize)).toBeLessThan(0.1); // 1.6
    expect(Math.abs(persons / w.nHouseholds - params.meanHouseholdSize)).toBeLessThan(0.05); // 3.76
    expect(Math.abs(noLabor / w.nHouseholds - params.noLaborShare)).toBeLessThan(0.015); // 12%
  });
});
