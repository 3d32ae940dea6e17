/**
 * Every random draw the model makes, declared per named stream in one place.
 *
 * A draw is `uniformAt(key, agent, step, slot)` or `normalAt(key, agent, step, slot)` (engine/random.ts):
 * a pure function of the stream's key, the agent, the step and the slot. Two decisions that used the
 * same (stream, agent, step, slot) would be coupled, so each draw here names its slot once and call
 * sites read it as `DRAW.<stream>.<draw>`. A normal draw at slot k consumes the uniform slots 2k and
 * 2k + 1; a range (`count` > 1) takes the slots `slot` .. `slot + count − 1` (uniform) or the normal
 * slots `slot` .. `slot + count − 1`.
 *
 * `at` says when the draw is made: 'build' draws use step 0 (the initial world, December 2013),
 * 'month' draws use the current step (1, 2, ...). Draws at different steps never collide, so a build
 * draw and a monthly draw of one stream may share a slot; within one `at`, no two draws of a stream
 * share a uniform slot (test/model/draws.test.ts checks this and that every stream is registered by
 * createStreams).
 *
 * Stream names are the keys of `Streams` (world.ts); the agent is the id the stream is keyed by.
 */
import type { Streams } from './world.js';

/** One declared draw. */
export interface DrawSpec {
  /** 'uniform' in [0, 1) or standard 'normal' (two uniform slots each). */
  readonly kind: 'uniform' | 'normal';
  /** First slot, as passed to uniformAt / normalAt. */
  readonly slot: number;
  /** Number of consecutive slots of this kind the draw takes (default 1). */
  readonly count?: number;
  /** 'build': at step 0 while the world is built; 'month': at the current step of the run. */
  readonly at: 'build' | 'month';
  /** One line: what the draw decides. */
  readonly meaning: string;
}

const u = (slot: number, at: DrawSpec['at'], meaning: string, count = 1): DrawSpec => ({ kind: 'uniform', slot, count, at, meaning });
const n = (slot: number, at: DrawSpec['at'], meaning: string, count = 1): DrawSpec => ({ kind: 'normal', slot, count, at, meaning });

