/**
 * The pure part of a sweep: the run tasks of a point, the description files' text, the journal check
 * and the facts a run reports. The files themselves are written by src/node/sweep-run.ts.
 */
import { resolveParams } from '../run-scenario.js';
import { replicateSeeds } from '../seeds.js';
import type { RunTask } from '../task.js';
import type { SweepDesign } from './design.js';
import type { SweepPlan } from './plan.js';
import { isPointRows, pointValueTexts } from './rows.js';
import type { Shard } from './shard.js';

/** Why a sweep stops when the worker code changes under it (see src/node/code-fingerprint.ts). */
export const CODE_CHANGED =
  'the compiled model code in dist/ changed while the sweep ran (it was rebuilt), so later points would run other code than earlier ones; ' +
  'the points finished before the change are kept: if the change does not alter results, re-run the same command to resume, else re-run with --force';

/** Who wrote the files, for manifest.json (no times or host names: manifests are reproducible). */
export interface Provenance {
  povsim: string;
  gitCommit: string | null;
}

/** Progress of a sweep: points of this shard (resumed ones count as done) and runs of this session. */
export interface SweepProgress {
  pointsDone: number;
  pointsTotal: number;
  runsDone: number;
  runsTotal: number;
}

export interface SweepSummary {
  /** The plan's name. */
  name: string;
  dir: string;
  shard: Shard;
  /** Points of the whole plan. */
  points: number;
  /** Points of this shard. */
  shardPoints: number;
  /** Points of this shard found finished in the journal. */
  resumed: number;
  /** Points computed in this session. */
  computed: number;
  /** Runs computed in this session. */
  runs: number;
  seconds: number;
  /** results.csv and manifest.json were written (every point of the plan is in the directory). */
  complete: boolean;
}

/** The run tasks of one point (one per replicate); ids count from `idOffset`. */
export function pointTasks(plan: SweepPlan, values: readonly number[], seeds: readonly number[], idOffset: number): RunTask[] {
  const overrides = Object.fromEntries(plan.vary.map((p, k) => [p.key, values[k]]));
  const params = resolveParams({ ...plan.base.values, ...overrides });
  return seeds.map((seed, r) => ({
    id: idOffset + r,
    params,
    schedule: plan.base.schedule,
    seed,
    scale: plan.scale,
    endYear: plan.endYear,
    monthly: false,
  }));
}

/** design.json: the descriptor, with the varied parameters for readers. */
export function designJson(plan: SweepPlan, design: SweepDesign): string {
  return JSON.stringify({ format: 'povsim-sweep-design/1', parameters: plan.vary.map((p) => p.key), ...design.descriptor }) + '\n';
}

/** code.json: the fingerprint of the model code that computes the points (see src/node/code-fingerprint.ts). */
export function codeJson(fingerprint: string): string {
  return JSON.stringify({ format: 'povsim-sweep-code/1', modelCode: fingerprint }) + '\n';
}

/** The journal check of a plan: a point file must be exactly the rows of that point (isPointRows). */
export function journalCheck(plan: SweepPlan, pointsText: string): (p: number, text: string) => boolean {
  const valueTexts = pointValueTexts(pointsText);
  const seeds = replicateSeeds(plan.seed, plan.replicates);
  return (p, text) => p < valueTexts.length && isPointRows(plan, p, valueTexts[p], seeds, text);
}
