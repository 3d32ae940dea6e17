/**
 * Shared helpers of the sweep tests: temporary folders with a small base scenario, tiny plans,
 * a capturing CliIO, the povsim command for child processes, and byte-level directory comparison.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../src/cli/io.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const created: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs`. */
export function tempDir(prefix = 'povsim-sweep-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes the folders made by `tempDir` (call from `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes `content` to `dir/name` (creating sub-folders) and returns the path. */
export function writeFixture(dir: string, name: string, content: string): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** A base scenario of the tests' own (so the shipped baseline can change without breaking them). */
export const BASE_YAML = `name: test-base
description: a small base scenario for the sweep tests
parameters:
  followUpSupport: 0.4
run:
  endYear: 2015
  scale: 0.0005
  replicates: 1
  seed: 5
`;

/**
 * A tiny plan: three parameters (one integer, one on a log scale) at scale 0.0005 to 2015.
 * @param design the `design:` line's mapping, e.g. `{ kind: morris, trajectories: 3 }`
 */
export function tinyPlan(design: string, extra = ''): string {
  return `name: tiny
base: base.yaml
vary:
  cadreEffort: {}
  subsidyLevel: { low: 10000, high: 85000, log: true }
  dependencyMonths: {}
design: ${design}
replicates: 2
seed: 3
outputs: { metrics: [official_incidence, true_incidence, exits_total], years: [2014, 2015] }
${extra}`;
}

/** A folder holding base.yaml and plan.yaml; returns the plan's path. */
export function planFolder(planYaml: string, prefix?: string): { dir: string; plan: string } {
  const dir = tempDir(prefix);
  writeFixture(dir, 'base.yaml', BASE_YAML);
  return { dir, plan: writeFixture(dir, 'plan.yaml', planYaml) };
}

/** A CliIO that records what is printed. */
export function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, isTTY: false, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

/**
 * The povsim command for child processes: `bin/povsim.mjs` once src/cli/main.ts registers the
 * research commands, else the test entry (test/sweep/cli-entry.ts, run through tsx).
 */
export function povsimArgv(): string[] {
  const main = readFileSync(join(ROOT, 'src/cli/main.ts'), 'utf8');
  if (main.includes('registerSweepCommand')) return [process.execPath, join(ROOT, 'bin/povsim.mjs')];
  return [process.execPath, '--import', 'tsx', join(ROOT, 'test/sweep/cli-entry.ts')];
}

/** Runs povsim in a child process (cwd: the project root) and returns its result. */
export function runPovsim(args: readonly string[], timeoutMs = 120_000): SpawnSyncReturns<string> {
  const [cmd, ...pre] = povsimArgv();
  return spawnSync(cmd, [...pre, ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, NO_COLOR: '1' } });
}

/** The files a sweep writes in a directory, relative path → bytes (other folders are left out). */
export function sweepFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const rel = relative(dir, path);
      if (statSync(path).isDirectory()) {
        if (rel === 'points') walk(path);
      } else if (rel !== '.povsim-output') out.set(rel, readFileSync(path)); // the mark logs what was written, in the order written
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Names of the files that differ (or exist in one directory only) between two sweep directories. */
export function differingFiles(a: string, b: string): string[] {
  const fa = sweepFiles(a);
  const fb = sweepFiles(b);
  const names = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  return names.filter((n) => !fa.get(n) || !fb.get(n) || !fa.get(n)!.equals(fb.get(n)!));
}

export const PROVENANCE = { povsim: 'test', gitCommit: null };
