/** Version, model-code fingerprint and git commit of this povsim, for manifests and `povsim --version`. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelCodeFingerprint } from '../node/code-fingerprint.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let version: string | undefined;

/** povsim's version from package.json (read once per process). */
export function povsimVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

let commit: string | null | undefined;

/** The git commit of the povsim checkout, or null outside a git checkout (asked once per process). */
export function gitCommit(): string | null {
  if (commit !== undefined) return commit;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    commit = null;
  }
  return commit;
}

/**
 * The line `povsim --version` prints: the package version, the fingerprint of the model code that
 * computes results (the same one sweeps record in code.json), and the git commit when known.
 * @example versionLine() // 'povsim 0.1.0 (model code 3f2a9c01b7de, git 6f4bde9)'
 */
export function versionLine(): string {
  const code = modelCodeFingerprint();
  const git = gitCommit();
  return `povsim ${povsimVersion()} (model code ${code ? code.slice(0, 12) : 'not built'}${git ? `, git ${git.slice(0, 7)}` : ''})`;
}
