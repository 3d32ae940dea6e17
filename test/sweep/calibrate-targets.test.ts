/**
 * The files `povsim calibrate` writes outside its output folder (--fitted / `output:`, --table /
 * `writeTable:`) are checked before the fit: the same rules for a flag as for the plan key, a file
 * not a folder, a folder that takes new files, none of the plan's inputs, and no file that povsim
 * did not write. Each refusal is exit 2 with the flag or key, a message and a hint, and nothing is
 * written (not even the output folder). After the fit both files are staged and renamed together.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrateCommand, type CalibrateArgs } from '../../src/cli/commands/calibrate.js';
import { calibratedModule, fittedScenarioYaml } from '../../src/experiment/sweep/calibration-output.js';
import { calibratedKeys } from '../../src/experiment/sweep/calibration-plan.js';
import { stageCalibrationFiles, writtenByCalibrate } from '../../src/node/calibration-files.js';
import { cli } from '../adversarial/helpers.js';
import { captureIO, planFolder, removeTempDirs, ROOT, writeFixture } from './helpers.js';

afterAll(removeTempDirs);

/** A one-parameter plan: fast (one evaluation at scale 0.0005), writes `fitted.yaml` by default. */
const SMALL = (extra = ''): string => `name: small-fit
base: base.yaml
fit:
  incomeLogSd: { min: 0.3, max: 1.0 }
replicates: 1
seed: 2
endYear: 2017
maxEvaluations: 1
${extra}`;

/** A plan fitting exactly the table's calibrated rows (so it may write the module). */
const TABLE = (extra = ''): string =>
  `name: table-fit\nbase: base.yaml\nfit:\n${calibratedKeys().map((k) => `  ${k}: {}`).join('\n')}\nreplicates: 1\nseed: 2\nendYear: 2017\nmaxEvaluations: 1\n${extra}`;

const calibrate = (plan: string, out: string, ...flags: string[]) => cli(['calibrate', plan, '--out', out, '--workers', '1', '--quiet', '--no-profile', ...flags]);

/** Exit 2, the message, a hint, no stack or errno text, and no output folder made (checked before the fit). */
function expectRefused(r: { code: number; err: string }, out: string, message: RegExp | string): void {
  expect(r.code, r.err).toBe(2);
  if (typeof message === 'string') expect(r.err).toContain(message);
  else expect(r.err).toMatch(message);
  expect(r.err).toContain('\n    hint: ');
  expect(r.err).not.toMatch(/\n\s+at |EISDIR|ENOENT|EACCES|povsim: /);
  expect(existsSync(out)).toBe(false);
}

describe('defect 1: --fitted follows the rule of output: (.yaml or .yml)', () => {
  it('--fitted x.txt is refused (exit 2), x.txt not written', async () => {
    const { dir, plan } = planFolder(SMALL());
    const out = join(dir, 'out');
    const r = await calibrate(plan, out, '--fitted', join(dir, 'x.txt'));
    expectRefused(r, out, '(command line): --fitted: cannot use this path for the fitted parameter file: it must end in .yaml or .yml');
    expect(r.err).toContain('hint: give a .yaml path (relative to the working folder), e.g. --fitted calibration/fitted.yaml');
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
    expect(existsSync(join(dir, 'fitted.yaml'))).toBe(false);
  });

  it('--table x.js is refused like writeTable: x.js', async () => {
    const { dir, plan } = planFolder(TABLE());
    const out = join(dir, 'out');
    const r = await calibrate(plan, out, '--table', join(dir, 'x.js'));
    expectRefused(r, out, '(command line): --table: cannot use this path for the calibrated-values module: it must end in .ts');
  });
});

