/**
 * Assistance: the "five batches" (industry, employment, ecological compensation, relocation,
 * social security) plus education, health and housing, delivered by cadres to registered households.
 *
 * Each month a registered household is visited with probability assistanceRate × the cadre's attention.
 * The cadre diagnoses: with probability `precision` (quality × (1 − w + w × effort), w = precisionEffortWeight) it reads the household's true
 * leading unmet need and delivers the matching measure; otherwise it delivers one of the diagnosed
 * measures at random, which may not apply (wasted visit) or fits poorly (wrongMeasureEffect). Households "waiting
 * for help" refuse productive measures (industry, employment, relocation) with probability waitingRefusal but
 * accept transfers. One-off measures are paid from the month's budget allotment and wait when it is spent.
 * The team's burnout lowers the attention helpers give: the support lost is counted against the support
 * planned at zero burnout.
 */
import { uniformAt } from '../engine/random.js';
import { DRAW } from './draws.js';
import { canAfford, payFromBudget } from './budget.js';
import { attention, plannedAttention, precision } from './cadres.js';
import { setBatch } from './exit-routes.js';
import { blockSum, openRow, runBlocks, type BlockKernel } from './household-blocks.js';
import { firstAtOrAfter, plainPasses, registryIndex, setIndexStarts } from './household-index.js';
import { Measure, Registry, Route, type World } from './world.js';

/** Measures a cadre chooses by diagnosis (health and education aid are entitlements, see below). */
export const DIAGNOSED_MEASURES = [
  Measure.Industry,
  Measure.Employment,
  Measure.Ecological,
  Measure.Relocation,
  Measure.SocialSecurity,
  Measure.Housing,
] as const;

/**
 * Entitlements granted on registration, without a cadre's diagnosis: health assistance (insurance
 * premium subsidy and higher reimbursement) for every registered household, and education aid for
 * households with a student. Both were sector programmes keyed to the registry.
 */
export function grantEntitlements(w: World, h: number): void {
  w.hh.measures[h] |= Measure.Health;
  if (w.hh.school[h] === 1) w.hh.measures[h] |= Measure.Education;
}

/**
 * The measure a correct diagnosis delivers: the first unmet need in priority order, or 0 when none.
 * The place first for a remote household (relocation also ends unsafe housing); then unsafe housing
 * (it blocks exit), also for a remote household that was offered relocation and did not move; then the
 * household's capacity to earn: dibao for those who cannot work, industry where the village has one,
 * employment, an ecological post where there is forest, and a cooperative dividend for those who
 * cannot work.
 */
export function neededMeasure(w: World, h: number): number {
  const hh = w.hh;
  const got = hh.measures[h];
  const v = hh.village[h];
  const remoteUnmoved = hh.remote[h] === 1 && hh.relocated[h] === 0;
  if (remoteUnmoved && !(got & Measure.Relocation)) return Measure.Relocation;
  if (hh.unsafeHousing[h] === 1) return Measure.Housing;
  const cannotWork = hh.laborers[h] === 0 || hh.disabled[h] === 1;
  if (cannotWork && hh.onDibao[h] === 0) return Measure.SocialSecurity;
  const covered = w.villages.covered[v] === 1;
  if (!cannotWork && covered && hh.industryMember[h] === 0 && !(got & Measure.Industry)) return Measure.Industry;
  if (!cannotWork && hh.jobs[h] < hh.laborers[h] && !(got & Measure.Employment)) return Measure.Employment;
  if (!cannotWork && w.villages.forest[v] === 1 && hh.ecoPost[h] === 0) return Measure.Ecological;
  if (cannotWork && covered && w.villages.coopLinked[v] === 1 && hh.industryMember[h] === 0) return Measure.Industry;
  return 0;
}

// Per-cadre values of the month's pass (no allocation per step).
let cadreScratch = new Float64Array(0);

