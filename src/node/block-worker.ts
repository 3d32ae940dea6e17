/**
 * Block-thread entry (block-threads.ts). Only this file runs before the thread is known to work: it
 * loads the loop inside a `try`, so that a thread that cannot load the model, or that dies, says so in
 * the shared failure words; the run waiting on them would otherwise wait for ever (it cannot receive
 * events while it waits).
 */
import { workerData } from 'node:worker_threads';
import { CONTROL, recordFailure, type BlockThreadData } from './block-control.js';

const data = workerData as BlockThreadData;
let stopped = false;
process.on('exit', () => {
  if (stopped) return;
  recordFailure(data.control, data.failure, 'a block thread stopped in the middle of the run');
  Atomics.add(data.control, CONTROL.done, 1);
  Atomics.notify(data.control, CONTROL.done);
  Atomics.notify(data.control, CONTROL.ready);
});
try {
  const { runBlockLoop } = (await import(data.loop ?? './block-loop.js')) as typeof import('./block-loop.js');
  runBlockLoop(data);
  stopped = true;
} catch (err) {
  recordFailure(data.control, data.failure, `a block thread could not start: ${err instanceof Error ? err.message : String(err)}`);
  Atomics.notify(data.control, CONTROL.ready);
  Atomics.notify(data.control, CONTROL.done);
  stopped = true;
}
