/**
 * The skip-or-fail rule for tests that need Chromium or Slurm, on hand-built environments and PATHs
 * (fake executables in a temporary folder): found → run; missing → skip with a printed reason outside
 * CI, fail under CI; asked for by an env var but missing → fail everywhere.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { chromiumTool, findOnPath, slurmTool, underCI } from './external-tools.js';

const bin = mkdtempSync(join(tmpdir(), 'povsim-tools-'));
const empty = mkdtempSync(join(tmpdir(), 'povsim-tools-empty-'));
afterAll(() => {
  rmSync(bin, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

/** Writes an executable (or, with mode 0o644, a plain) file into the fake bin folder. */
function fake(name: string, mode = 0o755): string {
  const file = join(bin, name);
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, mode);
  return file;
}

let warn: MockInstance<(...args: unknown[]) => void>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('underCI', () => {
  it('is true for CI=true or CI=1 only', () => {
    expect([underCI({ CI: 'true' }), underCI({ CI: 'TRUE' }), underCI({ CI: '1' })]).toEqual([true, true, true]);
    expect([underCI({}), underCI({ CI: '' }), underCI({ CI: 'false' }), underCI({ CI: '0' })]).toEqual([false, false, false, false]);
  });
});

describe('findOnPath', () => {
  it('returns the first name found, in name order, skipping files that are not executable', () => {
    const browser = fake('chromium-browser');
    fake('chromium', 0o644);
    expect(findOnPath(['chromium', 'chromium-browser'], { PATH: `${empty}:${bin}` })).toBe(browser);
    expect(findOnPath(['chromium'], { PATH: `${empty}:${bin}` })).toBeUndefined();
    expect(findOnPath(['chromium-browser'], { PATH: '' })).toBeUndefined();
  });
});

describe('chromiumTool', () => {
  it('takes POVSIM_CHROMIUM first, as a path or a name on PATH', () => {
    const given = fake('my-chrome');
    fake('chromium');
    const byPath = chromiumTool('t', { POVSIM_CHROMIUM: given, PATH: bin });
    expect([byPath.path, byPath.skip, byPath.label, byPath.require()]).toEqual([given, false, '', given]);
    expect(chromiumTool('t', { POVSIM_CHROMIUM: 'my-chrome', PATH: bin }).path).toBe(given);
    expect(warn).not.toHaveBeenCalled();
  });

  it('finds chromium on PATH without POVSIM_CHROMIUM', () => {
    const c = fake('chromium');
    expect(chromiumTool('t', { PATH: `${empty}:${bin}` }).require()).toBe(c);
  });

  it('skips outside CI with a printed reason naming the tool and the variable', () => {
    const t = chromiumTool('browser.test.ts', { PATH: empty });
    expect([t.path, t.skip, t.label]).toEqual([undefined, true, ' (skipped: Chromium not available)']);
    expect(warn).toHaveBeenCalledTimes(1);
    const printed = String(warn.mock.calls[0][0]);
    expect(printed).toMatch(/^browser\.test\.ts: skipping, Chromium not available: /);
    expect(printed).toContain('POVSIM_CHROMIUM');
    expect(printed).toContain('the Debian package chromium');
  });

  it('fails under CI instead of skipping', () => {
    const t = chromiumTool('t', { PATH: empty, CI: 'true' });
    expect(t.skip).toBe(false);
    expect(() => t.require()).toThrow(/^Chromium not available \(required: under CI \(CI=true\)\): no chromium or chromium-browser on PATH/);
    expect(warn).not.toHaveBeenCalled();
  });

  it('fails, also outside CI, when POVSIM_CHROMIUM names nothing runnable', () => {
    const notExecutable = fake('plain-file', 0o644);
    for (const given of [join(empty, 'nope'), notExecutable, 'no-such-browser']) {
      const t = chromiumTool('t', { POVSIM_CHROMIUM: given, PATH: bin });
      expect(t.skip, given).toBe(false);
      expect(() => t.require(), given).toThrow(`Chromium not available (required: POVSIM_CHROMIUM is set): POVSIM_CHROMIUM=${given} is not an executable file`);
    }
  });
});

describe('slurmTool', () => {
  it('runs with POVSIM_SLURM=1 and sbatch on PATH', () => {
    const sbatch = fake('sbatch');
    const t = slurmTool('t', { POVSIM_SLURM: '1', PATH: bin });
    expect([t.skip, t.require()]).toEqual([false, sbatch]);
  });

  it('skips without POVSIM_SLURM=1 outside CI, even with sbatch on PATH (opt-in), and fails under CI', () => {
    fake('sbatch');
    const t = slurmTool('slurm.test.ts', { PATH: bin });
    expect(t.skip).toBe(true);
    expect(String(warn.mock.calls[0][0])).toMatch(/^slurm\.test\.ts: skipping, Slurm not available: POVSIM_SLURM is not 1/);
    const ci = slurmTool('t', { PATH: bin, CI: 'true', POVSIM_SLURM: '0' });
    expect(ci.skip).toBe(false);
    expect(() => ci.require()).toThrow(/required: under CI.*set POVSIM_SLURM=1/);
  });

  it('fails when POVSIM_SLURM=1 but sbatch is missing', () => {
    const t = slurmTool('t', { POVSIM_SLURM: '1', PATH: empty });
    expect(t.skip).toBe(false);
    expect(() => t.require()).toThrow('Slurm not available (required: POVSIM_SLURM=1): sbatch is not on PATH');
  });
});
