/**
 * The parameter table: every number the model uses that a user may change, with its default, unit,
 * valid range, plausible range (for sensitivity analysis), source and meaning. This table is the single
 * source of truth: scenario validation, `povsim params`, the docs and the playground all read it.
 *
 * Source tags: paper = the seed paper (Jiangxi, 2013–2017); stat = official statistics;
 * lit = published literature; assume = a stated assumption (sensitivity analysis covers it);
 * calibrated = fitted to the calibration targets (docs/calibration.md); their values live in
 * calibrated.ts, written by `povsim calibrate`.
 */
import { CALIBRATED } from './calibrated.js';

export type Source = 'paper' | 'stat' | 'lit' | 'assume' | 'calibrated';
export type ParamGroup =
  | 'lever'
  | 'population'
  | 'income'
  | 'shocks'
  | 'motivation'
  | 'cadres'
  | 'industry'
  | 'assistance'
  | 'relocation'
  | 'registry'
  | 'costs';

/** One row of the parameter table. */
export interface ParamSpec {
  readonly key: string;
  readonly group: ParamGroup;
  readonly default: number;
  readonly unit: string;
  /** Valid range: values outside are rejected. */
  readonly min: number;
  readonly max: number;
  /** Plausible range for sensitivity analysis and the playground (within [min, max]). */
  readonly low: number;
  readonly high: number;
  readonly integer?: boolean;
  readonly source: Source;
  /** One line: what the number means and where it comes from. */
  readonly meaning: string;
}

function p<K extends string>(
  key: K,
  group: ParamGroup,
  def: number,
  unit: string,
  range: [number, number],
  plausible: [number, number],
  source: Source,
  meaning: string,
  integer = false,
): ParamSpec & { readonly key: K } {
  return { key, group, default: def, unit, min: range[0], max: range[1], low: plausible[0], high: plausible[1], source, meaning, integer };
}

/**
 * A row tagged `calibrated`: its default is read from the one store of calibrated values,
 * src/model/calibrated.ts, which `povsim calibrate` rewrites (a plan with `writeTable`); it is
 * never written here.
 */
function calibrated<K extends keyof typeof CALIBRATED>(
  key: K,
  group: ParamGroup,
  unit: string,
  range: [number, number],
  plausible: [number, number],
  meaning: string,
): ParamSpec & { readonly key: K } {
  return p(key, group, CALIBRATED[key], unit, range, plausible, 'calibrated', meaning);
}

