/**
 * Tests that need a tool outside npm (Chromium, a running Slurm cluster) ask here whether it is there.
 * No test installs or starts anything: `.ci/run` installs the tools, starts Slurm and says so with
 * environment variables. When a tool is missing, the test
 *   - skips with a printed reason (naming the tool and the variable) on a developer's machine;
 *   - fails under CI (`CI=true`), where a skipped browser or Slurm test would hide a broken setup.
 *
 * Usage:
 *   const browser = chromiumTool('report in Chromium');
 *   describe.skipIf(browser.skip)(`... ${browser.label}`, () => {
 *     it('...', async () => { const path = browser.require(); ... });
 *   });
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** What a test does about one external tool. */
export interface ExternalTool {
  /** The tool's name, e.g. "Chromium". */
  readonly name: string;
  /** Where it was found (an executable path), or undefined. */
  readonly path: string | undefined;
  /** Why it is missing, or '' when found. */
  readonly reason: string;
  /** True when the tests that need it should skip: missing, and not under CI. */
  readonly skip: boolean;
  /** ' (skipped: reason)' when skipping, else '': append to a describe title so the skip shows in the report. */
  readonly label: string;
  /** The tool's path; throws the reason when it is missing (the CI case: the test fails, naming what to set). */
  require(): string;
}

/** True under CI (`CI=true` or `CI=1`, as CI services set it): a missing tool is a failure, not a skip. */
export function underCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = (env.CI ?? '').toLowerCase();
  return ci === 'true' || ci === '1';
}

/** Why a missing tool fails rather than skips: '' outside CI. */
function ciRequires(env: NodeJS.ProcessEnv): string {
  return underCI(env) ? `under CI (CI=${env.CI})` : '';
}

/** True when `file` is an executable regular file. */
function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` found as an executable on PATH, or undefined. */
export function findOnPath(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of names) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

/**
 * Builds the tool record and prints the skip reason (console.warn, so it shows next to the test file
 * in vitest's output) when the tests skip. `required` says why a missing tool fails instead ('' = skip).
 */
function tool(name: string, path: string | undefined, reason: string, usedBy: string, required: string): ExternalTool {
  const skip = path === undefined && required === '';
  if (skip) console.warn(`${usedBy}: skipping, ${name} not available: ${reason}`);
  return {
    name,
    path,
    reason,
    skip,
    label: skip ? ` (skipped: ${name} not available)` : '',
    require(): string {
      if (path === undefined) {
        throw new Error(`${name} not available (required: ${required}): ${reason}`);
      }
      return path;
    },
  };
}

/** PATH names tried for Chromium when POVSIM_CHROMIUM is not set. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser'] as const;

/**
 * Chromium for browser tests: POVSIM_CHROMIUM (a path, or a name looked up on PATH) when set, else
 * `chromium` or `chromium-browser` on PATH. A POVSIM_CHROMIUM that names nothing runnable is a failure
 * even outside CI: whoever set it asked for the browser tests.
 */
export function chromiumTool(usedBy: string, env: NodeJS.ProcessEnv = process.env): ExternalTool {
  const hint = 'install it (the Debian package chromium) or set POVSIM_CHROMIUM=/path/to/chromium';
  const given = env.POVSIM_CHROMIUM?.trim();
  if (given) {
    const path = isAbsolute(given) ? (isExecutable(given) ? given : undefined) : findOnPath([given], env);
    return tool('Chromium', path, path ? '' : `POVSIM_CHROMIUM=${given} is not an executable file; ${hint}`, usedBy, 'POVSIM_CHROMIUM is set');
  }
  const path = findOnPath(CHROMIUM_NAMES, env);
  return tool('Chromium', path, path ? '' : `no ${CHROMIUM_NAMES.join(' or ')} on PATH and POVSIM_CHROMIUM not set; ${hint}`, usedBy, ciRequires(env));
}

/**
 * A running Slurm cluster for tests that submit jobs: opt-in with POVSIM_SLURM=1, because submitting
 * jobs to whatever cluster happens to be reachable is not a test's call. `.ci/run` starts a one-machine
 * cluster (.ci/slurm-setup.sh, as root) and sets it. With POVSIM_SLURM=1, `sbatch` must be on PATH.
 */
export function slurmTool(usedBy: string, env: NodeJS.ProcessEnv = process.env): ExternalTool {
  const hint = 'start one (as root: .ci/slurm-setup.sh start) and set POVSIM_SLURM=1';
  if (env.POVSIM_SLURM !== '1') {
    return tool('Slurm', undefined, `POVSIM_SLURM is not 1 (no running Slurm cluster declared); ${hint}`, usedBy, ciRequires(env));
  }
  const sbatch = findOnPath(['sbatch'], env);
  return tool('Slurm', sbatch, sbatch ? '' : `sbatch is not on PATH; ${hint}`, usedBy, 'POVSIM_SLURM=1');
}
