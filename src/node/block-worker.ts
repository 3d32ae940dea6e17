/**
 * Block-thread entry (block-threads.ts). Only this file runs before the thread is known to work: it
 * loads the loop inside a `try`, so that a thread that cannot load the model, fails, or exits says so in
 * the shared failure words; the run waiting on them would otherwise wait for ever (it cannot receive
 * events while it waits). A thread killed outright (out of memory) runs none of this: the run notices
 * that no thread finishes anything (block-threads.ts, stallSeconds).
 */
import { workerData } from 'node:worker_threads';
import { CONTROL, recordFailure, type BlockThreadData } from './block-control.js';

const data = workerData as BlockThreadData;
let endedCleanly = false;
/** Says the thread has failed and counts it as done, so the run stops waiting for it. */
const failed = (message: string): void => {
  recordFailure(data.control, data.failure, message);
  Atomics.add(data.control, CONTROL.done, 1);
  Atomics.notify(data.control, CONTROL.done);
  Atomics.notify(data.control, CONTROL.ready);
};
process.on('exit', () => {
  if (!endedCleanly) failed('a block thread stopped in the middle of the run');
});
let loop: typeof import('./block-loop.js') | null = null;
try {
  loop = (await import(data.loop ?? './block-loop.js')) as typeof import('./block-loop.js');
} catch (err) {
  failed(`a block thread could not start: ${err instanceof Error ? err.message : String(err)}`);
  endedCleanly = true;
}
if (loop) {
  try {
    loop.runBlockLoop(data);
  } catch (err) {
    failed(`a block thread failed: ${err instanceof Error ? `${err.message}\n${err.stack}` : String(err)}`);
  }
  endedCleanly = true;
}
