// Run by test/model/second-run.test.ts under `node --allow-natives-syntax`: whether the model's
// hottest passes, optimized during a first run, are still optimized after a second run in the same
// process is built (every world, its flows, streams, blocks and index are objects of the same literals
// as the first run's), and after a branch of it steps a month. argv[2]: the dist/ folder to load.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const load = (f) => import(pathToFileURL(resolve(process.argv[2], f)).href);
const { defaultParams, startRun, advanceRun, closeRun } = await load('model/simulate.js');
const { branchRun } = await load('model/branching.js');
const { INCOME_BLOCKS } = await load('model/income.js');
const { SHOCK_MOTIVATION_BLOCKS } = await load('model/shocks-and-motivation.js');

const OPTIMIZED = 1 << 4; // %GetOptimizationStatus: the function has optimized code
const spec = (seed) => ({ params: defaultParams(), schedule: [], seed, scale: 0.002, endYear: 2016 });
const kernels = { income: INCOME_BLOCKS.run, shocksMotivation: SHOCK_MOTIVATION_BLOCKS.run };
const status = () => Object.fromEntries(Object.entries(kernels).map(([k, f]) => [k, (%GetOptimizationStatus(f) & OPTIMIZED) !== 0]));

// Two years first, so that every branch of the passes has type feedback, then V8 is told to optimize
// them (the probe runs with --no-concurrent-recompilation, so they are compiled at their next call).
const first = startRun(spec(1));
for (const f of Object.values(kernels)) %PrepareFunctionForOptimization(f);
advanceRun(first, 24);
for (const f of Object.values(kernels)) %OptimizeFunctionOnNextCall(f);
advanceRun(first, 25);
const before = status();
closeRun(first);
const second = startRun(spec(2));
const after = status();
// A branch of the second run (a copy of its world, as compare makes for each alternative), stepped a
// month: the passes meet a second world of the run.
advanceRun(second, 24);
for (const f of Object.values(kernels)) %OptimizeFunctionOnNextCall(f);
advanceRun(second, 25);
const branch = branchRun(second, second.spec);
advanceRun(branch, 26);
const afterBranch = status();
closeRun(second);
process.stdout.write(JSON.stringify({ before, after, afterBranch }) + '\n');
