/**
 * Hand-built worlds for testing one process at a time on a known state.
 *
 * `buildWorld` allocates a world with `allocateWorld` and `createStreams` (exactly as `initWorld` does) but
 * sets every column from the test's description instead of drawing it: villages with contiguous
 * household ranges (hhStart/hhEnd), helper ranges (cadreStart/cadreEnd) and stationed-cadre ranges
 * (stationedStart/stationedEnd, after all helpers, as placeCadres lays them out), households and cadres
 * with explicit state. It then sets `persons` and `scaleUp`, refreshes each household's cached constraint
 * bits, initialises the industries as `populate` does, sets coverage/capacity and village norms,
 * recounts caseloads and industry members, and fixes the yearly leave chance from this initial
 * population (`w.leaveProbability`, as `initWorld` does), so every process can be run alone on it.
 *
 * Parameters are REFERENCE_PARAMS (every key of the table) overridden by the spec's `params`. The
 * one-off-measure budget is unlimited at step 0 unless the spec sets `budgetLeft` (see FixtureSpec).
 * Unspecified fields take neutral defaults (see HOUSEHOLD_DEFAULTS): a four-person household with two
 * laborers, productivity 3,000 yuan, no constraint, skill and motivation 0.5, not registered. Villages
 * default to uncovered (industryKey 0.99), no culture programme (cultureKey 0.99), no cooperative
 * (coopKey 0.99), not remote, no forest, fragility 0.
 */
import { expect } from 'vitest';
import { recountCaseloads } from '../../src/model/cadres.js';
import { advanceClock } from '../../src/model/clock.js';
import { POVERTY_LINE } from '../../src/model/government.js';
import { marketIncome, refreshConstraints } from '../../src/model/household-income.js';
import { updateCoverage, updateMarkets } from '../../src/model/industries.js';
import { updateVillageNorms } from '../../src/model/motivation.js';
import { defaultParams, type Params } from '../../src/model/parameters.js';
import { allocateWorld, INDUSTRY_TYPES } from '../../src/model/population.js';
import { createStreams, START_YEAR } from '../../src/model/simulate.js';
import { leaveProbability } from '../../src/model/urbanization.js';
import { CadreKind, Registry, type World } from '../../src/model/world.js';

/** One household; every field maps to the household column of the same name. */
export interface HouseholdSpec {
  size?: number;
  laborers?: number;
  productivity?: number;
  /** Transient log deviation; `deviationFactor` is set to exp(deviation). */
  deviation?: number;
  growth?: number;
  skill?: number;
  motivation?: number;
  chronic?: number;
  disabled?: number;
  school?: number;
  unsafeHousing?: number;
  /** Defaults to the village's `remote` flag. */
  remote?: number;
  relocated?: number;
  willing?: number;
  registry?: number;
  returned?: number;
  measures?: number;
  industryMember?: number;
  jobs?: number;
  ecoPost?: number;
  onDibao?: number;
  dibaoMonths?: number;
  relocationOffered?: number;
  savings?: number;
  batch?: number;
  /** "Waiting for help" (1) or not (0, the default). */
  waiting?: number;
  /** 1 once the household has left the rural population. */
  gone?: number;
  /** Standard of its last exit (yuan/person/year) and the step of that exit; an exited household defaults to the 2013 line, exit year 2013. */
  exitLine?: number;
  exitStep?: number;
  /** Year of the last registry change (default 0). */
  statusYear?: number;
  falseExit?: number;
  exitRoute?: number;
  /** Outstanding relocation debt and its monthly repayment, yuan per household. */
  relocationDebt?: number;
  debtPayment?: number;
  /**
   * The household's cadre as an index into its village's cadres (-1 for none). Default: a registered
   * household gets its village's first cadre (if the village has one), others none.
   */
  cadre?: number;
  /** Sets income, incomeSmoothed and incomeLastYear (default: the household's market income). */
  income?: number;
  incomeSmoothed?: number;
  incomeLastYear?: number;
  /** This calendar year's income sum (default 0). */
  incomeYearSum?: number;
}

/** One cadre; default: effort = cadreEffort, quality = initialCadreQuality, burnout 0, tenure 0. */
export interface CadreSpec {
  effort?: number;
  quality?: number;
  burnout?: number;
  /** Years in post (stationed cadres). */
  tenure?: number;
}

