/**
 * A fingerprint of the compiled code that worker threads load (the `dist/` folder next to the
 * worker entry). A sweep starts its workers afresh for each batch, so in a checkout where `dist/`
 * is rebuilt while a sweep runs, later batches would run other model code than earlier ones and
 * the sweep would mix model versions. `runSweep` compares the fingerprint before and after every
 * batch and stops when it changes. (A rebuild of unchanged sources gives the same bytes.)
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerUrl } from './early-worker.js';

/** The compiled code a run executes: the engine, the model, and the task a worker runs. */
const MODEL_CODE = ['engine', 'model', 'experiment/task.js', 'experiment/seeds.js', 'node/worker.js', 'node/block-worker.js', 'node/block-loop.js', 'node/block-threads.js', 'node/block-control.js'];

/**
 * sha256 over the paths and contents of the `.js` files of the model code (MODEL_CODE) under the
 * worker's root folder; '' when absent. Changes to the CLI, reports or docs do not change it, so they
 * do not stop a sweep from resuming; a change to what a run computes does.
 */
export function modelCodeFingerprint(): string {
  const root = fileURLToPath(new URL('../', workerUrl()));
  if (!existsSync(root)) return '';
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(path);
      else if (name.endsWith('.js')) {
        hash.update(relative(root, path)).update('\0');
        try {
          hash.update(readFileSync(path));
        } catch {
          hash.update('(unreadable)'); // mid-rebuild: counts as a change
        }
      }
    }
  };
  for (const part of MODEL_CODE) {
    const path = join(root, part);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st?.isDirectory()) walk(path);
    else if (st) {
      hash.update(relative(root, path)).update('\0').update(readFileSync(path));
    }
  }
  return hash.digest('hex');
}
