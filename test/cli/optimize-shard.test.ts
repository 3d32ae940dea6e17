/**
 * `povsim optimize --shard i/n` and `--emit slurm`, as a user meets them, at a tiny scale:
 *   - two shards sharing one folder, run at once in this process, write exactly the files (journal
 *     included) of an unsharded run; the other shard says shard 0 writes the outputs;
 *   - the emitted array job, its tasks run by bash as two concurrent child processes of the CLI,
 *     gives the same files; on a running Slurm cluster (POVSIM_SLURM=1, started by .ci/run) so does
 *     `submit.sh --wait` (skipped with the reason printed otherwise, failing under CI);
 *   - a shard of another plan or other model code is refused, a finished folder is left alone, a
 *     shard whose partner never runs gives up after --shard-timeout naming the run it waited for,
 *     and bad flags exit 2 naming the flag with a hint.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, writeTinyPlan } from './optimize-fixture.js';
import { shardOfKey } from '../../src/node/optimize-shard.js';
import { slurmTool } from '../helpers/external-tools.js';

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-optimize-shard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const io = captureIO;

const planFile = writeTinyPlan(tmp);

/**
 * Every file of an optimize folder but dotfiles (lock, mark) and the Slurm scripts, relative path →
 * text; the manifest's git commit is blanked (others commit to this tree while the tests run).
 */
const snapshot = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (!f.startsWith('.') && f !== 'journal' && f !== 'slurm') out[f] = readFileSync(join(dir, f), 'utf8').replace(/"gitCommit": "[0-9a-f]+"/, '"gitCommit": "…"');
  for (const f of readdirSync(join(dir, 'journal'))) out[`journal/${f}`] = readFileSync(join(dir, 'journal', f), 'utf8');
  return out;
};

const reference = join(tmp, 'reference');
let expected: Record<string, string>;
beforeAll(async () => {
  const r = io();
  expect(await main(['optimize', planFile, '--out', reference, '--workers', '1', '--quiet'], r.io), r.err.join('\n')).toBe(0);
  expected = snapshot(reference);
}, 120_000);

/** The CLI as a child process (the compiled build, which the test setup makes). */
const POVSIM = [process.execPath, join(ROOT, 'bin/povsim.mjs')];