/** One village with its households and cadres. */
export interface VillageSpec {
  households: HouseholdSpec[];
  /** Pairing helpers: specs, or a number of default helpers (default 0). */
  cadres?: CadreSpec[] | number;
  /** Stationed cadres (work team, first secretary): specs or a number (default 0). They follow all helpers, as in placeCadres. */
  stationed?: CadreSpec[] | number;
  /** Designated poor village (default 0). */
  poor?: number;
  remote?: number;
  forest?: number;
  fragility?: number;
  incomeFactor?: number;
  industryKey?: number;
  cultureKey?: number;
  coopKey?: number;
  industryType?: number;
}

export interface FixtureSpec {
  villages: VillageSpec[];
  /** Overrides of the parameter table. */
  params?: Partial<Params>;
  seed?: number;
  /** Province persons per simulated person (default 1: metrics then count simulated persons). */
  scaleUp?: number;
  /** Months the world is sized for (the `durable` account); default 240. */
  steps?: number;
  /**
   * One-off-measure budget left at step 0 (default Infinity: the budget does not bind unless a test says
   * so). The first advanceClock into January opens the year's budget from the funds table instead.
   */
  budgetLeft?: number;
}

/**
 * The parameter values the unit tests compute with by hand: every key of the parameter table (the type
 * makes a missing or removed key a compile error). Keys of the table as first written keep their values
 * of then (before calibration), so a recalibrated default does not break a hand computation; keys added
 * with model v2 take their v2 defaults. Tests that need another value say so in `params`.
 */
