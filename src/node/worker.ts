/** Worker-thread entry: runs each group of tasks posted by the pool and posts every result back as it finishes. */
import { parentPort, workerData } from 'node:worker_threads';
import { executeTask, executeTaskGroup, type TaskResult } from '../experiment/task.js';
import { defaultParams } from '../model/parameters.js';
import { threadedBlocks } from './block-threads.js';
import type { EarlyWorkerData } from './early-worker.js';
import type { WorkerJob, WorkerMessage } from './pool.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;

/**
 * A small baseline run, discarded, for an early worker (early-worker.ts): it compiles the monthly passes
 * while the command starts up. Size: about as long as the bundled command line takes to load (0.2 s on
 * a 2-core EPYC); longer ones slowed the command's own start-up nearly as much as they gained (docs/performance.md).
 * Messages posted meanwhile wait in the port. It cannot change a result (nothing is kept), so a failure
 * here is left for the real runs to meet and report.
 */
const WARM_UP = { scale: 0.0003, endYear: 2015 };
if ((workerData as EarlyWorkerData | undefined)?.warmUp) {
  try {
    executeTask({ id: -1, params: defaultParams(), schedule: [], seed: 1, monthly: true, ...WARM_UP });
  } catch {
    // see above
  }
}

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
