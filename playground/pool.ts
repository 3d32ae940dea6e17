/**
 * A pool of Web Workers that run replicates, with a cache and cancellation.
 *
 * - One job at a time: starting a job cancels the one in flight. Cancelling terminates the busy
 *   workers (so their CPU is free at once) and the stale job's promise rejects with `Cancelled`.
 * - Results are cached by everything that determines a run (parameters, schedule, seed, scale, end
 *   year), so moving a lever reruns only the current settings: the baseline's runs are reused.
 * - Results come back in task order, never in completion order.
 */
import type { RunTask, TaskResult } from '../src/experiment/task.js';

/** Thrown (as a rejection) for a job that a newer job or `cancel()` replaced. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** What a finished job reports. */
export interface JobResult {
  results: TaskResult[];
  /** Runs computed by this job. */
  computed: number;
  /** Runs taken from the cache. */
  reused: number;
}

type WorkerReply = { ok: true; result: TaskResult } | { ok: false; id: number; error: string };

interface Slot {
  worker: Worker | null;
  busy: boolean;
}

/** Most results kept (each is a few kilobytes). */
const CACHE_LIMIT = 2000;

/** The cache key of a task: everything that determines its result. */
export function taskKey(t: RunTask): string {
  return JSON.stringify([t.params, t.schedule, t.seed, t.scale, t.endYear]);
}

export class SimulationPool {
  private readonly slots: Slot[];
  private readonly cache = new Map<string, TaskResult>();
  private job: { id: number; reject: (e: Error) => void } | null = null;
  private nextJob = 0;

  /** @param size number of workers; @param makeWorker starts one worker */
  constructor(readonly size: number, private readonly makeWorker: () => Worker) {
    if (!(size >= 1)) throw new RangeError(`SimulationPool: size must be at least 1, got ${size}`);
    this.slots = Array.from({ length: size }, () => ({ worker: null, busy: false }));
  }

  /** Cancels the job in flight, if any: its busy workers are terminated and its promise rejects. */
  cancel(): void {
    if (!this.job) return;
    const { reject } = this.job;
    this.job = null;
    for (const s of this.slots) {
      if (s.busy && s.worker) {
        s.worker.terminate();
        s.worker = null;
      }
      s.busy = false;
    }
    reject(new Cancelled());
  }

  /** Runs the tasks (cached ones are reused) and returns their results in task order. */
  run(tasks: readonly RunTask[], onProgress?: (done: number, total: number) => void): Promise<JobResult> {
    this.cancel();
    const id = ++this.nextJob;
    const results: TaskResult[] = new Array(tasks.length);
    // Identical tasks (the baseline equals the current settings at the defaults) run once.
    const pending = new Map<string, number[]>();
    tasks.forEach((t, i) => {
      const key = taskKey(t);
      const hit = this.cache.get(key);
      if (hit) results[i] = hit;
      else if (pending.has(key)) pending.get(key)!.push(i);
      else pending.set(key, [i]);
    });
    const todo = [...pending.entries()];
    const reused = tasks.length - [...pending.values()].reduce((n, xs) => n + xs.length, 0);
    let done = reused;
    onProgress?.(done, tasks.length);
    if (todo.length === 0) return Promise.resolve({ results, computed: 0, reused });
    return new Promise<JobResult>((resolve, reject) => {
      this.job = { id, reject };
      let next = 0;
      const live = (): boolean => this.job?.id === id;
      const feed = (slot: Slot): void => {
        if (!live() || next >= todo.length) return;
        const [key, indices] = todo[next++];
        const worker = this.workerOf(slot);
        slot.busy = true;
        worker.onmessage = (e: MessageEvent<WorkerReply>) => {
          slot.busy = false;
          if (!live()) return;
          const msg = e.data;
          if (!msg.ok) {
            this.cancelWith(new Error(`run ${msg.id} failed in a worker: ${msg.error}`));
            return;
          }
          this.remember(key, msg.result);
          for (const i of indices) results[i] = msg.result;
          done += indices.length;
          onProgress?.(done, tasks.length);
          if (done === tasks.length) {
            this.job = null;
            resolve({ results, computed: todo.length, reused });
          } else feed(slot);
        };
        worker.onerror = (e: ErrorEvent) => {
          slot.busy = false;
          if (live()) this.cancelWith(new Error(`a simulation worker failed: ${e.message || 'could not load'}`));
        };
        worker.postMessage({ ...tasks[indices[0]], id: indices[0] });
      };
      for (const s of this.slots) feed(s);
    });
  }

  /** Results held in the cache. */
  get cached(): number {
    return this.cache.size;
  }

  private workerOf(slot: Slot): Worker {
    if (!slot.worker) slot.worker = this.makeWorker();
    return slot.worker;
  }

  private cancelWith(err: Error): void {
    const job = this.job;
    if (!job) return;
    this.job = { id: job.id, reject: () => job.reject(err) };
    this.cancel();
  }

  private remember(key: string, r: TaskResult): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, r);
  }
}