describe('defect 2: an unwritable target is refused before the fit, in words', () => {
  it('--fitted DIR.yaml (a folder)', async () => {
    const { dir, plan } = planFolder(SMALL());
    mkdirSync(join(dir, 'DIR.yaml'));
    const out = join(dir, 'out');
    const r = await calibrate(plan, out, '--fitted', join(dir, 'DIR.yaml'));
    expectRefused(r, out, `--fitted: cannot write the fitted parameter file to ${join(dir, 'DIR.yaml')}: it is a folder, not a file`);
    expect(readdirSync(join(dir, 'DIR.yaml'))).toEqual([]);
  });

  it('a path ending in a slash names a folder', async () => {
    const { dir, plan } = planFolder(SMALL());
    const out = join(dir, 'out');
    const r = await calibrate(plan, out, '--fitted', `${join(dir, 'f.yaml')}/`);
    expectRefused(r, out, 'it is a folder, not a file');
  });

  it('--fitted /proc/x.yaml (a virtual file system)', async () => {
    const { dir, plan } = planFolder(SMALL());
    const out = join(dir, 'out');
    const r = await calibrate(plan, out, '--fitted', '/proc/x.yaml');
    expectRefused(r, out, '--fitted: cannot write the fitted parameter file to /proc/x.yaml: files cannot be created in /proc: is it a virtual file system such as /proc or /sys?');
    expect(r.err).toContain('hint: choose another --fitted path in a folder you can write to');
  });

  it('output: under a file (base.yaml/x.yaml), named at the plan key', async () => {
    const { dir, plan } = planFolder(SMALL('output: base.yaml/x.yaml\n'));
    const out = join(dir, 'out');
    const r = await calibrate(plan, out);
    expectRefused(r, out, `plan.yaml:9:9: output: cannot write the fitted parameter file to ${join(dir, 'base.yaml/x.yaml')}: ${join(dir, 'base.yaml')} is a file, not a folder`);
  });

  it('--table nodir/x.ts (a missing folder) and writeTable: nodir/x.ts', async () => {
    const { dir, plan } = planFolder(TABLE());
    const out = join(dir, 'out');
    const r = await calibrate(plan, out, '--table', join(dir, 'nodir/x.ts'));
    expectRefused(r, out, `--table: cannot write the calibrated-values module to ${join(dir, 'nodir/x.ts')}: the folder ${join(dir, 'nodir')} does not exist`);
    const { dir: d2, plan: p2 } = planFolder(TABLE('writeTable: nodir/x.ts\n'));
    const r2 = await calibrate(p2, join(d2, 'out'));
    expectRefused(r2, join(d2, 'out'), /plan\.yaml:\d+:13: writeTable: cannot write the calibrated-values module to .*nodir\/x\.ts: the folder .*nodir does not exist/);
    expect(existsSync(join(d2, 'fitted.yaml'))).toBe(false);
  });

  it('reports a problem of each target at once', async () => {
    const { dir, plan } = planFolder(TABLE());
    mkdirSync(join(dir, 'DIR.yaml'));
    const out = join(dir, 'out');
    const r = await calibrate(plan, out, '--fitted', join(dir, 'DIR.yaml'), '--table', join(dir, 'nodir/x.ts'));
    expectRefused(r, out, /--fitted: .*it is a folder, not a file\n.*\n\(command line\): --table: .*the folder .*nodir does not exist/);
  });
});

