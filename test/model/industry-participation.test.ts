/**
 * Industry participation (phase 6): members leave when their village loses coverage (working and
 * dividend-linked alike) or, if working, when motivation falls below joinThreshold − 0.1; non-registered
 * households with a laborer and enough motivation join on their own at spontaneousJoinRate while the
 * village's capacity allows.
 */
import { describe, expect, it } from 'vitest';
import { uniformAt } from '../../src/engine/random.js';
import { DRAW } from '../../src/model/draws.js';
import { updateCoverage } from '../../src/model/industries.js';
import { updateIndustryParticipation } from '../../src/model/industry-participation.js';
import { Registry } from '../../src/model/world.js';
import { advanceTo, buildWorld, households } from './fixtures.js';

describe('leaving', () => {
  it('everyone leaves when the village loses coverage; village and industry counts follow', () => {
    const w = buildWorld({
      params: { industryCoverage: 0.45 },
      villages: [
        { industryKey: 0.4, industryType: 2, households: [{ industryMember: 1 }, { industryMember: 2, laborers: 0 }, {}] },
        { industryKey: 0.1, industryType: 2, households: [{ industryMember: 1 }] },
      ],
    });
    expect(Array.from(w.villages.members)).toEqual([2, 1]);
    expect(w.industries.members[2]).toBe(3);
    w.p.industryCoverage = 0.3; // village 0 (key 0.4) is no longer covered
    updateCoverage(w);
    advanceTo(w, 1);
    updateIndustryParticipation(w);
    expect(Array.from(w.hh.industryMember)).toEqual([0, 0, 0, 1]);
    expect(Array.from(w.villages.members)).toEqual([0, 1]);
    expect(w.industries.members[2]).toBe(1);
  });

  it('a working member leaves below joinThreshold − 0.1; a dividend-linked one stays', () => {
    const w = buildWorld({
      params: { joinThreshold: 0.35, spontaneousJoinRate: 0 },
      villages: [{
        industryKey: 0.01,
        households: [
          { industryMember: 1, motivation: 0.24 }, // below 0.25: leaves
          { industryMember: 1, motivation: 0.26 }, // between 0.25 and 0.35: stays (hysteresis)
          { industryMember: 2, motivation: 0.05, laborers: 0 }, // dividend: motivation does not matter
        ],
      }],
    });
    advanceTo(w, 1);
    updateIndustryParticipation(w);
    expect(Array.from(w.hh.industryMember)).toEqual([0, 1, 2]);
    expect(w.villages.members[0]).toBe(2);
  });
});

describe('joining on their own', () => {
  it('eligible households join in id order until capacity is reached (joinRate 1)', () => {
    // 10 households, capacity floor(10 × 0.35 × 1.15) = 4.
    const w = buildWorld({
      params: { spontaneousJoinRate: 1, industryCapacity: 0.35 },
      villages: [{
        industryKey: 0.01,
        households: [
          { registry: Registry.Registered }, // registered: joins through assistance, not on its own
          { laborers: 0 }, // no laborer
          { motivation: 0.3 }, // below joinThreshold 0.35
          ...households(7, () => ({ motivation: 0.6 })),
        ],
      }],
    });
    expect(w.villages.capacity[0]).toBe(4);
    advanceTo(w, 1);
    updateIndustryParticipation(w);
    expect(Array.from(w.hh.industryMember)).toEqual([0, 0, 0, 1, 1, 1, 1, 0, 0, 0]);
    expect(w.villages.members[0]).toBe(4);
    // Full: nobody else joins next month.
    advanceTo(w, 2);
    updateIndustryParticipation(w);
    expect(w.villages.members[0]).toBe(4);
  });

  it('at the default rate, exactly the households whose industry-join draw is below spontaneousJoinRate join', () => {
    const n = 400;
    const w = buildWorld({
      params: { spontaneousJoinRate: 0.05, industryCapacity: 1 },
      villages: [{ industryKey: 0.01, households: households(n, () => ({ motivation: 0.6 })) }],
    });
    advanceTo(w, 7);
    updateIndustryParticipation(w);
    const key = w.streams.industryJoin.key;
    let expected = 0;
    for (let h = 0; h < n; h++) {
      const joins = uniformAt(key, h, 7, DRAW.industryJoin.join) < 0.05;
      expected += joins ? 1 : 0;
      expect(w.hh.industryMember[h]).toBe(joins ? 1 : 0);
    }
    expect(w.villages.members[0]).toBe(expected);
    expect(expected).toBeGreaterThan(5); // about 20
    expect(expected).toBeLessThan(40);
  });

  it('nobody joins in an uncovered village', () => {
    const w = buildWorld({ params: { spontaneousJoinRate: 1 }, villages: [{ industryKey: 0.9, households: households(5) }] });
    advanceTo(w, 1);
    updateIndustryParticipation(w);
    expect(Array.from(w.hh.industryMember)).toEqual([0, 0, 0, 0, 0]);
  });
});
