// Where the time goes: one baseline replicate with a timer around each phase (and recording).
// Usage: node bench/phases.mjs [scale] [endYear] [threads]   (needs dist/: npm run build)
import { checkPlan } from '../dist/engine/plan.js';
import { MetricTable } from '../dist/engine/results.js';
import { METRICS } from '../dist/model/metrics.js';
import { defaultParams, initWorld } from '../dist/model/simulate.js';
import { PHASES } from '../dist/model/plan.js';
import { recordStep } from '../dist/model/record.js';
import { threadedBlocks } from '../dist/node/block-threads.js';

const scale = Number(process.argv[2] ?? 0.01);
const endYear = Number(process.argv[3] ?? 2020);
const threads = Number(process.argv[4] ?? 1);
const spec = { params: defaultParams(), schedule: [], seed: 1, scale, endYear };
const t0 = performance.now();
const w = initWorld(spec, threadedBlocks(threads));
const init = performance.now() - t0;
const steps = (endYear - 2013) * 12;
const table = new MetricTable(METRICS, steps + 1);
// As runStep runs them: a phase with `withNext` runs with the next in one pass, timed as one.
checkPlan(PHASES);
const time = { record: 0 };
for (let t = 1; t <= steps; t++) {
  for (let i = 0; i < PHASES.length; i++) {
    const p = PHASES[i];
    if (p.when === 'yearly' && t % 12 !== 0) continue;
    const a = performance.now();
    let name = p.name;
    if (p.withNext) {
      p.withNext.run(w);
      name = `${p.name} + ${PHASES[++i].name}`;
    } else p.run(w);
    time[name] = (time[name] ?? 0) + performance.now() - a;
  }
  const a = performance.now();
  recordStep(w, table);
  time.record += performance.now() - a;
}
w.blocks.exec.close();
const total = Object.values(time).reduce((x, y) => x + y, 0);
const hm = w.nHouseholds * steps;
console.log(JSON.stringify({
  scale,
  endYear,
  threads: w.blocks.exec.threads,
  households: w.nHouseholds,
  initSeconds: Number((init / 1000).toFixed(3)),
  stepSeconds: Number((total / 1000).toFixed(3)),
  nsPerHouseholdMonth: Number(((total * 1e6) / hm).toFixed(1)),
  phases: Object.fromEntries(Object.entries(time).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, { seconds: Number((v / 1000).toFixed(3)), share: Number((v / total).toFixed(3)) }])),
}));