export const REFERENCE_PARAMS: Params = {
  cadreEffort: 0.55, subsidyLevel: 18720, culturalMotivation: 0.1, industryCoverage: 0.45,
  households: 10000000, ruralPopulation: 37600000, urbanizationRate: 0.0042, villages: 17320, meanHouseholdSize: 3.76,
  noLaborShare: 0.12, noLaborMeanSize: 1.6, chronicIllnessShare: 0.07, disabilityShare: 0.03, schoolingShare: 0.25,
  unsafeHousingShare: 0.06, remoteVillageShare: 0.1, forestVillageShare: 0.3, meanIncome2013: 8800,
  incomeLogSd: 0.51, villageIncomeSd: 0.25, ruralIncomeGrowth: 0.09, incomeSmoothingMonths: 12, structuralGrowthShare: 0.5,
  transientIncomeSd: 0.12, transientPersistence: 0.6, remotePenalty: 0.3, chronicIllnessPenalty: 0.35,
  noLaborIncomeFactor: 0.45, skillReturn: 0.6, waitingEffortLoss: 0.15, savingsRate: 0.25,
  initialSavingsYears: 0.5, illnessMonthlyRate: 0.008, chronicIllnessFactor: 3, illnessCost: 8000, oopShare: 0.5,
  oopShareAssisted: 0.1, disasterMonthlyRate: 0.02, disasterLoss: 0.25, priceShockSd: 0.06, pricePersistence: 0.92,
  initialMotivation: 0.55, initialMotivationBound: 0.02, peerPull: 0.04, cultureEffect: 0.03, successFeedback: 0.5,
  dependencyErosion: 0.015, dependencyMonths: 18,
  initialWaitingShare: 0.15, waitingEntryRate: 0.002, dependencyEntryFactor: 3, waitingExitRate: 0.015,
  cultureExitRate: 0.025, cultureEntryReduction: 0.5, waitingPeerEffect: 3, waitingRefusal: 0.8, waitingConcealment: 0.1,
  pairingCadres: 300000, stationedCadres: 27656, stationedStaffing: 1, poorVillageShare: 0.1766,
  initialCadreQuality: 0.5, trainingDays: 4, qualityPerTrainingDay: 0.02, caseloadReference: 5,
  stationedCaseloadReference: 20, monitoredWeight: 0.3, burnoutRate: 0.04, tenureBurnout: 0.15, burnoutEffortLoss: 0.6,
  burnoutHonestyLoss: 1, burnoutRecovery: 0.03, cadreSupport: 0, precisionWithoutCadre: 0.3, rotationRate: 0.15,
  supervisionPressure: 0.5, deadlinePressureGrowth: 0.06, consolidationPressure: 0.3, assessmentPressureFeedback: 2, paidEffort: 0.55,
  industryReturn: 5000, returnNavelOrange: 1.2, returnTea: 1, returnCamelliaOil: 0.9, returnLivestock: 1.1,
  returnVegetables: 0.8, returnRuralTourism: 1.3, initialCompetitiveness: 0.3, initialValueChain: 0.15,
  technicalAssistance: 0.2, valueChainInvestment: 0.1, competitivenessGain: 0.02, valueChainGain: 0.02,
  valueChainDecay: 0.01, competitivenessDecay: 0.01, industryCapacity: 0.35, marketDepth: 0.15,
  cooperativeLinkage: 0.3, dividendShare: 0.3, joinThreshold: 0.35, leaveMargin: 0.1, spontaneousJoinRate: 0.004,
  assistanceRate: 0.12, postExitSupport: 0.5, wrongMeasureEffect: 0.4, jobIncome: 14000, placementBase: 0.3,
  placementMotivation: 0.4, jobLossRate: 0.01, trainingSkillGain: 0.25,
  ecoJobWage: 6000, dibaoLineRatio: 1.2, dibaoExitFactor: 1.2, housingCost: 85000, relocationWillingness: 0.9,
  relocationCredit: 50000, relocationLoanYears: 3, selfPayCapPerPerson: 3000, selfPayCapPerHousehold: 10000,
  selfPayCapFromYear: 2016, relocationProgrammeEndYear: 2020, landCompensation: 0, relocationWillingnessNoBase: 0.5,
  relocationFinance: 5.6e8, repaymentShare: 0.3,
  followUpSupport: 0.3, initialRegistryShare: 0.0921, assessmentNoise: 0.25,
  identificationRate: 0.5, incomeStabilityWeight: 0.3, exitMargin: 0.05, falseExitPropensity: 0.25, falseExitBand: 0.2,
  assessmentStrength: 0.5, returnDetection: 0.8, exitStandard2020: 4000, priceInflation: 0.02, atRiskSupport: 3,
  atRiskSupportFromYear: 2016, householdMeasureShare: 0.4, provincialFundsEarly: 0.8, provincialFundsLate: 1.076, integratedFunds2016: 0.5, integratedFunds2017: 0.75, extraBudget: 0, industrySupportCost: 5000,
  trainingCost: 1500, educationAidCost: 2000, healthAidCost: 600, housingRenovationCost: 20000,
  cultureProgramCost: 60000, cadreCostPerEffort: 40000, stationedCadreCost: 60000, cadreSupportCost: 5000,
  trainingDayCost: 400, industryInvestmentCost: 2000000000, industryCoverageCost: 150000,
  // The model's former constants, at their table defaults.
  laborerChance: 0.45, unsafeHousingPoorWeight: 4, unsafeHousingOtherWeight: 0.7, unsafeHousingIncomeBound: 1.5,
  remoteHouseholdShare: 0.85, fragilityRemote: 1.5, fragilityOther: 0.8, savingsThreshold: 1.5, disasterFragilityFactor: 2,
  motivationSpread: 0.18, motivationDrift: 0.01, successFeedbackCap: 0.2, neutralWaitingShare: 0.1, cadreQualitySpread: 0.4,
  initialBurnoutMax: 0.1, industrySkillBase: 0.6, industrySkillGain: 0.8, assessmentQualityEffect: 0.75, atRiskIncomeBound: 1.5,
  burnoutPressureBase: 0.5, precisionEffortWeight: 0.5, competitivenessBase: 0.5, housingCostReferenceSize: 3.43,
};

export const HOUSEHOLD_DEFAULTS = {
  size: 4,
  laborers: 2,
  productivity: 3000,
  deviation: 0,
  growth: 1,
  skill: 0.5,
  motivation: 0.5,
} as const;