describe('povsim optimize --shard', () => {
  it('two shards run at once write exactly the files of an unsharded run', async () => {
    const dir = join(tmp, 'two');
    const a = io();
    const b = io();
    const codes = await Promise.all([
      main(['optimize', planFile, '--shard', '0/2', '--out', dir, '--workers', '1'], a.io),
      main(['optimize', planFile, '--shard', '1/2', '--out', dir, '--workers', '1'], b.io),
    ]);
    expect(codes, `${a.err.join('\n')}\n${b.err.join('\n')}`).toEqual([0, 0]);
    expect(snapshot(dir)).toEqual(expected);
    // each shard computed its own runs only, and got the rest from the other
    const runs = Object.keys(expected).filter((k) => k.startsWith('journal/') && k !== 'journal/code.json');
    const mine = (i: number): number => runs.filter((k) => shardOfKey(k.slice('journal/'.length), 2) === i).length;
    expect(mine(0)).toBeGreaterThan(0);
    expect(mine(1)).toBeGreaterThan(0);
    // (a run of the other shard's counts as from the journal when it was there before this shard asked)
    expect(a.out.join('\n')).toMatch(new RegExp(`^${mine(0)} runs computed, \\d+ from the journal, [1-9]\\d* from other shards \\(shard 0/2\\)`, 'm'));
    expect(b.out.join('\n')).toMatch(new RegExp(`shard 1/2: search done; ${mine(1)} runs computed, \\d+ from the journal, \\d+ from other shards, .*shard 0 writes the outputs`));
    expect(a.out.join('\n')).toMatch(/best split: suggestion-1-industry/);
    expect(b.out.join('\n')).not.toMatch(/best split/);
    expect(a.err.join('\n') + b.err.join('\n')).toMatch(/waiting for \d+ runs? of other shards \(next: journal\/[0-9a-f]{64}\.json from shard [01]\/2\)/);
  }, 240_000);

  it('a finished folder is left alone; a shard of another plan or other model code is refused', async () => {
    const dir = join(tmp, 'two');
    const again = io();
    expect(await main(['optimize', planFile, '--shard', '1/2', '--out', dir], again.io)).toBe(0);
    expect(again.err.join('\n')).toContain('already holds this search, finished (manifest.json); nothing to do');
    expect(snapshot(dir)).toEqual(expected);

    const other = io();
    expect(await main(['optimize', planFile, '--shard', '1/2', '--out', dir, '--budget', '4e8'], other.io)).toBe(2);
    expect(other.err.join('\n')).toMatch(/--out: shard 1\/2: .* holds a search of a different plan \(plan\.json differs\)\n\s+hint: run every shard with the same plan file and the same flags/);

    const code = join(tmp, 'code');
    const first = io();
    expect(await main(['optimize', planFile, '--shard', '1/2', '--out', code, '--shard-timeout', '0.2'], first.io)).toBe(1);
    writeFileSync(join(code, 'journal', 'code.json'), JSON.stringify({ modelCode: 'other' }) + '\n');
    const changed = io();
    expect(await main(['optimize', planFile, '--shard', '0/2', '--out', code], changed.io)).toBe(2);
    expect(changed.err.join('\n')).toMatch(/--out: shard 0\/2: .* holds a search run by other model code \(journal\/code\.json differs\)\n\s+hint: run every shard with the same povsim build/);
  }, 120_000);

  it('a shard whose partner never runs gives up after --shard-timeout, naming the run and the shard', async () => {
    // Which shard owns which run follows from the runs' keys, which follow from the plan and the parameter
    // table, so the test does not assume which shard owns a run of the first batch: shard 1 alone first,
    // then shard 0 alone. Each must give up naming a run of the other; whichever owned runs of the batch
    // before it waited has journaled them, and only its own (with two shards, at least one of them did).
    let journaled = 0;
    for (const index of [1, 0]) {
      const other = 1 - index;
      const dir = join(tmp, `alone-${index}`);
      const r = io();
      expect(await main(['optimize', planFile, '--shard', `${index}/2`, '--out', dir, '--workers', '1', '--shard-timeout', '1'], r.io)).toBe(1);
      const e = r.err.join('\n');
      const m = new RegExp(`povsim: shard ${index}/2: waited 1 s for run journal/([0-9a-f]{64})\\.json of shard ${other}/2.* shard ${other}/2 may have failed or not started: check its log, rerun it`).exec(e);
      expect(m, e).not.toBeNull();
      expect(shardOfKey(m![1], 2)).toBe(other);
      expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
      const runs = readdirSync(join(dir, 'journal')).filter((f) => f !== 'code.json');
      for (const f of runs) expect(shardOfKey(f, 2)).toBe(index);
      journaled += runs.length;
    }
    expect(journaled).toBeGreaterThan(0);
  }, 180_000);

  it('rejects bad shard and emit flags naming the flag, with a hint and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--shard', '3/2', '--out', join(tmp, 'bad')], /\(command line\): --shard: --shard must be k\/n with whole numbers 0 ≤ k < n, got "3\/2"\n\s+hint: shards count from 0/],
      [['--shard', 'x', '--out', join(tmp, 'bad')], /--shard: --shard must be k\/n .* got "x"/],
      [['--shard', '0/2'], /--out: --shard needs --out DIR: the folder every shard shares\n\s+hint:/],
      [['--shard', '0/2', '--out', join(tmp, 'bad'), '--force'], /--force: --force with --shard would delete the journal other shards are writing\n\s+hint:/],
      [['--shard', '0/2', '--out', join(tmp, 'bad'), '--shard-timeout', '0'], /--shard-timeout: must be a number of seconds above 0, got 0\n\s+hint:/],
      [['--emit', 'other', '--out', join(tmp, 'bad')], /--emit: --emit must be slurm, got "other"\n\s+hint: povsim optimize --emit slurm --shards N/],
      [['--emit', 'slurm', '--out', join(tmp, 'bad')], /--shards: --emit slurm needs --shards N \(the number of array tasks\)\n\s+hint:/],
      [['--emit', 'slurm', '--shards', '0', '--out', join(tmp, 'bad')], /--shards: --shards must be a whole number from 1 to 1000, got 0\n\s+hint:/],
      [['--emit', 'slurm', '--shards', '2', '--cpus-per-task', '0', '--out', join(tmp, 'bad')], /--cpus-per-task: must be a whole number from 1 to 256, got 0/],
      [['--shards', '2', '--out', join(tmp, 'bad')], /--shards: --shards goes with --emit slurm\n\s+hint:/],
    ];
    for (const [flags, message] of cases) {
      const r = io();
      expect(await main(['optimize', planFile, ...flags], r.io), flags.join(' ')).toBe(2);
      expect(r.err.join('\n'), flags.join(' ')).toMatch(message);
    }
    expect(existsSync(join(tmp, 'bad', 'plan.json'))).toBe(false);
  });
});

