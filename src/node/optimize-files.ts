/**
 * The files of `povsim optimize` on disk: its plan (the core loader over the Node file reader), its
 * output folder (resumed when it holds an unfinished search of the same plan) and its journal.
 *
 * The journal is a cache of model runs addressed by content: `journal/<sha256 of the task>.json`
 * holds one run's yearly table, written atomically as soon as the run finishes. The search is
 * deterministic given its runs, so a resumed search asks for the same tasks, finds the finished
 * ones in the journal and computes the rest: the journal and every output file come out
 * byte-identical to an uninterrupted search. `journal/code.json` records the model code's
 * fingerprint; a journal of other code is refused (or, with --force, cleared).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import { sha256Hex } from '../engine/sha256.js';
import { canonicalJson } from '../scenario/merge.js';
import { loadOptimizePlanWith, type OptimizeFlags, type OptimizePlan } from '../experiment/optimize-plan.js';
import type { RunTask, TaskResult, TaskRunner } from '../experiment/task.js';
import { METRICS } from '../model/metrics.js';
import { writeFileAtomic } from './atomic-write.js';
import { claimOutputFolder, MANIFEST, OUTPUT_MARK } from './output-folder.js';
import { runTasks, type PoolOptions } from './pool.js';
import { nodeScenarioFiles } from './scenario-files.js';

export const PLAN_FILE = 'plan.json';
export const JOURNAL_DIR = 'journal';
const CODE_FILE = 'code.json';

/** Loads and validates an optimization plan and its scenarios from disk. @throws InputError */
export function loadOptimizePlan(file: string, flags: OptimizeFlags = {}): OptimizePlan {
  return loadOptimizePlanWith(nodeScenarioFiles, file, flags);
}

/** The plan as stored in the folder (canonical JSON): a resumed search must have the same. */
export function planText(plan: OptimizePlan): string {
  return canonicalJson(plan) + '\n';
}

/**
 * Claims the output folder: new, or resumed when it holds an unfinished search (no manifest.json)
 * of the same plan; anything else is refused without --force and replaced whole with it.
 * @returns 'resume' when journaled runs are kept
 */
export function prepareOptimizeDir(dir: string, plan: OptimizePlan, force: boolean, modelCode: string): 'new' | 'resume' {
  const text = planText(plan);
  const ours = [PLAN_FILE, JOURNAL_DIR, OUTPUT_MARK];
  const mode = claimOutputFolder(dir, force, 'povsim optimize', (entries) =>
    !entries.includes(MANIFEST) && entries.every((e) => ours.includes(e) || e.includes('.partial-')) && existsSync(join(dir, PLAN_FILE)) && readFileSync(join(dir, PLAN_FILE), 'utf8') === text);
  const journal = join(dir, JOURNAL_DIR);
  mkdirSync(journal, { recursive: true });
  for (const f of readdirSync(dir)) if (f.includes('.partial-')) rmSync(join(dir, f), { force: true });
  for (const f of readdirSync(journal)) if (f.includes('.partial-')) rmSync(join(journal, f), { force: true });
  const codePath = join(journal, CODE_FILE);
  const code = JSON.stringify({ modelCode }) + '\n';
  const otherCode = mode === 'kept' && (!existsSync(codePath) || readFileSync(codePath, 'utf8') !== code);
  if (otherCode) {
    if (!force) {
      throw new InputError([{ code: 'code-changed', file: '(command line)', line: 0, column: 0, key: '--out', message: `${dir} holds an unfinished search run by other model code`, hint: 'pass --force to start the search afresh, or --out DIR to write elsewhere' }]);
    }
  }
  if (otherCode) for (const f of readdirSync(journal)) rmSync(join(journal, f), { force: true });
  writeFileAtomic(join(dir, PLAN_FILE), text);
  writeFileAtomic(codePath, code);
  return mode === 'kept' ? 'resume' : 'new';
}

/** The journal key of a task: everything that determines its run (not its id). */
export function taskKey(t: RunTask): string {
  const { id: _id, ...rest } = t;
  return sha256Hex(canonicalJson(rest));
}

function encode(r: TaskResult): string {
  return JSON.stringify({ years: r.years, households: r.households, persons: r.persons, metrics: METRICS.length, yearly: Buffer.from(r.yearly.buffer, r.yearly.byteOffset, r.yearly.byteLength).toString('base64') }) + '\n';
}

/** A journaled result, or undefined when the file is missing or not a whole record of this model. */
function decode(path: string, id: number): TaskResult | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const j = JSON.parse(readFileSync(path, 'utf8')) as { years: number[]; households: number; persons: number; metrics: number; yearly: string };
    const bytes = Buffer.from(j.yearly, 'base64');
    if (j.metrics !== METRICS.length || bytes.length !== j.years.length * j.metrics * 8) return undefined;
    const yearly = new Float64Array(bytes.length / 8);
    new Uint8Array(yearly.buffer).set(bytes);
    return { id, years: j.years, yearly, monthly: null, households: j.households, persons: j.persons };
  } catch {
    return undefined;
  }
}

/** What the journaled runner did, for the terminal. */
export interface JournalStats { fromJournal: number; computed: number; fromOtherShards?: number }

/**
 * One shard's part of a sharded search (src/node/optimize-shard.ts): which runs it computes, and
 * how it waits for the others' runs to appear in the journal.
 */
export interface JournalShare {
  owns(key: string): boolean;
  wait(keys: readonly string[], read: (key: string) => TaskResult | undefined): Promise<TaskResult[]>;
}

/**
 * A task runner that answers from the journal and runs the rest on the pool, journaling each run
 * as it arrives (an interruption loses at most the runs in flight).
 */
export function journaledRunner(dir: string, pool: PoolOptions, stats: JournalStats, share?: JournalShare): TaskRunner {
  const journal = join(dir, JOURNAL_DIR);
  const read = (key: string): TaskResult | undefined => decode(join(journal, `${key}.json`), 0);
  return async (tasks) => {
    const keys = tasks.map(taskKey);
    const results: (TaskResult | undefined)[] = tasks.map((t, i) => decode(join(journal, `${keys[i]}.json`), t.id));
    const missing = tasks.map((_, i) => i).filter((i) => results[i] === undefined);
    // a shard computes only its own runs (every shard decides alike, from the key alone)
    const others = share ? [...new Set(missing.map((i) => keys[i]).filter((k) => !share.owns(k)))] : [];
    const theirs = new Set(others);
    // the same task twice in a batch runs once
    const unique = [...new Map(missing.filter((i) => !theirs.has(keys[i])).map((i) => [keys[i], i])).values()];
    stats.fromJournal += tasks.length - missing.length;
    stats.computed += unique.length;
    if (unique.length > 0) {
      const ran = await runTasks(unique.map((i, k) => ({ ...tasks[i], id: k })), {
        ...pool,
        onResult: (res, k) => writeFileAtomic(join(journal, `${keys[unique[k]]}.json`), encode(res)),
      });
      const byKey = new Map(unique.map((i, k) => [keys[i], ran[k]]));
      for (const i of missing) if (byKey.has(keys[i])) results[i] = { ...byKey.get(keys[i])!, id: tasks[i].id };
    }
    if (share && others.length > 0) {
      const got = await share.wait(others, read);
      stats.fromOtherShards = (stats.fromOtherShards ?? 0) + others.length;
      const byKey = new Map(others.map((k, j) => [k, got[j]]));
      for (const i of missing) if (byKey.has(keys[i])) results[i] = { ...byKey.get(keys[i])!, id: tasks[i].id };
    }
    return results as TaskResult[];
  };
}