/** Builds a world from a hand-written description (see the file comment). */
export function buildWorld(spec: FixtureSpec): World {
  const params: Params = { ...defaultParams(), ...REFERENCE_PARAMS, ...spec.params };
  const specsOf = (x: CadreSpec[] | number | undefined): CadreSpec[] =>
    typeof x === 'number' ? Array.from({ length: x }, () => ({}) as CadreSpec) : (x ?? []);
  const cadreSpecs = spec.villages.map((v) => specsOf(v.cadres));
  const stationedSpecs = spec.villages.map((v) => specsOf(v.stationed));
  const sizes = {
    households: spec.villages.reduce((s, v) => s + v.households.length, 0),
    villages: spec.villages.length,
    cadres: cadreSpecs.reduce((s, c) => s + c.length, 0) + stationedSpecs.reduce((s, c) => s + c.length, 0),
  };
  const w = allocateWorld(
    { params, series: new Map(), streams: createStreams(spec.seed ?? 1), scale: 1, startYear: START_YEAR, steps: spec.steps ?? 240 },
    sizes,
  );
  w.budgetLeft = spec.budgetLeft ?? Infinity;
  const { hh, villages: vl, cadres: cd } = w;

  let h = 0;
  let c = 0;
  let persons = 0;
  function setCadre(k: number, v: number, cs: CadreSpec): void {
    cd.village[k] = v;
    cd.effort[k] = cs.effort ?? params.cadreEffort;
    cd.quality[k] = cs.quality ?? params.initialCadreQuality;
    cd.burnout[k] = cs.burnout ?? 0;
    cd.tenure[k] = cs.tenure ?? 0;
  }
  spec.villages.forEach((vs, v) => {
    vl.hhStart[v] = h;
    vl.cadreStart[v] = c;
    vl.remote[v] = vs.remote ?? 0;
    vl.forest[v] = vs.forest ?? 0;
    vl.fragility[v] = vs.fragility ?? 0;
    vl.incomeFactor[v] = vs.incomeFactor ?? 1;
    vl.industryKey[v] = vs.industryKey ?? 0.99;
    vl.cultureKey[v] = vs.cultureKey ?? 0.99;
    vl.coopKey[v] = vs.coopKey ?? 0.99;
    vl.industryType[v] = vs.industryType ?? 0;
    vl.poor[v] = vs.poor ?? 0;
    for (const cs of cadreSpecs[v]) {
      cd.kind[c] = CadreKind.Helper;
      setCadre(c, v, cs);
      c++;
    }
    vl.cadreEnd[v] = c;
    for (const s of vs.households) {
      hh.village[h] = v;
      hh.size[h] = s.size ?? HOUSEHOLD_DEFAULTS.size;
      hh.laborers[h] = s.laborers ?? Math.min(HOUSEHOLD_DEFAULTS.laborers, hh.size[h]);
      hh.productivity[h] = s.productivity ?? HOUSEHOLD_DEFAULTS.productivity;
      hh.deviation[h] = s.deviation ?? HOUSEHOLD_DEFAULTS.deviation;
      hh.deviationFactor[h] = Math.exp(hh.deviation[h]);
      hh.growth[h] = s.growth ?? HOUSEHOLD_DEFAULTS.growth;
      hh.skill[h] = s.skill ?? HOUSEHOLD_DEFAULTS.skill;
      hh.motivation[h] = s.motivation ?? HOUSEHOLD_DEFAULTS.motivation;
      hh.chronic[h] = s.chronic ?? 0;
      hh.disabled[h] = s.disabled ?? 0;
      hh.school[h] = s.school ?? 0;
      hh.unsafeHousing[h] = s.unsafeHousing ?? 0;
      hh.remote[h] = s.remote ?? vl.remote[v];
      hh.relocated[h] = s.relocated ?? 0;
      hh.willing[h] = s.willing ?? 1;
      hh.registry[h] = s.registry ?? Registry.None;
      hh.returned[h] = s.returned ?? 0;
      hh.measures[h] = s.measures ?? 0;
      hh.industryMember[h] = s.industryMember ?? 0;
      hh.jobs[h] = s.jobs ?? 0;
      hh.ecoPost[h] = s.ecoPost ?? 0;
      hh.onDibao[h] = s.onDibao ?? 0;
      hh.dibaoMonths[h] = s.dibaoMonths ?? 0;
      hh.relocationOffered[h] = s.relocationOffered ?? 0;
      hh.savings[h] = s.savings ?? 0;
      hh.batch[h] = s.batch ?? 0;
      hh.waiting[h] = s.waiting ?? 0;
      hh.gone[h] = s.gone ?? 0;
      // An exited household exited at the end of 2013 under that year's line, unless the spec says otherwise.
      const exitedAtStart = hh.registry[h] === Registry.Exited;
      hh.exitLine[h] = s.exitLine ?? (exitedAtStart ? POVERTY_LINE[START_YEAR] : 0);
      hh.exitStep[h] = s.exitStep ?? 0;
      hh.statusYear[h] = s.statusYear ?? (exitedAtStart ? START_YEAR : 0);
      hh.falseExit[h] = s.falseExit ?? 0;
      hh.exitRoute[h] = s.exitRoute ?? 0;
      hh.relocationDebt[h] = s.relocationDebt ?? 0;
      hh.debtPayment[h] = s.debtPayment ?? 0;
      const local = s.cadre ?? (hh.registry[h] === Registry.Registered && cadreSpecs[v].length > 0 ? 0 : -1);
      if (local >= cadreSpecs[v].length) throw new RangeError(`buildWorld: village ${v} has no cadre ${local}`);
      hh.cadre[h] = local < 0 ? -1 : vl.cadreStart[v] + local;
      refreshConstraints(w, h);
      const y = s.income ?? marketIncome(w, h);
      hh.income[h] = y;
      hh.incomeSmoothed[h] = s.incomeSmoothed ?? y;
      hh.incomeLastYear[h] = s.incomeLastYear ?? y;
      hh.incomeYearSum[h] = s.incomeYearSum ?? 0;
      persons += hh.size[h];
      h++;
    }
    vl.hhEnd[v] = h;
  });
  // Stationed cadres after all helpers (as placeCadres lays them out).
  spec.villages.forEach((_, v) => {
    vl.stationedStart[v] = c;
    for (const cs of stationedSpecs[v]) {
      cd.kind[c] = CadreKind.Stationed;
      setCadre(c, v, cs);
      c++;
    }
    vl.stationedEnd[v] = c;
  });
  (w as { persons: number }).persons = persons;
  (w as { scaleUp: number }).scaleUp = spec.scaleUp ?? 1;

  // Industries as `populate` initialises them.
  const ind = w.industries;
  for (let k = 0; k < w.nIndustries; k++) {
    ind.baseReturn[k] = params.industryReturn * params[INDUSTRY_TYPES[k].returnKey];
    ind.competitiveness[k] = params.initialCompetitiveness;
    ind.valueChain[k] = params.initialValueChain;
    ind.logPrice[k] = 0;
  }
  updateCoverage(w);
  recountMembers(w);
  updateMarkets(w); // the market factor from the members just counted
  updateVillageNorms(w);
  recountCaseloads(w);
  w.leaveProbability = leaveProbability(w); // from the initial population, as initWorld does
  return w;
}

