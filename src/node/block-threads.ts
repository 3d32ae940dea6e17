/**
 * Threads within one run: the passes over every household (household-blocks.ts) shared among worker
 * threads over shared memory. In each pass every thread, this one too, takes blocks one at a time from
 * a shared counter until none is left (so a slower thread takes fewer); this thread then waits for the
 * others. Every sum is added in block order, so the
 * results are the same bytes with any number of threads (test/node/block-threads.test.ts).
 */
import { Worker } from 'node:worker_threads';
import { SEQUENTIAL, SEQUENTIAL_BLOCKS, type BlockExecutor, type BlockExecutorFactory } from '../model/household-blocks.js';
import { BLOCK_KERNEL_LIST } from '../model/block-kernels.js';
import { shareWorld, STATE_LENGTH, writeState } from '../model/world-share.js';
import type { World } from '../model/world.js';
import { CONTROL, FAILURE_BYTES, recordFailure, takeBlocks, type BlockThreadData } from './block-control.js';

/** Where the compiled thread entry lives (as for the pool's workers, pool.ts). */
function blockWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/node/block-worker.js', here) : new URL('../node/block-worker.js', here);
}

/** How long a thread may take to start before the run gives up, ms. */
const START_TIMEOUT_MS = 60_000;

/**
 * Fewest households for which threads pay when the count is chosen for the user: at 1:100 (100,000
 * households) a pass is a few milliseconds and two threads gain nothing; at 1:10 they save about a
 * third (docs/performance.md).
 */
export const AUTO_THREADS_MIN_HOUSEHOLDS = 250_000;

export interface ThreadOptions {
  /** Threads only for a world of at least this many households (smaller ones run in this thread); default 0. */
  minHouseholds?: number;
  /** The module the threads run (default block-loop.js; tests give one that fails). */
  loop?: URL;
  /**
   * Seconds a pass may go without any thread finishing or taking a block before the run gives up on a
   * thread that has stopped without a word (killed, out of memory); default 60. A block takes milliseconds.
   */
  stallSeconds?: number;
}

/** Blocks on `threads` threads (1: this thread alone, a plain world). */
export function threadedBlocks(threads: number, options: ThreadOptions = {}): BlockExecutorFactory {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threadedBlocks: threads must be a whole number ≥ 1, got ${threads}`);
  if (threads === 1) return SEQUENTIAL_BLOCKS;
  const min = options.minHouseholds ?? 0;
  const shares = (households: number): boolean => households >= min;
  return { shares, create: (w) => (shares(w.nHouseholds) ? startThreads(w, threads, options) : SEQUENTIAL) };
}

/** How long one wait lasts before the failure word is looked at again, ms. */
const WAIT_SLICE_MS = 1000;

function startThreads(w: World, threads: number, options: ThreadOptions): BlockExecutor {
  const loop = options.loop?.href;
  const stallSlices = Math.ceil(((options.stallSeconds ?? 60) * 1000) / WAIT_SLICE_MS);
  // A world whose villages do not tile the households is one block: nothing to share.
  const count = w.blocks.count;
  const n = Math.min(threads, count);
  if (!w.blocks.tiled || n < 2) return SEQUENTIAL;
  const control = new Int32Array(new SharedArrayBuffer(CONTROL.slots * 4));
  const state = new Float64Array(new SharedArrayBuffer(STATE_LENGTH * 8));
  const failure = new Uint8Array(new SharedArrayBuffer(FAILURE_BYTES));
  const world = shareWorld(w);
  const workers: Worker[] = [];
  for (let i = 1; i < n; i++) {
    const data: BlockThreadData = { world, control, state, failure, loop };
    const t = new Worker(blockWorkerUrl(), { workerData: data });
    // The threads never keep the process alive: a run that is dropped without closing them does not hang it.
    t.unref();
    // Errors the entry cannot catch itself (its own file missing) reach this listener once this
    // thread's event loop runs again; during a run the shared failure words carry them (block-worker.ts).
    t.on('error', (err) => recordFailure(control, failure, err.message));
    workers.push(t);
  }
  let closed = false;
  const stop = (): void => {
    if (closed) return;
    closed = true;
    Atomics.store(control, CONTROL.quit, 1);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
  };
  const fail = (what: string): never => {
    stop();
    for (const t of workers) void t.terminate();
    throw new Error(`block threads: ${failureText(failure) || what}`);
  };
  // Each thread says it is ready once it has loaded the kernels; a thread that cannot start never does.
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let ready = Atomics.load(control, CONTROL.ready); ready < workers.length; ready = Atomics.load(control, CONTROL.ready)) {
    const left = deadline - Date.now();
    if (Atomics.load(control, CONTROL.failed) !== 0 || left <= 0) {
      fail(`only ${ready} of ${workers.length} threads started within ${START_TIMEOUT_MS / 1000} s (is dist/ built? npm run build)`);
    }
    Atomics.wait(control, CONTROL.ready, ready, Math.min(left, 100));
  }
  const index = new Map(BLOCK_KERNEL_LIST.map((k, i) => [k.name, i]));
  return {
    threads: n,
    run(world, kernel) {
      if (closed) throw new Error('block threads: the run has ended');
      const k = index.get(kernel.name);
      if (k === undefined) throw new Error(`block threads: ${kernel.name} is not in BLOCK_KERNEL_LIST`);
      writeState(world, state);
      Atomics.store(control, CONTROL.kernel, k);
      Atomics.store(control, CONTROL.done, 0);
      Atomics.store(control, CONTROL.next, 0);
      Atomics.add(control, CONTROL.generation, 1);
      Atomics.notify(control, CONTROL.generation);
      try {
        takeBlocks(control, count, (b) => kernel.run(world, b));
      } catch (err) {
        // The run is abandoned: the threads are stopped wherever they are.
        stop();
        for (const t of workers) void t.terminate();
        throw err;
      }
      // Until every thread has said it is done, or one has failed, or for stallSlices waits no thread
      // has finished or taken a block (a thread killed without a word: its exit handler never ran).
      let stalled = 0;
      let done = Atomics.load(control, CONTROL.done);
      let taken = Atomics.load(control, CONTROL.next);
      while (done < workers.length && Atomics.load(control, CONTROL.failed) === 0) {
        Atomics.wait(control, CONTROL.done, done, WAIT_SLICE_MS);
        const nowDone = Atomics.load(control, CONTROL.done);
        const nowTaken = Atomics.load(control, CONTROL.next);
        stalled = nowDone === done && nowTaken === taken ? stalled + 1 : 0;
        done = nowDone;
        taken = nowTaken;
        if (stalled >= stallSlices) fail(`a block thread stopped responding for ${(stallSlices * WAIT_SLICE_MS) / 1000} s (out of memory?)`);
      }
      if (Atomics.load(control, CONTROL.failed) !== 0) fail('a thread failed');
    },
    close: stop,
  };
}

function failureText(failure: Uint8Array): string {
  const end = failure.indexOf(0);
  return new TextDecoder().decode(failure.slice(0, end < 0 ? failure.length : end));
}
