// npm run bench: prints ONE JSON line with
//   defaultScale  one baseline replicate at 1:100, 2013–2020, in process (best of 5): wallSeconds,
//                 nsPerHouseholdMonth, peak memory
//   floor         the floor kernel (bench/floor.mjs) over the same household-months, and floorRatio =
//                 model ns ÷ floor ns per household-month (issue 11's target: ≤ 3)
//   povsimRun     `povsim run` of that replicate as a user runs it, whole process (best of 3), and
//                 the start-up alone (`povsim --version`)
//   province      one replicate at 1:1, 2013–2020 (about 10 million households), as `povsim run` runs it:
//                 its passes over every household on one thread per core (threads), wallSeconds,
//                 peakMemoryMB; and oneThread: the same run on one thread (the same results)
// Each model measurement runs in a fresh child process, so its peak memory (maxRSS) is its own.
// --no-province (or POVSIM_BENCH_SKIP_PROVINCE=1) skips the 1:1 runs (about 3 minutes, 1 GB).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
for (const a of args) {
  if (a !== '--no-province') {
    console.error(`bench: unknown argument ${a}; the only flag is --no-province`);
    process.exit(2);
  }
}
const skipProvince = args.includes('--no-province') || process.env.POVSIM_BENCH_SKIP_PROVINCE === '1';
if (!existsSync(new URL('../dist/model/simulate.js', import.meta.url))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const here = (f) => new URL(f, import.meta.url).pathname;
const one = (a) => JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=6000', here('./one-run.mjs'), ...a], { encoding: 'utf8' }));

/** Best wall time of `repeats` runs of the povsim CLI with these arguments (seconds). */
function cliSeconds(cliArgs, repeats) {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [here('../bin/povsim.mjs'), ...cliArgs], { cwd: here('..'), stdio: ['ignore', 'ignore', 'inherit'] });
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return Number(best.toFixed(3));
}

const result = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
const d = one(['0.01', '2020', '5', 'floor']);
const { floor, ...model } = d;
result.defaultScale = model;
result.floor = { nsPerHouseholdMonth: floor.nsPerHouseholdMonth, seconds: floor.seconds, columnsRead: floor.columnsRead.length, columnsWritten: floor.columnsWritten.length };
result.floorRatio = Number((model.nsPerHouseholdMonth / floor.nsPerHouseholdMonth).toFixed(2));
const tmp = mkdtempSync(join(tmpdir(), 'povsim-bench-'));
try {
  result.povsimRun = {
    command: 'povsim run scenarios/baseline.yaml --replicates 1 --end-year 2020 --workers 1 --quiet',
    wallSeconds: cliSeconds(['run', 'scenarios/baseline.yaml', '--replicates', '1', '--end-year', '2020', '--workers', '1', '--quiet', '--force', '--out', join(tmp, 'run')], 3),
    startupSeconds: cliSeconds(['--version'], 3),
  };
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (!skipProvince) {
  const p = one(['1', '2020', '1', `threads=${cpus().length}`]);
  const single = one(['1', '2020', '1']);
  result.province = { ...p, oneThread: { wallSeconds: single.wallSeconds, nsPerHouseholdMonth: single.nsPerHouseholdMonth, peakMemoryMB: single.peakMemoryMB } };
}
console.log(JSON.stringify(result));