/** Monthly delivery of measures to registered (and, at a lower rate, exited) households. */
export function deliverAssistance(w: World): void {
  const hh = w.hh;
  const p = w.p;
  const t = w.step;
  const n = w.nHouseholds;
  const key = w.streams.assistance.key;
  const { registry, cadre, gone, incomeSmoothed } = hh;
  const postExit = p.postExitSupport;
  // Exited households at risk of returning are monitored and supported more (dynamic monitoring).
  const atRiskFactor = w.year >= p.atRiskSupportFromYear ? p.atRiskSupport : 1;
  const atRiskBelow = p.atRiskIncomeBound * w.line;
  const f = w.flows;
  // When the budget binds, households later in the pass wait: the pass starts at a different
  // household each month so that no village always comes last.
  const start = n > 0 ? (t * 7919) % n : 0;
  // Only households in the registry are visited: the index, from its first id at or after `start`, wrapping.
  const { ids, count } = registryIndex(w);
  const first = firstAtOrAfter(ids, count, start);
  // Each cadre's attention, planned attention and precision this month (entry c + 1; entry 0 for no
  // cadre): nothing in the pass changes effort, caseload or quality.
  const nc = w.nCadres + 1;
  // In a tiled world the blocks' array, which threads share (ASSISTANCE_DECISIONS reads it).
  if (!w.blocks.tiled && cadreScratch.length < 3 * nc) cadreScratch = new Float64Array(3 * nc);
  const terms = w.blocks.tiled ? w.blocks.cadreTerms : cadreScratch;
  const given0 = terms.subarray(0, nc);
  const planned0 = terms.subarray(nc, 2 * nc);
  const precision0 = terms.subarray(2 * nc, 3 * nc);
  for (let c = -1; c < w.nCadres; c++) {
    given0[c + 1] = attention(w, c);
    planned0[c + 1] = plannedAttention(w, c);
    precision0[c + 1] = precision(w, c);
  }
  if (inBlocks(w)) {
    deliverInBlocks(w, ids, count, first, planned0, given0);
    return;
  }
  // The month's support sums, in locals (added to in the same order, stored after the pass).
  let supportPlanned = f.supportPlanned;
  let supportDelivered = f.supportDelivered;
  for (let i = 0; i < count; i++) {
    const h = ids[first + i < count ? first + i : first + i - count];
    const r = registry[h];
    if (r === Registry.None || gone[h] === 1) continue;
    // Exited households keep their cadre and policies ("exit without losing support"), at a lower rate.
    // Their factor is worked out for every household and multiplied by 1 for the others (the same
    // values): in the branch for exited households alone, the arithmetic had no type feedback before
    // the first exits, and the optimized pass was thrown away month after month in a cold run.
    const exitedFactor = postExit * (incomeSmoothed[h] < atRiskBelow ? atRiskFactor : 1);
    const rate = p.assistanceRate * (r === Registry.Exited ? exitedFactor : 1);
    const c = cadre[h] + 1;
    const given = rate * given0[c];
    if (r === Registry.Registered) {
      supportPlanned += rate * planned0[c];
      supportDelivered += given;
    }
    const d = decideVisit(w, h, t, key, given, precision0[c]);
    if (d === 0) continue;
    applyMeasure(w, h, d & MEASURE_BITS, (d & FITS) !== 0, uniformAt(key, h, t, DRAW.assistance.takeUp));
  }
  f.supportPlanned = supportPlanned;
  f.supportDelivered = supportDelivered;
}

/** Bits of a decision (decideVisit) and of a place's code in the blocks' pass: the measure, */
const MEASURE_BITS = 0xff;
/** … whether it fits the household's leading need, */
const FITS = 1 << 8;
/** … what it would pay from the budget if the budget (and for industry the village's capacity) allows, */
const PAYS_SHIFT = 9;
const PAYS_INDUSTRY = 1;
const PAYS_EMPLOYMENT = 2;
const PAYS_HOUSING = 3;
/** … whether the replay in pass order found it paid, */
const PAID = 1 << 11;
/** … whether the household is registered (it counts in the support sums), and its cadre + 1 above. */
const REGISTERED = 1 << 12;
const CADRE_SHIFT = 13;
/** Most cadres a code can name (cadre + 1 below 2^19); a larger world runs the pass in one thread. */
const CADRES_IN_CODE = 2 ** (32 - CADRE_SHIFT) - 1;

/**
 * The visit and diagnosis of household h by a cadre giving `given` attention with `precision`: the
 * measure delivered (with FITS when it matches the leading need), or 0 when there is no visit, nothing
 * to deliver or a waiting household refuses. It reads only the household's own columns and its
 * village's fixed facts, so the order households are decided in does not matter.
 */
