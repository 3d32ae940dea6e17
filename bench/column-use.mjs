// Which household columns a month of the model touches: runs the monthly phases (and recording) of a
// tiny world with every household column behind a recording proxy, and lists the columns read and
// written. Found by running, not by a hand-kept list, so it follows the model as it changes.
// Usage: import { householdColumnUse } from './column-use.mjs'   (needs dist/: npm run build)
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MetricTable } from '../dist/engine/results.js';
import { METRICS } from '../dist/model/metrics.js';
import { runStep } from '../dist/engine/plan.js';
import { PHASES } from '../dist/model/plan.js';
import { recordStep } from '../dist/model/record.js';
import { defaultParams, initWorld } from '../dist/model/simulate.js';

const WRITERS = new Set(['fill', 'set', 'copyWithin', 'reverse', 'sort']);

/**
 * Runs `months` monthly steps (monthly phases only, then recording) of a world at `scale` with
 * recording proxies on the household columns.
 * @returns { read, written }: column names, in the order of HOUSEHOLD_COLUMNS
 */
export function householdColumnUse(scale = 0.0005, months = 13) {
  const w = initWorld({ params: defaultParams(), schedule: [], seed: 1, scale, endYear: 2015 });
  const read = new Set();
  const written = new Set();
  const names = Object.keys(w.hh);
  for (const name of names) {
    const target = w.hh[name];
    w.hh[name] = new Proxy(target, {
      get(t, key) {
        if (typeof key === 'string' && key !== '' && key >= '0' && key <= '9z' && /^\d+$/.test(key)) {
          read.add(name);
          return t[key];
        }
        const v = Reflect.get(t, key, t);
        if (typeof v !== 'function') return v;
        return (...args) => {
          (WRITERS.has(key) ? written : read).add(name);
          return v.apply(t, args);
        };
      },
      set(t, key, value) {
        written.add(name);
        t[key] = value;
        return true;
      },
    });
  }
  // Passes that read through the pools (engine/columns.ts): an element of a pool is an element of the
  // column that lies there.
  const pools = {};
  for (const [type, pool] of Object.entries(w.hhPools)) {
    const columns = names
      .filter((name) => w.hh[name].buffer === pool.buffer)
      .map((name) => {
        const c = w.hh[name];
        const start = c.byteOffset / c.BYTES_PER_ELEMENT;
        return { name, start, end: start + c.length };
      });
    const columnAt = (i) => columns.find((c) => i >= c.start && i < c.end).name;
    pools[type] = new Proxy(pool, {
      get(t, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(columnAt(Number(key)));
        const v = Reflect.get(t, key, t);
        return typeof v === 'function' ? v.bind(t) : v;
      },
      set(t, key, value) {
        if (typeof key === 'string' && /^\d+$/.test(key)) written.add(columnAt(Number(key)));
        t[key] = value;
        return true;
      },
    });
  }
  w.hhPools = pools;
  const table = new MetricTable(METRICS, months + 1);
  for (let t = 1; t <= months; t++) {
    // As a run steps (with any joint pass of two phases), the yearly phases left out.
    runStep(PHASES, w, false);
    recordStep(w, table);
  }
  return { read: names.filter((n) => read.has(n)), written: names.filter((n) => written.has(n)) };
}

// Run as a script: prints { read, written } as JSON (bench/one-run.mjs asks in a child process, since
// the proxies leave this process's compiled model code unfit for timing).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) console.log(JSON.stringify(householdColumnUse()));
