// npm run bench: speed and memory of one baseline replicate at the default scale (1:100, best of 5)
// and of the whole province (1:1, 2013-2020), each in a fresh process so peak memory is its own.
// Prints one JSON line. Set POVSIM_BENCH_SKIP_PROVINCE=1 to skip the 1:1 run (about 2 minutes).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';

if (!existsSync(new URL('../dist/model/simulate.js', import.meta.url))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const one = (args) =>
  JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=6000', new URL('./one-run.mjs', import.meta.url).pathname, ...args], { encoding: 'utf8' }));

const result = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
result.defaultScale = one(['0.01', '2020', '5']);
if (process.env.POVSIM_BENCH_SKIP_PROVINCE !== '1') result.province = one(['1', '2020', '1']);
console.log(JSON.stringify(result));