function decideVisit(w: World, h: number, t: number, key: number, given: number, precision: number): number {
  if (uniformAt(key, h, t, DRAW.assistance.visit) >= given) return 0;
  let m: number;
  let fits: boolean;
  if (uniformAt(key, h, t, DRAW.assistance.diagnosis) < precision) {
    m = neededMeasure(w, h);
    fits = true;
    if (m === 0) return 0; // nothing left to deliver
  } else {
    m = DIAGNOSED_MEASURES[Math.floor(uniformAt(key, h, t, DRAW.assistance.measure) * DIAGNOSED_MEASURES.length)];
    fits = m === neededMeasure(w, h);
  }
  if (w.hh.waiting[h] === 1 && isProductive(m) && uniformAt(key, h, t, DRAW.assistance.refusal) < w.p.waitingRefusal) return 0;
  return fits ? m | FITS : m;
}

/**
 * The blocks' pass when threads share it: a household's visit, diagnosis and measure read and change
 * only its own columns and its village's, except the month's budget (households later in the pass wait
 * when it is spent), a village's industry capacity (the same, within the village) and the support sums
 * (floats, added in pass order). So the blocks decide every household's measure (ASSISTANCE_DECISIONS),
 * this thread replays in pass order what depends on order (the support sums, the capacity and the budget:
 * each payment as applyMeasure makes it), and the blocks then apply the measures (ASSISTANCE_MEASURES).
 * The same bytes as the pass in one thread (test/model/assistance.test.ts; with threads, test/node/block-threads.test.ts).
 */
function deliverInBlocks(w: World, ids: Int32Array, count: number, first: number, planned0: Float64Array, given0: Float64Array): void {
  const p = w.p;
  const f = w.flows;
  const codes = w.blocks.placeCodes;
  setIndexStarts(w, ids, count);
  runBlocks(w, ASSISTANCE_DECISIONS);
  const { village } = w.hh;
  const vl = w.villages;
  if (memberScratch.length < w.nVillages) memberScratch = new Int32Array(w.nVillages);
  const members = memberScratch;
  members.set(vl.members.subarray(0, w.nVillages));
  const rate = p.assistanceRate;
  let supportPlanned = f.supportPlanned;
  let supportDelivered = f.supportDelivered;
  for (let k = 0; k < count; k++) {
    const i = first + k < count ? first + k : first + k - count;
    const code = codes[i];
    if (code & REGISTERED) {
      const c = code >>> CADRE_SHIFT;
      supportPlanned += rate * planned0[c];
      supportDelivered += rate * given0[c];
    }
    const pays = (code >>> PAYS_SHIFT) & 3;
    if (pays === 0) continue;
    // The checks applyMeasure makes, in its order: capacity, then the budget.
    if (pays === PAYS_INDUSTRY) {
      const v = village[ids[i]];
      if (members[v] >= vl.capacity[v] || !canAfford(w, p.industrySupportCost)) continue;
      members[v]++;
      payFromBudget(w, 'industry', p.industrySupportCost);
    } else if (pays === PAYS_EMPLOYMENT) {
      if (!canAfford(w, p.trainingCost)) continue;
      payFromBudget(w, 'employment', p.trainingCost);
    } else {
      if (!canAfford(w, p.housingRenovationCost)) continue;
      payFromBudget(w, 'housing', p.housingRenovationCost);
    }
    codes[i] = code | PAID;
  }
  f.supportPlanned = supportPlanned;
  f.supportDelivered = supportDelivered;
  runBlocks(w, ASSISTANCE_MEASURES);
  // Industry members joined, by type (whole numbers, from the blocks' rows).
  const ind = w.industries;
  for (let k = 0; k < w.nIndustries; k++) ind.members[k] += blockSum(w, k);
}

// Each village's industry members as the replay counts them (no allocation per step).
let memberScratch = new Int32Array(0);

/** True when this month's pass runs in blocks: threads share the world and every cadre fits a code. */
function inBlocks(w: World): boolean {
  return w.blocks.tiled && w.blocks.exec.threads > 1 && !plainPasses(w) && w.nCadres < CADRES_IN_CODE;
}

