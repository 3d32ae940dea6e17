/**
 * The world: every agent's state in typed columns, plus the run's clock, parameters and accounts.
 * Processes (one per file in this folder) read and write it; nothing else holds model state.
 */
import { allocateColumns, type ColumnPools, type Columns } from '../engine/columns.js';
import type { RandomStream } from '../engine/random.js';
import { settleAllNumberFields, settleNumberFields, settleObjectFields } from '../engine/settled-fields.js';
import type { HouseholdBlocks } from './household-blocks.js';
import type { HouseholdTally } from './household-tally.js';
import type { ParamKey, Params } from './parameters.js';

/** Household state. Incomes are per capita, yuan per year; savings are per household, yuan. */
export const HOUSEHOLD_COLUMNS = {
  village: 'i32',
  size: 'u8',
  laborers: 'u8',
  /** Market-income productivity (yuan/person/year at all factors 1, 2013 prices). */
  productivity: 'f32',
  /** Transient log deviation of market income (AR(1), updated each January). */
  deviation: 'f32',
  /** exp(deviation), cached because income reads it every month. */
  deviationFactor: 'f32',
  /** Cumulative market-income growth multiplier since 2013. */
  growth: 'f32',
  skill: 'f32',
  motivation: 'f32',
  /** Structural constraints as bits (see {@link Constraint}); derived from the columns below, cached for the income loop. */
  constraints: 'u8',
  chronic: 'u8',
  disabled: 'u8',
  school: 'u8',
  unsafeHousing: 'u8',
  remote: 'u8',
  relocated: 'u8',
  willing: 'u8',
  /** Registry state: see {@link Registry}. */
  registry: 'u8',
  /** 1 while the household is "waiting for help" (predicament 3): refuses productive measures, works less, hides income at exit checks. */
  waiting: 'u8',
  /** 1 once the household has left the rural population (settled in a town); it is then outside every count. */
  gone: 'u8',
  /** Standard (poverty line) of the year of its last exit, yuan/person/year; returns are judged against it, indexed for prices. */
  exitLine: 'f32',
  /** Step of its last exit (0 before any): an exit is durable if no return follows within 24 months. */
  exitStep: 'u16',
  /** Outstanding relocation debt, yuan per household. */
  relocationDebt: 'f32',
  /** Monthly repayment of relocation debt, yuan per household. */
  debtPayment: 'f32',
  /** 1 once the household has returned to poverty after an exit. */
  returned: 'u8',
  /** Year of the household's last registry change (registration, exit or return); 0 before any. */
  statusYear: 'u16',
  /** 1 if its exit was a false exit not caught by assessment. */
  falseExit: 'u8',
  /** Bitmask of measures received, see {@link Measure}. */
  measures: 'u16',
  /** 0 none, 1 working member of the village industry, 2 dividend-linked through a cooperative. */
  industryMember: 'u8',
  /** Laborers placed in jobs by employment assistance or follow-up support. */
  jobs: 'u8',
  ecoPost: 'u8',
  onDibao: 'u8',
  dibaoMonths: 'u16',
  relocationOffered: 'u8',
  cadre: 'i32',
  savings: 'f32',
  /** Out-of-pocket shock losses this month (medical, disaster), yuan per household. */
  shockLoss: 'f32',
  /** Out-of-pocket shock losses so far this calendar year, yuan per household. */
  shockYear: 'f32',
  /** Last calendar year's out-of-pocket shock losses, yuan per household (stable income weighs that year too). */
  shockLastYear: 'f32',
  /** This month's income, per capita at an annual rate. */
  income: 'f32',
  /** Twelve-month moving estimate of income (exponential smoothing), per capita. */
  incomeSmoothed: 'f32',
  /** Sum of this calendar year's monthly incomes (divide by months elapsed). */
  incomeYearSum: 'f32',
  /** Last calendar year's income, per capita. */
  incomeLastYear: 'f32',
  /** The household's "batch": the route of the first of the five batches that took effect for it, see {@link Route} (0 = none yet). */
  batch: 'u8',
  /** Route of the last exit, see {@link Route}. */
  exitRoute: 'u8',
} as const;