/** The draws of every stream, by stream (the key of `Streams`) and draw name. */
export const DRAWS = {
  population: {
    size: u(0, 'build', 'members beyond the first, one Bernoulli draw each (all 7 with a laborer, the first 2 without)', 7),
    noLabor: u(7, 'build', 'household has no working-age laborer'),
    laborer: u(8, 'build', 'further members who are laborers, one Bernoulli draw each (at most 3)', 3),
    chronic: u(12, 'build', 'a member is chronically ill'),
    disabled: u(13, 'build', 'a member is disabled'),
    school: u(14, 'build', 'a child in upper-secondary or tertiary schooling'),
    remote: u(15, 'build', 'a household of a remote village lives in the remote part'),
    willing: u(16, 'build', 'willing to relocate'),
    skill: u(17, 'build', 'skill 0..1'),
    motivation: n(9, 'build', 'initial motivation around its mean (uniform slots 18, 19)'),
    productivity: n(10, 'build', 'log productivity (uniform slots 20, 21)'),
    deviation: n(11, 'build', 'initial transient income deviation (uniform slots 22, 23)'),
    unsafeHousing: u(24, 'build', 'lives in unsafe housing'),
    savings: u(25, 'build', 'initial savings as a share of twice initialSavingsYears'),
  },
  village: {
    remote: u(0, 'build', 'village is remote (a relocation area)'),
    forest: u(1, 'build', 'village has forest (ecological posts)'),
    fragility: u(2, 'build', 'fragility of the land (disaster exposure)'),
    incomeFactor: n(2, 'build', 'village log income factor (uniform slots 4, 5)'),
    industryKey: u(6, 'build', 'rank for industry coverage (covered when below industryCoverage)'),
    cultureKey: u(7, 'build', 'rank for a culture programme (runs when below culturalMotivation)'),
    coopKey: u(8, 'build', 'rank for a cooperative linkage (linked when below cooperativeLinkage)'),
    industryType: u(9, 'build', 'which characteristic industry the village has'),
  },
  cadreInit: {
    quality: u(0, 'build', 'initial quality of the cadre'),
    burnout: u(1, 'build', 'initial burnout of a stationed cadre'),
  },
  illness: {
    onset: u(0, 'month', 'a serious illness episode this month'),
    cost: u(1, 'month', 'the episode\'s cost (exponential)'),
  },
  disaster: {
    hit: u(0, 'month', 'a flood or landslide hits the village this flood-season month'),
  },
  price: {
    shock: n(0, 'month', 'monthly log price shock of the industry'),
  },
  incomeShock: {
    shock: n(0, 'month', 'January shock to the household\'s transient income deviation'),
  },
  motivation: {
    drift: u(0, 'month', 'idiosyncratic monthly motivation drift'),
  },
  waiting: {
    initial: u(0, 'build', 'a registered household is waiting for help at the end of 2013'),
    change: u(0, 'month', 'enters or recovers from waiting this month'),
  },
  assistance: {
    visit: u(0, 'month', 'the cadre delivers a measure this month'),
    diagnosis: u(1, 'month', 'the cadre reads the true leading need'),
    measure: u(2, 'month', 'which measure a misdiagnosis delivers'),
    takeUp: u(3, 'month', 'take-up or placement of the measure delivered'),
    refusal: u(4, 'month', 'a waiting household refuses a productive measure'),
  },
  industryJoin: {
    join: u(0, 'month', 'a non-registered household joins its village industry on its own'),
  },
  jobs: {
    loss: u(0, 'month', 'a placed laborer loses the job'),
    followUp: u(1, 'month', 'a relocated household gets a follow-up placement'),
  },
  assessment: {
    exitIncome: n(0, 'month', 'error of the exit check\'s income assessment (uniform slots 0, 1)'),
    returnIncome: n(1, 'month', 'error of the return check\'s income assessment (uniform slots 2, 3)'),
    quotaIncome: n(2, 'build', 'error of the 2013 registry quota\'s income assessment (uniform slots 4, 5)'),
    identifyIncome: n(3, 'month', 'error of the identification check\'s income assessment (uniform slots 6, 7)'),
    pushed: u(4, 'month', 'a household failing the exit test is pushed out'),
    caught: u(5, 'month', 'third-party assessment catches a false exit'),
  },
  identification: {
    returnFound: u(0, 'month', 'monitoring finds an exited household that fell below its standard'),
    register: u(1, 'month', 'a newly poor household assessed below the line is registered'),
    fallbackReached: u(2, 'month', 'the cadres monitoring an exited household at risk reach it in time to arrange a fallback'),
  },
  rotation: {
    rotate: u(0, 'month', 'the cadre rotates out this year'),
    quality: u(1, 'month', 'quality of the replacement'),
  },
  urbanization: {
    leave: u(0, 'month', 'an eligible household leaves for a town this year'),
  },
} as const satisfies { readonly [S in keyof Streams]: Readonly<Record<string, DrawSpec>> };

type DrawTable = typeof DRAWS;

/** The first slot of every draw, for call sites: `uniformAt(key, h, t, DRAW.assistance.visit)`. */
export const DRAW = Object.fromEntries(
  Object.entries(DRAWS).map(([stream, draws]) => [stream, Object.fromEntries(Object.entries(draws).map(([name, d]) => [name, d.slot]))]),
) as { readonly [S in keyof DrawTable]: { readonly [D in keyof DrawTable[S]]: number } };

/** The uniform slots a draw consumes (a normal slot k is the uniform slots 2k and 2k + 1). */
export function uniformSlots(d: DrawSpec): number[] {
  const out: number[] = [];
  for (let i = 0; i < (d.count ?? 1); i++) {
    const s = d.slot + i;
    if (d.kind === 'uniform') out.push(s);
    else out.push(2 * s, 2 * s + 1);
  }
  return out;
}
