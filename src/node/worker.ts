/** Worker-thread entry: runs each group of tasks posted by the pool and posts every result back as it finishes. */
import { parentPort } from 'node:worker_threads';
import { executeTaskGroup, type TaskResult } from '../experiment/task.js';
import { threadedBlocks } from './block-threads.js';
import type { WorkerJob, WorkerMessage } from './pool.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;
const post = (msg: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(msg, transfer);
port.on('message', ({ group, threads, progress }: WorkerJob) => {
  try {
    executeTaskGroup(
      group,
      (r: TaskResult) => post({ ok: true, result: r }, [r.yearly.buffer, ...(r.monthly ? [r.monthly.buffer] : [])] as ArrayBuffer[]),
      undefined,
      threadedBlocks(threads.threads, { minHouseholds: threads.minHouseholds }),
      progress ? (id, share) => post({ ok: true, id, share }) : undefined,
    );
  } catch (err) {
    post({ ok: false, id: group[0]?.id ?? -1, error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
  }
});
