/**
 * `povsim sweep --emit slurm`: the emitted array-job and merge scripts produce exactly the
 * single-process result. Two levels:
 *   1. always: the scripts run under bash with SLURM_ARRAY_TASK_ID set by hand (no scheduler);
 *   2. as root, unless POVSIM_SKIP_SLURM=1: .ci/slurm-setup.sh starts a one-machine Slurm cluster,
 *      submit.sh --wait submits the array and the dependent merge job; the daemons are stopped after.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differingFiles, planFolder, removeTempDirs, ROOT, runPovsim, tinyPlan } from './helpers.js';

afterAll(removeTempDirs);

const SHARDS = 3;
const { dir: folder, plan } = planFolder(tinyPlan('{ kind: morris, trajectories: 3 }'));
const reference = join(folder, 'reference');

beforeAll(() => {
  const r = runPovsim(['sweep', plan, '--out', reference, '--workers', '1', '--quiet']);
  expect(r.status, r.stderr).toBe(0);
});

/** Emits the Slurm scripts for a fresh output directory and returns it. */
function emit(name: string): string {
  const out = join(folder, name);
  const r = runPovsim(['sweep', plan, '--emit', 'slurm', '--shards', String(SHARDS), '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain(`wrote ${out}/slurm/`);
  return out;
}

describe('emitted Slurm scripts', () => {
  it('declare an array of one shard per task and a merge of every shard', () => {
    const out = emit('emitted');
    const sweep = readFileSync(join(out, 'slurm', 'sweep.sbatch'), 'utf8');
    expect(sweep).toContain(`#SBATCH --array=0-${SHARDS - 1}`);
    expect(sweep).toContain(`--shard "$k/${SHARDS}" --out ${out}/shards/"$k"`);
    const merge = readFileSync(join(out, 'slurm', 'merge.sbatch'), 'utf8');
    for (let k = 0; k < SHARDS; k++) expect(merge).toContain(`${out}/shards/${k} \\`);
    expect(merge).toContain(`--out ${out}`);
    const submit = readFileSync(join(out, 'slurm', 'submit.sh'), 'utf8');
    expect(submit).toContain('--dependency=afterok:"$array"');
    const missing = runPovsim(['sweep', plan, '--emit', 'slurm', '--out', out]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--shards: --emit slurm needs --shards N');
  });

  it('run under bash, task by task, into the single-process result', () => {
    const out = emit('by-hand');
    for (let k = 0; k < SHARDS; k++) {
      const r = spawnSync('bash', [join(out, 'slurm', 'sweep.sbatch')], { encoding: 'utf8', env: { ...process.env, SLURM_ARRAY_TASK_ID: String(k) } });
      expect(r.status, r.stderr).toBe(0);
    }
    const m = spawnSync('bash', [join(out, 'slurm', 'merge.sbatch')], { encoding: 'utf8' });
    expect(m.status, m.stderr).toBe(0);
    expect(differingFiles(reference, out)).toEqual([]);
  });
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const skipReason = process.env.POVSIM_SKIP_SLURM === '1' ? 'POVSIM_SKIP_SLURM=1' : !isRoot ? 'not running as root' : '';
if (skipReason) console.warn(`slurm.test.ts: skipping the real Slurm cluster test (${skipReason})`);

describe.skipIf(skipReason !== '')(`a real one-machine Slurm cluster${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const setup = join(ROOT, '.ci', 'slurm-setup.sh');
  afterAll(() => {
    spawnSync('bash', [setup, 'stop'], { encoding: 'utf8' });
  });

  it('runs the array job and the dependent merge into the single-process result', () => {
    const s = spawnSync('bash', [setup, 'start'], { encoding: 'utf8', timeout: 240_000 });
    expect(s.status, `${s.stdout}\n${s.stderr}`).toBe(0);
    const out = emit('slurm');
    const r = spawnSync('bash', [join(out, 'slurm', 'submit.sh'), '--wait'], { encoding: 'utf8', timeout: 240_000 });
    const logs = (): string => spawnSync('bash', ['-c', `tail -n 20 ${out}/slurm/logs/*`], { encoding: 'utf8' }).stdout;
    expect(r.status, `${r.stdout}\n${r.stderr}\n${logs()}`).toBe(0);
    expect(r.stdout).toMatch(/submitted sweep array job \d+/);
    expect(existsSync(join(out, 'manifest.json')), logs()).toBe(true);
    expect(differingFiles(reference, out)).toEqual([]);
  }, 480_000);
});