export const VILLAGE_COLUMNS = {
  /** First household id and one past the last (households of a village are contiguous). */
  hhStart: 'i32',
  hhEnd: 'i32',
  remote: 'u8',
  forest: 'u8',
  fragility: 'f32',
  incomeFactor: 'f32',
  /** Fixed uniform key: the village is covered by an industry when key < industryCoverage (so coverage grows by adding villages). */
  industryKey: 'f32',
  /** Fixed uniform key for the culture programme, likewise. */
  cultureKey: 'f32',
  /** Fixed uniform key for cooperative linkage, likewise. */
  coopKey: 'f32',
  industryType: 'u8',
  /** 1 for a designated poor village (work team stationed). */
  poor: 'u8',
  covered: 'u8',
  coopLinked: 'u8',
  cultureProgram: 'u8',
  /** Mean motivation of the village's households (the culture norm). */
  norm: 'f32',
  members: 'i32',
  capacity: 'i32',
  disaster: 'u8',
  /** First pairing helper id and one past the last (helpers of a village are contiguous). */
  cadreStart: 'i32',
  cadreEnd: 'i32',
  /** First stationed cadre id and one past the last (after all helpers; may be empty). */
  stationedStart: 'i32',
  stationedEnd: 'i32',
  /** Mean burnout of the village's stationed cadres (0 when none): cuts visits, precision and honesty. */
  teamBurnout: 'f32',
  /** Share of the village's registered households waiting for help (the norm that pulls both ways). */
  waitingShare: 'f32',
  /** Extra inspection pressure on the village's stationed cadres from its last assessment (assessment feedback). */
  inspection: 'f32',
  /** Persons of the village whose exit the last assessment attempted, and of them those it found false (December scratch). */
  exitsAttempted: 'f32',
  exitsFoundFalse: 'f32',
} as const;

export const CADRE_COLUMNS = {
  /** See {@link CadreKind}. */
  kind: 'u8',
  village: 'i32',
  /** Effort actually given this month (helpers): target effort less what the team's burnout takes. */
  effort: 'f32',
  quality: 'f32',
  /** Burnout (stationed cadres). */
  burnout: 'f32',
  /** Years in post (stationed cadres); rotation resets it. */
  tenure: 'f32',
  /** Helpers: registered households assigned. Stationed: registered-household equivalents of the village per stationed cadre, rounded. */
  caseload: 'i32',
} as const;

/** Pairing helpers visit and deliver; stationed cadres (work teams, first secretaries) diagnose, check exits and carry the paperwork. */
export const CadreKind = { Helper: 0, Stationed: 1 } as const;

export const INDUSTRY_COLUMNS = {
  baseReturn: 'f32',
  competitiveness: 'f32',
  valueChain: 'f32',
  logPrice: 'f32',
  members: 'i32',
  /** Households of the villages it covers (for its market size). */
  reach: 'i32',
  /** Market factor of income per member: 2 / (1 + members / market size). */
  marketFactor: 'f32',
} as const;

/** Structural constraints on earning, as bits of `constraints`. */
export const Constraint = { RemoteUnmoved: 1, Chronic: 2, Disabled: 4, NoLaborer: 8 } as const;

/** Registry states. */
export const Registry = { None: 0, Registered: 1, Exited: 2 } as const;

/** Measures ("five batches" plus education, health and housing), as bits of `measures`. */
export const Measure = {
  Industry: 1,
  Employment: 2,
  Ecological: 4,
  Relocation: 8,
  SocialSecurity: 16,
  Education: 32,
  Health: 64,
  Housing: 128,
} as const;

/** Exit routes (the "five batches" plus other). */
export const Route = { Other: 0, Industry: 1, Employment: 2, Ecological: 3, Relocation: 4, SocialSecurity: 5 } as const;
export const ROUTE_NAMES = ['other', 'industry', 'employment', 'ecological', 'relocation', 'social_security'] as const;

/** Spending categories, in yuan (accounts are kept at simulated scale; reports scale them up). */
export const SPENDING = [
  'industry',
  'employment',
  'ecological',
  'relocation',
  'social_security',
  'education',
  'health',
  'housing',
  'culture',
  'cadres',
] as const;
export type SpendingCategory = (typeof SPENDING)[number];
export const Spend: Record<SpendingCategory, number> = Object.fromEntries(SPENDING.map((s, i) => [s, i])) as Record<SpendingCategory, number>;

