/**
 * The Slurm flags of `povsim sweep` and `povsim optimize` as a user meets them:
 *   - a newline in --time, --partition or --out cannot end an `#SBATCH` line and run the rest as a
 *     command (the real CLI, as a child process: exit 2, nothing written, nothing run);
 *   - --time takes exactly Slurm's six time formats, each written as its `#SBATCH --time=` line;
 *     --partition a name (or a comma list) of letters, digits, _, - and .;
 *   - the flags a mode would ignore are refused: the Slurm flags without --emit slurm, --shard (and
 *     --workers, --force) with it, --quantile when the objective is the mean;
 * each with exit code 2, `(command line): --flag: message` and a hint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, TINY_PLAN, writeTinyPlan } from './optimize-fixture.js';
import { BASE_YAML, tinyPlan } from '../sweep/helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-slurm-flags-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

writeFileSync(join(tmp, 'base.yaml'), BASE_YAML);
const sweepPlan = join(tmp, 'plan.yaml');
writeFileSync(sweepPlan, tinyPlan('{ kind: morris, trajectories: 2 }'));
const optimizePlan = writeTinyPlan(tmp);
const meanPlan = join(tmp, 'mean.yaml');
writeFileSync(meanPlan, TINY_PLAN.replace('objective: { year: 2020 }', 'objective: { year: 2020, robust: mean }'));

/** The compiled CLI (the test setup builds it). */
const POVSIM = [process.execPath, join(ROOT, 'bin/povsim.mjs')];

/** Runs the CLI in this process; returns the exit code and what it printed. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIO();
  const code = await main(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

let folders = 0;
/** A fresh output folder name (not created). */
const fresh = (): string => join(tmp, `out-${++folders}`);

