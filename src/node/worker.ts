/** Worker-thread entry: runs tasks posted by the pool and posts results back. */
import { parentPort } from 'node:worker_threads';
import { executeTask, type RunTask } from '../experiment/task.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', (task: RunTask) => {
  try {
    const r = executeTask(task);
    const transfer = [r.yearly.buffer, ...(r.monthly ? [r.monthly.buffer] : [])] as ArrayBuffer[];
    port.postMessage({ ok: true, result: r }, transfer);
  } catch (err) {
    port.postMessage({ ok: false, id: task.id, error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
  }
});
