// One replicate of the baseline in this process (best of `repeats`); prints a JSON line with wall time,
// nanoseconds per household-month and peak memory (this process's maximum resident set).
// With `floor`, also times the floor kernel (bench/floor.mjs) over the same household-months.
// With `threads=N`, the run shares its passes over every household among N threads (the results are
// the same bytes; src/node/block-threads.ts).
// Usage: node bench/one-run.mjs <scale> [endYear] [repeats] [floor] [threads=N]   (needs dist/: npm run build)
import { defaultParams, initWorld, runSimulation } from '../dist/model/simulate.js';
import { threadedBlocks } from '../dist/node/block-threads.js';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('threads=') && a !== 'floor');
const scale = Number(positional[0] ?? 0.01);
const endYear = Number(positional[1] ?? 2020);
const repeats = Number(positional[2] ?? 1);
const withFloor = process.argv.includes('floor');
const threads = Number(process.argv.find((a) => a.startsWith('threads='))?.slice('threads='.length) ?? 1);
if (!Number.isInteger(threads) || threads < 1) {
  console.error(`one-run: threads must be a whole number ≥ 1, got ${threads}`);
  process.exit(2);
}
const months = (endYear - 2013) * 12;
// The floor runs right after each replicate, in turn with it, so that both see the machine at the same
// minutes: on a shared machine its speed drifts by a fifth and more between minutes, which a floor timed
// after all the replicates would put into the ratio.
const floor = withFloor ? await floorRunner() : null;
const floorTimes = [];
const times = [];
let households = 0;
for (let i = 0; i < repeats; i++) {
  const t0 = performance.now();
  const r = runSimulation({ params: defaultParams(), schedule: [], seed: 1 + i, scale, endYear }, undefined, threadedBlocks(threads));
  times.push((performance.now() - t0) / 1000);
  households = r.households;
  if (floor) floorTimes.push(floor.run());
}
const best = Math.min(...times);
const out = {
  scale,
  endYear,
  households,
  repeats,
  threads,
  wallSeconds: Number(best.toFixed(3)),
  wallSecondsAll: times.map((t) => Number(t.toFixed(3))),
  householdMonthsPerSecond: Math.round((households * months) / best),
  nsPerHouseholdMonth: Number(((best * 1e9) / (households * months)).toFixed(1)),
  peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
if (floor) {
  const f = Math.min(...floorTimes);
  out.floor = {
    seconds: Number(f.toFixed(3)),
    nsPerHouseholdMonth: Number(((f * 1e9) / (floor.households * months)).toFixed(1)),
    columnsRead: floor.read,
    columnsWritten: floor.written,
  };
}
console.log(JSON.stringify(out));

/**
 * The floor kernel (bench/floor.mjs) over a world of this scale: run() times one pass of every month, in
 * seconds. The columns it touches are found in a child process: finding them runs the model on proxies,
 * after which this process's compiled passes are no longer fit to time.
 */
async function floorRunner() {
  const { execFileSync } = await import('node:child_process');
  const { timeFloor } = await import('./floor.mjs');
  const { fileURLToPath } = await import('node:url');
  const use = JSON.parse(execFileSync(process.execPath, [fileURLToPath(new URL('./column-use.mjs', import.meta.url))], { encoding: 'utf8' }));
  const w = initWorld({ params: defaultParams(), schedule: [], seed: 1, scale, endYear });
  return { households: w.nHouseholds, read: use.read, written: use.written, run: () => timeFloor(w.hh, w.nHouseholds, use.read, use.written, months).seconds };
}