describe('values that go into #SBATCH lines', () => {
  it('a newline in --time, --partition or --out is refused before anything is written or run', () => {
    const pwned = join(tmp, 'PWNED');
    const cases: [string[], RegExp][] = [
      [['sweep', sweepPlan, '--emit', 'slurm', '--shards', '2', '--time', `1:00:00\ntouch ${pwned} #`], /^\(command line\): --time: must be a Slurm time limit \(minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes or days-hours:minutes:seconds\), got "1:00:00\\ntouch .*PWNED #"\n\s+hint: e\.g\. --time 04:00:00/],
      [['sweep', sweepPlan, '--emit', 'slurm', '--shards', '2', '--partition', `main\ntouch ${pwned} #`], /^\(command line\): --partition: must be a Slurm partition name of letters, digits, _, - and \. \(several separated by commas\), got "main\\ntouch .*PWNED #"\n\s+hint: e\.g\. --partition main/],
      [['optimize', optimizePlan, '--emit', 'slurm', '--shards', '2', '--time', `1:00:00\ntouch ${pwned} #`], /^\(command line\): --time: must be a Slurm time limit .*, got "1:00:00\\ntouch .*PWNED #"\n\s+hint: /],
      [['optimize', optimizePlan, '--emit', 'slurm', '--shards', '2', '--partition', `main\ntouch ${pwned} #`], /^\(command line\): --partition: must be a Slurm partition name .*\n\s+hint: e\.g\. --partition main/],
    ];
    for (const [args, message] of cases) {
      const out = fresh();
      const r = spawnSync(POVSIM[0], [...POVSIM.slice(1), ...args, '--out', out], { cwd: tmp, encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out), `${out} was created`).toBe(false);
    }
    // an output folder whose name holds a newline would end the #SBATCH --output= line the same way
    const out = join(tmp, `o\ntouch ${pwned} #`);
    const r = spawnSync(POVSIM[0], [...POVSIM.slice(1), 'sweep', sweepPlan, '--emit', 'slurm', '--shards', '2', '--out', out], { cwd: tmp, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^\(command line\): --out: the job scripts name the output folder in an #SBATCH line, which sbatch reads without shell quoting, .*\(got ".*o\\ntouch .*PWNED #"\)\n\s+hint: choose a folder such as --out /);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(pwned)).toBe(false);
  });

  it('--time takes each of Slurm\'s formats and writes it as the #SBATCH --time= line; near misses are refused', async () => {
    const formats: [string, string][] = [
      ['90', 'minutes'],
      ['90:30', 'minutes:seconds'],
      ['04:00:00', 'hours:minutes:seconds'],
      ['2-12', 'days-hours'],
      ['2-12:30', 'days-hours:minutes'],
      ['2-12:30:15', 'days-hours:minutes:seconds'],
    ];
    for (const [time, form] of formats) {
      const out = fresh();
      const r = await cli(['sweep', sweepPlan, '--emit', 'slurm', '--shards', '2', '--time', time, '--out', out, '--quiet']);
      expect(r.code, `${form}: ${r.err}`).toBe(0);
      for (const script of ['sweep.sbatch', 'merge.sbatch']) {
        expect(readFileSync(join(out, 'slurm', script), 'utf8').split('\n'), `${form} in ${script}`).toContain(`#SBATCH --time=${time}`);
      }
    }
    const out = fresh();
    const o = await cli(['optimize', optimizePlan, '--emit', 'slurm', '--shards', '2', '--time', '1-00:00', '--partition', 'main,gpu.big', '--out', out, '--quiet']);
    expect(o.code, o.err).toBe(0);
    const job = readFileSync(join(out, 'slurm', 'optimize.sbatch'), 'utf8').split('\n');
    expect(job).toContain('#SBATCH --time=1-00:00');
    expect(job).toContain('#SBATCH --partition=main,gpu.big');
    for (const time of ['abc', '1:00:00:00', '1-2-3', '1-', ':30', '1.5', '10m', ' 10', '1:00:00;id', 'UNLIMITED']) {
      const bad = fresh();
      const r = await cli(['sweep', sweepPlan, '--emit', 'slurm', '--shards', '2', `--time=${time}`, '--out', bad]);
      expect(r.code, time).toBe(2);
      expect(r.err, time).toContain(`(command line): --time: must be a Slurm time limit (minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes or days-hours:minutes:seconds), got ${JSON.stringify(time)}\n    hint: e.g. --time 04:00:00 (four hours), --time 90 (minutes) or --time 2-12:00:00 (two and a half days)`);
      expect(existsSync(bad), time).toBe(false);
    }
  });

  it('--partition takes names of letters, digits, _, - and ., comma-separated; nothing else', async () => {
    for (const partition of ['a b', 'main;id', "main'", 'main,', ',main', 'main,,gpu', 'gpu$(id)', 'main#x', 'hé']) {
      const out = fresh();
      const r = await cli(['sweep', sweepPlan, '--emit', 'slurm', '--shards', '2', `--partition=${partition}`, '--out', out]);
      expect(r.code, partition).toBe(2);
      expect(r.err, partition).toContain(`(command line): --partition: must be a Slurm partition name of letters, digits, _, - and . (several separated by commas), got ${JSON.stringify(partition)}\n    hint: e.g. --partition main, or --partition main,gpu to let Slurm pick either`);
      expect(existsSync(out), partition).toBe(false);
    }
    const out = fresh();
    const r = await cli(['sweep', sweepPlan, '--emit', 'slurm', '--shards', '2', '--partition', 'main_1,gpu-a.100', '--out', out, '--quiet']);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(out, 'slurm', 'sweep.sbatch'), 'utf8').split('\n')).toContain('#SBATCH --partition=main_1,gpu-a.100');
  });

  it('an output folder sbatch cannot read as it is (a space, a quote) is refused', async () => {
    const out = join(tmp, 'my out');
    const r = await cli(['sweep', sweepPlan, '--emit', 'slurm', '--shards', '2', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`(command line): --out: the job scripts name the output folder in an #SBATCH line, which sbatch reads without shell quoting, so its absolute path may hold only ASCII letters, digits and _ - . / @ + = : , (got ${JSON.stringify(out)})\n    hint: choose a folder such as --out /shared/povsim/my-sweep`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('flags the mode would ignore', () => {
  it('sweep: each Slurm flag without --emit slurm is refused, and nothing runs', async () => {
    const cases: [string[], string][] = [
      [['--shards', '2'], '(command line): --shards: --shards goes with --emit slurm\n    hint: povsim sweep PLAN --emit slurm --shards 8 --out DIR writes an array job of 8 shards; --shard k/n runs shard k of n here'],
      [['--partition', 'x'], '(command line): --partition: --partition goes with --emit slurm\n    hint: povsim sweep PLAN --emit slurm --shards 8 --partition main --out DIR'],
      [['--time', '10'], '(command line): --time: --time goes with --emit slurm\n    hint: povsim sweep PLAN --emit slurm --shards 8 --time 04:00:00 --out DIR'],
      [['--cpus-per-task', '2'], '(command line): --cpus-per-task: --cpus-per-task goes with --emit slurm\n    hint: povsim sweep PLAN --emit slurm --shards 8 --cpus-per-task 4 --out DIR'],
    ];
    for (const [flags, message] of cases) {
      const out = fresh();
      const r = await cli(['sweep', sweepPlan, ...flags, '--out', out, '--workers', '1']);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.err, flags.join(' ')).toBe(message);
      expect(existsSync(out), flags.join(' ')).toBe(false);
    }
  });

  it('--emit slurm with --shard (or --workers, --force) is refused', async () => {
    const cases: [string[], string][] = [
      [['sweep', sweepPlan, '--shard', '0/2'], '(command line): --shard: --shard and --emit slurm do not go together: the emitted job runs every shard\n    hint: drop --shard; give the number of shards with --shards N'],
      [['sweep', sweepPlan, '--workers', '2'], '(command line): --workers: --workers does not go with --emit slurm: each array task runs --cpus-per-task worker threads\n    hint: e.g. --emit slurm --shards 8 --cpus-per-task 4'],
      [['sweep', sweepPlan, '--force'], '(command line): --force: --force does not go with --emit slurm: the emitted jobs replace no folder\n    hint: remove the --out folder by hand before submitting, or emit into a new --out'],
      [['optimize', optimizePlan, '--shard', '0/2'], '(command line): --shard: --shard and --emit slurm do not go together: the emitted job runs every shard\n    hint: drop --shard; give the number of shards with --shards N'],
      [['optimize', optimizePlan, '--workers', '2'], '(command line): --workers: --workers does not go with --emit slurm: each array task runs --cpus-per-task worker threads\n    hint: e.g. --emit slurm --shards 4 --cpus-per-task 4'],
    ];
    for (const [args, message] of cases) {
      const out = fresh();
      const r = await cli([...args, '--emit', 'slurm', '--shards', '2', '--out', out]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toBe(message);
      expect(existsSync(out), args.join(' ')).toBe(false);
    }
  });

  it('optimize: the --emit-only flags name a valid command line in their hint, and --cpus-per-task\'s range has one', async () => {
    const s = await cli(['optimize', optimizePlan, '--shards', '2', '--out', fresh()]);
    expect(s.code).toBe(2);
    expect(s.err).toBe('(command line): --shards: --shards goes with --emit slurm\n    hint: povsim optimize PLAN --emit slurm --shards 4 --out DIR writes an array job of 4 shards; --shard i/n --out DIR runs shard i of n here');
    const t = await cli(['optimize', optimizePlan, '--time', '10', '--out', fresh()]);
    expect(t.err).toBe('(command line): --time: --time goes with --emit slurm\n    hint: povsim optimize PLAN --emit slurm --shards 4 --time 04:00:00 --out DIR');
    const c = await cli(['sweep', sweepPlan, '--emit', 'slurm', '--shards', '2', '--cpus-per-task', '0', '--out', fresh()]);
    expect(c.code).toBe(2);
    expect(c.err).toBe('(command line): --cpus-per-task: must be a whole number from 1 to 256, got 0\n    hint: the worker threads of each shard, e.g. --cpus-per-task 4');
  });

  it('optimize: --quantile is refused when the objective is the mean (the plan\'s or --robust mean)', async () => {
    const fromPlan = fresh();
    const p = await cli(['optimize', meanPlan, '--quantile', '0.1', '--draws', '2', '--emit', 'slurm', '--shards', '2', '--out', fromPlan]);
    expect(p.code).toBe(2);
    expect(p.err).toBe(`(command line): --quantile: --quantile goes with a quantile objective, but the objective is the mean over the draws (objective: { robust: mean } in ${meanPlan})\n    hint: add --robust quantile (e.g. --robust quantile --quantile 0.1), or drop --quantile`);
    expect(existsSync(fromPlan)).toBe(false);
    const fromFlag = fresh();
    const f = await cli(['optimize', optimizePlan, '--robust', 'mean', '--quantile', '0.2', '--draws', '2', '--out', fromFlag]);
    expect(f.code).toBe(2);
    expect(f.err).toBe('(command line): --quantile: --quantile goes with a quantile objective, but the objective is the mean over the draws (--robust mean)\n    hint: add --robust quantile (e.g. --robust quantile --quantile 0.2), or drop --quantile');
    expect(existsSync(fromFlag)).toBe(false);
    // with --robust quantile, or a plan that names no robust form, --quantile is the objective's share
    for (const [plan, extra] of [[meanPlan, ['--robust', 'quantile']], [optimizePlan, []]] as const) {
      const out = fresh();
      const ok = await cli(['optimize', plan, ...extra, '--quantile', '0.1', '--draws', '2', '--emit', 'slurm', '--shards', '2', '--out', out, '--quiet']);
      expect(ok.code, ok.err).toBe(0);
      expect(readFileSync(join(out, 'slurm', 'optimize.sbatch'), 'utf8')).toContain('--quantile 0.1');
    }
  });
});
