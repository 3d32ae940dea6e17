/** Worker-thread entry: runs each group of tasks posted by the pool and posts every result back as it finishes. */
import { parentPort } from 'node:worker_threads';
import { executeTaskGroup, type TaskResult } from '../experiment/task.js';
import { threadedBlocks } from './block-threads.js';
import type { WorkerJob } from './pool.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', ({ group, threads }: WorkerJob) => {
  try {
    executeTaskGroup(
      group,
      (r: TaskResult) => {
        const transfer = [r.yearly.buffer, ...(r.monthly ? [r.monthly.buffer] : [])] as ArrayBuffer[];
        port.postMessage({ ok: true, result: r }, transfer);
      },
      undefined,
      threadedBlocks(threads.threads, { minHouseholds: threads.minHouseholds }),
    );
  } catch (err) {
    port.postMessage({ ok: false, id: group[0]?.id ?? -1, error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
  }
});
