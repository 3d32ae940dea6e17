/**
 * The core loader over an in-memory reader (as the playground uses it): the same results as from disk,
 * `extends` and its problems resolved between the texts, and the pure-JS pieces that replace Node's
 * (extension, sha256) agree with Node's own.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/diagnostics.js';
import { sha256Hex } from '../../src/engine/sha256.js';
import { loadScenario, validateScenarioFiles } from '../../src/node/scenario-files.js';
import { extensionOf, memoryScenarioFiles, normalizePosix } from '../../src/scenario/files.js';
import { loadScenarioWith, validateScenarioFilesWith } from '../../src/scenario/load.js';
import { removeTempDirs, tempDir, writeFixture } from './helpers.js';

afterAll(removeTempDirs);

const PARENT = 'name: parent\nlevers:\n  cadreEffort: 0.6\nrun:\n  endYear: 2020\n';
const CHILD = 'extends: ../base/parent.yaml\nname: child\nschedule:\n  subsidyLevel:\n    - { year: 2018, value: 60000 }\n';

describe('memoryScenarioFiles', () => {
  const files = memoryScenarioFiles({ 'base/parent.yaml': PARENT, 'kids/child.yaml': CHILD });

  it('follows extends between the texts and merges as from disk (same values, schedule and content hash)', () => {
    const mem = loadScenarioWith(files, 'kids/child.yaml');
    expect(mem.chain).toEqual(['/base/parent.yaml', '/kids/child.yaml']);
    expect(mem.values).toEqual({ cadreEffort: 0.6 });
    expect(mem.schedule).toEqual([{ kind: 'step', key: 'subsidyLevel', at: { year: 2018, month: 1 }, value: 60000 }]);
    const dir = tempDir();
    writeFixture(dir, 'base/parent.yaml', PARENT);
    const disk = loadScenario(writeFixture(dir, 'kids/child.yaml', CHILD));
    expect(mem.contentHash).toBe(disk.contentHash);
    expect(mem.run).toEqual(disk.run);
  });

  it('reports a missing parent at the extends key, a cycle, and an unsupported extension', () => {
    expect.assertions(5);
    const [missing] = validateScenarioFilesWith(memoryScenarioFiles({ 'a.yaml': 'extends: nope.yaml\nname: a\n' }), ['a.yaml']);
    expect(missing.ok).toBe(false);
    expect(missing.diagnostics[0]).toMatchObject({ file: 'a.yaml', key: 'extends', line: 1 });
    const cycle = memoryScenarioFiles({ 'a.yaml': 'extends: ./b.yaml\nname: a\n', 'b.yaml': 'extends: a.yaml\nname: b\n' });
    try {
      loadScenarioWith(cycle, 'a.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).diagnostics.map((d) => d.message).join(' ')).toMatch(/a\.yaml.*b\.yaml.*a\.yaml/);
    }
    const [txt] = validateScenarioFilesWith(memoryScenarioFiles({ 'a.txt': 'name: a\n' }), ['a.txt']);
    expect(txt.diagnostics[0].code).toBe('extension');
  });

  it('refuses a text over the size limit with the same problem as the disk reader', () => {
    const text = `name: a\ndescription: ${'x'.repeat(100)}\n`;
    const [mem] = validateScenarioFilesWith(memoryScenarioFiles({ 'a.yaml': text }), ['a.yaml'], { maxBytes: 50 });
    const [disk] = validateScenarioFiles([writeFixture(tempDir(), 'a.yaml', text)], { maxBytes: 50 });
    expect(mem.diagnostics.map((d) => [d.code, d.message])).toEqual(disk.diagnostics.map((d) => [d.code, d.message]));
    expect(mem.diagnostics).toHaveLength(1);
  });
});

describe('pure-JS replacements agree with Node', () => {
  it('extensionOf equals path.posix.extname', () => {
    const pathChars = fc.constantFrom('a', 'b', '.', '/', 'Y', '-');
    fc.assert(
      fc.property(fc.string({ unit: pathChars, maxLength: 12 }), (p) => {
        expect(extensionOf(p)).toBe(posix.extname(p));
      }),
      { numRuns: 2000 },
    );
    expect(extensionOf('scenarios/baseline.yaml')).toBe('.yaml');
  });

  it('normalizePosix equals path.posix.normalize on absolute paths', () => {
    const part = fc.constantFrom('a', 'bb', '.', '..', '');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const p = `/${parts.join('/')}`;
        expect(normalizePosix(p)).toBe(posix.normalize(p).replace(/(.)\/$/, '$1'));
      }),
      { numRuns: 1000 },
    );
  });

  it('sha256Hex equals node:crypto on texts and bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => {
        expect(sha256Hex(t)).toBe(createHash('sha256').update(t).digest('hex'));
      }),
      { numRuns: 300 },
    );
    const bytes = readFileSync('scenarios/baseline.yaml');
    expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
