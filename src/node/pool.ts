/**
 * Runs tasks on worker threads (or in this thread when workers = 1). Results come back ordered by task
 * id, so outputs do not depend on the number of workers or on which finished first. Tasks that share a
 * prefix (a baseline and the scenarios that depart from it in 2018) go to one worker as a group and run
 * that prefix once (src/model/branching.ts); each result is still the task's own, byte for byte.
 *
 * Workers load compiled JavaScript: from `dist/` next to this file, or, when this file runs as
 * TypeScript (tests, tsx), from the project's `dist/` (built by `npm ci` / the test setup).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AUTO_THREADS_MIN_HOUSEHOLDS, threadedBlocks } from './block-threads.js';
import { takeEarlyWorker, workerUrl } from './early-worker.js';
import { executeTaskGroup, groupTasks, type RunTask, type TaskProgress, type TaskResult, type TaskRunner } from '../experiment/task.js';

/** Default worker count: all cores. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export interface PoolOptions {
  workers: number;
  /** Called after each task completes. */
  onDone?: (done: number, total: number) => void;
  /**
   * For progress displays: runs done, counting the share of its years each running task has simulated
   * (so a single long run moves too), after each task and at every simulated year's end.
   */
  onProgress?: (done: number, total: number) => void;
  /** Called with each result as it arrives (in completion order; `index` is its place in `tasks`), e.g. to journal it. */
  onResult?: (result: TaskResult, index: number) => void;
  /** Stops scheduling new tasks when aborted; running tasks are terminated. */
  signal?: AbortSignal;
  /**
   * Run in this thread (one task after another) instead of on worker threads. Default: only when
   * workers = 1 and this file runs as TypeScript (tests, tsx), where workers cannot load `.ts`. The
   * compiled CLI runs even one worker on a thread of its own, so Ctrl-C stops a long replicate at once
   * (a signal cannot reach a thread busy in a synchronous run).
   */
  inThread?: boolean;
  /**
   * Threads each run shares its passes over every household among (household-blocks.ts); results do
   * not depend on it. Default: the cores the workers leave idle (workers ÷ workers busy), for worlds of
   * AUTO_THREADS_MIN_HOUSEHOLDS or more; a given count applies to every world.
   */
  threads?: number;
  /** Workers kept across batches (see {@link WorkerPool}); without it each batch starts and stops its own. */
  pool?: WorkerPool;
}

/** Whether {@link runTasks} runs in this thread for this worker count (see PoolOptions.inThread). */
export function runsInThread(workers: number): boolean {
  return workers <= 1 && import.meta.url.endsWith('.ts');
}

/**
 * The pool as the core's injected runner (src/experiment takes a `TaskRunner`, never the pool): every
 * batch it is handed runs with these options.
 */
export function poolRunner(opts: PoolOptions): TaskRunner {
  return (tasks) => runTasks(tasks, opts);
}

/** Largest group for a batch: small enough that the batch still spreads over every worker. */
export function groupLimit(tasks: number, workers: number): number {
  return Math.max(1, Math.ceil(tasks / (2 * Math.max(1, workers))));
}

/** What a worker is sent: a group of tasks, the threads its runs use, and whether to report progress (worker.ts). */
export interface WorkerJob {
  group: RunTask[];
  threads: ThreadsPerRun;
  progress: boolean;
}

/** What a worker posts back: a result, how far a task has come, or the error that ended its group. */
export type WorkerMessage = { ok: true; result: TaskResult } | { ok: true; id: number; share: number } | { ok: false; id: number; error: string };

/** Threads per run, and the fewest households for which a world uses them (threadedBlocks). */
export interface ThreadsPerRun {
  threads: number;
  minHouseholds: number;
}

/** The threads each run gets when `busy` workers run: as asked, or the cores the workers leave idle. */
export function threadsPerRun(opts: PoolOptions, busy: number): ThreadsPerRun {
  if (opts.threads !== undefined) return { threads: opts.threads, minHouseholds: 0 };
  return { threads: Math.max(1, Math.floor(opts.workers / Math.max(1, busy))), minHouseholds: AUTO_THREADS_MIN_HOUSEHOLDS };
}

/**
 * Runs all tasks and returns their results in task order: on `opts.pool`'s workers when given (they
 * stay for the next batch), else on workers started for this batch and stopped after it.
 */
export async function runTasks(tasks: readonly RunTask[], opts: PoolOptions): Promise<TaskResult[]> {
  return opts.pool ? opts.pool.run(tasks, opts) : withWorkerPool(opts.workers, (pool) => pool.run(tasks, opts));
}

/** Runs `body` with a {@link WorkerPool} of `workers` workers, closed when it ends (also on an error). */
export async function withWorkerPool<T>(workers: number, body: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool(workers);
  try {
    return await body(pool);
  } finally {
    pool.close();
  }
}

