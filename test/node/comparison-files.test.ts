/**
 * What a comparison names is checked before anything runs: every file exists and is named once, and
 * report years the comparison file lists lie within the run (or are left out with a note).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const tmp = mkdtempSync(join(tmpdir(), 'povsim-comparison-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const scenario = (name: string, effort: number): string => `name: ${name}\nlevers:\n  cadreEffort: ${effort}\nrun:\n  scale: 0.0002\n  endYear: 2018\n`;
writeFileSync(join(tmp, 'base.yaml'), scenario('base', 0.5));
writeFileSync(join(tmp, 'more.yaml'), scenario('more', 0.8));
mkdirSync(join(tmp, 'plans'));
mkdirSync(join(tmp, 'folder.yaml'));

async function compare(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['compare', ...args], { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const plan = (name: string, body: string): string => {
  const file = join(tmp, 'plans', `${name}.yaml`);
  writeFileSync(file, `name: ${name}\nbaseline: ../base.yaml\n${body}`);
  return file;
};

describe('the files a comparison names', () => {
  it('a scenario named twice on the command line is refused, naming the second place', async () => {
    const base = join(tmp, 'base.yaml');
    const more = join(tmp, 'more.yaml');
    const r = await compare([base, more, more, '--out', join(tmp, 'o1')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`(command line): scenario 3: "${more}" is already compared as scenario 2`);
    expect(r.err).toContain('hint: name each scenario once');
    const self = await compare([base, base, '--out', join(tmp, 'o2')]);
    expect(self.code).toBe(2);
    expect(self.err).toContain(`scenario 2: "${base}" is already compared as baseline (the first file)`);
  });

  it('in a comparison file: a repeated alternative, a missing file and a folder name the file and key', async () => {
    const twice = await compare([plan('twice', 'alternatives: [../more.yaml, ../more.yaml]\n'), '--out', join(tmp, 'o3')]);
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/plans\/twice\.yaml:3:30: alternatives\[1\]: "\.\.\/more\.yaml" is already compared as alternatives\[0\]/);
    const missing = await compare([plan('missing', 'alternatives: [../nope.yaml, ../folder.yaml]\n'), '--out', join(tmp, 'o4')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/plans\/missing\.yaml:3:16: alternatives\[0\]: cannot read the scenario "\.\.\/nope\.yaml" \(.*nope\.yaml\): there is no such file/);
    expect(missing.err).toContain('hint: check the path (paths in a comparison file are relative to it)');
    expect(missing.err).toMatch(/plans\/missing\.yaml:3:30: alternatives\[1\]: cannot read the scenario "\.\.\/folder\.yaml" .*: it is a folder, not a scenario file/);
  });

  it('report years after the run: all of them is an error, some are left out with a note', async () => {
    const none = await compare([plan('late', 'alternatives: [../more.yaml]\nyears: [2020, 2025]\n'), '--out', join(tmp, 'o5')]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/plans\/late\.yaml:4:8: years: every report year \(2020, 2025\) is after the run's last year 2018/);
    expect(none.err).toContain('hint: run to 2020 or later (--end-year 2020), or list a year up to 2018 under years:');
    const some = await compare([plan('some', 'alternatives: [../more.yaml]\nyears: [2016, 2020]\n'), '--out', join(tmp, 'o6'), '--replicates', '2', '--draws', '0', '--workers', '1']);
    expect(some.code).toBe(0);
    expect(some.err).toMatch(/report year 2020 of .*plans\/some\.yaml left out: the run ends in 2018 \(--end-year 2020 reports it\)/);
    const effects = readFileSync(join(tmp, 'o6', 'effects.csv'), 'utf8');
    expect(effects).toContain(',2016,');
    expect(effects).not.toContain(',2020,');
  });
});
