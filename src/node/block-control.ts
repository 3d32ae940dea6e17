/** The shared control words between a run and its block threads (block-threads.ts, block-worker.ts). */
import type { SharedWorld } from '../model/world-share.js';

/** Slots of the control Int32Array. */
export const CONTROL = {
  /** Raised by one for each pass (or to quit): the threads wait on it. */
  generation: 0,
  /** The pass to run: its place in BLOCK_KERNEL_LIST. */
  kernel: 1,
  /** Threads that have finished the current pass (a thread that fails or exits counts as finished). */
  done: 2,
  /** Threads started and ready for passes. */
  ready: 3,
  /** 1 once a thread has failed; its message is in `failure`. */
  failed: 4,
  /** 1 when the threads are to stop. */
  quit: 5,
  /** The next block of the current pass nobody has taken yet. */
  next: 6,
  slots: 7,
} as const;

/** Bytes of a failure message (UTF-8, zero-terminated). */
export const FAILURE_BYTES = 4096;

/** What a block thread is started with (all shared memory but the world's fixed facts). */
export interface BlockThreadData {
  world: SharedWorld;
  control: Int32Array;
  /** The run's state before each pass (world-share.ts writeState). */
  state: Float64Array;
  failure: Uint8Array;
  /** The loop module's URL (default: block-loop.js next to the entry). */
  loop?: string;
}

/**
 * Runs `kernel` on blocks taken one at a time from the shared counter until none is left. Which thread
 * runs a block never matters: each writes only its block's households, villages and row.
 */
export function takeBlocks(control: Int32Array, count: number, run: (b: number) => void): void {
  for (let b = Atomics.add(control, CONTROL.next, 1); b < count; b = Atomics.add(control, CONTROL.next, 1)) run(b);
}

/** Records a thread's failure (the first one wins) and raises the flag. */
export function recordFailure(control: Int32Array, failure: Uint8Array, message: string): void {
  if (Atomics.compareExchange(control, CONTROL.failed, 0, 1) !== 0) return;
  const bytes = new TextEncoder().encode(message).subarray(0, FAILURE_BYTES - 1);
  failure.set(bytes);
  failure[bytes.length] = 0;
}