/** Named random streams of a run; each decision has its own (common random numbers). */
export interface Streams {
  population: RandomStream;
  village: RandomStream;
  cadreInit: RandomStream;
  illness: RandomStream;
  disaster: RandomStream;
  price: RandomStream;
  incomeShock: RandomStream;
  motivation: RandomStream;
  assistance: RandomStream;
  industryJoin: RandomStream;
  jobs: RandomStream;
  assessment: RandomStream;
  identification: RandomStream;
  rotation: RandomStream;
  waiting: RandomStream;
  urbanization: RandomStream;
}

/** Flows counted during a step (persons unless noted); reset when the step is recorded. */
export interface StepFlows {
  exits: Float64Array; // by route, persons
  returns: number;
  /** Exited persons kept out of poverty by the social-security fallback instead of returning. */
  fallbacks: number;
  falseExits: number;
  falseExitsCaught: number;
  newRegistrations: number;
  relocations: number; // persons
  /**
   * Persons in offered, willing households that could not move this step because the month's budget could
   * not pay their subsidy or the construction finance left could not pay the programme's part (the
   * programme's limit; relocation.ts). A count of the month, recorded as a stock.
   */
  relocationBlockedFinance: number;
  /** Persons in offered, willing households that could not pay their own share this step, with or without the programme's money (the households' limit). */
  relocationUnaffordable: number;
  spending: Float64Array; // by category, yuan
  /** One-off measures paid from the yearly budget this step, yuan. */
  budgetSpent: number;
  /** Budget released this step, yuan. */
  budgetAvailable: number;
  /** Visits planned at zero burnout and delivered this step (registered households), expected counts. */
  supportPlanned: number;
  supportDelivered: number;
}

export interface World {
  readonly p: Params;
  /** Scheduled parameter series (index = step). */
  readonly series: Map<ParamKey, Float64Array>;
  readonly hh: Columns<typeof HOUSEHOLD_COLUMNS>;
  /** The household columns' pools, one view per element type (engine/columns.ts): the income pass reads its columns through them. */
  readonly hhPools: ColumnPools<typeof HOUSEHOLD_COLUMNS>;
  readonly villages: Columns<typeof VILLAGE_COLUMNS>;
  readonly cadres: Columns<typeof CADRE_COLUMNS>;
  readonly industries: Columns<typeof INDUSTRY_COLUMNS>;
  readonly nHouseholds: number;
  readonly nVillages: number;
  readonly nCadres: number;
  readonly nIndustries: number;
  /** Simulated persons (constant: the population is closed). */
  readonly persons: number;
  /** Province persons per simulated person. */
  readonly scaleUp: number;
  readonly startYear: number;
  readonly streams: Streams;
  /** Current step: 0 is December of startYear (initial state); step t is month ((t-1) % 12) + 1 of year startYear + 1 + floor((t-1)/12). */
  step: number;
  year: number;
  /** 1..12 */
  month: number;
  /** Poverty line in force this year, yuan/person/year. */
  line: number;
  /** General wage and price index relative to 2013 (for job and industry incomes). */
  wageIndex: number;
  /** Supervision pressure this year, 0..1 (the path to the deadline); villages add their inspection pressure for burnout. */
  pressure: number;
  /** Target pressure this year (the same path): drives pushed exits. */
  targetPressure: number;
  /** Budget for one-off measures released so far this year, less what was spent, yuan at simulated scale. */
  budgetLeft: number;
  /** This year's budget for one-off measures, yuan at simulated scale. */
  budgetYear: number;
  /** Yearly chance an eligible household leaves for a town, at the initial urbanizationRate (urbanization.ts). */
  leaveProbability: number;
  initialUrbanizationRate: number;
  /** Relocation programme construction finance released and not yet spent, yuan at simulated scale. */
  relocationFinanceLeft: number;
  /** Persons whose exit at step t is still durable (no return within 24 months), by step; filled as exits and returns happen. */
  readonly durable: Float64Array;
  flows: StepFlows;
  /** Household sums for this month's results row (see household-tally.ts). */
  readonly tally: HouseholdTally;
  /** The blocks the passes over every household run in, and who runs them (household-blocks.ts). */
  blocks: HouseholdBlocks;
  /**
   * The factor that scales the drawn productivities so the 2013 mean income is meanIncome2013 (population.ts):
   * set once the draws are made (1 before), read only by the set-up's INCOME_2013_BLOCKS, which may run on another thread.
   */
  productivityNormalization: number;
}

