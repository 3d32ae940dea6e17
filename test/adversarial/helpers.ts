/**
 * Shared helpers of the adversarial suite: run the CLI in this process or as a child, write hostile
 * fixtures, and check that no folder claims to be complete (a folder is complete only when it holds
 * manifest.json).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';

export const ROOT = join(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/povsim.mjs');

const made: string[] = [];

/** A fresh temporary folder, removed by {@link cleanUp}. */
export function scratch(prefix = 'povsim-adv-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Removes every folder made by {@link scratch} (call from afterAll). */
export function cleanUp(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes a fixture file (creating folders) and returns its path. */
export function fixture(dir: string, name: string, text: string): string {
  const f = join(dir, name);
  mkdirSync(dirname(f), { recursive: true });
  writeFileSync(f, text);
  return f;
}

/** What one CLI invocation gave. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `povsim ...args` in this process (main() with captured output). */
export async function cli(args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs `node bin/povsim.mjs ...args` as a child process in `cwd` (needs dist/, built by the global setup). */
export function cliChild(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/**
 * Starts `povsim ...args` as a child, sends `signal` once `ready(stderr)` is true (or after `afterMs`),
 * and resolves with the exit code and output. A 20 s hang guard kills the child with SIGKILL; the
 * result says whether that was needed (`hung`), so a test asserts the command stopped by itself.
 */
export function interrupt(
  args: string[],
  opts: { cwd?: string; signal?: NodeJS.Signals; afterMs?: number; ready?: (stderr: string) => boolean },
): Promise<CliResult & { hung: boolean; signalled: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let signalled = false;
    let hung = false;
    let guard: NodeJS.Timeout | undefined;
    const send = (): void => {
      if (signalled || child.exitCode !== null) return;
      signalled = true;
      child.kill(opts.signal ?? 'SIGINT');
      guard = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
      }, 20_000);
    };
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      if (opts.ready?.(err)) send();
    });
    const timer = opts.ready ? undefined : setTimeout(send, opts.afterMs ?? 1500);
    child.on('exit', (code, sig) => {
      if (timer) clearTimeout(timer);
      if (guard) clearTimeout(guard);
      resolve({ code: code ?? (sig === 'SIGKILL' ? -9 : -1), out, err, hung, signalled });
    });
  });
}

/** Every folder under `root` (itself included) that holds manifest.json. */
export function completeFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (d: string): void => {
    if (!statSync(d).isDirectory()) return;
    const names = readdirSync(d);
    if (names.includes('manifest.json')) found.push(d);
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) walk(p);
    }
  };
  walk(root);
  return found;
}