/** The table, in display order. */
export const PARAMETERS = [
  // --- the four levers (paper's four suggestions) ---
  p('cadreEffort', 'lever', 0.55, 'share of working time', [0, 1], [0.3, 0.9], 'assume',
    'Target share of a cadre\'s working time spent on assigned households (suggestion 4, "effective governance"); burnout lowers the effort actually given.'),
  p('subsidyLevel', 'lever', 18720, 'yuan/household', [0, 200000], [10000, 85000], 'paper',
    'Relocation housing subsidy per household (suggestion 2, "ecological livability"); the paper prints "18,72 million yuan", read as 18,720 yuan.'),
  p('culturalMotivation', 'lever', 0.1, 'share of villages', [0, 1], [0, 0.8], 'assume',
    'Share of villages running a "village civilization" motivation programme (suggestion 3): lectures, model households, ambition-and-skill support.'),
  p('industryCoverage', 'lever', 0.8, 'share of villages', [0, 1], [0.6, 1], 'assume',
    'Share of villages served by a characteristic poverty-alleviation industry (suggestion 1, "prosperous industry"); most poor villages had one by 2016, a stated assumption, not fitted.'),

  // --- population ---
  p('households', 'population', 10_000_000, 'households at 1:1', [1000, 20_000_000], [10_000_000, 10_000_000], 'stat',
    'Rural households in Jiangxi, 2013 (37.6 million rural people at about 3.76 persons per household).', true),
  p('ruralPopulation', 'population', 37_570_000, 'persons', [1_000_000, 100_000_000], [37_570_000, 37_570_000], 'paper',
    'Rural population at the end of 2013 (derived from the paper: 3.46 million poor at 9.21%); results are scaled to it.', true),
  p('urbanizationRate', 'population', 0.0042, 'share of rural persons/year', [0, 0.1], [0.002, 0.008], 'paper',
    'Yearly fall of the rural population as households settle in towns (derived from the paper: 37.57 million in 2013, 36.94 million in 2017); leavers are non-registered households with labour.'),
  p('villages', 'population', 17_320, 'villages at 1:1', [1, 100_000], [17_320, 17_320], 'paper',
    'Administrative villages (the paper counts 17,320 village-level poverty alleviation offices).', true),
  p('meanHouseholdSize', 'population', 3.76, 'persons/household', [1.5, 6], [3.4, 4.1], 'stat',
    'Mean rural household size (registered poor households average 3.43).'),
  p('noLaborShare', 'population', 0.12, 'share of households', [0, 0.6], [0.06, 0.2], 'assume',
    'Households with no working-age laborer (elderly, widowed, disabled).'),
  p('noLaborMeanSize', 'population', 1.6, 'persons/household', [1, 4], [1.3, 2], 'assume',
    'Mean size of a household without a laborer: mostly elderly singles and couples (size and labour are drawn jointly).'),
  p('laborerChance', 'population', 0.45, 'probability per further member', [0, 1], [0.35, 0.55], 'assume',
    'Chance that each further member of a household with labour (up to three) is also a laborer.'),
  calibrated('chronicIllnessShare', 'population', 'share of households', [0, 0.5], [0.1, 0.3],
    'Households with a chronically ill member; illness is a cause for about 42% of registered poor households (44% after the 2015 re-check) [stat].'),
  p('disabilityShare', 'population', 0.03, 'share of households', [0, 0.3], [0.02, 0.06], 'assume',
    'Households with a member disabled enough to limit work.'),
  p('schoolingShare', 'population', 0.25, 'share of households', [0, 1], [0.15, 0.35], 'assume',
    'Households paying for a child in upper-secondary or tertiary schooling.'),
  p('unsafeHousingShare', 'population', 0.06, 'share of households', [0, 0.5], [0.03, 0.12], 'assume',
    'Households living in dilapidated (unsafe) housing in 2013, weighted toward the poor.'),
  p('unsafeHousingPoorWeight', 'population', 4, 'multiple of unsafeHousingShare', [0, 50], [2, 6], 'assume',
    'Unsafe housing is this many times unsafeHousingShare among households with a 2013 income under unsafeHousingIncomeBound times the line (weights chosen so the overall share is about the parameter).'),
  p('unsafeHousingOtherWeight', 'population', 0.7, 'multiple of unsafeHousingShare', [0, 10], [0.5, 0.9], 'assume',
    'Unsafe housing relative to unsafeHousingShare among the other households.'),
  p('unsafeHousingIncomeBound', 'population', 1.5, 'x poverty line', [0, 10], [1, 2], 'assume',
    'Income (2013, per capita) below which a household takes unsafeHousingPoorWeight.'),
  p('remoteVillageShare', 'population', 0.1, 'share of villages', [0, 1], [0.05, 0.2], 'assume',
    'Villages that are remote or ecologically fragile enough to be relocation areas.'),
  p('remoteHouseholdShare', 'population', 0.85, 'share of a remote village\'s households', [0, 1], [0.7, 1], 'assume',
    'Households of a remote village that live in its remote part (relocation candidates, remotePenalty); the rest live near the road.'),
  p('fragilityRemote', 'population', 1.5, 'multiplier of a uniform draw', [0, 10], [1, 2], 'assume',
    'Land fragility of a remote village: min(1, this times a uniform draw); remote villages are more exposed to disasters.'),
  p('fragilityOther', 'population', 0.8, 'multiplier of a uniform draw', [0, 10], [0.5, 1], 'assume',
    'Land fragility of any other village: min(1, this times a uniform draw).'),
  p('forestVillageShare', 'population', 0.3, 'share of villages', [0, 1], [0.15, 0.5], 'assume',
    'Villages with forest or ecological land eligible for ecological compensation posts (Jiangxi forest cover about 63%).'),

  // --- income ---
  p('meanIncome2013', 'income', 8800, 'yuan/person/year', [1000, 50000], [8000, 9600], 'stat',
    'Mean rural per-capita disposable income, Jiangxi 2013 (about 13,200 in 2017).'),
  calibrated('incomeLogSd', 'income', 'log points', [0.1, 2], [0.45, 0.65],
    'Spread (log sd) of household productivity; with the other factors it sets the 2013 income distribution.'),
  p('villageIncomeSd', 'income', 0.25, 'log points', [0, 1], [0.1, 0.4], 'assume',
    'Spread of village-level income factors (why poverty clusters in villages).'),
  p('ruralIncomeGrowth', 'income', 0.09, 'per year', [-0.1, 0.3], [0.06, 0.11], 'assume',
    'Nominal growth of rural market incomes, an assumption: Jiangxi\'s mean rural disposable income rose from about 8,800 to 13,200 yuan in 2013–2017 [stat], 10.7% a year, transfers included; the model\'s mean reaches about 11,850 yuan in 2017.'),
  p('incomeSmoothingMonths', 'income', 12, 'months', [1, 60], [6, 24], 'assume',
    'Memory of the income estimate that registry checks, relocation credit and at-risk support read: an exponential average of monthly income with weight 1/this (12: about a year, as the official income assessment covers).'),
  p('structuralGrowthShare', 'income', 0.5, 'share of general growth', [0, 1.5], [0.2, 0.9], 'assume',
    'Share of general income growth reaching households with a structural constraint (no laborer, chronic illness, disability, remoteness).'),
  p('transientIncomeSd', 'income', 0.12, 'log points/year', [0, 1], [0.05, 0.2], 'assume',
    'Yearly idiosyncratic shock to a household\'s market income (harvest, job, prices); the source of new poverty and returns.'),
  p('transientPersistence', 'income', 0.6, 'AR(1) coefficient', [0, 0.99], [0.3, 0.8], 'assume',
    'Year-to-year persistence of the idiosyncratic income deviation.'),
  p('remotePenalty', 'income', 0.3, 'share of market income', [0, 0.9], [0.15, 0.45], 'assume',
    'Market income lost by living in a remote, poorly connected place; relocation removes it.'),
  p('chronicIllnessPenalty', 'income', 0.35, 'share of market income', [0, 0.9], [0.2, 0.5], 'assume',
    'Market income lost when a member is chronically ill (lost work and care); the same share is lost again for a disabled member.'),
  calibrated('noLaborIncomeFactor', 'income', 'multiplier', [0, 1], [0.5, 1],
    'Market income of a household without a laborer relative to one with (small farming, remittances, pensions).'),
  p('skillReturn', 'income', 0.6, 'income multiplier per unit skill', [0, 2], [0.3, 0.9], 'assume',
    'Market income rises by this factor from skill 0 to skill 1 (centred at 0.5).'),
  p('waitingEffortLoss', 'income', 0.15, 'share of market income', [0, 0.9], [0.05, 0.3], 'assume',
    'Market income a household "waiting for help" forgoes by working less on its own farm and job search (the only income effect of motivation).'),
  p('savingsRate', 'income', 0.25, 'share of income above savingsThreshold', [0, 0.8], [0.1, 0.4], 'assume',
    'Share of per-capita income above savingsThreshold times the poverty line that a household saves.'),
  p('savingsThreshold', 'income', 1.5, 'x poverty line', [0, 10], [1, 2], 'assume',
    'Households save savingsRate of their per-capita income above this multiple of the poverty line.'),
  p('initialSavingsYears', 'income', 0.5, 'years of household income', [0, 5], [0.2, 1], 'assume',
    'Savings at the end of 2013, in years of household income (scaled by a uniform draw).'),

  // --- shocks ---
  p('illnessMonthlyRate', 'shocks', 0.008, 'episodes/household/month', [0, 0.2], [0.004, 0.015], 'assume',
    'Serious illness episodes (hospitalisation) per household-month (chronicIllnessFactor times higher with chronic illness).'),
  p('chronicIllnessFactor', 'shocks', 3, 'multiplier', [1, 10], [2, 4], 'assume',
    'Serious illness episodes are this many times likelier in a household with a chronically ill member.'),
  p('illnessCost', 'shocks', 8000, 'yuan/episode', [0, 100000], [4000, 15000], 'assume',
    'Mean medical cost of an episode, before reimbursement (exponentially distributed).'),
  p('oopShare', 'shocks', 0.5, 'share of cost', [0, 1], [0.35, 0.65], 'lit',
    'Out-of-pocket share of medical costs under the new rural cooperative medical scheme.'),
  p('oopShareAssisted', 'shocks', 0.1, 'share of cost', [0, 1], [0.05, 0.2], 'stat',
    'Out-of-pocket share with health poverty alleviation (the 90% reimbursement goal for registered poor).'),
  p('disasterMonthlyRate', 'shocks', 0.02, 'events/village/flood-season month', [0, 0.5], [0.01, 0.04], 'assume',
    'Flood or landslide probability per flood-season month (May–August), scaled by village fragility.'),
  p('disasterFragilityFactor', 'shocks', 2, 'multiplier per unit fragility', [0, 10], [1, 3], 'assume',
    'A village\'s monthly disaster chance in the flood season is disasterMonthlyRate times this times its fragility (a village of fragility 0.5 has the base rate).'),
  p('disasterLoss', 'shocks', 0.25, 'share of yearly market income', [0, 1], [0.1, 0.4], 'assume',
    'Income lost by a household hit by a disaster; relocated households are not exposed.'),
  p('priceShockSd', 'shocks', 0.06, 'log points/month', [0, 0.5], [0.03, 0.1], 'assume',
    'Monthly shock to each industry\'s price (AR(1) in logs).'),
  p('pricePersistence', 'shocks', 0.92, 'AR(1) coefficient per month', [0, 0.999], [0.85, 0.97], 'assume',
    'Persistence of industry price deviations.'),

  // --- motivation ---
  p('initialMotivation', 'motivation', 0.55, 'index 0..1', [0, 1], [0.45, 0.65], 'assume',
    'Mean initial motivation (lower among the poor through the income link).'),
  p('motivationSpread', 'motivation', 0.18, 'sd, index 0..1', [0, 0.5], [0.1, 0.25], 'assume',
    'Spread (sd) of initial motivation around initialMotivation (a normal draw, clamped to initialMotivationBound..1 − initialMotivationBound).'),
  p('initialMotivationBound', 'motivation', 0.02, 'index 0..1', [0, 0.25], [0, 0.05], 'assume',
    'Initial motivation is clamped to this bound from 0 and from 1: nobody starts wholly without or wholly beyond the pull of norms and programmes.'),
  p('motivationDrift', 'motivation', 0.01, 'index 0..1 per month (half-width)', [0, 0.2], [0.005, 0.02], 'assume',
    'Idiosyncratic monthly drift of each household\'s motivation: uniform within plus or minus this.'),
  p('peerPull', 'motivation', 0.04, 'per month', [0, 1], [0.01, 0.08], 'assume',
    'Monthly pull of a household\'s motivation toward its village norm (the village mean).'),
  p('cultureEffect', 'motivation', 0.03, 'per month', [0, 0.5], [0.01, 0.06], 'assume',
    'Monthly rise of motivation (toward 1) in a village with a cultural-motivation programme: it raises take-up of industry, jobs and credit, not income directly.'),
  p('successFeedback', 'motivation', 0.5, 'per unit relative income gain', [0, 5], [0.2, 1], 'assume',
    'Motivation gained per unit of relative income growth over the past year (success breeds effort).'),
  p('successFeedbackCap', 'motivation', 0.2, 'relative income change', [0, 5], [0.1, 0.5], 'assume',
    'Success feedback responds to a relative income gain or loss of at most this (larger changes count as this).'),
  p('dependencyErosion', 'motivation', 0.015, 'per month', [0, 0.2], [0.005, 0.03], 'assume',
    'Monthly erosion of motivation after long dependence on transfers (dibao beyond dependencyMonths).'),
  p('dependencyMonths', 'motivation', 18, 'months', [0, 120], [6, 36], 'assume',
    'Months on dibao after which dependence starts eroding motivation.', true),
  p('initialWaitingShare', 'motivation', 0.15, 'share of registered households', [0, 1], [0.05, 0.3], 'assume',
    '"Waiting for help" among households registered at the end of 2013; no survey figure is known, so a stated assumption with a wide range.'),
  p('waitingEntryRate', 'motivation', 0.002, 'per household-month', [0, 0.2], [0.001, 0.01], 'assume',
    'Monthly chance a registered household starts "waiting for help" (it keeps the benefits of registration only while registered: the "poor hat").'),
  p('dependencyEntryFactor', 'motivation', 3, 'multiplier', [1, 20], [1.5, 6], 'assume',
    'Entry into "waiting" is this many times likelier after long dependence on dibao (beyond dependencyMonths).'),
  p('waitingExitRate', 'motivation', 0.015, 'per household-month', [0, 0.5], [0.004, 0.03], 'assume',
    'Monthly chance a waiting household recovers its own drive without a programme.'),
  p('cultureExitRate', 'motivation', 0.025, 'per household-month', [0, 0.5], [0.01, 0.05], 'assume',
    'Extra monthly chance a waiting household recovers in a village running a culture programme (model households, ambition-and-skill support).'),
  p('cultureEntryReduction', 'motivation', 0.5, 'share of entry', [0, 1], [0.2, 0.8], 'assume',
    'Share of entries into "waiting" that a village culture programme prevents.'),
  p('waitingPeerEffect', 'motivation', 3, 'per unit village share', [0, 20], [1, 6], 'assume',
    'Village norms pull both ways: entry rises and recovery falls with the share of the village\'s registered households waiting.'),
  p('neutralWaitingShare', 'motivation', 0.1, 'share of registered households', [0, 1], [0.05, 0.2], 'assume',
    'Village share of waiting at which the peer effect is neutral: above it entry into waiting rises and recovery falls (waitingPeerEffect), below it the reverse.'),
  p('waitingRefusal', 'motivation', 0.8, 'probability', [0, 1], [0.5, 1], 'assume',
    'Chance a waiting household refuses a productive measure (industry, employment, relocation) it is offered.'),
  p('waitingConcealment', 'motivation', 0.1, 'share of income', [0, 0.9], [0, 0.25], 'assume',
    'Share of its income a waiting household hides at the exit check, to keep its registration ("prides itself on wearing the poor hat" [paper]).'),

  // --- cadres ---
  p('pairingCadres', 'cadres', 300_000, 'cadres at 1:1', [1000, 2_000_000], [200_000, 400_000], 'stat',
    'Pairing helpers, each responsible for a few registered households (about 300,000 in 2016).', true),
  p('stationedCadres', 'cadres', 27_656, 'cadres at 1:1', [0, 500_000], [20_000, 40_000], 'stat',
    'Stationed cadres who diagnose, plan, check exits and do the paperwork: 10,656 work-team members in 2,900 poor villages (2016) plus more than 17,000 first secretaries.', true),
  p('stationedStaffing', 'cadres', 1, 'multiple of stationedCadres', [0.1, 10], [1, 2], 'assume',
    'Stationed staff relative to the cadres placed at the start: extra staff added later (a schedule) share the caseload and cost their allowance.'),
  p('poorVillageShare', 'cadres', 0.1766, 'share of villages', [0, 1], [0.17, 0.18], 'stat',
    'Designated poor villages (3,058 of 17,320), where the work teams are stationed: the villages with the most registered poor.'),
  p('initialCadreQuality', 'cadres', 0.5, 'index 0..1', [0, 1], [0.35, 0.65], 'assume',
    'Mean initial cadre quality (skill at diagnosing causes and matching measures).'),
  p('cadreQualitySpread', 'cadres', 0.4, 'index 0..1 (full width)', [0, 1], [0.2, 0.6], 'assume',
    'Quality of a new cadre (at the start and on rotation) is uniform over initialCadreQuality plus or minus half of this, clamped to 0..1.'),
  p('initialBurnoutMax', 'cadres', 0.1, 'index 0..1', [0, 1], [0, 0.3], 'assume',
    'Burnout of a stationed cadre at the end of 2013 is uniform between 0 and this.'),
  p('trainingDays', 'cadres', 4, 'days/cadre/year', [0, 60], [0, 20], 'assume',
    'Training days per cadre per year (suggestion 4 raises it).'),
  p('qualityPerTrainingDay', 'cadres', 0.02, 'quality gap closed per day', [0, 0.5], [0.01, 0.04], 'assume',
    'Share of the gap to full quality closed by one training day.'),
  p('caseloadReference', 'cadres', 5, 'households/helper', [1, 100], [3, 10], 'assume',
    'Households a pairing helper can serve fully; above it the attention per household is diluted.'),
  p('stationedCaseloadReference', 'cadres', 20, 'households/stationed cadre', [1, 500], [10, 40], 'assume',
    'Registered (and monitored) households a stationed cadre can handle without strain; burnout grows in proportion to the caseload against it, and above it return monitoring reaches fewer exited households at risk (reference ÷ caseload).'),
  p('monitoredWeight', 'cadres', 0.3, 'registered-household equivalents', [0, 1], [0.1, 0.5], 'assume',
    'Workload of an exited household still monitored and supported, relative to a registered one (it counts in the stationed caseload: burnout and the reach of return monitoring).'),
  p('burnoutRate', 'cadres', 0.02, 'per month', [0, 1], [0.01, 0.05], 'assume',
    'Monthly burnout growth of a stationed cadre at reference caseload, target effort 1 and pressure 0.5 (it scales with 0.5 + pressure): "emotional exhaustion".'),
  p('tenureBurnout', 'cadres', 0.15, 'per year in post', [0, 2], [0.05, 0.3], 'assume',
    'Burnout growth rises by this share for each year a stationed cadre has been in post.'),
  p('burnoutEffortLoss', 'cadres', 0.6, 'share at burnout 1', [0, 1], [0.4, 0.8], 'assume',
    'Share of planned visits and diagnostic care lost at full burnout ("inaction"); also the share of return monitoring\'s reach lost.'),
  p('burnoutHonestyLoss', 'cadres', 1, 'multiplier per unit burnout', [0, 5], [0.5, 2], 'assume',
    'Pushed ("numbers-game") exits become likelier by this factor per unit of the village team\'s burnout.'),
  p('burnoutRecovery', 'cadres', 0.03, 'per month', [0, 1], [0.01, 0.06], 'assume',
    'Monthly recovery from burnout, raised by cadreSupport.'),
  p('cadreSupport', 'cadres', 0, 'index 0..1', [0, 1], [0, 0.8], 'assume',
    'Support for cadres (rest, incentives, reduced paperwork): multiplies recovery by (1 + support).'),
  p('burnoutPressureBase', 'cadres', 0.5, 'pressure-equivalent', [0, 5], [0.25, 1], 'assume',
    'Burnout grows in proportion to this plus the inspection pressure (0..1): the part of the strain that exists without any inspection.'),
  p('precisionEffortWeight', 'cadres', 0.5, 'share of precision', [0, 1], [0.25, 0.75], 'assume',
    'How much of a helper\'s diagnostic precision depends on the effort given: precision = quality × (1 − w + w × effort).'),
  p('precisionWithoutCadre', 'cadres', 0.3, 'probability', [0, 1], [0.1, 0.5], 'assume',
    'Chance a household without a helper of its own is diagnosed correctly (village cadres only); also the reach of return monitoring in a village without a stationed cadre (none in the baseline).'),
  p('rotationRate', 'cadres', 0.15, 'per year', [0, 1], [0.05, 0.3], 'assume',
    'Share of cadres rotated out each year (replaced at initial quality, no burnout).'),
  p('supervisionPressure', 'cadres', 0.5, 'index 0..1', [0, 1], [0.3, 0.8], 'assume',
    'Supervision and inspection pressure in 2014; rises toward the 2020 deadline by deadlinePressureGrowth.'),
  p('deadlinePressureGrowth', 'cadres', 0.08, 'per year', [0, 0.5], [0, 0.12], 'assume',
    'Yearly rise of supervision pressure as the 2020 deadline nears (the goal that every registered household exits by 2020 [paper]).'),
  p('assessmentPressureFeedback', 'cadres', 2, 'pressure per unit share of exits found false', [0, 20], [0, 5], 'assume',
    'Assessment results feed back into pressure: next year\'s inspection pressure on a village\'s stationed cadres (burnout) rises by this times the share of its attempted exits the check found false.'),
  p('consolidationPressure', 'cadres', 0.3, 'index 0..1', [0, 1], [0.1, 0.5], 'assume',
    'Supervision pressure in the 2021–2025 consolidation period (no exit deadline; monitoring and support kept).'),
  p('paidEffort', 'cadres', 0.55, 'share of working time', [0, 1], [0.4, 0.7], 'assume',
    'Effort already paid by existing salaries and stationing allowances; target effort above it is paid as extra allowance and staff time.'),

  // --- industry ---
  p('industryReturn', 'industry', 5000, 'yuan/household/year', [0, 50000], [3000, 8000], 'assume',
    'Yearly income of a participating household at competitiveness 0.5, value chain 0, price 1, skill 0.5 and membership equal to the market size (2013 yuan).'),
  p('returnNavelOrange', 'industry', 1.2, 'multiple of industryReturn', [0, 5], [1, 1.4], 'assume',
    'Return of a navel orange industry (Gannan\'s signature crop) relative to industryReturn; each village has one of six characteristic industries.'),
  p('returnTea', 'industry', 1, 'multiple of industryReturn', [0, 5], [0.8, 1.2], 'assume',
    'Return of a tea industry relative to industryReturn.'),
  p('returnCamelliaOil', 'industry', 0.9, 'multiple of industryReturn', [0, 5], [0.7, 1.1], 'assume',
    'Return of a camellia oil industry relative to industryReturn (slow to mature).'),
  p('returnLivestock', 'industry', 1.1, 'multiple of industryReturn', [0, 5], [0.9, 1.3], 'assume',
    'Return of a livestock industry relative to industryReturn.'),
  p('returnVegetables', 'industry', 0.8, 'multiple of industryReturn', [0, 5], [0.6, 1], 'assume',
    'Return of a vegetable industry relative to industryReturn (easy to enter, crowded markets).'),
  p('returnRuralTourism', 'industry', 1.3, 'multiple of industryReturn', [0, 5], [1, 1.6], 'assume',
    'Return of a rural tourism industry relative to industryReturn (few villages can host it well).'),
  p('industrySkillBase', 'industry', 0.6, 'multiplier at skill 0', [0, 2], [0.4, 0.8], 'assume',
    'A working member\'s industry income is the industry\'s income times (industrySkillBase + industrySkillGain x skill); with the defaults the factor is 1 at skill 0.5.'),
  p('industrySkillGain', 'industry', 0.8, 'multiplier per unit skill', [0, 4], [0.4, 1.2], 'assume',
    'Rise of a working member\'s industry skill factor from skill 0 to skill 1 (see industrySkillBase).'),
  p('competitivenessBase', 'industry', 0.5, 'index', [0, 5], [0.25, 1], 'assume',
    'Industry income and market size scale with this plus competitiveness (0..1), so an industry of competitiveness 0 still sells at this share.'),
  p('initialCompetitiveness', 'industry', 0.3, 'index 0..1', [0, 1], [0.2, 0.5], 'paper',
    'Initial industry competitiveness: the paper finds "limited competitiveness in the market and low market share".'),
  p('initialValueChain', 'industry', 0.15, 'index 0..1', [0, 1], [0.05, 0.3], 'paper',
    'Initial value-chain depth (processing, warehousing, marketing): "imperfect industrial chain, low added value".'),
  p('technicalAssistance', 'industry', 0.2, 'index 0..1', [0, 1], [0, 0.8], 'assume',
    'Technical assistance to industries (experts, service systems): raises their competitiveness.'),
  p('valueChainInvestment', 'industry', 0.1, 'index 0..1', [0, 1], [0, 0.8], 'assume',
    'Investment in processing and warehousing: deepens the value chain.'),
  p('competitivenessGain', 'industry', 0.02, 'gap closed per month per unit assistance', [0, 0.5], [0.01, 0.04], 'assume',
    'Monthly rise of competitiveness per unit of technical assistance, closing the gap to 1.'),
  p('valueChainGain', 'industry', 0.02, 'gap closed per month per unit investment', [0, 0.5], [0.01, 0.04], 'assume',
    'Monthly deepening of the value chain per unit of value-chain investment, closing the gap to 1.'),
  p('valueChainDecay', 'industry', 0.01, 'per month', [0, 0.5], [0.005, 0.02], 'assume',
    'Monthly erosion of value-chain depth (plants idle, contracts lapse) without investment.'),
  p('competitivenessDecay', 'industry', 0.01, 'per month', [0, 0.5], [0.005, 0.02], 'assume',
    'Monthly erosion of competitiveness without assistance (competitors, ageing orchards).'),
  p('industryCapacity', 'industry', 0.35, 'share of village households', [0, 1], [0.2, 0.5], 'assume',
    'Share of a covered village\'s households its industry can take as members (grows with the value chain).'),
  p('marketDepth', 'industry', 0.25, 'member households per household of the province and industry', [0.001, 2], [0.12, 0.4], 'assume',
    'Size of an industry\'s provincial market, in member households per province household per industry, at competitiveness 0.5 and no value chain; income per member halves as members grow from none to this size ("limited competitiveness in the market and low market share" [paper]).'),
  p('cooperativeLinkage', 'industry', 0.3, 'share of covered villages', [0, 1], [0, 0.8], 'assume',
    'Share of covered villages with a cooperative that pays dividends to registered households that cannot (or will not) work as members.'),
  p('dividendShare', 'industry', 0.3, 'share of member income', [0, 1], [0.15, 0.5], 'assume',
    'Dividend of a linked household relative to a working member\'s income.'),
  p('joinThreshold', 'industry', 0.35, 'motivation 0..1', [0, 1], [0.25, 0.5], 'assume',
    'Motivation needed to join an industry; members leave below this minus leaveMargin.'),
  p('leaveMargin', 'industry', 0.1, 'motivation 0..1', [0, 1], [0.05, 0.2], 'assume',
    'Members leave their industry when motivation falls this far below joinThreshold (hysteresis).'),
  p('spontaneousJoinRate', 'industry', 0.004, 'per household-month', [0, 0.2], [0, 0.01], 'assume',
    'Monthly chance a household not currently registered (never registered, or exited) with a laborer joins its village industry on its own.'),

  // --- assistance ---
  calibrated('assistanceRate', 'assistance', 'measures/household/month at full attention', [0, 1], [0.15, 0.45],
    'Monthly chance that a registered household\'s cadre delivers a measure, at full effort and reference caseload.'),
  p('postExitSupport', 'assistance', 0.5, 'share of the registered rate', [0, 1], [0, 0.8], 'assume',
    'Exited households keep their cadre and policies ("exit without losing support"): they still receive measures at this share of the registered rate.'),
  p('wrongMeasureEffect', 'assistance', 0.4, 'share of full effect', [0, 1], [0.2, 0.6], 'assume',
    'Effect of a measure delivered on a wrong diagnosis relative to a fitting one (poor fit, low take-up).'),
  p('jobIncome', 'assistance', 14000, 'yuan/laborer/year (2013)', [0, 100000], [9000, 20000], 'assume',
    'Earnings of a laborer placed in a job by employment assistance (poverty workshops, organised migration).'),
  p('placementBase', 'assistance', 0.3, 'probability', [0, 1], [0.2, 0.4], 'assume',
    'Chance a trained laborer of motivation 0 and skill 0 is placed in a job; motivation and skill add to it.'),
  p('placementMotivation', 'assistance', 0.4, 'probability per unit motivation', [0, 1], [0.2, 0.5], 'assume',
    'Added placement chance from motivation 0 to 1 (skill adds the rest up to 1).'),
  p('jobLossRate', 'assistance', 0.005, 'per month', [0, 0.5], [0.005, 0.03], 'assume',
    'Monthly chance a placed laborer loses the job.'),
  p('trainingSkillGain', 'assistance', 0.25, 'skill gap closed', [0, 1], [0.1, 0.4], 'assume',
    'Share of the skill gap closed by vocational training.'),
  p('ecoJobWage', 'assistance', 6000, 'yuan/post/year', [0, 50000], [4000, 10000], 'assume',
    'Pay of an ecological compensation post (forest ranger, cleaner).'),
  p('dibaoLineRatio', 'assistance', 1.2, 'x poverty line', [0, 3], [0.9, 1.2], 'stat',
    'Rural dibao standard relative to the poverty line (Jiangxi merged the two lines; its rural standard was about 20% above the line by 2017).'),
  p('dibaoExitFactor', 'assistance', 1.2, 'x dibao standard', [1, 5], [1, 1.5], 'assume',
    'Dibao recipients whose earned income exceeds the standard by this factor leave dibao at the yearly review.'),
  // --- relocation ---
  p('housingCost', 'relocation', 85000, 'yuan/household', [0, 500000], [60000, 110000], 'paper',
    'Cost of building a house at the resettlement site ("about 85,000 yuan for housing construction").'),
  p('housingCostReferenceSize', 'relocation', 3.43, 'persons', [1, 10], [3.43, 3.43], 'stat',
    'Persons of the average registered poor household, for which housingCost is stated; a household\'s house costs in proportion to its size (the 25 m² per person cap).'),
  p('relocationWillingness', 'relocation', 0.9, 'share of households', [0, 1], [0.7, 1], 'paper',
    'Share of households in relocation areas willing to move ("90% of the farmers have a greater willingness").'),
  p('relocationCredit', 'relocation', 50000, 'yuan/household', [0, 200000], [20000, 80000], 'stat',
    'Most credit a household can raise for the move: poverty-alleviation microcredit is up to 50,000 yuan per household; what it can repay (repaymentShare) may limit it further.'),
  p('relocationLoanYears', 'relocation', 3, 'years', [0.5, 20], [2, 5], 'stat',
    'Repayment period of relocation debt (poverty-alleviation microcredit runs up to 3 years); repayments come out of income.'),
  p('selfPayCapPerPerson', 'relocation', 3000, 'yuan/person', [0, 100000], [2000, 5000], 'stat',
    'Cap on what a registered household pays itself toward its new house under the 2016–2020 relocation programme (national 13th five-year relocation plan: at most 3,000 yuan per person and 10,000 per household).'),
  p('selfPayCapPerHousehold', 'relocation', 10000, 'yuan/household', [0, 500000], [8000, 15000], 'stat',
    'Household cap on self-payment under the 2016–2020 programme (see selfPayCapPerPerson).'),
  p('selfPayCapFromYear', 'relocation', 2016, 'year', [2014, 2100], [2016, 2016], 'stat',
    'First year of the 2016–2020 relocation programme and its self-pay cap; before it a household paid all the subsidy left uncovered.', true),
  p('relocationProgrammeEndYear', 'relocation', 2020, 'year', [2014, 2100], [2020, 2020], 'stat',
    'Last year of the 2016–2020 relocation programme: no relocation of poor households after it.', true),
  p('landCompensation', 'relocation', 0, 'yuan/household', [0, 200000], [0, 20000], 'paper',
    'Compensation for the land and house left behind ("there is no source of land compensation fees" [paper]).'),
  p('relocationWillingnessNoBase', 'relocation', 0.5, 'share of households', [0, 1], [0.3, 0.8], 'assume',
    'Willingness to move of households without an economic base (no laborer): lower than the 90% of the others.'),
  p('relocationFinance', 'relocation', 5.6e8, 'yuan/year at 1:1', [0, 1e11], [3e8, 1.2e9], 'assume',
    'Construction finance of the relocation programme (local bonds, policy-bank loans) for what subsidy and self-payment leave uncovered: the 2016 plan\'s 170,000 relocation exits over 2016–2020 at the paper\'s gap per house (85,000 − 18,720 − 10,000 yuan for 3.43 persons), about 0.56 bn yuan a year. An assumption, not a statistic: the finance is assumed to have matched the plan, so at the baseline subsidy it allows about the plan\'s number of relocations. It limits how many houses are built: a higher subsidy stretches it further.'),
  p('repaymentShare', 'relocation', 0.3, 'share of household income', [0, 1], [0.15, 0.5], 'assume',
    'Largest share of its yearly income a household can commit to repaying relocation credit: households without an economic base cannot borrow enough ("cannot afford housing" [paper]).'),
  p('followUpSupport', 'relocation', 0.3, 'chance per year', [0, 1], [0, 0.8], 'assume',
    'Follow-up support at resettlement sites: chance per year of a job placement for a relocated laborer.'),

  // --- registry: identification and exit ---
  p('initialRegistryShare', 'registry', 0.0921, 'share of rural persons', [0, 1], [0.0921, 0.0921], 'paper',
    'Poor registered at the end of 2013 (3.46 million, 9.21%): a quota used only to initialise the registry.'),
  p('assessmentNoise', 'registry', 0.25, 'log points at quality 0', [0, 2], [0.1, 0.4], 'assume',
    'Error of a cadre\'s income assessment at quality 0; it falls linearly with quality (assessmentQualityEffect).'),
  p('assessmentQualityEffect', 'registry', 0.75, 'share of the error removed at quality 1', [0, 1], [0.5, 0.9], 'assume',
    'Share of the assessment error (assessmentNoise) that a cadre of quality 1 removes; the error falls linearly with quality.'),
  calibrated('identificationRate', 'registry', 'per year at full precision', [0, 1], [0.2, 0.8],
    'Chance per year that a newly poor household (assessed below the line) is registered.'),
  p('incomeStabilityWeight', 'registry', 0.3, 'weight of last year', [0, 1], [0.1, 0.5], 'assume',
    'Exit and return checks judge a stable income: this year\'s mean income weighted with last year\'s by this weight.'),
  p('exitMargin', 'registry', 0.05, 'share above the line', [-0.5, 1], [0, 0.15], 'assume',
    'Assessed income must exceed the line by this margin for a regular exit.'),
  p('falseExitPropensity', 'registry', 0.1, 'probability at full pressure', [0, 1], [0.1, 0.4], 'assume',
    'Chance a household that fails the exit test (assessed within falseExitBand below the bar, or with a guarantee unmet) is pushed out anyway under pressure ("numbers-game" exits).'),
  p('falseExitBand', 'registry', 0.2, 'share below the line', [0, 1], [0.1, 0.3], 'assume',
    'How far below the line a household can be and still be pushed out.'),
  p('assessmentStrength', 'registry', 0.5, 'probability', [0, 1], [0.3, 0.8], 'assume',
    'Chance that third-party assessment catches a false exit (it is reversed).'),
  p('returnDetection', 'registry', 0.8, 'probability per year', [0, 1], [0.5, 1], 'assume',
    'Chance that an exited household that fell below the standard it exited under (indexed for prices) is found at the yearly registry check and, unless monitoring reached it in time for a fallback, re-registered.'),
  p('exitStandard2020', 'registry', 4000, 'yuan/person/year', [2000, 6000], [3300, 4000], 'stat',
    'Exit standard of 2020 (about 4,000 yuan widely reported; NBS published no 2020 line); after 2020 held constant in real terms.'),
  p('priceInflation', 'registry', 0.02, 'per year', [-0.05, 0.2], [0.01, 0.03], 'stat',
    'Rural consumer price inflation (about 2% a year in 2014–2019), used to index the standard an exited household is judged against.'),
  p('atRiskSupport', 'registry', 3, 'multiplier of post-exit support', [0, 10], [1, 4], 'assume',
    'Exited households at risk of returning (income under atRiskIncomeBound times the line) are monitored and supported at this multiple of the post-exit rate, from atRiskSupportFromYear.'),
  p('atRiskIncomeBound', 'registry', 1.5, 'x poverty line', [0, 10], [1.2, 2], 'assume',
    'Exited households whose twelve-month income is under this multiple of the line are at risk of returning (atRiskSupport).'),
  p('atRiskSupportFromYear', 'registry', 2016, 'year', [2014, 2100], [2016, 2021], 'assume',
    'First year of dynamic monitoring of exited households at risk: extra support, and fallbacks (temporary assistance, dibao, a public-welfare post) before a return. 2016 is the 2016 exit rules ("exit without losing support"; dibao for those who cannot work under the 2016 dibao–poverty convergence); the national monitoring-and-assistance mechanism was formalized on 20 March 2020 (State Council Leading Group guidance), so 2020 is the upper documented date.', true),

  // --- unit costs (for spending and equal-budget comparisons) ---
  p('householdMeasureShare', 'costs', 0.4, 'share of funds', [0, 1], [0.25, 0.6], 'assume',
    'Share of the year\'s poverty-alleviation funds (government.ts, by source) for one-off household measures (industry support, training, housing, relocation); the rest went to village infrastructure, not modelled. Released month by month; a measure waits when the month\'s allotment is spent.'),
  p('provincialFundsEarly', 'costs', 0.8, 'multiple of the central allocation', [0, 5], [0.5, 1.1], 'assume',
    'Provincial special poverty funds in 2014–2015 as a multiple of the central allocation to Jiangxi (no provincial figure for those years was found; about 0.85 in 2016 and 1.076 in 2017) (government.ts).'),
  p('provincialFundsLate', 'costs', 1.076, 'multiple of the central allocation', [0, 5], [0.8, 1.5], 'assume',
    'Provincial special poverty funds in 2018–2020 as a multiple of the central allocation: held at 2017\'s ratio (2.845 bn was 107.6% of the central 2.644 bn [stat]) (government.ts).'),
  p('integratedFunds2016', 'costs', 0.5, 'share of the 2018 pooled funds', [0, 1.5], [0.25, 0.75], 'assume',
    'Integrated agriculture-related funds in 2016, the year pooling started, as a share of the 9.577 bn the 24 poverty counties pooled in 2018 [stat] (government.ts).'),
  p('integratedFunds2017', 'costs', 0.75, 'share of the 2018 pooled funds', [0, 1.5], [0.5, 1], 'assume',
    'Integrated agriculture-related funds in 2017 as a share of the 9.577 bn pooled in 2018 [stat] (government.ts).'),
  p('extraBudget', 'costs', 0, 'yuan/year (province)', [0, 1e12], [0, 1e10], 'assume',
    'Funds added to the yearly budget for one-off household measures (a scenario\'s extra money).'),
  p('industrySupportCost', 'costs', 5000, 'yuan/household (once)', [0, 100000], [3000, 8000], 'assume',
    'Industry support per enrolled household (seedlings, livestock, cooperative shares).'),
  p('trainingCost', 'costs', 1500, 'yuan/household (once)', [0, 50000], [800, 3000], 'assume',
    'Vocational training and job placement per household.'),
  p('educationAidCost', 'costs', 2000, 'yuan/household/year', [0, 50000], [1000, 3000], 'assume',
    'Education assistance (the "rain dew" plan, fee waivers) per household with a student.'),
  p('healthAidCost', 'costs', 600, 'yuan/household/year', [0, 20000], [300, 1200], 'assume',
    'Health assistance premium subsidy per household (claims are paid as illness occurs).'),
  p('housingRenovationCost', 'costs', 20000, 'yuan/household (once)', [0, 200000], [15000, 30000], 'assume',
    'Dilapidated-house renovation subsidy.'),
  p('cultureProgramCost', 'costs', 60000, 'yuan/village/year', [0, 1_000_000], [30000, 120000], 'assume',
    'Running a cultural-motivation programme in one village for a year.'),
  p('cadreCostPerEffort', 'costs', 40000, 'yuan/helper/year at full effort', [0, 500000], [20000, 80000], 'assume',
    'Cost of a pairing helper\'s time per year at effort 1; only target effort above paidEffort is counted (existing salaries are not a cost of the policy).'),
  p('stationedCadreCost', 'costs', 60000, 'yuan/stationed cadre/year', [0, 500000], [40000, 100000], 'assume',
    'Stationing allowance, subsidies and replacement cost of one stationed cadre for a year.'),
  p('cadreSupportCost', 'costs', 5000, 'yuan/stationed cadre/year per unit support', [0, 100000], [2000, 10000], 'assume',
    'Cost of support for stationed cadres (rest rotation, incentives, less paperwork) per unit of cadreSupport.'),
  p('trainingDayCost', 'costs', 400, 'yuan/cadre/day', [0, 10000], [200, 800], 'assume',
    'Cost of one training day for one cadre.'),
  p('industryInvestmentCost', 'costs', 2e9, 'yuan/year per unit of assistance+investment at 1:1', [0, 1e11], [1e9, 4e9], 'assume',
    'Yearly provincial cost of technical assistance plus value-chain investment, per unit of their sum.'),
  p('industryCoverageCost', 'costs', 150000, 'yuan/covered village/year', [0, 5_000_000], [80000, 300000], 'assume',
    'Yearly cost of running a poverty-alleviation industry base in a village (platform, extension, marketing).'),
] as const satisfies readonly ParamSpec[];

