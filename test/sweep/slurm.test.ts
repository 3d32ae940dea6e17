/**
 * `povsim sweep --emit slurm`: the emitted array-job and merge scripts produce exactly the
 * single-process result. Two levels:
 *   1. always: the scripts run under bash with SLURM_ARRAY_TASK_ID set by hand (no scheduler);
 *   2. on a running Slurm cluster, declared with POVSIM_SLURM=1 (.ci/run starts a one-machine cluster
 *      with .ci/slurm-setup.sh before the tests): submit.sh --wait submits the array and the dependent
 *      merge job. Without it this level skips with the reason printed, and fails under CI
 *      (test/helpers/external-tools.ts). The test starts and stops nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slurmTool } from '../helpers/external-tools.js';
import { differingFiles, planFolder, removeTempDirs, runPovsim, tinyPlan } from './helpers.js';

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

const slurm = slurmTool('slurm.test.ts (array job on a real Slurm cluster)');

describe.skipIf(slurm.skip)(`a running Slurm cluster${slurm.label}`, () => {
  it('runs the array job and the dependent merge into the single-process result', () => {
    slurm.require();
    const out = emit('slurm');
    const r = spawnSync('bash', [join(out, 'slurm', 'submit.sh'), '--wait'], { encoding: 'utf8', timeout: 240_000 });
    const logs = (): string => spawnSync('bash', ['-c', `tail -n 20 ${out}/slurm/logs/*`], { encoding: 'utf8' }).stdout;
    expect(r.status, `${r.stdout}\n${r.stderr}\n${logs()}`).toBe(0);
    expect(r.stdout).toMatch(/submitted sweep array job \d+/);
    expect(existsSync(join(out, 'manifest.json')), logs()).toBe(true);
    expect(differingFiles(reference, out)).toEqual([]);
  }, 300_000);
});
