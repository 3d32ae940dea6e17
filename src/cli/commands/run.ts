/** `povsim run <scenario>`: replicates of one scenario → yearly.csv, monthly.csv, summary.json, manifest.json. */
import { InputError } from '../../engine/diagnostics.js';
import { headlineTable, monthlyCsv, summaryJson, yearlyBands, yearlyCsv } from '../../experiment/run-outputs.js';
import { adaptiveRule, precisionManifest, precisionSentence } from '../../experiment/adaptive-replicates.js';
import { runScenarioToPrecision, type ScenarioSpec } from '../../experiment/run-scenario.js';
import { START_YEAR } from '../../model/simulate.js';
import { defaultWorkers, poolRunner, withWorkerPool } from '../../node/pool.js';
import { loadScenario } from '../../node/scenario-files.js';
import type { CliIO } from '../io.js';
import { defaultOutputDir, prepareOutputDir, writeOutputFolder } from '../output-dir.js';
import { startProgress } from '../progress.js';
import { gitCommit, povsimVersion } from '../provenance.js';
import { adaptiveOverrides, runOverrides, type AdaptiveFlags, type RunFlags, type ThreadsFlag } from '../shared-flags.js';

export interface RunArgs extends RunFlags, AdaptiveFlags, ThreadsFlag {
  scenario: string;
}

/** Checks a --workers value. */
export function checkWorkers(workers: number | undefined): number {
  if (workers === undefined) return defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    throw new InputError([
      { code: 'bad-flag', file: '(command line)', line: 0, column: 0, key: '--workers', message: `must be a whole number from 1 to 256, got ${workers}`, hint: 'use --workers 1 to run in this thread' },
    ]);
  }
  return workers;
}

/** Checks a --threads value (undefined: chosen per batch, see PoolOptions.threads). */
export function checkThreads(threads: number | undefined): number | undefined {
  if (threads === undefined) return undefined;
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new InputError([
      { code: 'bad-flag', file: '(command line)', line: 0, column: 0, key: '--threads', message: `must be a whole number from 1 to 64, got ${threads}`, hint: 'leave it out to use the cores the workers leave idle' },
    ]);
  }
  return threads;
}

export async function runCommand(args: RunArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const t0 = Date.now();
  const scenario = loadScenario(args.scenario, { runOverrides: runOverrides(args) });
  const threads = checkThreads(args.threads);
  // With --threads and no --workers, workers × threads stays within the cores.
  const workers = args.workers === undefined && threads !== undefined ? Math.max(1, Math.floor(defaultWorkers() / threads)) : checkWorkers(args.workers);
  const spec: ScenarioSpec = { name: scenario.name, values: scenario.values, schedule: scenario.schedule, ...scenario.run };
  // --target-half-width / --max-replicates: fixed batches of `replicates` until the headline means are
  // precise enough (checked before the output folder is claimed, so a bad flag leaves it untouched)
  const rule = adaptiveRule(spec.replicates, {}, adaptiveOverrides(args));
  const dir = args.out ?? defaultOutputDir([], scenario.name, args.scenario);
  prepareOutputDir(dir, args.force, 'run');
  let total = spec.replicates;
  let doneBefore = 0;
  const quiet = args.quiet || args.json;
  const progress = startProgress(io, scenario.name, total, quiet);
  let run;
  try {
    // One pool for every adaptive batch: warm workers carry over.
    run = await withWorkerPool(workers, (workerPool) => {
      // Quiet: no progress is asked for, so the workers send none.
      const pool = poolRunner({ workers, threads, signal, pool: workerPool, onProgress: quiet ? undefined : (d) => progress.update(doneBefore + d, total) });
      return runScenarioToPrecision(spec, true, async (tasks) => {
        const out = await pool(tasks);
        doneBefore += tasks.length;
        return out;
      }, rule, (extra) => {
        total += extra;
      });
    });
  } finally {
    progress.stop();
  }
  const precision = run.precision;
  await writeOutputFolder(
    dir,
    (put) => {
      put('yearly.csv', yearlyCsv(run));
      put('monthly.csv', monthlyCsv(run, START_YEAR));
      put('summary.json', summaryJson(run, rule ? precisionManifest(precision) : undefined));
    },
    (files) => ({
      povsim: povsimVersion(),
      gitCommit: gitCommit(),
      scenario: { name: scenario.name, description: scenario.description, file: scenario.file, chain: scenario.chain, contentHash: scenario.contentHash },
      run: { ...scenario.run, replicates: precision.replicates, workers },
      replicates: precisionManifest(precision),
      seeds: run.seeds,
      households: run.results[0].households,
      parameters: run.params,
      schedule: scenario.schedule,
      files,
      wallSeconds: (Date.now() - t0) / 1000,
    }),
  );
  if (args.json) {
    const b = yearlyBands(run);
    io.out(JSON.stringify({ scenario: scenario.name, out: dir, replicates: precisionManifest(precision), years: b.years, official_incidence: b.metrics.official_incidence, true_incidence: b.metrics.true_incidence }));
  } else if (!args.quiet) {
    io.out(`${scenario.name}: ${precision.replicates} ${precision.replicates === 1 ? 'replicate' : 'replicates'} at scale ${spec.scale} (${run.results[0].households.toLocaleString('en-US')} households), seed ${spec.seed}`);
    if (rule) io.out(precisionSentence(precision));
    io.out(headlineTable(run));
    io.out(`wrote ${dir}/ (yearly.csv, monthly.csv, summary.json, manifest.json) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return 0;
}
