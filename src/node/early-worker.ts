/**
 * A worker thread started as a command begins, before the command's own modules load, for the pool to
 * adopt as its first worker. A fresh worker's first replicate is slow while V8 compiles the model (at
 * 1:100 about 1.3 s against 0.85 s warm, on a 2-core EPYC); this one spends the command's start-up
 * (loading the CLI, reading the scenario) on a small discarded run that compiles the same passes
 * (worker.ts). Results do not depend on it: nothing of the warm-up run is kept, and the scratch arrays
 * the model reuses are written before they are read.
 *
 * Imports only node: modules, so that starting it costs the command nothing.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Where the compiled worker lives: in `dist/node/`, reached from this file's folder in `dist/` (`node/`, or
 * `cli-bundle/` for the bundled command line) or, when this file runs as TypeScript (tests, tsx), from `src/node/`.
 */
export function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/node/worker.js', here) : new URL('../node/worker.js', here);
}

/** What the early worker is started with (worker.ts reads it). */
export interface EarlyWorkerData {
  warmUp: true;
}

let early: { worker: Worker; alive: boolean } | undefined;

/**
 * Starts the early worker, unless one is waiting or the machine has one core (there the warm-up would
 * take the core from the command's own start-up). It does not keep the process alive: a command that
 * stops on bad input exits as before.
 */
export function startEarlyWorker(cores: number = availableParallelism()): void {
  if (early || cores < 2) return;
  const worker = new Worker(workerUrl(), { workerData: { warmUp: true } satisfies EarlyWorkerData });
  const state = { worker, alive: true };
  // A worker that failed to start is not adopted; the pool starts a fresh one (and reports its error).
  worker.on('error', () => (state.alive = false));
  worker.on('exit', () => (state.alive = false));
  worker.unref();
  early = state;
}

/** The early worker for the pool to adopt (once), if one was started and is still running. */
export function takeEarlyWorker(): Worker | undefined {
  const state = early;
  early = undefined;
  return state?.alive ? state.worker : undefined;
}
