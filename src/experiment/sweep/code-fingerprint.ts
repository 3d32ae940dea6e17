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
import { workerUrl } from '../pool.js';

/** sha256 over the paths and contents of the `.js` files under the worker's root folder; '' when absent. */
export function workerCodeFingerprint(): string {
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
  walk(root);
  return hash.digest('hex');
}