/** Emits the Slurm scripts through the CLI's child process (so they run the compiled CLI) into a new folder. */
function emit(name: string): string {
  const out = join(tmp, name);
  const r = spawnSync(POVSIM[0], [...POVSIM.slice(1), 'optimize', planFile, '--emit', 'slurm', '--shards', '2', '--out', out, '--shard-timeout', '600'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain(`wrote ${out}/slurm/ (optimize.sbatch: array of 2 shards sharing ${out}/; submit.sh)`);
  return out;
}

/** Runs a command to its end without blocking the event loop; resolves with its exit code and output. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    p.stdout.on('data', (d) => (text += d));
    p.stderr.on('data', (d) => (text += d));
    p.on('close', (code) => resolve({ code, text }));
  });
}

describe('povsim optimize --emit slurm', () => {
  it('writes an array job of one shard per task sharing the folder', () => {
    const out = emit('emitted');
    const job = readFileSync(join(out, 'slurm', 'optimize.sbatch'), 'utf8');
    expect(job).toContain('#SBATCH --array=0-1');
    expect(job).toContain(`optimize ${planFile} --shard "$k/2" --out ${out} \\`);
    expect(job).toContain('--quiet --shard-timeout 600');
    expect(readFileSync(join(out, 'slurm', 'submit.sh'), 'utf8')).toContain('sbatch --parsable "$@" "$here/optimize.sbatch"');
  });

  it('its two tasks, run by bash as concurrent child processes, give the unsharded files', async () => {
    const out = emit('by-hand');
    const tasks = await Promise.all([0, 1].map((k) => run('bash', [join(out, 'slurm', 'optimize.sbatch')], { ...process.env, SLURM_ARRAY_TASK_ID: String(k) })));
    for (const t of tasks) expect(t.code, t.text).toBe(0);
    expect(tasks[1].text).toBe(''); // --quiet, and shard 0 writes the outputs
    expect(snapshot(out)).toEqual(expected);
  }, 240_000);
});

const slurm = slurmTool('optimize-shard.test.ts (optimize array job on a real Slurm cluster)');

describe.skipIf(slurm.skip)(`a running Slurm cluster${slurm.label}`, () => {
  it('runs the 2-shard array job into the unsharded files', () => {
    slurm.require();
    const out = emit('slurm');
    const r = spawnSync('bash', [join(out, 'slurm', 'submit.sh'), '--wait'], { encoding: 'utf8', timeout: 280_000 });
    const logs = (): string => spawnSync('bash', ['-c', `tail -n 20 ${out}/slurm/logs/*`], { encoding: 'utf8' }).stdout;
    expect(r.status, `${r.stdout}\n${r.stderr}\n${logs()}`).toBe(0);
    expect(r.stdout).toMatch(/submitted optimize array job \d+/);
    expect(existsSync(join(out, 'manifest.json')), logs()).toBe(true);
    expect(snapshot(out)).toEqual(expected);
  }, 300_000);
});
