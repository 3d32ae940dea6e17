/**
 * One run of the model: build the world, step it month by month through the phase plan, record.
 * This is the single run function every experiment (run, compare, sweep, calibrate) builds on.
 */
import { StreamRegistry } from '../engine/random.js';
import { MetricTable } from '../engine/results.js';
import { settleObjectFields } from '../engine/settled-fields.js';
import { runStep } from '../engine/plan.js';
import { placeCadres } from './cadre-placement.js';
import { registerInitialQuota } from './identification.js';
import { updateCoverage } from './industries.js';
import { layoutBlocks, SEQUENTIAL_BLOCKS, type BlockExecutorFactory } from './household-blocks.js';
import { METRIC_INFO, METRICS, type Metric } from './metrics.js';
import { initWaiting, updateVillageNorms } from './motivation.js';
import { DURABLE_MONTHS } from './returns.js';
import { leaveProbability } from './urbanization.js';
import { defaultParams, type Params } from './parameters.js';
import { PHASES } from './plan.js';
import { allocateWorld, populateHouseholds, populateVillages, populationSizes } from './population.js';
import { recordStep } from './record.js';
import { expandSchedule, type ScheduleChange } from './schedule.js';
import type { Streams, World } from './world.js';

/** The model's first year: the registry was built at the end of 2013. */
export const START_YEAR = 2013;

export interface RunSpec {
  params: Params;
  schedule: readonly ScheduleChange[];
  seed: number;
  /** Sampling fraction (1 = whole province). */
  scale: number;
  endYear: number;
}

export interface RunResult {
  /** One row per step: row 0 is December 2013, row t is month t after it. */
  monthly: MetricTable<Metric>;
  /** One row per year from 2013 to endYear. */
  yearly: MetricTable<Metric>;
  years: number[];
  households: number;
  persons: number;
}

/** Registers the run's named random streams (each decision its own stream). */
export function createStreams(seed: number): Streams {
  const r = new StreamRegistry(seed);
  // Settled: the hot passes read the streams through this object (settled-fields.ts says why).
  return settleObjectFields({
    population: r.register('population'),
    village: r.register('village'),
    cadreInit: r.register('cadre-init'),
    illness: r.register('illness'),
    disaster: r.register('disaster'),
    price: r.register('price'),
    incomeShock: r.register('income-shock'),
    motivation: r.register('motivation'),
    assistance: r.register('assistance'),
    industryJoin: r.register('industry-join'),
    jobs: r.register('jobs'),
    assessment: r.register('assessment'),
    identification: r.register('identification'),
    rotation: r.register('rotation'),
    waiting: r.register('waiting'),
    urbanization: r.register('urbanization'),
  });
}

/**
 * Builds the initial world of a run (December 2013, registry built, cadres placed). `blocks` says who
 * runs the passes over every household (household-blocks.ts): this thread by default; the results are
 * the same bytes either way. A world with threads must be closed (`w.blocks.exec.close()`; runs close
 * theirs in finishRun or closeRun).
 */
export function initWorld(spec: RunSpec, blocks: BlockExecutorFactory = SEQUENTIAL_BLOCKS): World {
  const steps = (spec.endYear - START_YEAR) * 12;
  const series = expandSchedule(spec.params, spec.schedule, START_YEAR, steps);
  const params = { ...spec.params };
  for (const [k, s] of series) params[k] = s[0];
  const opts = { params, series, streams: createStreams(spec.seed), scale: spec.scale, startYear: START_YEAR, steps };
  const sizes = populationSizes(params, spec.scale);
  const shared = blocks.shares(sizes.households);
  const w = allocateWorld(opts, sizes, shared);
  // The villages first: they fix the blocks, and the threads (if any) then share the households' draws.
  populateVillages(w);
  w.blocks = layoutBlocks(w, shared);
  w.blocks.exec = blocks.create(w);
  try {
    populateHouseholds(w);
    updateCoverage(w);
    registerInitialQuota(w);
    initWaiting(w);
    placeCadres(w, sizes.stationed);
    updateVillageNorms(w);
    w.leaveProbability = leaveProbability(w);
  } catch (err) {
    w.blocks.exec.close();
    throw err;
  }
  return w;
}

