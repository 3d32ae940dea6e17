/** `povsim --version`: the package version and the model-code fingerprint sweeps record. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { modelCodeFingerprint } from '../../src/node/code-fingerprint.js';

const ROOT = join(import.meta.dirname, '../..');

describe('povsim --version', () => {
  it('prints the version from package.json and the model code fingerprint, exit 0', async () => {
    const out: string[] = [];
    const code = await main(['--version'], { out: (t) => void out.push(t), err: () => undefined, isTTY: false });
    expect(code).toBe(0);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const fingerprint = modelCodeFingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/); // dist/ is built by the test setup
    expect(out.join('\n')).toMatch(new RegExp(`^povsim ${version.replace(/\./g, '\\.')} \\(model code ${fingerprint.slice(0, 12)}(, git [0-9a-f]{7})?\\)$`));
  });
});

describe('povsim -h', () => {
  it('is --help: the command usage on stdout, exit 0', () => {
    for (const args of [['run', '-h'], ['run', '--help'], ['-h']]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/povsim.mjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toContain(args[0] === 'run' ? 'povsim run <scenario>' : 'povsim <command> [options]');
    }
  });
});
