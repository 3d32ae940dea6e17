/**
 * Shared prefixes: two runs with the same seed, scale and end year whose parameters agree at every step
 * before step t are the same run up to t − 1 (draws are keyed by agent and step, never by policy). So a
 * batch of scenarios that act from 2018 can run 2013–2017 once and branch: the branch starts from a copy
 * of the world at t − 1 and continues under its own parameters. The result equals the run from scratch
 * (test/model/branching.test.ts pins it byte for byte); only the time is saved.
 */
import { cloneColumns, columnPools } from '../engine/columns.js';
import { settleAllNumberFields } from '../engine/settled-fields.js';
import { MetricTable } from '../engine/results.js';
import { blocksRecord, rowViews, SEQUENTIAL, type HouseholdBlocks } from './household-blocks.js';
import { HouseholdTally } from './household-tally.js';
import type { Metric } from './metrics.js';
import type { ParamKey } from './parameters.js';
import { expandSchedule } from './schedule.js';
import { START_YEAR, type RunSpec, type RunState } from './simulate.js';
import { flowsRecord, worldRecord, type StepFlows, type World } from './world.js';

/** Months a run of this spec steps. */
function stepsOf(spec: RunSpec): number {
  return (spec.endYear - START_YEAR) * 12;
}

/**
 * The first step at which runs of `a` and `b` may differ: 0 when they differ from the start (seed,
 * scale, end year or an initial parameter value), the first month at which an effective parameter
 * value differs, or steps + 1 when they are the same run.
 */
export function divergenceStep(a: RunSpec, b: RunSpec): number {
  if (a.seed !== b.seed || a.scale !== b.scale || a.endYear !== b.endYear) return 0;
  const steps = stepsOf(a);
  const sa = expandSchedule(a.params, a.schedule, START_YEAR, steps);
  const sb = expandSchedule(b.params, b.schedule, START_YEAR, steps);
  let first = steps + 1;
  const keys = new Set<ParamKey>([...(Object.keys(a.params) as ParamKey[]), ...(Object.keys(b.params) as ParamKey[])]);
  for (const k of keys) {
    const xa = sa.get(k);
    const xb = sb.get(k);
    if (!xa && !xb) {
      if (!Object.is(a.params[k], b.params[k])) return 0;
      continue;
    }
    // Step t reads s[min(t, length − 1)] (clock.ts); an unscheduled key keeps its constant value.
    for (let t = 0; t < first; t++) {
      const va = xa ? xa[Math.min(t, xa.length - 1)] : a.params[k];
      const vb = xb ? xb[Math.min(t, xb.length - 1)] : b.params[k];
      if (!Object.is(va, vb)) {
        first = t;
        break;
      }
    }
    if (first === 0) return 0;
  }
  return first;
}

/**
 * The values a run starts from (seed, scale, end year and every parameter at step 0) as a string: two
 * runs with different keys differ from the start (divergenceStep 0). A cheap first sort of many runs;
 * equal keys still need divergenceStep.
 */
export function startKey(spec: RunSpec): string {
  const series = expandSchedule(spec.params, spec.schedule, START_YEAR, stepsOf(spec));
  const keys = Object.keys(spec.params).sort() as ParamKey[];
  const values = keys.map((k) => series.get(k)?.[0] ?? spec.params[k]);
  return JSON.stringify([spec.seed, spec.scale, spec.endYear, keys, values]);
}


/** The same blocks with scratch rows and a household index of their own, run in this thread. */
function branchBlocks(b: HouseholdBlocks): HouseholdBlocks {
  const out = new Float64Array(b.out.length);
  const indexIds = new Int32Array(b.indexIds.length);
  const own = { indexIds, indexCounts: new Int32Array(b.indexCounts.length), indexStarts: new Int32Array(b.indexStarts.length), registeredIncome: new Float64Array(b.registeredIncome.length), placeCodes: new Int32Array(b.placeCodes.length), cadreTerms: new Float64Array(b.cadreTerms.length) };
  // The trunk's norms for the next step are not carried over: the branch's first step counts them afresh.
  const norms = { nextNorms: new Float64Array(b.nextNorms.length), normStep: Int32Array.of(-1) };
  return blocksRecord({ ...b, out, rows: rowViews(out, b.count), ...own, ...norms, exec: SEQUENTIAL });
}

function cloneFlows(f: StepFlows): StepFlows {
  return flowsRecord({ ...f, exits: f.exits.slice(), spending: f.spending.slice() });
}

function cloneTally(t: HouseholdTally): HouseholdTally {
  const copy = new HouseholdTally();
  copy.step = t.step;
  copy.sums.set(t.sums);
  return copy;
}

/**
 * A copy of run `s` at its current step that continues under `spec`. The two must agree at every step
 * so far: divergenceStep(s.spec, spec) > s.w.step.
 * @throws Error when they do not
 */
export function branchRun(s: RunState, spec: RunSpec): RunState {
  const w = s.w;
  const at = divergenceStep(s.spec, spec);
  if (at <= w.step) throw new Error(`branchRun: the runs differ from step ${at}, before the branch point ${w.step}`);
  // Every field is copied or shared read-only: streams hold only keys; `series` is the branch's own.
  const hh = cloneColumns(w.hh);
  // Made by the literal every world is made by, and settled (worldRecord says why).
  const copy = worldRecord({
    ...w,
    p: settleAllNumberFields({ ...w.p }),
    series: expandSchedule(spec.params, spec.schedule, START_YEAR, s.steps),
    hh,
    hhPools: columnPools(hh),
    villages: cloneColumns(w.villages),
    cadres: cloneColumns(w.cadres),
    industries: cloneColumns(w.industries),
    durable: w.durable.slice(),
    flows: cloneFlows(w.flows),
    tally: cloneTally(w.tally),
    // Its own scratch rows; a branch runs its blocks in this thread (the trunk's threads work on the trunk's columns).
    blocks: branchBlocks(w.blocks),
  });
  const monthly = new MetricTable<Metric>(s.monthly.metrics, s.monthly.rows);
  monthly.data.set(s.monthly.data.subarray(0, (w.step + 1) * s.monthly.metrics.length));
  return { spec, w: copy, monthly, steps: s.steps };
}
