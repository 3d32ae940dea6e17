/**
 * Class 1 of issue 13: YAML features that could bypass the schema. Scenario files are plain YAML 1.2
 * core data: tags, directives and several documents are refused with file:line:column, a hint and
 * exit 2, by `validate` and by `run` (which then writes nothing).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as msg from '../../src/scenario/messages.js';
import { cleanUp, cli, completeFolders, fixture, scratch } from './helpers.js';

afterAll(cleanUp);

const HEAD = 'name: hostile\n';

/** [case, file text, line, column, expected message]. */
const CASES: [string, string, number, number, ReturnType<typeof msg.yamlTag>][] = [
  ['!!omap hiding an unknown lever and a negative subsidy', `${HEAD}levers: !!omap [ { notALever: "zzz" }, { subsidyLevel: -99999 } ]\n`, 2, 9, msg.yamlTag('!!omap')],
  ['!!omap changing a lever value', `${HEAD}levers: !!omap [ { cadreEffort: 0.5 } ]\n`, 2, 9, msg.yamlTag('!!omap')],
  ['!!set as the levers', `${HEAD}levers: !!set { a, b }\n`, 2, 9, msg.yamlTag('!!set')],
  ['!!pairs', `${HEAD}levers: !!pairs [ { cadreEffort: 0.5 } ]\n`, 2, 9, msg.yamlTag('!!pairs')],
  ['a scalar tag', `${HEAD}run:\n  seed: !!int 010\n`, 3, 9, msg.yamlTag('!!int')],
  ['!!binary', `${HEAD}levers:\n  cadreEffort: !!binary AAAA\n`, 3, 16, msg.yamlTag('!!binary')],
  ['a local tag', `${HEAD}levers:\n  cadreEffort: !foo 5\n`, 3, 16, msg.yamlTag('!foo')],
  ['a verbatim tag', `${HEAD}levers:\n  cadreEffort: !<tag:yaml.org,2002:float> 0.5\n`, 3, 16, msg.yamlTag('!<tag:yaml.org,2002:float>')],
  ['a tag on the whole document', `--- !!map\n${HEAD}`, 1, 5, msg.yamlTag('!!map')],
  ['%YAML 1.1 (octal numbers)', `%YAML 1.1\n---\n${HEAD}parameters:\n  villages: 017320\nrun:\n  seed: 010\n`, 1, 1, msg.yamlDirective('%YAML 1.1')],
  ['%YAML 1.2 (any directive)', `%YAML 1.2\n---\n${HEAD}`, 1, 1, msg.yamlDirective('%YAML 1.2')],
  ['%TAG', `%TAG !e! tag:example.com,2000:\n---\n${HEAD}`, 1, 1, msg.yamlDirective('%TAG !e! tag:example.com,2000:')],
  ['two documents', `${HEAD}---\nname: other\n`, 2, 1, msg.multipleDocuments()],
  ['a document end then more', `${HEAD}...\nname: other\n`, 3, 1, msg.multipleDocuments()],
];

describe('YAML features are refused (validate and run)', () => {
  for (const [what, text, line, column, problem] of CASES) {
    it(what, async () => {
      const dir = scratch();
      const file = fixture(dir, 'hostile.yaml', text);
      const v = await cli(['validate', file]);
      expect(v.code).toBe(2);
      expect(v.out + v.err).toContain(`${file}:${line}:${column}: ${problem.message}`);
      expect(v.out + v.err).toContain(`hint: ${problem.hint}`);
      const out = join(dir, 'out');
      const r = await cli(['run', file, '--out', out, '--workers', '1', '--quiet']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${file}:${line}:${column}: ${problem.message}`);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      expect(completeFolders(dir)).toEqual([]);
    });
  }

  it('plain YAML 1.2 still reads: 010 is ten, a leading --- is fine, anchors and aliases work', async () => {
    const dir = scratch();
    const file = fixture(dir, 'plain.yaml', `---\n${HEAD}run:\n  seed: 010\nlevers:\n  cadreEffort: &e 0.2\nparameters:\n  noLaborShare: *e\n`);
    const { loadScenario } = await import('../../src/node/scenario-files.js');
    const s = loadScenario(file);
    expect(s.run.seed).toBe(10);
    expect(s.values.cadreEffort).toBe(0.2);
    expect(s.values.noLaborShare).toBe(0.2);
  });

  it('a `!` or `%` inside quoted text is text, not a tag or directive', async () => {
    const dir = scratch();
    const file = fixture(dir, 'text.yaml', `${HEAD}description: "100% sure! !!omap"\n`);
    const v = await cli(['validate', file]);
    expect(v.code).toBe(0);
  });
});
