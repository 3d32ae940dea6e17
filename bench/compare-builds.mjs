// Two builds of povsim compared in one process: whole replicates, and each pass over every household
// on its own, A and B in turn (A B, B A, …), the ratio taken round by round. In one process both builds
// see the same machine at the same moments, so a drift of the machine's speed cancels; that is steadier
// than timing two processes on a shared machine. Prints one JSON line: per measure the median time of
// each and the median, lowest and highest ratio A ÷ B.
// Usage: node bench/compare-builds.mjs <distA> <distB> [scale] [rounds]
//   e.g. after `git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci && npm run build)`:
//   node bench/compare-builds.mjs dist /tmp/before/dist 0.01 16
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [distA, distB] = process.argv.slice(2, 4);
const scale = Number(process.argv[4] ?? 0.01);
const rounds = Number(process.argv[5] ?? 16);
if (!distA || !distB || !(scale > 0 && scale <= 1) || !(Number.isInteger(rounds) && rounds >= 2)) {
  console.error('usage: node bench/compare-builds.mjs <distA> <distB> [scale in (0, 1]] [rounds ≥ 2]');
  process.exit(2);
}

/** The parts of one build that are timed. */
async function load(dist) {
  const at = (file) => import(pathToFileURL(resolve(dist, file)).href);
  const sim = await at('model/simulate.js');
  const kernels = {
    income: (await at('model/income.js')).INCOME_BLOCKS,
    shocks: (await at('model/shocks.js')).SHOCK_BLOCKS,
    motivation: (await at('model/motivation.js')).MOTIVATION_BLOCKS,
    participation: (await at('model/industry-participation.js')).PARTICIPATION_BLOCKS,
    yearEnd: (await at('model/year-end.js')).YEAR_END_BLOCKS,
  };
  const overBlocks = (...ks) => (w) => {
    for (const k of ks) for (let b = 0; b < w.blocks.count; b++) k.run(w, b);
  };
  const passes = Object.fromEntries(Object.entries(kernels).map(([name, k]) => [name, overBlocks(k)]));
  // Shocks and motivation as a run steps them: in one pass where the build has it, else the two in turn.
  const joint = await at('model/shocks-and-motivation.js').catch(() => null);
  passes.shocksAndMotivation = joint ? overBlocks(joint.SHOCK_MOTIVATION_BLOCKS) : overBlocks(kernels.shocks, kernels.motivation);
  // The two phases whole, with their parts outside the block kernels (the common shocks, the household
  // index, the waiting shares and update), which builds have split differently between kernel and
  // phase: each call is a step of its own (the index is built once per step).
  const shocks = await at('model/shocks.js');
  const motivation = await at('model/motivation.js');
  const phase = joint ? joint.shocksAndMotivation : (w) => (shocks.applyShocks(w), motivation.updateMotivation(w));
  passes.shocksMotivationPhases = (w) => {
    w.step += 1;
    phase(w);
  };
  // Each pass on a world of its own, part-way through a run (30 months): a pass changes its world as it
  // runs, which does not matter for its timing, but would for another pass's.
  const worlds = {};
  for (const name of Object.keys(passes)) {
    const s = sim.startRun({ params: sim.defaultParams(), schedule: [], seed: 3, scale, endYear: 2020 });
    sim.advanceRun(s, 30);
    worlds[name] = s.w;
  }
  return { sim, passes, worlds };
}

const build = { A: await load(distA), B: await load(distB) };
const measures = ['replicate', ...Object.keys(build.A.passes)];

/** Milliseconds of one measure in one build (a replicate: seed `seed`, 2013–2020). */
function time(b, measure, seed) {
  const t0 = performance.now();
  if (measure === 'replicate') b.sim.runSimulation({ params: b.sim.defaultParams(), schedule: [], seed, scale, endYear: 2020 });
  else b.passes[measure](b.worlds[measure]);
  return performance.now() - t0;
}

// One warm-up round each: the first run of a build is its code's cold start.
for (const m of measures) {
  time(build.A, m, 1);
  time(build.B, m, 1);
}
const t = Object.fromEntries(measures.map((m) => [m, { A: [], B: [] }]));
for (let r = 0; r < rounds; r++) {
  for (const m of measures) {
    const order = r % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
    for (const k of order) t[m][k].push(time(build[k], m, 10 + r));
  }
}
const median = (v) => {
  const s = [...v].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const out = { scale, rounds, households: build.A.worlds.income.nHouseholds };
for (const m of measures) {
  const ratios = t[m].A.map((a, i) => a / t[m].B[i]);
  out[m] = {
    medianMsA: Number(median(t[m].A).toFixed(2)),
    medianMsB: Number(median(t[m].B).toFixed(2)),
    ratio: Number(median(ratios).toFixed(3)),
    ratioLow: Number(Math.min(...ratios).toFixed(3)),
    ratioHigh: Number(Math.max(...ratios).toFixed(3)),
  };
}
console.log(JSON.stringify(out));