/** A run in progress: its world at `w.step` and the monthly rows recorded so far (0 … w.step). */
export interface RunState {
  readonly spec: RunSpec;
  readonly w: World;
  readonly monthly: MetricTable<Metric>;
  /** Months the run steps in all. */
  readonly steps: number;
}

/** Builds the initial world and records its row (step 0). A run with threads must end in {@link finishRun} or {@link closeRun}. */
export function startRun(spec: RunSpec, blocks: BlockExecutorFactory = SEQUENTIAL_BLOCKS): RunState {
  if (!(spec.endYear > START_YEAR)) throw new RangeError(`runSimulation: endYear must be after ${START_YEAR}, got ${spec.endYear}`);
  const steps = (spec.endYear - START_YEAR) * 12;
  const monthly = new MetricTable<Metric>(METRICS, steps + 1);
  const w = initWorld(spec, blocks);
  try {
    recordStep(w, monthly);
  } catch (err) {
    w.blocks.exec.close();
    throw err;
  }
  return settleObjectFields({ spec, w, monthly, steps });
}

/** Steps a run on to `toStep` (at most its last step), recording each month. */
export function advanceRun(s: RunState, toStep: number, onYear?: (year: number) => void): void {
  const { w, monthly } = s;
  const last = Math.min(toStep, s.steps);
  for (let t = w.step + 1; t <= last; t++) {
    const yearEnds = (t % 12) === 0;
    runStep(PHASES, w, yearEnds);
    recordStep(w, monthly);
    if (yearEnds && onYear) onYear(w.year);
  }
}

/** Stops the run's threads, if it has any (finishRun does this too). */
export function closeRun(s: RunState): void {
  s.w.blocks.exec.close();
}

/** Closes a run that has reached its last step: durable exits, yearly rows. */
export function finishRun(s: RunState): RunResult {
  const { w, monthly, steps, spec } = s;
  closeRun(s);
  if (w.step !== steps) throw new Error(`finishRun: the run is at step ${w.step} of ${steps}`);
  fillDurableExits(w, monthly, steps);
  const years = Array.from({ length: spec.endYear - START_YEAR + 1 }, (_, i) => START_YEAR + i);
  return { monthly, yearly: aggregateYears(monthly, years.length), years, households: w.nHouseholds, persons: w.persons };
}

/** Runs one replicate and returns its monthly and yearly tables. */
export function runSimulation(spec: RunSpec, onYear?: (year: number) => void, blocks: BlockExecutorFactory = SEQUENTIAL_BLOCKS): RunResult {
  const s = startRun(spec, blocks);
  try {
    advanceRun(s, s.steps, onYear);
  } catch (err) {
    closeRun(s);
    throw err;
  }
  return finishRun(s);
}

/**
 * Durable exits are known only 24 months after the exit: each exit step's persons not returned since,
 * NaN where the run ends before the 24 months are up.
 */
function fillDurableExits(w: World, monthly: MetricTable<Metric>, steps: number): void {
  const c = monthly.col('durable_exits');
  for (let t = 1; t <= steps; t++) monthly.set(t, c, t + DURABLE_MONTHS <= steps ? w.durable[t] * w.scaleUp : w.durable[t] !== 0 ? NaN : 0);
}

/**
 * Yearly rows from monthly rows, by each metric's declared kind (METRIC_INFO): stocks take December's
 * value, flows sum the year's months, derived metrics are computed from the year's values.
 */
export function aggregateYears(monthly: MetricTable<Metric>, nYears: number): MetricTable<Metric> {
  const yearly = new MetricTable<Metric>(METRICS, nYears);
  for (let y = 0; y < nYears; y++) {
    const dec = y * 12;
    for (let c = 0; c < METRICS.length; c++) {
      const kind = METRIC_INFO[METRICS[c]].kind;
      if (kind === 'derived') continue;
      if (kind === 'flow') {
        let s = 0;
        for (let t = Math.max(1, dec - 11); t <= dec; t++) s += monthly.get(t, c);
        yearly.set(y, c, y === 0 ? 0 : s);
      } else yearly.set(y, c, monthly.get(dec, c));
    }
    const exits = yearly.value(y, 'exits_total');
    yearly.set(y, yearly.col('cost_per_exit'), exits > 0 ? yearly.value(y, 'spending_total') / exits : NaN);
  }
  return yearly;
}

export { defaultParams };