/**
 * A world with these fields, settled: the one object literal every world is made by, as built and as a
 * branch's copy. Worlds made by different literals (or spread from one another) get different hidden
 * classes, and a pass V8 compiled for the trunk's was thrown away, again and again, when it met a branch's
 * (about 850 times in a group of a trunk and five branches at 1:100; docs/performance.md, "Warm-up").
 */
export function worldRecord(f: World): World {
  return settleWorldFields({
    p: f.p,
    series: f.series,
    hh: f.hh,
    hhPools: f.hhPools,
    villages: f.villages,
    cadres: f.cadres,
    industries: f.industries,
    nHouseholds: f.nHouseholds,
    nVillages: f.nVillages,
    nCadres: f.nCadres,
    nIndustries: f.nIndustries,
    persons: f.persons,
    scaleUp: f.scaleUp,
    startYear: f.startYear,
    streams: f.streams,
    step: f.step,
    year: f.year,
    month: f.month,
    line: f.line,
    wageIndex: f.wageIndex,
    pressure: f.pressure,
    targetPressure: f.targetPressure,
    budgetLeft: f.budgetLeft,
    budgetYear: f.budgetYear,
    relocationFinanceLeft: f.relocationFinanceLeft,
    leaveProbability: f.leaveProbability,
    initialUrbanizationRate: f.initialUrbanizationRate,
    durable: f.durable,
    flows: f.flows,
    tally: f.tally,
    blocks: f.blocks,
    productivityNormalization: f.productivityNormalization,
  });
}

/**
 * Settles the number fields of a world that change during a run (settled-fields.ts says why): for a
 * world as built, a branch's copy and a thread's mirror alike. Returns `w`.
 */
export function settleWorldFields(w: World): World {
  const fractional = ['line', 'wageIndex', 'pressure', 'targetPressure', 'budgetLeft', 'budgetYear', 'relocationFinanceLeft', 'leaveProbability', 'productivityNormalization', 'scaleUp'] as const;
  settleObjectFields(w);
  return settleNumberFields(w, fractional, ['step', 'year', 'month', 'persons']);
}

export function newFlows(): StepFlows {
  return flowsRecord({
    exits: new Float64Array(ROUTE_NAMES.length),
    returns: 0,
    fallbacks: 0,
    falseExits: 0,
    falseExitsCaught: 0,
    newRegistrations: 0,
    relocations: 0,
    relocationBlockedFinance: 0,
    relocationUnaffordable: 0,
    spending: new Float64Array(SPENDING.length),
    budgetSpent: 0,
    budgetAvailable: 0,
    supportPlanned: 0,
    supportDelivered: 0,
  });
}

/** Flows with these fields: the one literal all flows are made by, fresh or a branch's copy (as {@link worldRecord}), settled. */
export function flowsRecord(f: StepFlows): StepFlows {
  // Its counts take fractions (expected visits, yuan) from the first step (settled-fields.ts says why).
  return settleObjectFields(
    settleAllNumberFields({
      exits: f.exits,
      returns: f.returns,
      fallbacks: f.fallbacks,
      falseExits: f.falseExits,
      falseExitsCaught: f.falseExitsCaught,
      newRegistrations: f.newRegistrations,
      relocations: f.relocations,
      relocationBlockedFinance: f.relocationBlockedFinance,
      relocationUnaffordable: f.relocationUnaffordable,
      spending: f.spending,
      budgetSpent: f.budgetSpent,
      budgetAvailable: f.budgetAvailable,
      supportPlanned: f.supportPlanned,
      supportDelivered: f.supportDelivered,
    }),
  );
}

export function resetFlows(f: StepFlows): void {
  f.exits.fill(0);
  f.returns = 0;
  f.fallbacks = 0;
  f.falseExits = 0;
  f.falseExitsCaught = 0;
  f.newRegistrations = 0;
  f.relocations = 0;
  f.relocationBlockedFinance = 0;
  f.relocationUnaffordable = 0;
  f.spending.fill(0);
  f.budgetSpent = 0;
  f.budgetAvailable = 0;
  f.supportPlanned = 0;
  f.supportDelivered = 0;
}

export { allocateColumns };
