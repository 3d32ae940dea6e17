/**
 * Crash safety: a child process running `povsim sweep` is killed with SIGKILL part-way; running the
 * same command again resumes without recomputing finished points, and the final directory is
 * byte-identical to an uninterrupted run. SIGTERM stops cleanly with exit code 130.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differingFiles, planFolder, povsimArgv, removeTempDirs, ROOT, runPovsim, tinyPlan } from './helpers.js';

afterAll(removeTempDirs);

/** Starts `povsim sweep` in a child; resolves with its exit code or signal. */
function startSweep(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const [cmd, ...pre] = povsimArgv();
  const child = spawn(cmd, [...pre, 'sweep', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** Finished journal files in a sweep directory. */
const journal = (dir: string): string[] => (existsSync(join(dir, 'points')) ? readdirSync(join(dir, 'points')).filter((f) => /^\d{6}\.csv$/.test(f)) : []);

/** Polls until `n` points are journaled (or the child exits). */
async function waitForPoints(dir: string, n: number, exited: () => boolean): Promise<void> {
  const t0 = Date.now();
  while (journal(dir).length < n && !exited() && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 25));
}

describe('povsim sweep after kill -9', () => {
  // 10 trajectories × 4 points, one replicate each, one worker: long enough to kill part-way
  const { dir: folder, plan } = planFolder(tinyPlan('{ kind: morris, trajectories: 10 }'));
  const flags = ['--replicates', '1', '--workers', '1', '--json'];

  it('resumes without recomputing finished points; the result equals an uninterrupted run', async () => {
    const reference = join(folder, 'reference');
    const ref = runPovsim(['sweep', plan, '--out', reference, ...flags]);
    expect(ref.status, ref.stderr).toBe(0);
    expect(JSON.parse(ref.stdout)).toMatchObject({ points: 40, computed: 40, complete: true });

    const out = join(folder, 'killed');
    let exited = false;
    const run = startSweep([plan, '--out', out, ...flags]);
    void run.done.then(() => (exited = true));
    await waitForPoints(out, 3, () => exited);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal, 'the sweep finished before it could be killed; make it longer').toBe('SIGKILL');
    const saved = journal(out).length;
    expect(saved).toBeGreaterThanOrEqual(3);
    expect(saved).toBeLessThan(40);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);

    const again = runPovsim(['sweep', plan, '--out', out, ...flags]);
    expect(again.status, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.resumed).toBeGreaterThanOrEqual(saved); // points finished between the listing and the kill count too
    expect(summary.resumed + summary.computed).toBe(40);
    expect(summary.computed).toBeLessThan(40);
    expect(differingFiles(reference, out)).toEqual([]);
  });

  it('stops on SIGTERM with exit code 130 and a hint to resume', async () => {
    const out = join(folder, 'terminated');
    let exited = false;
    const run = startSweep([plan, '--out', out, '--replicates', '1', '--workers', '1']);
    void run.done.then(() => (exited = true));
    await waitForPoints(out, 2, () => exited);
    run.child.kill('SIGTERM');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted; \d+ of 40 points are saved .*run the same command again to resume/);
    expect(readdirSync(join(out, 'points')).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('exits 2 with located diagnostics on a bad plan', () => {
    const { plan: bad } = planFolder('name: x\nbase: base.yaml\nvary: { cadreEfort: {} }\ndesign: { kind: grid }\n');
    const r = runPovsim(['sweep', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}:3:9: vary.cadreEfort: unknown parameter or lever "cadreEfort"`);
    expect(r.stderr).toContain('hint: did you mean "cadreEffort"?');
  });
});
