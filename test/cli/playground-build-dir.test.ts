/**
 * `povsim playground --build-dir`: the build replaces the folder, so the command
 * refuses a folder of other files before it starts the build (no Vite or browser needed here).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { playgroundCommand } from '../../src/cli/commands/playground.js';
import { InputError } from '../../src/engine/diagnostics.js';
import type { CliIO } from '../../src/cli/io.js';
import { rejectionOf } from '../helpers/thrown.js';

const tmp = mkdtempSync(join(tmpdir(), 'povsim-build-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const io: CliIO = { out: () => undefined, err: () => undefined, isTTY: false };
const build = (dir: string) => playgroundCommand({ port: 0, open: false, build: true, 'build-dir': dir }, io, new AbortController().signal);

describe('playground --build-dir', () => {
  it('refuses a folder of other files, and leaves them alone', async () => {
    const dir = join(tmp, 'home');
    mkdirSync(join(dir, 'thesis'), { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const e = await rejectionOf(InputError, build(dir));
    expect(e.diagnostics[0]).toMatchObject({
      key: '--build-dir',
      code: 'output-exists',
      message: `${dir} holds other files, and building the page replaces the folder`,
      hint: 'give a new or empty folder, e.g. --build-dir out/playground-build',
    });
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'thesis']);
  });

  it('refuses a file', async () => {
    const file = join(tmp, 'file.txt');
    writeFileSync(file, 'x');
    const e = await rejectionOf(InputError, build(file));
    expect(e.diagnostics[0]).toMatchObject({ key: '--build-dir', message: `${file} is not a folder` });
    const through = await rejectionOf(InputError, build(join(file, 'x')));
    expect(through.diagnostics[0]).toMatchObject({ key: '--build-dir', message: `cannot use ${join(file, 'x')}: a part of the path is a file, not a folder` });
  });
});