/** Each household of the block's index decided: its code at its place in w.blocks.placeCodes. */
export const ASSISTANCE_DECISIONS: BlockKernel = {
  name: 'assistanceDecisions',
  run(w: World, b: number): void {
    const hh = w.hh;
    const p = w.p;
    const t = w.step;
    const key = w.streams.assistance.key;
    const { registry, cadre, gone, incomeSmoothed } = hh;
    const { indexIds: ids, indexStarts, placeCodes: codes, cadreTerms } = w.blocks;
    // The month's attention and precision by cadre + 1, as deliverAssistance computed them.
    const nc = w.nCadres + 1;
    const given0 = cadreTerms.subarray(0, nc);
    const precision0 = cadreTerms.subarray(2 * nc, 3 * nc);
    const postExit = p.postExitSupport;
    const atRiskFactor = w.year >= p.atRiskSupportFromYear ? p.atRiskSupport : 1;
    const atRiskBelow = p.atRiskIncomeBound * w.line;
    for (let i = indexStarts[b]; i < indexStarts[b + 1]; i++) {
      const h = ids[i];
      const r = registry[h];
      if (r === Registry.None || gone[h] === 1) {
        codes[i] = 0;
        continue;
      }
      // As deliverAssistance: the rate, the cadre's attention and precision.
      const exitedFactor = postExit * (incomeSmoothed[h] < atRiskBelow ? atRiskFactor : 1);
      const rate = p.assistanceRate * (r === Registry.Exited ? exitedFactor : 1);
      const c = cadre[h] + 1;
      let code = r === Registry.Registered ? REGISTERED | (c << CADRE_SHIFT) : 0;
      const d = decideVisit(w, h, t, key, rate * given0[c], precision0[c]);
      if (d !== 0) code |= d | (wouldPay(w, h, d & MEASURE_BITS, (d & FITS) !== 0, uniformAt(key, h, t, DRAW.assistance.takeUp)) << PAYS_SHIFT);
      codes[i] = code;
    }
  },
};

/** The measures of the block's visited households applied, payments as the replay found them; industry members joined by type in the row. */
export const ASSISTANCE_MEASURES: BlockKernel = {
  name: 'assistanceMeasures',
  run(w: World, b: number): void {
    const row = openRow(w, b);
    const t = w.step;
    const key = w.streams.assistance.key;
    const { indexIds: ids, indexStarts, placeCodes: codes } = w.blocks;
    for (let i = indexStarts[b]; i < indexStarts[b + 1]; i++) {
      const code = codes[i];
      const m = code & MEASURE_BITS;
      if (m === 0) continue;
      const h = ids[i];
      const fits = (code & FITS) !== 0;
      const u = uniformAt(key, h, t, DRAW.assistance.takeUp);
      const pays = (code >>> PAYS_SHIFT) & 3;
      if (pays === 0) {
        // A measure that pays nothing (or whose own conditions failed: applyMeasure changes nothing then).
        if (m !== Measure.Industry && m !== Measure.Employment && m !== Measure.Housing) applyMeasure(w, h, m, fits, u);
      } else if (code & PAID) {
        if (pays === PAYS_INDUSTRY) row[w.villages.industryType[w.hh.village[h]]] += joinIndustry(w, h, fits, u);
        else if (pays === PAYS_EMPLOYMENT) train(w, h, fits, u);
        else renovate(w, h);
      }
    }
  },
};

/** Measures that ask the household to work or move (a waiting household may refuse them). */
export function isProductive(m: number): boolean {
  return m === Measure.Industry || m === Measure.Employment || m === Measure.Relocation;
}

/** Chance a trained laborer is placed in a job: more often for the motivated and skilled [assume weights]. */
export function placementChance(p: World['p'], motivation: number, skill: number): number {
  return p.placementBase + p.placementMotivation * motivation + (1 - p.placementBase - p.placementMotivation) * skill;
}

/**
 * Applies measure m to household h. `fits` says whether it matches the household's leading need;
 * a poorly fitting productive measure is taken up with probability wrongMeasureEffect. `u` is the
 * household's take-up draw. Returns true when something was delivered.
 */
