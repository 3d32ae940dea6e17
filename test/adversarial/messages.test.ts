/**
 * Class 8 of issue 13: messages and exit codes. The nesting guard cannot be bypassed by quoting tricks
 * (no internal RangeError), usage errors are povsim's own words with exit 2, and the docs' statements
 * about refused YAML features and nesting depth match the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as msg from '../../src/scenario/messages.js';
import { excessiveNesting } from '../../src/scenario/nesting.js';
import { MAX_NESTING } from '../../src/scenario/source.js';
import { cleanUp, cli, completeFolders, fixture, ROOT, scratch } from './helpers.js';

afterAll(cleanUp);

describe('the nesting guard reads the parser\'s tokens', () => {
  const deep = '['.repeat(20_000);
  const cases: [string, string][] = [
    ['an unmatched double quote inside a plain scalar', `name: x\ndescription: x "\nparameters: ${deep}\n`],
    ['an unmatched single quote (an apostrophe)', `name: x\ndescription: don't\nparameters: ${deep}\n`],
    ['a quote right after a colon without a space', `name: x\ndescription: a:"b\nparameters: ${deep}\n`],
    ['a comment holding a quote', `name: x # "\nparameters: ${deep}\n`],
    ['block indicators after an unmatched quote', `name: x "\nlevers:\n${'- '.repeat(20_000)}1\n`],
  ];
  for (const [what, text] of cases) {
    it(`${what}: too deep (exit 2), never an internal error`, async () => {
      const dir = scratch();
      const file = fixture(dir, 'deep.yaml', text);
      const r = await cli(['validate', file]);
      expect(r.code).toBe(2);
      expect(r.out + r.err).toContain(msg.tooDeep().message);
      expect(r.out + r.err).not.toMatch(/RangeError|Maximum call stack|internal error/);
      expect(excessiveNesting(text, MAX_NESTING)).toBeGreaterThan(0);
    });
  }

  it('brackets inside quoted text and block scalars are still text', () => {
    expect(excessiveNesting(`a: "${'['.repeat(100)}"\nb: |\n  ${'{'.repeat(100)}\n`, MAX_NESTING)).toBe(-1);
  });
});

describe('usage errors are povsim\'s own, exit 2', () => {
  const cases: [string[], string][] = [
    [['run'], '(command line): povsim run needs a scenario file'],
    [['run', 'x.yaml', '--bogus'], '(command line): --bogus: unknown flag'],
    [['params', '--format', 'xml'], '(command line): --format: must be one of "markdown", "csv", got "xml"'],
    [['frobnicate'], '(command line): unknown command "frobnicate"'],
    [[], '(command line): no command given'],
    [['merge', 'a'], '(command line): --out: is required'],
  ];
  for (const [args, text] of cases) {
    it(`povsim ${args.join(' ')}`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(text);
      expect(r.err).toContain('hint: ');
      expect(r.err).not.toMatch(/Unknown argument|Not enough non-option|Invalid values|Missing required/);
    });
  }

  it('a bad --out is bad input (2), not a failure (1)', async () => {
    const dir = scratch();
    const file = fixture(dir, 's.yaml', 'name: s\nrun:\n  scale: 0.0002\n  replicates: 1\n  endYear: 2014\n');
    const plain = fixture(dir, 'file.txt', '');
    const r = await cli(['run', file, '--out', join(plain, 'x'), '--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a file, not a folder');
    expect(completeFolders(dir)).toEqual([]);
  });
});

describe('the docs match the code', () => {
  const doc = readFileSync(join(ROOT, 'docs/scenarios.md'), 'utf8');
  it('states the nesting limit the loader uses', () => {
    expect(doc).toContain(`no more than ${MAX_NESTING} levels deep`);
    expect(doc).toContain(`more than ${MAX_NESTING} levels`);
  });
  it('lists every refused YAML feature with the message the loader prints', () => {
    for (const p of [msg.yamlTag('…'), msg.yamlDirective('…'), msg.multipleDocuments()]) {
      expect(doc).toContain(p.message.split('"…"').join('"…"').slice(0, 30));
    }
    for (const feature of ['!!omap', '!!set', '%YAML 1.1', '%TAG']) expect(doc).toContain(feature);
  });
});
