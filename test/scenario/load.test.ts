import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkParamValue, defaultParams } from '../../src/model/parameters.js';
import { expandSchedule } from '../../src/model/schedule.js';
import { COMMAND_LINE } from '../../src/scenario/load.js';
import { loadScenario, validateScenarioFiles } from '../../src/node/scenario-files.js';
import * as msg from '../../src/scenario/messages.js';
import { EXAMPLE_YAML, loadError, removeTempDirs, tempDir, writeFixture } from './helpers.js';

afterAll(removeTempDirs);

describe('loadScenario: a valid file', () => {
  it('resolves the example of the format description', () => {
    const dir = tempDir();
    const file = writeFixture(dir, 'example.yaml', EXAMPLE_YAML);
    const s = loadScenario(file);
    expect(s.name).toBe('suggestion-2-relocation');
    expect(s.description).toBe('"Improve the resettlement subsidy standards, reduce the resettlement pressure"\n');
    expect(s.file).toBe(resolve(file));
    expect(s.chain).toEqual([resolve(file)]);
    expect(s.values).toEqual({ subsidyLevel: 60000, followUpSupport: 0.6 });
    expect(s.schedule).toEqual([
      { kind: 'step', key: 'subsidyLevel', at: { year: 2018, month: 1 }, value: 60000 },
      { kind: 'ramp', key: 'industryCoverage', from: { year: 2016, month: 1 }, to: { year: 2019, month: 12 }, value: 0.8 },
    ]);
    expect(s.run).toEqual({ endYear: 2025, scale: 0.01, replicates: 20, seed: 1 });
    expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
    for (const [k, v] of Object.entries(s.values)) expect(checkParamValue(k, v)).toBeUndefined();
  });

  it('fills run defaults (2025, 0.01, 20, 1) when nothing sets them, and keeps only the keys set', () => {
    const dir = tempDir();
    const s = loadScenario(writeFixture(dir, 'min.yml', 'name: minimal\n'));
    expect(s).toMatchObject({ name: 'minimal', description: '', values: {}, schedule: [] });
    expect(s.run).toEqual({ endYear: 2025, scale: 0.01, replicates: 20, seed: 1 });
  });

  it('accepts and ignores a top-level $schema key', () => {
    const dir = tempDir();
    const a = loadScenario(writeFixture(dir, 'a.yaml', '$schema: ./scenario.schema.json\nname: x\n'));
    const b = loadScenario(writeFixture(dir, 'b.yaml', 'name: x\n'));
    expect(a.contentHash).toBe(b.contentHash);
  });

  it('reads optional months of steps and ramps', () => {
    const dir = tempDir();
    const file = writeFixture(
      dir,
      'm.yaml',
      'name: m\nschedule:\n  cadreEffort:\n    - { year: 2016, month: 7, value: 0.8 }\n    - { from: 2017, fromMonth: 3, to: 2018, toMonth: 6, value: 0.9 }\n',
    );
    expect(loadScenario(file).schedule).toEqual([
      { kind: 'step', key: 'cadreEffort', at: { year: 2016, month: 7 }, value: 0.8 },
      { kind: 'ramp', key: 'cadreEffort', from: { year: 2017, month: 3 }, to: { year: 2018, month: 6 }, value: 0.9 },
    ]);
  });

  it('produces a schedule the model can expand', () => {
    const dir = tempDir();
    const s = loadScenario(writeFixture(dir, 'example.yaml', EXAMPLE_YAML));
    const series = expandSchedule({ ...defaultParams(), ...s.values }, s.schedule, 2013, (s.run.endYear - 2013) * 12);
    expect(series.get('subsidyLevel')![(2018 - 2014) * 12 + 1]).toBe(60000);
    expect(series.get('industryCoverage')![(2019 - 2014) * 12 + 12]).toBeCloseTo(0.8);
  });

  it('applies command-line run overrides and checks them', () => {
    const dir = tempDir();
    const file = writeFixture(dir, 'example.yaml', EXAMPLE_YAML);
    expect(loadScenario(file, { runOverrides: { replicates: 3, seed: 7 } }).run).toEqual({
      endYear: 2025,
      scale: 0.01,
      replicates: 3,
      seed: 7,
    });
    const d = loadError(file, { runOverrides: { endYear: 1999 } });
    expect(d).toMatchObject({ file: COMMAND_LINE, line: 0, key: 'run.endYear', ...msg.runOutOfRange('endYear', 1999, 2014, 2035) });
  });
});

