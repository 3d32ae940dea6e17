/** The atomic writer: whole file or nothing, no temporary left behind, errors passed through. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicParts } from '../../src/node/atomic-write.js';

describe('writeFileAtomic', () => {
  it('writes strings and bytes, replaces an existing file and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'povsim-atomic-'));
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'old');
    writeFileAtomic(f, 'new text');
    expect(readFileSync(f, 'utf8')).toBe('new text');
    writeFileAtomic(f, new Uint8Array([104, 105]));
    expect(readFileSync(f, 'utf8')).toBe('hi');
    writeFileAtomicParts(f, ['a', new Uint8Array([98]), 'c']);
    expect(readFileSync(f, 'utf8')).toBe('abc');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('throws the file system error and leaves nothing when the folder is missing', () => {
    expect.assertions(2);
    const dir = mkdtempSync(join(tmpdir(), 'povsim-atomic-'));
    try {
      writeFileAtomic(join(dir, 'missing', 'a.txt'), 'x');
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOENT');
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
