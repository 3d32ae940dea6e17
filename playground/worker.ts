/**
 * Web Worker entry: runs one replicate per message with the model's own run function (the same
 * `executeTask` the CLI's worker threads use) and posts the yearly table back (transferred, not copied).
 */
import { executeTask, type RunTask } from '../src/experiment/task.js';

/** The part of the worker's global scope this file uses (the DOM lib has no worker types). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<RunTask>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  const task = e.data;
  try {
    const result = executeTask({ ...task, monthly: false });
    scope.postMessage({ ok: true, result }, [result.yearly.buffer as ArrayBuffer]);
  } catch (err) {
    scope.postMessage({ ok: false, id: task.id, error: err instanceof Error ? err.message : String(err) });
  }
};