describe('loadScenario: extends', () => {
  it('merges a chain: child overrides parent, schedules concatenate parent first, run merges per key', () => {
    const dir = tempDir();
    writeFixture(
      dir,
      'base/baseline.yaml',
      [
        'name: baseline',
        'description: the calibrated baseline',
        'levers: { cadreEffort: 0.5, subsidyLevel: 18720 }',
        'parameters: { followUpSupport: 0.3, trainingDays: 4 }',
        'schedule:',
        '  cadreEffort:',
        '    - { year: 2016, value: 0.6 }',
        'run: { endYear: 2019, seed: 5 }',
        '',
      ].join('\n'),
    );
    writeFixture(
      dir,
      'mid/relocation.yaml',
      'name: relocation\nextends: ../base/baseline.yaml\nlevers: { subsidyLevel: 60000 }\nrun: { replicates: 5 }\n',
    );
    const leaf = writeFixture(
      dir,
      'mid/leaf.json',
      JSON.stringify({
        name: 'leaf',
        extends: 'relocation.yaml',
        parameters: { followUpSupport: 0.6 },
        schedule: { cadreEffort: [{ year: 2018, value: 0.9 }] },
        run: { seed: 9 },
      }),
    );
    const s = loadScenario(leaf);
    expect(s.name).toBe('leaf');
    expect(s.description).toBe('the calibrated baseline');
    expect(s.chain).toEqual([
      resolve(dir, 'base/baseline.yaml'),
      resolve(dir, 'mid/relocation.yaml'),
      resolve(dir, 'mid/leaf.json'),
    ]);
    expect(s.values).toEqual({ cadreEffort: 0.5, subsidyLevel: 60000, followUpSupport: 0.6, trainingDays: 4 });
    expect(s.schedule.map((c) => c.kind === 'step' && [c.at.year, c.value])).toEqual([
      [2016, 0.6],
      [2018, 0.9],
    ]);
    expect(s.run).toEqual({ endYear: 2019, scale: 0.01, replicates: 5, seed: 9 });
  });

  it('checks schedules against the merged endYear, naming where it was set', () => {
    const dir = tempDir();
    writeFixture(dir, 'base.yaml', 'name: base\nrun: { endYear: 2017 }\n');
    const leaf = writeFixture(dir, 'leaf.yaml', 'name: leaf\nextends: base.yaml\nschedule:\n  subsidyLevel:\n    - { year: 2018, value: 1 }\n');
    const d = loadError(leaf);
    expect(d).toMatchObject({
      file: leaf,
      line: 5,
      column: 15,
      key: 'schedule.subsidyLevel[0].year',
      ...msg.scheduleYearAfterEnd(2018, 2017, `set in ${resolve(dir, 'base.yaml')}`),
    });
  });

  it('reports problems in every file of the chain together', () => {
    const dir = tempDir();
    const base = writeFixture(dir, 'base.yaml', 'name: base\nparameters:\n  folowUpSupport: 0.3\n');
    const leaf = writeFixture(dir, 'leaf.yaml', 'name: leaf\nextends: base.yaml\nlevers:\n  cadreEfort: 0.7\n');
    const ds = validateScenarioFiles([leaf])[0].diagnostics;
    expect(ds.map((d) => [d.file, d.line, d.key])).toEqual([
      [leaf, 4, 'levers.cadreEfort'],
      [base, 3, 'parameters.folowUpSupport'],
    ]);
  });
});

describe('JSON and YAML', () => {
  it('resolve the same scenario identically', () => {
    const dir = tempDir();
    const yaml = loadScenario(writeFixture(dir, 's.yaml', EXAMPLE_YAML));
    const json = loadScenario(
      writeFixture(
        dir,
        's.json',
        JSON.stringify(
          {
            $schema: './scenario.schema.json',
            name: 'suggestion-2-relocation',
            description: '"Improve the resettlement subsidy standards, reduce the resettlement pressure"\n',
            levers: { subsidyLevel: 60000 },
            parameters: { followUpSupport: 0.6 },
            schedule: {
              subsidyLevel: [{ year: 2018, value: 60000 }],
              industryCoverage: [{ from: 2016, to: 2019, value: 0.8 }],
            },
            run: { endYear: 2025, scale: 0.01, replicates: 20, seed: 1 },
          },
          null,
          2,
        ),
      ),
    );
    const { file: _f1, chain: _c1, ...a } = yaml;
    const { file: _f2, chain: _c2, ...b } = json;
    expect(b).toEqual(a);
  });
});

describe('contentHash', () => {
  const variants = [
    EXAMPLE_YAML,
    // block style, other key order, comments, other number spelling, a different description
    `run: { seed: 1, replicates: 20, scale: 1e-2, endYear: 2025 }
# comment
schedule:
  industryCoverage:
  - from: 2016
    to: 2019
    value: 0.80
  subsidyLevel:
  - value: 6.0e4   # a step
    year: 2018
parameters: { followUpSupport: 0.6 }
levers: { subsidyLevel: 60000.0 }
name: "suggestion-2-relocation"
description: another text, not part of the hash
`,
    // explicit defaults of the run
    EXAMPLE_YAML.replace(/run:[\s\S]*$/, ''),
  ];

  it('is stable under reformatting, comments, key order and description', () => {
    const dir = tempDir();
    const hashes = variants.map((v, i) => loadScenario(writeFixture(dir, `v${i}.yaml`, v)).contentHash);
    expect(new Set(hashes).size).toBe(1);
  });

  it('changes when a value, the name or a run setting changes', () => {
    const dir = tempDir();
    const base = loadScenario(writeFixture(dir, 'a.yaml', EXAMPLE_YAML)).contentHash;
    for (const [i, edit] of [
      ['followUpSupport: 0.6', 'followUpSupport: 0.61'],
      ['name: suggestion-2-relocation', 'name: other'],
      ['seed: 1', 'seed: 2'],
      ['{ year: 2018, value: 60000 }', '{ year: 2018, month: 2, value: 60000 }'],
    ].entries()) {
      const h = loadScenario(writeFixture(dir, `b${i}.yaml`, EXAMPLE_YAML.replace(edit[0], edit[1]))).contentHash;
      expect(h, edit.join(' -> ')).not.toBe(base);
    }
  });
});

describe('validateScenarioFiles', () => {
  it('reports ok and diagnostics per file', () => {
    const dir = tempDir();
    const good = writeFixture(dir, 'good.yaml', EXAMPLE_YAML);
    const bad = writeFixture(dir, 'bad.yaml', 'name: x\nlevers:\n  cadreEfort: 0.7\n');
    const missing = `${dir}/missing.yaml`;
    const r = validateScenarioFiles([good, bad, missing]);
    expect(r.map((x) => [x.file, x.ok, x.diagnostics.length])).toEqual([
      [good, true, 0],
      [bad, false, 1],
      [missing, false, 1],
    ]);
    expect(r[2].diagnostics[0]).toMatchObject({ file: missing, line: 0, column: 0, key: '', ...msg.fileNotFound() });
  });
});
