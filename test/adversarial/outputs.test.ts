/**
 * Classes 2, 3, 4 and 6 of issue 13: names used as paths, flags that could silently change meaning,
 * two writers into one folder, and --force leaving stale files. Each case asserts the exit code, the
 * message, that nothing was written outside the output folder and that no folder claims completeness.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimOutputFolder, LOCK_FILE, causeOf, releaseOutputFolders } from '../../src/node/output-folder.js';
import { cleanUp, cli, cliChild, completeFolders, fixture, scratch } from './helpers.js';

afterAll(cleanUp);

const TINY = '  scale: 0.0002\n  replicates: 1\n  endYear: 2014\n';
/** A small valid scenario (no extends: the model's own scenarios change under this suite). */
const scenario = (name: string): string => `name: ${JSON.stringify(name)}\nlevers:\n  cadreEffort: 0.5\nrun:\n${TINY}`;

describe('class 2: the scenario name is never a path', () => {
  for (const name of ['../../../../tmp/x', '..', '.', '...', 'a/b', 'a\\\\b', ' padded ']) {
    it(`name ${JSON.stringify(name)} is refused by validate and run (exit 2), nothing written`, async () => {
      const dir = scratch();
      const file = fixture(dir, 'named.yaml', scenario(name));
      const v = await cli(['validate', file]);
      expect(v.code).toBe(2);
      expect(v.out + v.err).toMatch(/named\.yaml:1:7: name: name .* cannot be used as the output folder name/);
      // run without --out, from inside the scratch folder: the default out/<name>/ must not be made
      const r = cliChild(['run', file, '--workers', '1', '--quiet', '--force'], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain('cannot be used as the output folder name');
      expect(r.err).toContain('hint: ');
      expect(readdirSync(dir)).toEqual(['named.yaml']);
      expect(completeFolders(dir)).toEqual([]);
    });
  }

  it('a sweep plan name is checked the same way', async () => {
    const dir = scratch();
    fixture(dir, 'base.yaml', scenario('base'));
    const plan = fixture(dir, 'plan.yaml', 'name: ../escape\nbase: base.yaml\nvary:\n  cadreEffort: [0.3, 0.7]\ndesign: { kind: grid, levels: 2 }\n');
    const r = await cli(['sweep', plan, '--workers', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/plan\.yaml:1:7: name: name "..\/escape" cannot be used as the output folder name/);
    expect(completeFolders(dir)).toEqual([]);
  });
});

describe('class 3: flags mean what they say', () => {
  const cases: [string, string[], RegExp][] = [
    ['a repeated value flag', ['--replicates', '5', '--replicates', '1'], /--replicates: given 2 times \("5", "1"\)/],
    ['a repeated seed', ['--seed', '41', '--seed', '1'], /--seed: given 2 times \("41", "1"\)/],
    ['a repeated --out', ['--out', 'a', '--out', 'b'], /--out: given 2 times/],
    ['a repeated boolean', ['--quiet', '--quiet'], /--quiet: given 2 times/],
    ['flags after --', ['--', '--seed', '3'], /--: arguments after `--` would be ignored: --seed 3/],
    ['--seed=', ['--seed='], /--seed: needs a value, got an empty one/],
    ['--out ""', ['--out', ''], /--out: needs a value, got an empty one/],
    ['--seed at the end', ['--seed'], /--seed: needs a value/],
    ['--seed before another flag', ['--seed', '--quiet'], /--seed: needs a value/],
    ['--out at the end', ['--out'], /--out: needs a value/],
    ['--seed abc', ['--seed', 'abc'], /--seed: needs a number, got "abc"/],
    ['--replicates 1x', ['--replicates', '1x'], /--replicates: needs a number, got "1x"/],
    ['--force=yes', ['--force=yes'], /--force: is a switch, got the value "yes"/],
    ['a lone -', ['-'], /-: reading a file from standard input is not supported/],
    ['a value starting with -', ['--out', '-1/2'], /--out: the value "-1\/2" starts with - and would be read as flags\n\s+hint: write --out=-1\/2/],
    ['a negative number yargs would not read as one', ['--seed', '-1e3'], /--seed: the value "-1e3" starts with - and would be read as flags/],
  ];
  for (const [what, flags, message] of cases) {
    it(`${what}: exit 2 with a clear message, nothing written`, async () => {
      const dir = scratch();
      const file = fixture(dir, 's.yaml', scenario('flags'));
      const r = cliChild(['run', file, '--workers', '1', ...flags], dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).toContain('hint: ');
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(readdirSync(dir)).toEqual(['s.yaml']);
    });
  }

  it('calibrate ... -- --fitted F does not write the plan\'s own fitted file', async () => {
    const dir = scratch();
    const r = cliChild(['calibrate', 'scenarios/calibration/baseline-fit.yaml', '--out', join(dir, 'o'), '--', '--fitted', join(dir, 'f.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('arguments after `--` would be ignored: --fitted');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('every command refuses repeated flags (sweep, merge, sensitivity, validate, compare)', async () => {
    for (const args of [
      ['sweep', 'p.yaml', '--shard', '0/2', '--shard', '1/2'],
      ['merge', 'a', '--out', 'x', '--out', 'y'],
      ['sensitivity', 'd', '--metric', 'a', '--metric', 'b'],
      ['validate', 'x.yaml', '--json', '--json'],
      ['compare', '--budget', '1', '--budget', '2'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/given 2 times/);
    }
  });
});

describe('class 4: one writer per output folder', () => {
  it('a second writer exits 2 naming the holder; the first keeps its output', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    mkdirSync(out);
    // a live holder: this test process, as another povsim would leave it
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), command: 'run', started: '2026-01-01T00:00:00Z' }));
    const file = fixture(dir, 's.yaml', scenario('second'));
    const r = cliChild(['run', file, '--out', out, '--workers', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`the output directory ${out} is in use by povsim process ${process.pid} on ${hostname()} (\`run\`, started 2026-01-01T00:00:00Z)`);
    expect(r.err).toContain('hint: wait for it to finish or choose another --out');
    expect(readdirSync(out)).toEqual([LOCK_FILE]);
  });

  it('two runs started together into one folder: one completes, the other exits 2; nothing is lost or mixed', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    const file = fixture(dir, 's.yaml', scenario('race'));
    const { spawn } = await import('node:child_process');
    const { BIN, ROOT } = await import('./helpers.js');
    const start = () =>
      new Promise<{ code: number; err: string }>((resolve) => {
        const c = spawn(process.execPath, [BIN, 'run', file, '--out', out, '--workers', '1', '--quiet'], { cwd: ROOT });
        let err = '';
        c.stderr.on('data', (b: Buffer) => (err += b.toString()));
        c.on('exit', (code) => resolve({ code: code ?? -1, err }));
      });
    const [a, b] = await Promise.all([start(), start()]);
    const codes = [a.code, b.code].sort();
    // either the second saw the lock (2) or the earlier run's files (2); never two successes
    expect(codes).toEqual([0, 2]);
    const loser = a.code === 2 ? a : b;
    expect(loser.err).toMatch(/is in use by (povsim process \d+|another povsim process)|already holds files from an earlier run/);
    expect(completeFolders(dir)).toEqual([out]);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it('a lock left by a killed process is taken over', () => {
    const dir = scratch();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), command: 'run', started: 'x' }));
    expect(claimOutputFolder(out, false, 'test')).toBe('new');
    releaseOutputFolders();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });
});

