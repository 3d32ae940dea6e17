/**
 * `povsim optimize` as a user meets it, at a tiny scale: every file written (manifest last), a rerun
 * byte-identical, an interrupted search (no manifest, part of the journal) resumed to byte-identical
 * files, the optimum's scenario file running exactly the runs the search ran, and bad plan keys and
 * flags rejected with file:line, key, hint and exit code 2.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, TINY_PLAN, writeTinyPlan } from './optimize-fixture.js';
import { scenarioTasks } from '../../src/experiment/run-scenario.js';
import { taskKey } from '../../src/node/optimize-files.js';
import { loadScenario } from '../../src/node/scenario-files.js';

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-optimize-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const io = captureIO;

const planFile = writeTinyPlan(tmp);
const FILES = ['report.html', 'split.csv', 'frontier.csv', 'versus-single.csv', 'best-across-draws.csv', 'evaluations.csv', 'cost-curves.csv', 'draws.csv', 'optimum.yaml', 'manifest.json', 'plan.json'];

const snapshot = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (!f.startsWith('.') && f !== 'journal') out[f] = readFileSync(join(dir, f), 'utf8');
  for (const f of readdirSync(join(dir, 'journal'))) out[`journal/${f}`] = readFileSync(join(dir, 'journal', f), 'utf8');
  return out;
};

describe('povsim optimize', () => {
  const a = join(tmp, 'a');
  it('writes every file, manifest last, and prints the split and the verdict', async () => {
    const r = io();
    expect(await main(['optimize', planFile, '--out', a, '--workers', '1'], r.io)).toBe(0);
    for (const f of FILES) expect(existsSync(join(a, f)), f).toBe(true);
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    expect(manifest.completed).toBe(true);
    expect(manifest.files).toContain('optimum.yaml');
    const text = r.out.join('\n');
    expect(text).toMatch(/best split: suggestion-1-industry \d+\.\d%, suggestion-3-culture \d+\.\d%/);
    expect(text).toMatch(/beat|is suggestion-/);
    expect(readFileSync(join(a, 'split.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 2 * 2);
    expect(readFileSync(join(a, 'report.html'), 'utf8')).toContain('Frontier');
  }, 120_000);

  it('the optimum\'s scenario file runs exactly the tasks the search ran, and povsim run accepts it', async () => {
    const s = loadScenario(join(a, 'optimum.yaml'));
    const spec = { name: s.name, values: s.values, schedule: s.schedule, ...s.run };
    const journal = new Set(readdirSync(join(a, 'journal')));
    for (const t of scenarioTasks(spec, false)) expect(journal.has(`${taskKey(t)}.json`)).toBe(true);
    expect(await main(['run', join(a, 'optimum.yaml'), '--out', join(tmp, 'run'), '--workers', '1', '--replicates', '1', '--quiet'], io().io)).toBe(0);
  }, 60_000);

  it('a rerun is byte-identical, and an interrupted search resumes to byte-identical files', async () => {
    const b = join(tmp, 'b');
    expect(await main(['optimize', planFile, '--out', b, '--workers', '1', '--quiet'], io().io)).toBe(0);
    const first = snapshot(a);
    expect(snapshot(b)).toEqual(first);
    // an interruption: no manifest, no outputs, half of the journal
    const c = join(tmp, 'c');
    cpSync(a, c, { recursive: true });
    for (const f of readdirSync(c)) if (f !== 'journal' && f !== 'plan.json' && f !== '.povsim-output') rmSync(join(c, f), { force: true });
    const runs = readdirSync(join(c, 'journal')).filter((f) => f !== 'code.json').sort();
    for (const f of runs.slice(0, Math.floor(runs.length / 2))) rmSync(join(c, 'journal', f));
    const r = io();
    expect(await main(['optimize', planFile, '--out', c, '--workers', '1'], r.io)).toBe(0);
    expect(r.err.join('\n')).toContain('resuming');
    expect(r.out.join('\n')).toMatch(/\d+ runs computed, [1-9]\d* from the journal/);
    expect(snapshot(c)).toEqual(first);
  }, 180_000);

  it('rejects bad plan keys and flags with file:line, key, hint and exit code 2', async () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, TINY_PLAN.replace('draws: 0', 'drawz: 0').replace('budget: 5e8', 'budget: -1'));
    const r = io();
    expect(await main(['optimize', bad, '--out', join(tmp, 'x')], r.io)).toBe(2);
    const e = r.err.join('\n');
    expect(e).toMatch(/bad\.yaml:\d+:\d+: budget: must be a positive number/);
    expect(e).toMatch(/bad\.yaml:\d+:\d+: drawz: unknown key "drawz"\n\s+hint: did you mean "draws"\?/);
    const f = io();
    expect(await main(['optimize', planFile, '--out', join(tmp, 'y'), '--robust', 'worst'], f.io)).toBe(2);
    expect(f.err.join('\n')).toMatch(/\(command line\): --robust: must be mean or quantile/);
    const v = io();
    expect(await main(['validate', planFile, join(ROOT, 'scenarios/optimize/four-suggestions.yaml')], v.io)).toBe(0);
    // a suggestion file that is missing, or a folder: the plan's line and key, not only the path
    const missing = join(tmp, 'missing.yaml');
    writeFileSync(missing, TINY_PLAN.replace(join(ROOT, 'scenarios/suggestion-3-culture.yaml'), 'nope.yaml').replace(join(ROOT, 'scenarios/suggestion-1-industry.yaml'), 'dir.yaml'));
    mkdirSync(join(tmp, 'dir.yaml'));
    const m = io();
    expect(await main(['optimize', missing, '--out', join(tmp, 'z')], m.io)).toBe(2);
    expect(m.err.join('\n')).toMatch(/missing\.yaml:4:5: suggestions\[0\]: cannot read the scenario "dir\.yaml" \(.*dir\.yaml\): not a regular file/);
    expect(m.err.join('\n')).toMatch(/missing\.yaml:5:5: suggestions\[1\]: cannot read the scenario "nope\.yaml" \(.*nope\.yaml\): file not found\n\s+hint: paths in an optimization plan are relative to the plan file/);
    expect(existsSync(join(tmp, 'z'))).toBe(false);
  }, 60_000);
});