/** A parameter key. */
export type ParamKey = (typeof PARAMETERS)[number]['key'];

/** Resolved numeric values for every parameter. */
export type Params = Record<ParamKey, number>;

/** The four levers, by scenario key. */
export const LEVER_KEYS = ['cadreEffort', 'subsidyLevel', 'culturalMotivation', 'industryCoverage'] as const satisfies readonly ParamKey[];
export type LeverKey = (typeof LEVER_KEYS)[number];

const BY_KEY = new Map<string, ParamSpec>(PARAMETERS.map((s) => [s.key, s]));

/** All parameter keys, in table order. */
export const PARAM_KEYS: readonly ParamKey[] = PARAMETERS.map((s) => s.key);

/**
 * Parameters the model reads only while it builds the population (December 2013): a schedule cannot
 * change them, so the scenario checks refuse one. test/model/build-time-parameters.test.ts pins this
 * list to the parameters no monthly or yearly phase reads.
 */
export const BUILD_TIME_KEYS: readonly ParamKey[] = [
  'households', 'ruralPopulation', 'villages', 'meanHouseholdSize', 'noLaborShare', 'noLaborMeanSize', 'laborerChance',
  'chronicIllnessShare', 'disabilityShare', 'schoolingShare', 'unsafeHousingShare', 'unsafeHousingPoorWeight',
  'unsafeHousingOtherWeight', 'unsafeHousingIncomeBound', 'remoteVillageShare', 'remoteHouseholdShare', 'fragilityRemote',
  'fragilityOther', 'forestVillageShare', 'meanIncome2013', 'incomeLogSd', 'villageIncomeSd', 'initialSavingsYears',
  'initialMotivation', 'motivationSpread', 'initialMotivationBound', 'initialWaitingShare', 'pairingCadres', 'stationedCadres',
  'poorVillageShare', 'initialBurnoutMax', 'industryReturn', 'returnNavelOrange', 'returnTea', 'returnCamelliaOil',
  'returnLivestock', 'returnVegetables', 'returnRuralTourism', 'initialCompetitiveness', 'initialValueChain',
  'relocationWillingness', 'relocationWillingnessNoBase', 'initialRegistryShare',
];

/** The spec of a key, or undefined when the key is unknown. */
export function paramSpec(key: string): ParamSpec | undefined {
  return BY_KEY.get(key);
}

/** The default value of every parameter. */
export function defaultParams(): Params {
  // fromEntries gives a fast-properties object (see engine/columns.ts).
  return Object.fromEntries(PARAMETERS.map((s) => [s.key, s.default])) as Params;
}

/** Why `value` is not a valid value of `key`, or undefined when it is valid. */
export function checkParamValue(key: string, value: number): string | undefined {
  const s = BY_KEY.get(key);
  if (!s) return `unknown parameter "${key}"`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a finite number`;
  if (value < s.min || value > s.max) return `${value} is outside the valid range [${s.min}, ${s.max}] (${s.unit})`;
  if (s.integer && !Number.isInteger(value)) return `must be a whole number`;
  return undefined;
}
