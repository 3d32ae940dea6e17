// One replicate of the baseline in this process; prints a JSON line with wall time and peak memory.
// Usage: node bench/one-run.mjs <scale> [endYear] [repeats]
import { defaultParams, runSimulation } from '../dist/model/simulate.js';

const scale = Number(process.argv[2] ?? 0.01);
const endYear = Number(process.argv[3] ?? 2020);
const repeats = Number(process.argv[4] ?? 1);
const times = [];
let households = 0;
for (let i = 0; i < repeats; i++) {
  const t0 = performance.now();
  const r = runSimulation({ params: defaultParams(), schedule: [], seed: 1 + i, scale, endYear });
  times.push((performance.now() - t0) / 1000);
  households = r.households;
}
const months = (endYear - 2013) * 12;
const best = Math.min(...times);
console.log(JSON.stringify({
  scale,
  endYear,
  households,
  repeats,
  wallSeconds: Number(best.toFixed(3)),
  wallSecondsAll: times.map((t) => Number(t.toFixed(3))),
  householdMonthsPerSecond: Math.round((households * months) / best),
  peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
}));
