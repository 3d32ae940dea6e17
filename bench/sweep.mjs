#!/usr/bin/env node
// Sweep throughput: runs per second of `runSweep` at the default scale (0.01, 2013–2020) on all cores,
// and the scaling from 1 to 2 workers. Prints one JSON line. Uses the compiled code in dist/
// (npm run build). Options: --runs N (points per measurement, default 12), --scale S, --end-year Y.
//
//   node bench/sweep.mjs
//   {"bench":"sweep","scale":0.01,"endYear":2020,"cores":2,"runs":12,"runsPerSecond":{"1":0.71,"2":1.27,"all":1.27},"scaling1to2":1.79,...}
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const dist = new URL('../dist/node/sweep-run.js', import.meta.url);
if (!existsSync(dist)) {
  process.stderr.write('bench/sweep.mjs: dist/ is missing; run `npm run build` first\n');
  process.exit(1);
}
const { runSweep } = await import(dist.href);
const { loadSweepPlan } = await import(new URL('../dist/node/sweep-plans.js', import.meta.url).href);

const { values } = parseArgs({ options: { runs: { type: 'string', default: '12' }, scale: { type: 'string', default: '0.01' }, 'end-year': { type: 'string', default: '2020' } } });
const runs = Number(values.runs);
const scale = Number(values.scale);
const endYear = Number(values['end-year']);
const cores = availableParallelism();

const work = mkdtempSync(join(tmpdir(), 'povsim-bench-sweep-'));
// A latin-hypercube over the four levers (their plausible ranges), one replicate per point.
writeFileSync(join(work, 'base.yaml'), 'name: bench-base\n');
writeFileSync(
  join(work, 'plan.yaml'),
  `name: bench\nbase: base.yaml\ninclude: { groups: [lever] }\ndesign: { kind: latin-hypercube, points: ${runs}, seed: 1 }\n` +
    `replicates: 1\nseed: 1\nscale: ${scale}\nendYear: ${endYear}\noutputs: { metrics: [official_incidence], years: [${endYear}] }\n`,
);
const plan = loadSweepPlan(join(work, 'plan.yaml'));

/** Runs the whole sweep with `workers` threads into a fresh directory; returns runs per second. */
async function measure(workers) {
  const dir = join(work, `w${workers}`);
  const t0 = process.hrtime.bigint();
  const s = await runSweep(plan, dir, { workers, provenance: { povsim: 'bench', gitCommit: null } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { workers, runs: s.runs, seconds, runsPerSecond: s.runs / seconds };
}

try {
  const one = await measure(1);
  const two = await measure(2);
  const all = cores === 2 ? two : await measure(cores);
  const round = (x) => Number(x.toFixed(3));
  const line = {
    bench: 'sweep',
    scale,
    endYear,
    cores,
    runs,
    runsPerSecond: { 1: round(one.runsPerSecond), 2: round(two.runsPerSecond), all: round(all.runsPerSecond) },
    secondsPerRun: { 1: round(one.seconds / one.runs), all: round(all.seconds / all.runs) },
    scaling1to2: round(two.runsPerSecond / one.runsPerSecond),
    loadAverage: (await import('node:os')).loadavg().map(round),
    node: process.version,
  };
  process.stdout.write(JSON.stringify(line) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