export function applyMeasure(w: World, h: number, m: number, fits: boolean, u: number): boolean {
  const hh = w.hh;
  const p = w.p;
  const vl = w.villages;
  const v = hh.village[h];
  const fitFactor = fits ? 1 : p.wrongMeasureEffect;
  switch (m) {
    case Measure.Industry: {
      if (hh.industryMember[h] !== 0 || vl.covered[v] === 0 || vl.members[v] >= vl.capacity[v]) return false;
      if (!canAfford(w, p.industrySupportCost)) return false;
      if (industryTakeUp(w, h, fitFactor, u) === 0) return false;
      w.industries.members[vl.industryType[v]] += joinIndustry(w, h, fits, u);
      payFromBudget(w, 'industry', p.industrySupportCost);
      return true;
    }
    case Measure.Employment: {
      if (hh.laborers[h] === 0 || hh.measures[h] & Measure.Employment) return false;
      if (!canAfford(w, p.trainingCost)) return false;
      train(w, h, fits, u);
      payFromBudget(w, 'employment', p.trainingCost);
      return true;
    }
    case Measure.Ecological: {
      if (vl.forest[v] === 0 || hh.ecoPost[h] === 1 || hh.laborers[h] === 0) return false;
      hh.ecoPost[h] = 1;
      hh.measures[h] |= Measure.Ecological;
      setBatch(w, h, Route.Ecological);
      return true;
    }
    case Measure.Relocation: {
      if (hh.remote[h] === 0 || hh.relocated[h] === 1) return false;
      hh.relocationOffered[h] = 1;
      hh.measures[h] |= Measure.Relocation;
      return true;
    }
    case Measure.SocialSecurity: {
      if (hh.onDibao[h] === 1) return false;
      const eligible = hh.laborers[h] === 0 || hh.disabled[h] === 1;
      if (!eligible) return false;
      hh.onDibao[h] = 1;
      hh.measures[h] |= Measure.SocialSecurity;
      setBatch(w, h, Route.SocialSecurity);
      return true;
    }
    case Measure.Housing: {
      if (hh.unsafeHousing[h] === 0 || !canAfford(w, p.housingRenovationCost)) return false;
      renovate(w, h);
      payFromBudget(w, 'housing', p.housingRenovationCost);
      return true;
    }
    default:
      return false;
  }
}

/**
 * What measure m would pay from the budget, from household h's own conditions (PAYS_…; 0 for a measure
 * that pays nothing or whose conditions fail): the budget and, for industry, the village's capacity decide the rest.
 */
function wouldPay(w: World, h: number, m: number, fits: boolean, u: number): number {
  const hh = w.hh;
  switch (m) {
    case Measure.Industry: {
      const v = hh.village[h];
      const ok = hh.industryMember[h] === 0 && w.villages.covered[v] === 1 && industryTakeUp(w, h, fits ? 1 : w.p.wrongMeasureEffect, u) !== 0;
      return ok ? PAYS_INDUSTRY : 0;
    }
    case Measure.Employment:
      return hh.laborers[h] !== 0 && !(hh.measures[h] & Measure.Employment) ? PAYS_EMPLOYMENT : 0;
    case Measure.Housing:
      return hh.unsafeHousing[h] === 1 ? PAYS_HOUSING : 0;
    default:
      return 0;
  }
}

/** How household h would join an industry it is enrolled in: 1 working, 2 dividend-linked (a cooperative links those who cannot work), 0 not at all. */
function industryTakeUp(w: World, h: number, fitFactor: number, u: number): number {
  const hh = w.hh;
  const canWork = hh.laborers[h] > 0 && hh.disabled[h] === 0;
  if (canWork && hh.motivation[h] >= w.p.joinThreshold && u < fitFactor) return 1;
  return w.villages.coopLinked[hh.village[h]] === 1 ? 2 : 0;
}

/** Household h joins its village's industry (the budget and capacity allowed it); returns 1, the member its type gains. */
function joinIndustry(w: World, h: number, fits: boolean, u: number): number {
  const hh = w.hh;
  const v = hh.village[h];
  hh.industryMember[h] = industryTakeUp(w, h, fits ? 1 : w.p.wrongMeasureEffect, u);
  w.villages.members[v]++;
  hh.measures[h] |= Measure.Industry;
  setBatch(w, h, Route.Industry);
  return 1;
}

/** Training for household h's laborers, and a placement for one of them by chance. */
function train(w: World, h: number, fits: boolean, u: number): void {
  const hh = w.hh;
  const p = w.p;
  const fitFactor = fits ? 1 : p.wrongMeasureEffect;
  hh.measures[h] |= Measure.Employment;
  hh.skill[h] += p.trainingSkillGain * fitFactor * (1 - hh.skill[h]);
  // Placement succeeds more often for motivated, skilled laborers.
  if (hh.jobs[h] < hh.laborers[h] && u < fitFactor * placementChance(p, hh.motivation[h], hh.skill[h])) hh.jobs[h]++;
  setBatch(w, h, Route.Employment);
}

/** Household h's unsafe house renovated. */
function renovate(w: World, h: number): void {
  w.hh.unsafeHousing[h] = 0;
  w.hh.measures[h] |= Measure.Housing;
}
