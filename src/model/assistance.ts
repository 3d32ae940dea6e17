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
import { firstAtOrAfter, registryIndex } from './household-index.js';
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
  if (cadreScratch.length < 3 * nc) cadreScratch = new Float64Array(3 * nc);
  const given0 = cadreScratch.subarray(0, nc);
  const planned0 = cadreScratch.subarray(nc, 2 * nc);
  const precision0 = cadreScratch.subarray(2 * nc, 3 * nc);
  for (let c = -1; c < w.nCadres; c++) {
    given0[c + 1] = attention(w, c);
    planned0[c + 1] = plannedAttention(w, c);
    precision0[c + 1] = precision(w, c);
  }
  // The month's support sums, in locals (added to in the same order, stored after the pass).
  let supportPlanned = f.supportPlanned;
  let supportDelivered = f.supportDelivered;
  for (let i = 0; i < count; i++) {
    const h = ids[first + i < count ? first + i : first + i - count];
    const r = registry[h];
    if (r === Registry.None || gone[h] === 1) continue;
    // Exited households keep their cadre and policies ("exit without losing support"), at a lower rate.
    let rate = p.assistanceRate;
    if (r === Registry.Exited) rate *= postExit * (incomeSmoothed[h] < atRiskBelow ? atRiskFactor : 1);
    const c = cadre[h] + 1;
    const given = rate * given0[c];
    if (r === Registry.Registered) {
      supportPlanned += rate * planned0[c];
      supportDelivered += given;
    }
    if (uniformAt(key, h, t, DRAW.assistance.visit) >= given) continue;
    let m: number;
    let fits: boolean;
    if (uniformAt(key, h, t, DRAW.assistance.diagnosis) < precision0[c]) {
      m = neededMeasure(w, h);
      fits = true;
      if (m === 0) continue; // nothing left to deliver
    } else {
      m = DIAGNOSED_MEASURES[Math.floor(uniformAt(key, h, t, DRAW.assistance.measure) * DIAGNOSED_MEASURES.length)];
      fits = m === neededMeasure(w, h);
    }
    if (hh.waiting[h] === 1 && isProductive(m) && uniformAt(key, h, t, DRAW.assistance.refusal) < p.waitingRefusal) continue;
    applyMeasure(w, h, m, fits, uniformAt(key, h, t, DRAW.assistance.takeUp));
  }
  f.supportPlanned = supportPlanned;
  f.supportDelivered = supportDelivered;
}

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
      const canWork = hh.laborers[h] > 0 && hh.disabled[h] === 0;
      if (canWork && hh.motivation[h] >= p.joinThreshold && u < fitFactor) hh.industryMember[h] = 1;
      else if (vl.coopLinked[v] === 1) hh.industryMember[h] = 2;
      else return false;
      vl.members[v]++;
      w.industries.members[vl.industryType[v]]++;
      hh.measures[h] |= Measure.Industry;
      setBatch(w, h, Route.Industry);
      payFromBudget(w, 'industry', p.industrySupportCost);
      return true;
    }
    case Measure.Employment: {
      if (hh.laborers[h] === 0 || hh.measures[h] & Measure.Employment) return false;
      if (!canAfford(w, p.trainingCost)) return false;
      hh.measures[h] |= Measure.Employment;
      hh.skill[h] += p.trainingSkillGain * fitFactor * (1 - hh.skill[h]);
      // Placement succeeds more often for motivated, skilled laborers.
      if (hh.jobs[h] < hh.laborers[h] && u < fitFactor * placementChance(p, hh.motivation[h], hh.skill[h])) hh.jobs[h]++;
      setBatch(w, h, Route.Employment);
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
      hh.unsafeHousing[h] = 0;
      hh.measures[h] |= Measure.Housing;
      payFromBudget(w, 'housing', p.housingRenovationCost);
      return true;
    }
    default:
      return false;
  }
}
