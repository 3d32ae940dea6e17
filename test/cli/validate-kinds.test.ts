/**
 * `povsim validate` checks each kind of input with its own parser: scenarios, comparison files (and
 * every scenario they name), sweep plans and calibration plans; problems come as file:line:column
 * with exit 2, never as a plan's keys reported as unknown scenario keys.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '../..');
const BASELINE = join(ROOT, 'scenarios/baseline.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'povsim-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
}

function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('povsim validate on every kind of input', () => {
  it('accepts the shipped comparison, sweep plan and calibration plan, naming each kind', async () => {
    const files = ['scenarios/comparisons/four-suggestions.yaml', 'scenarios/sweeps/assumptions-2020.yaml', 'scenarios/calibration/baseline-fit.yaml', 'scenarios/baseline.yaml'].map((f) => join(ROOT, f));
    const o = io();
    expect(await main(['validate', ...files], o.io)).toBe(0);
    expect(o.out).toEqual([`ok   ${files[0]} (comparison)`, `ok   ${files[1]} (sweep plan)`, `ok   ${files[2]} (calibration plan)`, `ok   ${files[3]}`]);
    expect(o.err).toEqual([]);
    const j = io();
    expect(await main(['validate', '--json', ...files], j.io)).toBe(0);
    expect(JSON.parse(j.out.join('')).map((r: { kind: string; ok: boolean }) => [r.kind, r.ok])).toEqual([['comparison', true], ['sweep-plan', true], ['calibration-plan', true], ['scenario', true]]);
  });

  it('reports a bad comparison file at its line and column, exit 2', async () => {
    const bad = file('bad-comparison.yaml', `name: c\nbaseline: ${BASELINE}\nalternatives: [${BASELINE}]\nyears: [2020, "soon"]\n`);
    const o = io();
    expect(await main(['validate', bad], o.io)).toBe(2);
    expect(o.err[0]).toBe(`FAIL ${bad}`);
    expect(o.err.join('\n')).toContain(`${bad}:4:15: years[1]:`);
    expect(o.err.join('\n')).not.toContain('unknown key');
  });

  it('reports a missing scenario named by a comparison file, relative to the comparison', async () => {
    const cmp = file('missing-alt.yaml', `name: c\nbaseline: ${BASELINE}\nalternatives: [no-such-scenario.yaml]\n`);
    const o = io();
    expect(await main(['validate', cmp], o.io)).toBe(2);
    expect(o.err.join('\n')).toContain('no-such-scenario.yaml');
  });

  it('reports sweep and calibration plan problems with their own messages', async () => {
    const sweep = file('bad-sweep.yaml', `name: s\nbase: ${BASELINE}\nvary: 3\n`);
    const cal = file('bad-fit.yaml', `name: f\nbase: ${BASELINE}\nfit: { noSuchKey: { min: 0, max: 1 } }\n`);
    const o = io();
    expect(await main(['validate', sweep, cal], o.io)).toBe(2);
    const text = o.err.join('\n');
    expect(text).toContain(`${sweep}:3:7: vary:`);
    expect(text).toContain(`${cal}:3:`);
    expect(text).toContain('noSuchKey');
    expect(text).not.toContain('unknown key "base"');
  });

  it('still checks a scenario with a stray plan key as a scenario', async () => {
    const s = file('stray.yaml', 'name: stray\nparameters: {}\nvary: 1\n');
    const o = io();
    expect(await main(['validate', s], o.io)).toBe(2);
    expect(o.err.join('\n')).toContain(`${s}:3:1: vary: unknown key "vary"`);
  });
});
