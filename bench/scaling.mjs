// How cost grows with size: one baseline replicate, 2013–2020, at scales 0.001, 0.01, 0.1 and 1, each
// in a fresh child process (so peak memory is its own). Prints one line per scale and then one JSON
// line; cost is linear when nanoseconds per household-month stay flat as households grow 1000-fold.
// Usage: node bench/scaling.mjs [scales...] [threads=N]   (default 0.001 0.01 0.1 1, one thread; needs dist/: npm run build)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../dist/model/simulate.js', import.meta.url))) {
  console.error('scaling: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const threadsArg = process.argv.slice(2).filter((a) => a.startsWith('threads='));
const scaleArgs = process.argv.slice(2).filter((a) => !a.startsWith('threads='));
const scales = scaleArgs.length > 0 ? scaleArgs.map(Number) : [0.001, 0.01, 0.1, 1];
if (scales.some((s) => !(s > 0 && s <= 1))) {
  console.error('scaling: each scale must be a number in (0, 1]');
  process.exit(2);
}
const oneRun = new URL('./one-run.mjs', import.meta.url).pathname;
const rows = [];
for (const scale of scales) {
  // small scales repeat (best of 3) so start-up noise does not dominate; 1:1 runs once
  const repeats = scale <= 0.01 ? 3 : 1;
  const r = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=6000', oneRun, String(scale), '2020', String(repeats), ...threadsArg], { encoding: 'utf8' }));
  rows.push({ scale, threads: r.threads, households: r.households, wallSeconds: r.wallSeconds, nsPerHouseholdMonth: r.nsPerHouseholdMonth, peakMemoryMB: r.peakMemoryMB });
  console.error(`scale ${String(scale).padEnd(6)} ${String(r.households).padStart(9)} households  ${r.wallSeconds.toFixed(2).padStart(7)} s  ${r.nsPerHouseholdMonth.toFixed(1).padStart(6)} ns/household-month  ${String(r.peakMemoryMB).padStart(5)} MB peak`);
}
// linear: the largest scale's cost per household-month against the 1:100 one's (1 = perfectly linear)
const ref = rows.find((r) => r.scale === 0.01) ?? rows[0];
const big = rows[rows.length - 1];
console.log(JSON.stringify({ scales: rows, costRatioLargestTo1in100: Number((big.nsPerHouseholdMonth / ref.nsPerHouseholdMonth).toFixed(2)) }));
