/**
 * Urbanization (December) and joint demography (populate): only households that are not registered and
 * have a laborer leave, and the rural population falls by about urbanizationRate a year; households
 * without labour average about noLaborMeanSize persons while all households average meanHouseholdSize.
 */
import { describe, expect, it } from 'vitest';
import { urbanize } from '../../src/model/urbanization.js';
import { defaultParams } from '../../src/model/parameters.js';
import { allocateWorld, populate, populationSizes } from '../../src/model/population.js';
import { createStreams, START_YEAR } from '../../src/model/simulate.js';
import { Registry } from '../../src/model/world.js';
import { advanceTo, buildWorld, households } from './fixtures.js';

describe('urbanize', () => {
  it('only non-registered households with a laborer leave; the rural population falls by about urbanizationRate', () => {
    // 4,000 households of 4: 1,000 registered, 500 without labour, 2,500 eligible; rate 0.05 of 16,000 persons = 800.
    const hs = households(4000, (i) => (i % 8 < 2 ? { registry: Registry.Registered } : i % 8 === 2 ? { laborers: 0 } : i % 8 === 3 ? { registry: Registry.Exited } : {}));
    const w = buildWorld({ params: { urbanizationRate: 0.05 }, villages: [{ industryKey: 0.01, households: hs }] });
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
    // Expected 800 persons (200 households, binomial sd about 13 households).
    expect(left / 16000).toBeGreaterThan(0.04);
    expect(left / 16000).toBeLessThan(0.06);
    // A second year takes the rate of the smaller population.
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