/** Recounts village and industry-type members from the households' `industryMember`. */
export function recountMembers(w: World): void {
  w.villages.members.fill(0);
  w.industries.members.fill(0);
  for (let h = 0; h < w.nHouseholds; h++) {
    if (w.hh.industryMember[h] === 0) continue;
    const v = w.hh.village[h];
    w.villages.members[v]++;
    w.industries.members[w.villages.industryType[v]]++;
  }
}

/** `n` copies of a household spec (with its index passed to `f` for variations). */
export function households(n: number, f: (i: number) => HouseholdSpec = () => ({})): HouseholdSpec[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

/** Advances the clock (only the clock phase) until `w.step === step`; step 1 is January 2014, 12 is December 2014. */
export function advanceTo(w: World, step: number): World {
  if (step < w.step) throw new RangeError(`advanceTo: the world is already at step ${w.step}`);
  while (w.step < step) advanceClock(w);
  return w;
}

/** Asserts |actual − expected| ≤ rel × max(1, |expected|) (for values stored in f32 columns). */
export function expectRel(actual: number, expected: number, rel = 1e-6): void {
  expect(Number.isFinite(actual), `actual ${actual} is not finite`).toBe(true);
  const tol = rel * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `expected ${actual} to be within ${tol} of ${expected}`).toBeLessThanOrEqual(tol);
}

/** Sum of an array-like of numbers. */
export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}
