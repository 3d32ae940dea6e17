/**
 * Class 7 of issue 13: integrity of sweep folders. A corrupted journal line, a deleted or edited row of
 * results.csv, a manifest that no longer matches, points computed by other model code (at resume and at
 * merge) and a journal entry that is a folder all end in exit 2 with a clear message, or in the point
 * being computed again, never in silently changed indices.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_FILE, pointFilePath, RESULTS_FILE } from '../../src/node/sweep-files.js';
import { loadSweepPlan } from '../../src/node/sweep-plans.js';
import { runSweep } from '../../src/node/sweep-run.js';
import { cleanUp, cli, completeFolders, fixture, scratch } from './helpers.js';

afterAll(cleanUp);

const BASE = 'name: base\nlevers:\n  cadreEffort: 0.5\nrun:\n  endYear: 2015\n  scale: 0.0003\n  replicates: 1\n  seed: 5\n';
const PLAN = `name: integrity
base: base.yaml
vary:
  cadreEffort: {}
  subsidyLevel: {}
design: { kind: morris, trajectories: 2 }
replicates: 1
seed: 3
outputs: { metrics: [official_incidence, exits_total], years: [2014, 2015] }
`;
const PROVENANCE = { povsim: 'test', gitCommit: null };
let planFile: string;
let reference: string;

/** A fresh copy of the finished reference sweep. */
function copyOfReference(): string {
  const dir = join(scratch(), 'sweep');
  cpSync(reference, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  const dir = scratch();
  fixture(dir, 'base.yaml', BASE);
  planFile = fixture(dir, 'plan.yaml', PLAN);
  reference = join(dir, 'reference');
  await runSweep(loadSweepPlan(planFile), reference, { workers: 1, provenance: PROVENANCE });
});

describe('journal', () => {
  it('a garbage line in a point file is not a finished point: the point is computed again, results unchanged', async () => {
    const dir = copyOfReference();
    const before = readFileSync(join(dir, RESULTS_FILE), 'utf8');
    rmSync(join(dir, 'manifest.json'));
    rmSync(join(dir, RESULTS_FILE));
    const f = pointFilePath(dir, 1);
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^1,.*$/m, '1,garbage,,,'));
    const s = await runSweep(loadSweepPlan(planFile), dir, { workers: 1, provenance: PROVENANCE });
    expect(s).toMatchObject({ computed: 1, complete: true });
    expect(readFileSync(join(dir, RESULTS_FILE), 'utf8')).toBe(before);
  });

  it('a journal entry that is a folder is reported (exit 2), not EISDIR', async () => {
    const dir = copyOfReference();
    rmSync(join(dir, 'manifest.json'));
    rmSync(pointFilePath(dir, 2));
    mkdirSync(pointFilePath(dir, 2));
    const r = await cli(['sweep', planFile, '--out', dir, '--workers', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${pointFilePath(dir, 2)} should be a point file of the journal but is not a regular file`);
    expect(r.err).not.toContain('EISDIR');
    expect(completeFolders(dir)).toEqual([]);
  });
});

describe('results.csv and the manifest', () => {
  it('a deleted row of results.csv is refused by sensitivity (checksum), exit 2', async () => {
    const dir = copyOfReference();
    const lines = readFileSync(join(dir, RESULTS_FILE), 'utf8').split('\n');
    lines.splice(3, 1);
    writeFileSync(join(dir, RESULTS_FILE), lines.join('\n'));
    const r = await cli(['sensitivity', dir, '--bootstrap', '0', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${join(dir, RESULTS_FILE)} does not match the checksum in manifest.json`);
    expect(completeFolders(join(dir, 'sensitivity'))).toEqual([]);
  });

  it('an edited row with a matching manifest is still caught (one row per replicate)', async () => {
    const dir = copyOfReference();
    const path = join(dir, RESULTS_FILE);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.splice(3, 1);
    const text = lines.join('\n');
    writeFileSync(path, text);
    const { createHash } = await import('node:crypto');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.files[RESULTS_FILE] = createHash('sha256').update(text).digest('hex');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const r = await cli(['sensitivity', dir, '--bootstrap', '0', '--year', '2014', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/has 0 row\(s\) for point \d+ where the plan gives 1/);
  });

  it('an edited plan.json or points.csv no longer matches the manifest', async () => {
    const dir = copyOfReference();
    writeFileSync(join(dir, 'points.csv'), readFileSync(join(dir, 'points.csv'), 'utf8') + '\n');
    const r = await cli(['sensitivity', dir, '--bootstrap', '0', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('points.csv does not match the checksum in manifest.json');
  });
});

describe('model code fingerprint across processes', () => {
  it('resuming a sweep started by other model code is refused; --force starts afresh', async () => {
    const dir = copyOfReference();
    rmSync(join(dir, 'manifest.json'));
    rmSync(pointFilePath(dir, 0));
    writeFileSync(join(dir, CODE_FILE), JSON.stringify({ format: 'povsim-sweep-code/1', modelCode: 'f'.repeat(64) }) + '\n');
    const r = await cli(['sweep', planFile, '--out', dir, '--workers', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('was started by other model code (fingerprint ffffffffffff');
    expect(r.err).toContain('pass --force to start the sweep afresh');
    expect(completeFolders(dir)).toEqual([]);
    const forced = await cli(['sweep', planFile, '--out', dir, '--workers', '1', '--quiet', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, RESULTS_FILE))).toEqual(readFileSync(join(reference, RESULTS_FILE)));
  });

  it('merging shards made by different model code is refused', async () => {
    const a = copyOfReference();
    const b = copyOfReference();
    for (const d of [a, b]) rmSync(join(d, 'manifest.json')); // shards: unfinished folders
    writeFileSync(join(b, CODE_FILE), JSON.stringify({ format: 'povsim-sweep-code/1', modelCode: '0'.repeat(64) }) + '\n');
    const out = join(scratch(), 'merged');
    const r = await cli(['merge', a, b, '--out', out, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${a} and ${b} were computed by different model code`);
    expect(completeFolders(out)).toEqual([]);
    expect(existsSync(out)).toBe(false); // the refused merge leaves no empty folder behind
  });
});