describe('class 6: --force replaces the earlier output whole', () => {
  it('stale files and folders of an earlier run are gone after --force', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    const file = fixture(dir, 's.yaml', scenario('force'));
    expect((await cli(['run', file, '--out', out, '--workers', '1', '--quiet'])).code).toBe(0);
    mkdirSync(join(out, 'journal'));
    writeFileSync(join(out, 'journal', 'old.csv'), 'old');
    writeFileSync(join(out, 'report.html'), 'old report');
    appendFileSync(join(out, '.povsim-output'), 'journal\nreport.html\n'); // as the earlier povsim command that wrote them recorded them
    const again = await cli(['run', file, '--out', out, '--workers', '1', '--quiet']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already holds files from an earlier run');
    expect((await cli(['run', file, '--out', out, '--workers', '1', '--quiet', '--force'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.povsim-output', 'manifest.json', 'monthly.csv', 'summary.json', 'yearly.csv']);
  });

  it('--force never deletes a folder of other files (a mistyped --out)', async () => {
    const dir = scratch();
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.tex'), 'precious');
    const file = fixture(dir, 's.yaml', scenario('careful'));
    const r = await cli(['run', file, '--out', out, '--workers', '1', '--quiet', '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('holds files that are not povsim output; --force replaces only an earlier povsim output folder');
    expect(readdirSync(out)).toEqual(['thesis.tex']);
  });
});

describe('--force deletes only what povsim wrote', () => {
  it('a manifest.json alone does not make a folder povsim output', async () => {
    const dir = scratch();
    const out = join(dir, 'webapp');
    mkdirSync(join(out, 'src'), { recursive: true });
    writeFileSync(join(out, 'manifest.json'), '{"name":"webapp"}');
    writeFileSync(join(out, 'src', 'index.js'), 'code');
    const file = fixture(dir, 's.yaml', scenario('webapp'));
    const r = await cli(['run', file, '--out', out, '--workers', '1', '--quiet', '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('holds files that are not povsim output; --force replaces only an earlier povsim output folder');
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'src']);
    expect(readdirSync(join(out, 'src'))).toEqual(['index.js']);
  });

  it('a user\'s files added to a povsim output folder stop --force, and are named', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    const file = fixture(dir, 's.yaml', scenario('notes'));
    expect((await cli(['run', file, '--out', out, '--workers', '1', '--quiet'])).code).toBe(0);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    mkdirSync(join(out, 'mydata'));
    writeFileSync(join(out, 'mydata', 'survey.csv'), 'mine');
    const r = await cli(['run', file, '--out', out, '--workers', '1', '--quiet', '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds files povsim does not write \((mydata, notes\.txt|notes\.txt, mydata)\); --force replaces only povsim's own output/);
    expect(r.err).toContain('hint: move those files elsewhere, or choose another --out');
    expect(readdirSync(out).sort()).toEqual(['.povsim-output', 'manifest.json', 'monthly.csv', 'mydata', 'notes.txt', 'summary.json', 'yearly.csv']);
  });

  it('the mark lists what povsim wrote: a user\'s .md, .csv or the scenario itself stop --force; the desktop\'s .DS_Store does not', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    const first = fixture(dir, 's.yaml', scenario('listed'));
    expect((await cli(['run', first, '--out', out, '--workers', '1', '--quiet'])).code).toBe(0);
    expect(readFileSync(join(out, '.povsim-output'), 'utf8')).toBe('povsim output folder (run)\nwritten:\nyearly.csv\nmonthly.csv\nsummary.json\nmanifest.json\n');
    writeFileSync(join(out, '.DS_Store'), 'finder');
    expect((await cli(['run', first, '--out', out, '--workers', '1', '--quiet', '--force'])).code).toBe(0);
    writeFileSync(join(out, 'notes.md'), 'mine');
    writeFileSync(join(out, 'my-analysis.csv'), 'mine');
    const inside = fixture(out, 'my-scenario.yaml', scenario('inside'));
    const r = await cli(['run', inside, '--out', out, '--workers', '1', '--quiet', '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds files povsim does not write \((?=.*notes\.md)(?=.*my-analysis\.csv)(?=.*my-scenario\.yaml).*\)/);
    expect(readdirSync(out).sort()).toEqual(['.povsim-output', 'manifest.json', 'monthly.csv', 'my-analysis.csv', 'my-scenario.yaml', 'notes.md', 'summary.json', 'yearly.csv']);
  });

  it('an earlier povsim\'s mark (no list): --force judges by the kinds of file povsim writes', async () => {
    const dir = scratch();
    const out = join(dir, 'old');
    mkdirSync(join(out, 'journal'), { recursive: true });
    writeFileSync(join(out, '.povsim-output'), 'povsim output folder (run)\n');
    for (const f of ['manifest.json', 'yearly.csv', 'report.html']) writeFileSync(join(out, f), 'old');
    writeFileSync(join(out, 'journal', 'x.json'), 'old');
    const file = fixture(dir, 's.yaml', scenario('old'));
    expect((await cli(['run', file, '--out', out, '--workers', '1', '--quiet', '--force'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.povsim-output', 'manifest.json', 'monthly.csv', 'summary.json', 'yearly.csv']);
  });

  it('sweep and merge: a folder of other files is refused with and without --force; a povsim folder with a user\'s folder is refused with --force', async () => {
    const dir = scratch();
    fixture(dir, 'base.yaml', scenario('base'));
    const plan = fixture(dir, 'plan.yaml', 'name: owned\nbase: base.yaml\nvary:\n  cadreEffort: {}\ndesign: { kind: morris, trajectories: 2 }\nreplicates: 1\n');
    const user = join(dir, 'user');
    mkdirSync(join(user, 'thesis'), { recursive: true });
    writeFileSync(join(user, 'results.csv'), 'x');
    writeFileSync(join(user, 'thesis', 'ch1.tex'), 'precious');
    for (const force of [[], ['--force']]) {
      const r = await cli(['sweep', plan, '--out', user, '--workers', '1', '--quiet', ...force]);
      expect(r.code, force.join()).toBe(2);
      expect(r.err).toContain(`output directory ${user} holds files that are not povsim output`);
    }
    expect(readdirSync(user).sort()).toEqual(['results.csv', 'thesis']);
    const done = join(dir, 'done');
    expect((await cli(['sweep', plan, '--out', done, '--workers', '1', '--quiet'])).code).toBe(0);
    expect(existsSync(join(done, '.povsim-output'))).toBe(true);
    const keep = join(dir, 'keep');
    mkdirSync(keep);
    writeFileSync(join(keep, 'keep.txt'), 'keep');
    const m = await cli(['merge', done, '--out', keep, '--quiet']);
    expect(m.code).toBe(2);
    expect(m.err).toContain('holds files that are not povsim output');
    expect(readdirSync(keep)).toEqual(['keep.txt']);
    mkdirSync(join(done, 'thesis'));
    writeFileSync(join(done, 'thesis', 'ch1.tex'), 'precious'); // an empty folder would be no one's loss
    const other = fixture(dir, 'other.yaml', 'name: other\nbase: base.yaml\nvary:\n  subsidyLevel: {}\ndesign: { kind: morris, trajectories: 2 }\nreplicates: 1\n');
    const f = await cli(['sweep', other, '--out', done, '--workers', '1', '--quiet', '--force']);
    expect(f.code).toBe(2);
    expect(f.err).toContain('holds files povsim does not write (thesis)');
    expect(existsSync(join(done, 'results.csv'))).toBe(true);
  });
});

describe('--force across commands, and job folders', () => {
  const plan = (dir: string, name: string, key: string): string =>
    fixture(dir, `${name}.yaml`, `name: ${name}\nbase: base.yaml\nvary:\n  ${key}: {}\ndesign: { kind: morris, trajectories: 2 }\nreplicates: 1\n`);

  it('a sweep replaces another command\'s output with --force, and is refused without it', async () => {
    const dir = scratch();
    fixture(dir, 'base.yaml', scenario('base'));
    const out = join(dir, 'run');
    expect((await cli(['run', join(dir, 'base.yaml'), '--out', out, '--workers', '1', '--quiet'])).code).toBe(0);
    const p = plan(dir, 'sw', 'cadreEffort');
    const no = await cli(['sweep', p, '--out', out, '--workers', '1', '--quiet']);
    expect(no.code).toBe(2);
    expect(no.err).toContain(`output directory ${out} holds the output of another command`);
    expect((await cli(['sweep', p, '--out', out, '--workers', '1', '--quiet', '--force'])).code).toBe(0);
    expect(existsSync(join(out, 'results.csv'))).toBe(true);
    expect(existsSync(join(out, 'yearly.csv'))).toBe(false);
  });

  it('a sweep begun by other model code is restarted with --force only when nothing of the user\'s is in it', async () => {
    const dir = scratch();
    fixture(dir, 'base.yaml', scenario('base'));
    const p = plan(dir, 'code', 'cadreEffort');
    const out = join(dir, 'sw');
    expect((await cli(['sweep', p, '--out', out, '--workers', '1', '--quiet'])).code).toBe(0);
    rmSync(join(out, 'manifest.json'));
    writeFileSync(join(out, 'code.json'), JSON.stringify({ format: 'povsim-sweep-code/1', modelCode: '0'.repeat(64) }) + '\n');
    mkdirSync(join(out, 'mydata'));
    writeFileSync(join(out, 'mydata', 'a.dat'), 'mine');
    const r = await cli(['sweep', p, '--out', out, '--workers', '1', '--quiet', '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('holds files povsim does not write (mydata)');
    expect(readdirSync(join(out, 'mydata'))).toEqual(['a.dat']);
  });

  it('a job folder takes a new job for the same plan only', async () => {
    const dir = scratch();
    fixture(dir, 'base.yaml', scenario('base'));
    const a = plan(dir, 'plan-a', 'cadreEffort');
    const b = plan(dir, 'plan-b', 'subsidyLevel');
    const out = join(dir, 'job');
    expect((await cli(['sweep', a, '--emit', 'slurm', '--shards', '2', '--out', out, '--quiet'])).code).toBe(0);
    expect((await cli(['sweep', a, '--emit', 'slurm', '--shards', '3', '--out', out, '--quiet'])).code).toBe(0);
    const other = await cli(['sweep', b, '--emit', 'slurm', '--shards', '2', '--out', out, '--quiet']);
    expect(other.code).toBe(2);
    expect(other.err).toContain(`output directory ${out} holds the Slurm job of another plan (${a})`);
    expect(readFileSync(join(out, 'slurm', 'sweep.sbatch'), 'utf8')).toContain('--array=0-2');
  });

  it('optimize --emit slurm refuses a run\'s output folder; a path through a file is exit 2 for both emitters', async () => {
    const dir = scratch();
    fixture(dir, 'base.yaml', scenario('base'));
    const out = join(dir, 'run');
    expect((await cli(['run', join(dir, 'base.yaml'), '--out', out, '--workers', '1', '--quiet'])).code).toBe(0);
    const opt = await cli(['optimize', '--emit', 'slurm', '--shards', '2', '--out', out, '--quiet']);
    expect(opt.code).toBe(2);
    expect(opt.err).toContain(`output directory ${out} already holds the output of another command, and the jobs would write beside them`);
    expect(existsSync(join(out, 'slurm'))).toBe(false);
    const file = fixture(dir, 'plain.txt', 'x');
    const sw = await cli(['sweep', plan(dir, 'e', 'cadreEffort'), '--emit', 'slurm', '--shards', '2', '--out', join(file, 'x'), '--quiet']);
    expect(sw.code).toBe(2);
    expect(sw.err).toContain('is a file, not a folder');
  });
});

describe('class 8 (output targets): bad --out values are bad input (exit 2), with the real cause', () => {
  it('/proc, a file, a path through a file', async () => {
    const dir = scratch();
    const file = fixture(dir, 's.yaml', scenario('targets'));
    const plain = fixture(dir, 'plain.txt', 'x');
    const cases: [string, RegExp][] = [
      ['/proc/povsim-test-xyz', /cannot create the output directory \/proc\/povsim-test-xyz: folders cannot be created there/],
      [plain, /is a file, not a folder/],
      [join(plain, 'sub'), /is a file, not a folder/],
    ];
    for (const [out, message] of cases) {
      const r = await cli(['run', file, '--out', out, '--workers', '1', '--quiet']);
      expect(r.code, out).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it('names the cause of a file system error (EROFS is not ENOENT)', () => {
    const e = (code: string) => Object.assign(new Error(code), { code });
    expect(causeOf(e('EROFS'))).toBe('the file system is read-only');
    expect(causeOf(e('EACCES'))).toBe('permission denied');
    expect(causeOf(e('ENOSPC'))).toBe('the disk is full');
    expect(causeOf(e('ENOTDIR'))).toBe('a part of the path is a file, not a folder');
  });
});