/**
 * Worker threads kept for the batches of one command (adaptive replicates, the draws and doses, a
 * calibration's evaluations): each batch would otherwise start workers afresh, and a fresh worker's
 * first group of runs is about a second slower at 1:100 while V8 compiles the model. Workers start with the
 * first batch that needs them and wait, not keeping the process alive, between batches. Results do
 * not depend on which worker ran what. One batch at a time; after a failure or an abort the pool is
 * closed and refuses further batches.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** The batch in progress: what to do with each worker's messages, its failure or its exit. */
  private batch: { message: (w: Worker, msg: WorkerMessage) => void; exit: (w: Worker, code: number) => void; fail: (err: Error) => void } | null = null;
  private closed: Error | null = null;
  private startedCount = 0;

  /** `size`: the most workers a batch may use. */
  constructor(readonly size: number) {}

  /** Runs a batch (see {@link runTasks}); `opts.workers` may ask for fewer workers than the pool has. */
  async run(tasks: readonly RunTask[], opts: PoolOptions): Promise<TaskResult[]> {
    if (this.closed) throw this.closed;
    if (this.batch) throw new Error('WorkerPool: one batch at a time');
    if (tasks.length === 0) return [];
    const results: TaskResult[] = new Array(tasks.length);
    const workers = Math.max(1, Math.min(opts.workers, this.size, tasks.length));
    const order = new Map<number, number>(tasks.map((t, i) => [t.id, i]));
    const groups = groupTasks(tasks, groupLimit(tasks.length, workers));
    let done = 0;
    // The share of its years each running task has simulated (tasks in progress only).
    const running = new Map<number, number>();
    const reportProgress = (): void => {
      if (!opts.onProgress) return;
      let partial = 0;
      for (const share of running.values()) partial += share;
      opts.onProgress(done + partial, tasks.length);
    };
    const progress: TaskProgress | undefined = opts.onProgress
      ? (id, share) => {
          running.set(id, share);
          reportProgress();
        }
      : undefined;
    const accept = (r: TaskResult): void => {
      const index = order.get(r.id)!;
      results[index] = r;
      opts.onResult?.(r, index);
      running.delete(r.id);
      done++; // not inside the optional call: `f?.(++x)` skips the increment when f is absent
      opts.onDone?.(done, tasks.length);
      reportProgress();
    };
    if (opts.signal?.aborted) throw new Error('aborted');
    const busy = Math.min(workers, groups.length);
    const threads = threadsPerRun(opts, busy);
    if (workers === 1 && (opts.inThread ?? runsInThread(1))) {
      for (const g of groups) {
        if (opts.signal?.aborted) throw new Error('aborted');
        executeTaskGroup(g, accept, () => opts.signal?.aborted === true, threadedBlocks(threads.threads, { minHouseholds: threads.minHouseholds }), progress);
        await new Promise((r) => setImmediate(r)); // let signals and progress bars through
      }
      // a signal that arrived during the last task: the caller must not write a complete-looking output
      if (opts.signal?.aborted) throw new Error('aborted');
      return results;
    }
    const pool = this.start(busy);
    let next = 0;
    // Results still to come from each worker's current group.
    const pending = new Map<Worker, number>();
    try {
      return await new Promise<TaskResult[]>((resolve, reject) => {
        const fail = (err: Error): void => {
          this.close(err);
          reject(err);
        };
        const onAbort = (): void => fail(new Error('aborted'));
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const feed = (w: Worker): void => {
          if (next >= groups.length) return;
          const g = groups[next++];
          pending.set(w, g.length);
          w.postMessage({ group: g, threads, progress: opts.onProgress !== undefined } satisfies WorkerJob);
        };
        this.batch = {
          fail,
          exit: (w, code) => {
            if ((pending.get(w) ?? 0) > 0) fail(new Error(`a worker stopped (exit code ${code}) before its runs were done`));
          },
          message: (w, msg) => {
            if (this.closed) return; // after a failure or an abort: nothing more is taken
            if ('share' in msg) {
              progress?.(msg.id, msg.share);
              return;
            }
            if (!msg.ok) {
              fail(new Error(`task ${msg.id} failed in a worker: ${msg.error}`));
              return;
            }
            accept(msg.result);
            const left = pending.get(w)! - 1;
            pending.set(w, left);
            if (done === tasks.length) {
              opts.signal?.removeEventListener('abort', onAbort);
              resolve(results);
            } else if (left === 0) feed(w);
          },
        };
        for (const w of pool) feed(w);
      });
    } finally {
      this.batch = null;
      // Waiting workers do not keep the process alive (a command that ends without close still exits).
      for (const w of this.workers) w.unref();
    }
  }

  /** Workers started so far (a worker that stopped between batches is replaced by a new one). */
  get started(): number {
    return this.startedCount;
  }

  /** Stops every worker; a batch in progress fails with `reason`, and later batches are refused with it. */
  close(reason: Error = new Error('WorkerPool: closed')): void {
    if (this.closed) return;
    this.closed = reason;
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
  }

  /**
   * The first `n` workers, started where missing (the first adopting the command's early worker, if
   * one is running: early-worker.ts), each kept alive while the batch runs.
   */
  private start(n: number): Worker[] {
    while (this.workers.length < n) {
      const w = takeEarlyWorker() ?? new Worker(workerUrl());
      this.startedCount++;
      w.on('message', (msg: WorkerMessage) => this.batch?.message(w, msg));
      w.on('error', (err) => this.batch?.fail(err));
      // A worker that stops while a batch waits on it (killed, out of memory) fails the batch; one that
      // stops between batches is started afresh by the next.
      w.on('exit', (code) => {
        const i = this.workers.indexOf(w);
        if (i < 0) return;
        this.workers.splice(i, 1);
        this.batch?.exit(w, code);
      });
      this.workers.push(w);
    }
    const pool = this.workers.slice(0, n);
    for (const w of pool) w.ref();
    return pool;
  }
}