describe('defect 3: --table gets the checks of writeTable, and never overwrites a file povsim did not write', () => {
  it('--table with a plan that does not fit exactly the calibrated rows is refused', async () => {
    const { dir, plan } = planFolder(SMALL());
    const out = join(dir, 'out');
    const r = await calibrate(plan, out, '--table', join(dir, 'calibrated.ts'));
    expectRefused(r, out, /\(command line\): --table: --table rewrites the defaults of the table's calibrated rows \(.*\), but the plan fits incomeLogSd/);
    expect(existsSync(join(dir, 'calibrated.ts'))).toBe(false);
    expect(existsSync(join(dir, 'fitted.yaml'))).toBe(false);
  });

  it('--table precious.ts (an unrelated module) is refused, even with --force; the file is kept', async () => {
    const { dir, plan } = planFolder(TABLE());
    const precious = writeFixture(dir, 'precious.ts', 'export const precious = 1;\n');
    for (const force of [[], ['--force']]) {
      const out = join(dir, 'out');
      const r = await calibrate(plan, out, '--table', precious, ...force);
      expectRefused(r, out, `--table: ${precious} exists and is not a calibrated-values module written by povsim calibrate`);
      expect(r.err).toContain('(--force does not replace source files)');
    }
    const { dir: d2, plan: p2 } = planFolder(TABLE('writeTable: precious.ts\n'));
    writeFixture(d2, 'precious.ts', 'export const precious = 1;\n');
    expectRefused(await calibrate(p2, join(d2, 'out')), join(d2, 'out'), /plan\.yaml:\d+:13: writeTable: .*precious\.ts exists and is not a calibrated-values module/);
    expect(readFileSync(precious, 'utf8')).toBe('export const precious = 1;\n');
  });

  it('a module povsim wrote is replaced (exit 0)', async () => {
    const { dir, plan } = planFolder(TABLE());
    const module = join(dir, 'calibrated.ts');
    const first = await calibrate(plan, join(dir, 'o1'), '--table', module);
    expect(first.code, first.err).toBe(0);
    const second = await calibrate(plan, join(dir, 'o2'), '--table', module);
    expect(second.code, second.err).toBe(0);
    expect(readFileSync(module, 'utf8')).toMatch(/^\/\/ Written by `povsim calibrate /);
  });

  it('the writers\' headers are what the check recognises; the shipped module is recognised', () => {
    const base = { name: 'b', values: {}, schedule: [], replicates: 1, seed: 1, scale: 0.01, endYear: 2017 };
    const facts = { plan: 'some dir/p.yaml', planName: 'p', objective: 1, evaluations: 2, converged: true, base };
    expect(writtenByCalibrate('fitted', fittedScenarioYaml({ incomeLogSd: 0.5 }, facts))).toBe(true);
    expect(writtenByCalibrate('table', calibratedModule({ incomeLogSd: 0.5 }, facts))).toBe(true);
    expect(writtenByCalibrate('table', readFileSync(join(ROOT, 'src/model/calibrated.ts'), 'utf8'))).toBe(true);
    expect(writtenByCalibrate('table', fittedScenarioYaml({ incomeLogSd: 0.5 }, facts))).toBe(false);
    expect(writtenByCalibrate('fitted', 'name: mine\n# Written by `povsim calibrate p.yaml`; re-run it to refit (do not edit by hand).\n')).toBe(false);
    expect(writtenByCalibrate('table', 'export const precious = 1;\n')).toBe(false);
  });
});

describe('defect 4: the fitted file never overwrites an input, nor (without --force) a file povsim did not write', () => {
  it('output: pointing at the base scenario is refused, even with --force; the base is kept', async () => {
    const { dir } = planFolder('');
    const plan = writeFixture(dir, 'calibration/plan.yaml', SMALL('output: ../base.yaml\n').replace('base: base.yaml', 'base: ../base.yaml'));
    const before = readFileSync(join(dir, 'base.yaml'), 'utf8');
    for (const force of [[], ['--force']]) {
      const out = join(dir, 'out');
      const r = await calibrate(plan, out, ...force);
      expectRefused(r, out, /calibration\/plan\.yaml:9:9: output: cannot write the fitted parameter file to .*base\.yaml: it is the base scenario \(.*base\.yaml\), which this calibration reads/);
      expect(r.err).toContain('(--force does not override this)');
    }
    expect(readFileSync(join(dir, 'base.yaml'), 'utf8')).toBe(before);
  });

  it('the plan itself, a scenario the base extends, and a link to the base are refused', async () => {
    const { dir, plan } = planFolder(SMALL('output: plan.yaml\n').replace('base: base.yaml', 'base: child.yaml'));
    writeFixture(dir, 'child.yaml', 'name: child\nextends: base.yaml\n');
    const out = join(dir, 'out');
    expectRefused(await calibrate(plan, out, '--force'), out, /output: cannot write the fitted parameter file to .*plan\.yaml: it is the plan/);
    expectRefused(await calibrate(plan, out, '--force', '--fitted', join(dir, 'base.yaml')), out, /--fitted: .*: it is a scenario the base extends \(.*base\.yaml\)/);
    expectRefused(await calibrate(plan, out, '--force', '--fitted', join(dir, 'child.yaml')), out, /--fitted: .*: it is the base scenario/);
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(dir, 'base.yaml'), join(dir, 'link.yaml'));
    expectRefused(await calibrate(plan, out, '--force', '--fitted', join(dir, 'link.yaml')), out, /--fitted: .*link\.yaml: it is a scenario the base extends/);
    expect(readFileSync(plan, 'utf8')).toContain('output: plan.yaml');
  });

  it('an existing file povsim did not write needs --force; a fitted file povsim wrote is replaced', async () => {
    const { dir, plan } = planFolder(SMALL());
    const mine = writeFixture(dir, 'mine.yaml', 'name: mine\nlevers:\n  cadreEffort: 0.6\n');
    const out = join(dir, 'out');
    const r = await calibrate(plan, out, '--fitted', mine);
    expectRefused(r, out, `--fitted: ${mine} exists and is not a fitted parameter file written by povsim calibrate`);
    expect(r.err).toContain('hint: pass --force to replace it, or choose another --fitted path');
    expect(readFileSync(mine, 'utf8')).toBe('name: mine\nlevers:\n  cadreEffort: 0.6\n');
    const forced = await calibrate(plan, out, '--fitted', mine, '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(mine, 'utf8')).toMatch(/^# Written by `povsim calibrate /);
    // the plan's default fitted.yaml: first written, then replaced without --force
    expect((await calibrate(plan, join(dir, 'o1'))).code).toBe(0);
    const again = await calibrate(plan, join(dir, 'o2'));
    expect(again.code, again.err).toBe(0);
  });
});

describe('defect 5: the two files are staged, then renamed together', () => {
  it('when the module cannot be written after the fit, no fitted file is left and the folder is incomplete', async () => {
    const { dir, plan } = planFolder(TABLE('output: fitted.yaml\nwriteTable: model/calibrated.ts\n'));
    mkdirSync(join(dir, 'model'));
    const out = join(dir, 'out');
    const io = captureIO();
    // The module's folder disappears while the fit runs (after the up-front checks).
    const err = io.err;
    io.err = (t: string) => {
      if (t.startsWith('calibrate table-fit')) rmSync(join(dir, 'model'), { recursive: true });
      err(t);
    };
    const args: CalibrateArgs = { plan, out, workers: 1, quiet: false, json: false, force: false, profile: false };
    const failure: unknown = await calibrateCommand(args, io, new AbortController().signal).then(() => null, (e: unknown) => e);
    // No fitted.yaml (nor a temporary file) beside the plan, and no manifest: nothing looks complete.
    expect(readdirSync(dir).sort()).toEqual(['base.yaml', 'out', 'plan.yaml']);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    expect(String(failure)).toMatch(/cannot write the calibrated-values module .*model\/calibrated\.ts: .*; nothing was written outside the output folder/);
  });

  it('stageCalibrationFiles puts nothing in place before commit, and removes its temporary files', () => {
    const { dir } = planFolder('');
    const fitted = join(dir, 'f.yaml');
    const table = join(dir, 't.ts');
    const base = { name: 'b', values: {}, schedule: [], replicates: 1, seed: 1, scale: 0.01, endYear: 2017 };
    const facts = { plan: 'p.yaml', planName: 'p', objective: 1, evaluations: 2, converged: true, base };
    const staged = stageCalibrationFiles({ fitted: { path: fitted, text: fittedScenarioYaml({ incomeLogSd: 0.5 }, facts) }, table: { path: table, text: calibratedModule({ incomeLogSd: 0.5 }, facts) } });
    expect(existsSync(fitted) || existsSync(table)).toBe(false);
    staged.commit();
    staged.discard();
    expect(readdirSync(dir).sort()).toEqual(['base.yaml', 'f.yaml', 'plan.yaml', 't.ts']);
    writeFileSync(fitted, 'old\n');
    expect(() => stageCalibrationFiles({ fitted: { path: fitted, text: 'new: [\n' }, table: { path: table, text: '' } })).toThrow();
    expect(readFileSync(fitted, 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['base.yaml', 'f.yaml', 'plan.yaml', 't.ts']);
  });
});
