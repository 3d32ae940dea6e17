/** The one output-folder writer: files in order, manifest.json last, and nothing complete-looking after a failure. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputFolder } from '../../src/node/output-files.js';

const tmp = mkdtempSync(join(tmpdir(), 'povsim-outfiles-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeOutputFolder', () => {
  it('writes the files put, then a manifest with completed first and the files in order', async () => {
    const dir = mkdtempSync(join(tmp, 'ok-'));
    const files = await writeOutputFolder(
      dir,
      async (put) => {
        put('b.csv', 'x\n1\n');
        await Promise.resolve();
        put('a.json', new TextEncoder().encode('{}'));
      },
      (names) => ({ tool: 'test', files: names }),
    );
    expect(files).toEqual(['b.csv', 'a.json']);
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('x\n1\n');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{}');
    const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
    expect(text).toBe(JSON.stringify({ completed: true, tool: 'test', files: ['b.csv', 'a.json'] }, null, 2) + '\n');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.csv', 'manifest.json']);
  });

  it('writes no manifest and leaves no temporary file when a write fails, and rethrows', async () => {
    expect.assertions(3);
    const dir = mkdtempSync(join(tmp, 'fail-'));
    await expect(
      writeOutputFolder(
        dir,
        (put) => {
          put('first.csv', 'a\n');
          put('no-such-folder/second.csv', 'b\n');
        },
        () => ({}),
      ),
    ).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['first.csv']);
  });
});
