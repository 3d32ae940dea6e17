/**
 * Every kind of input error: the right file, line:column, key, message and hint. Expected messages come
 * from messages.ts (never copied strings), so a reworded message changes one place.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/engine/diagnostics.js';
import { checkParamValue } from '../../src/model/parameters.js';
import * as msg from '../../src/scenario/messages.js';
import { MAX_FILE_BYTES } from '../../src/scenario/source.js';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/scenario/load.js';
import { loadScenario } from '../../src/node/scenario-files.js';
import { loadError, loadErrors, removeTempDirs, tempDir, writeFixture } from './helpers.js';

afterAll(removeTempDirs);

const dir = tempDir();
let n = 0;
/** Writes a fixture with a fresh name and returns its path. */
const fx = (content: string | Uint8Array, ext = 'yaml') => writeFixture(dir, `f${n++}.${ext}`, content);

describe('unknown keys', () => {
  it('a mistyped lever suggests the lever, at the key', () => {
    const f = fx('name: x\nlevers:\n  subsidyLevel: 60000\n  cadreEfort: 0.7\n');
    const d = loadError(f);
    expect(d).toEqual({ file: f, line: 4, column: 3, key: 'levers.cadreEfort', ...msg.unknownLever('cadreEfort', 'cadreEffort') });
    expect(d.hint).toBe('did you mean "cadreEffort"?');
    expect(formatDiagnostic(d)).toBe(`${f}:4:3: levers.cadreEfort: unknown lever "cadreEfort"\n    hint: did you mean "cadreEffort"?`);
  });

  it('a parameter under levers says to move it', () => {
    const f = fx('name: x\nlevers:\n  followUpSupport: 0.6\n');
    expect(loadError(f)).toMatchObject({ line: 3, column: 3, key: 'levers.followUpSupport', ...msg.parameterUnderLevers('followUpSupport') });
  });

  it('a mistyped parameter under levers suggests the parameter', () => {
    const f = fx('name: x\nlevers:\n  folowUpSupport: 0.6\n');
    expect(loadError(f)).toMatchObject({ line: 3, key: 'levers.folowUpSupport', ...msg.unknownLever('folowUpSupport', undefined, 'followUpSupport') });
  });

  it('a lever under parameters says to move it', () => {
    const f = fx('name: x\nparameters:\n  subsidyLevel: 60000\n');
    const d = loadError(f);
    expect(d).toMatchObject({ line: 3, column: 3, key: 'parameters.subsidyLevel', ...msg.leverUnderParameters('subsidyLevel') });
    expect(d.hint).toBe('move it under `levers:`');
  });

  it('a mistyped parameter suggests among all parameter keys', () => {
    const f = fx('name: x\nparameters:\n  followUpSuport: 0.6\n  zzzzzz: 1\n');
    const [a, b] = loadErrors(f);
    expect(a).toMatchObject({ line: 3, key: 'parameters.followUpSuport', ...msg.unknownParameter('followUpSuport', 'followUpSupport') });
    expect(b).toMatchObject({ line: 4, key: 'parameters.zzzzzz', ...msg.unknownParameter('zzzzzz', undefined) });
  });

  it('at the top level, in the schedule, in schedule entries and in run', () => {
    const f = fx(
      [
        'name: x',
        'nmae: y',
        'subsidyLevel: 5',
        'schedule:',
        '  subsidyLvel:',
        '    - { year: 2018, value: 1 }',
        '  cadreEffort:',
        '    - { yeer: 2018, year: 2018, value: 0.5 }',
        'run:',
        '  replicate: 3',
        '',
      ].join('\n'),
    );
    const ds = loadErrors(f);
    expect(ds.map((d) => [d.line, d.column, d.key])).toEqual([
      [2, 1, 'nmae'],
      [3, 1, 'subsidyLevel'],
      [5, 3, 'schedule.subsidyLvel'],
      [8, 9, 'schedule.cadreEffort[0].yeer'],
      [10, 3, 'run.replicate'],
    ]);
    expect(ds[0]).toMatchObject(msg.unknownTopLevelKey('nmae', 'name'));
    expect(ds[1]).toMatchObject(msg.unknownTopLevelKey('subsidyLevel', undefined));
    expect(ds[1].hint).toBe('"subsidyLevel" is a lever: put it under `levers:`');
    expect(ds[2]).toMatchObject(msg.unknownScheduleKey('subsidyLvel', 'subsidyLevel'));
    expect(ds[3]).toMatchObject(msg.unknownScheduleEntryKey('yeer', 'year'));
    expect(ds[4]).toMatchObject(msg.unknownRunKey('replicate', 'replicates'));
  });

  it('a schedule entry that mixes a step and a ramp', () => {
    const f = fx('name: x\nschedule:\n  cadreEffort:\n    - { year: 2018, from: 2016, to: 2018, value: 0.5 }\n');
    expect(loadError(f)).toMatchObject({ line: 4, column: 9, key: 'schedule.cadreEffort[0].year', ...msg.stepAndRamp() });
  });

  it('__proto__ is just an unknown key', () => {
    const f = fx('name: x\nlevers:\n  __proto__: { cadreEffort: 5 }\n');
    expect(loadError(f)).toMatchObject({ line: 3, key: 'levers.__proto__', ...msg.unknownLever('__proto__', undefined) });
  });

  it('a very long unknown key is shortened in the message and gets no suggestion', () => {
    const key = 'k'.repeat(100_000);
    const f = fx(`{\n  "name": "x",\n  "parameters": {\n    "${key}": 1\n  }\n}\n`, 'json');
    const d = loadError(f);
    expect(d).toMatchObject({ line: 4, column: 5, ...msg.unknownParameter(key, undefined) });
    expect(d.message.length).toBeLessThan(120);
    expect(d.key.length).toBeLessThan(100);
  });

  it('many unknown keys are reported up to a limit, then counted', () => {
    const f = fx(`name: x\nparameters:\n${Array.from({ length: 300 }, (_, i) => `  k${i}: 1\n`).join('')}`);
    const ds = loadErrors(f);
    expect(ds.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_FILE + 1);
    expect(ds[0]).toMatchObject({ line: 2, column: 1, key: 'parameters', ...msg.moreUnknownKeys(280) });
    expect(ds[1]).toMatchObject({ line: 3, column: 3, key: 'parameters.k0' });
  });
});

describe('missing keys', () => {
  it('a file without name', () => {
    const f = fx('# a comment\nlevers: { cadreEffort: 0.5 }\n');
    expect(loadError(f)).toMatchObject({ line: 2, column: 1, key: 'name', ...msg.missingKey('name') });
  });

  it('a schedule entry without value, and one without a time', () => {
    const f = fx('name: x\nschedule:\n  cadreEffort:\n    - { year: 2018 }\n    - { value: 0.5 }\n');
    const [a, b] = loadErrors(f);
    expect(a).toMatchObject({ line: 4, column: 7, key: 'schedule.cadreEffort[0].value', ...msg.missingKey('value') });
    expect(b).toMatchObject({ line: 5, column: 7, key: 'schedule.cadreEffort[1]', ...msg.missingScheduleTime() });
  });
});

describe('wrong types and values', () => {
  it('a quoted number, a number with separators, a percentage', () => {
    const f = fx('name: x\nlevers:\n  cadreEffort: "0.7"\n  subsidyLevel: 60,000\n  industryCoverage: 80%\n');
    const ds = loadErrors(f);
    expect(ds.map((d) => [d.line, d.column, d.key])).toEqual([
      [3, 16, 'levers.cadreEffort'],
      [4, 17, 'levers.subsidyLevel'],
      [5, 21, 'levers.industryCoverage'],
    ]);
    expect(ds[0]).toMatchObject(msg.wrongType('number', '0.7'));
    expect(ds[0].hint).toBe('remove the quotes: write 0.7');
    expect(ds[1]).toMatchObject(msg.wrongType('number', '60,000'));
    expect(ds[1].hint).toBe('write 60000 without separators');
    expect(ds[2].hint).toBe('write shares as fractions: 0.8 for 80%');
  });

  it('sections of the wrong kind', () => {
    const f = fx('name: 5\nlevers: 0.5\nschedule:\n  cadreEffort: 0.5\nrun:\n  - 1\n');
    const ds = loadErrors(f);
    expect(ds).toEqual([
      { file: f, line: 1, column: 7, key: 'name', ...msg.wrongType('string', 5) },
      { file: f, line: 2, column: 9, key: 'levers', ...msg.wrongType('object', 0.5) },
      { file: f, line: 4, column: 16, key: 'schedule.cadreEffort', ...msg.wrongType('array', 0.5) },
      { file: f, line: 6, column: 3, key: 'run', ...msg.wrongType('object', [1]) },
    ]);
  });

  it('an empty section', () => {
    const f = fx('name: x\nlevers:\nrun: {}\n');
    expect(loadError(f)).toMatchObject({ line: 2, key: 'levers', ...msg.wrongType('object', null) });
  });

  it('NaN and infinities in YAML, and a JSON number that overflows', () => {
    const f = fx('name: x\nlevers:\n  cadreEffort: .nan\n  subsidyLevel: .inf\n  industryCoverage: -.Inf\n');
    const ds = loadErrors(f);
    expect(ds).toEqual([
      { file: f, line: 3, column: 16, key: 'levers.cadreEffort', ...msg.notFinite(NaN) },
      { file: f, line: 4, column: 17, key: 'levers.subsidyLevel', ...msg.notFinite(Infinity) },
      { file: f, line: 5, column: 21, key: 'levers.industryCoverage', ...msg.notFinite(-Infinity) },
    ]);
    const j = fx('{\n  "name": "x",\n  "levers": { "cadreEffort": 1e999 }\n}\n', 'json');
    expect(loadError(j)).toMatchObject({ line: 3, column: 30, key: 'levers.cadreEffort', ...msg.notFinite(Infinity) });
  });

  it('out-of-range values use the table\'s check, with the plausible range as hint', () => {
    const f = fx('name: x\nlevers:\n  cadreEffort: 1.5\nparameters:\n  villages: 10.5\n  meanIncome2013: -3\n');
    const ds = loadErrors(f);
    expect(ds).toEqual([
      { file: f, line: 3, column: 16, key: 'levers.cadreEffort', ...msg.paramValueInvalid('cadreEffort', checkParamValue('cadreEffort', 1.5)!) },
      { file: f, line: 5, column: 13, key: 'parameters.villages', ...msg.paramValueInvalid('villages', 'must be a whole number') },
      { file: f, line: 6, column: 19, key: 'parameters.meanIncome2013', ...msg.paramValueInvalid('meanIncome2013', checkParamValue('meanIncome2013', -3)!) },
    ]);
    expect(ds[0].message).toBe('1.5 is outside the valid range [0, 1] (share of working time)');
    expect(ds[0].hint).toBe('plausible values of cadreEffort are 0.3 to 0.9 (share of working time); the default is 0.55');
  });

  it('schedule values are checked like lever values', () => {
    const f = fx('name: x\nschedule:\n  cadreEffort:\n    - { from: 2016, to: 2018, value: 2 }\n');
    expect(loadError(f)).toMatchObject({
      line: 4,
      column: 38,
      key: 'schedule.cadreEffort[0].value',
      ...msg.paramValueInvalid('cadreEffort', checkParamValue('cadreEffort', 2)!),
    });
  });

  it('run settings out of range', () => {
    const f = fx('name: x\nrun:\n  endYear: 2040\n  scale: 0\n  replicates: 2.5\n  seed: -1\n');
    const ds = loadErrors(f);
    expect(ds).toEqual([
      { file: f, line: 3, column: 12, key: 'run.endYear', ...msg.runOutOfRange('endYear', 2040, 2014, 2035) },
      { file: f, line: 4, column: 10, key: 'run.scale', ...msg.runOutOfRange('scale', 0, 0.0001, 1) },
      { file: f, line: 5, column: 15, key: 'run.replicates', ...msg.notWholeNumber(2.5) },
      { file: f, line: 6, column: 9, key: 'run.seed', ...msg.runOutOfRange('seed', -1, 0, 4294967295) },
    ]);
    expect(ds[1].hint).toBe('for example scale 0.01 (1:100, the default) or 1 (the whole province)');
  });

  it('a name too long in bytes for a folder (100 Chinese characters: 300 bytes) is refused; 60 (180 bytes) is fine', () => {
    const f = fx(`name: ${'贫'.repeat(100)}\n`);
    expect(loadErrors(f)).toEqual([{ file: f, line: 1, column: 7, key: 'name', ...msg.unsafeName('贫'.repeat(100), "it is 300 bytes long in UTF-8, and a folder name may be at most 200 (file systems allow 255 bytes, and povsim's temporary names need the rest)") }]);
    expect(loadScenario(fx(`name: ${'贫'.repeat(60)}\n`)).name).toBe('贫'.repeat(60));
  });

  it('a value zod finds wrong twice is reported once', () => {
    const ds = loadErrors(fx('name: x\nrun:\n  seed: 100000000000000000000\n'));
    expect(ds.map((d) => d.message)).toEqual([msg.runOutOfRange('seed', 1e20, 0, 4294967295).message]);
  });

  it('a name that is too long or not one line', () => {
    const long = fx(`name: ${'x'.repeat(201)}\n`);
    expect(loadError(long)).toMatchObject({ line: 1, column: 7, key: 'name', ...msg.textTooLong(201, 200) });
    const twoLines = fx('name: "a\\nb"\n');
    expect(loadError(twoLines)).toMatchObject({ line: 1, column: 7, key: 'name', ...msg.controlCharacters() });
    const empty = fx('name: ""\n');
    expect(loadError(empty)).toMatchObject({ key: 'name', ...msg.textEmpty() });
  });

  it('YAML binary data where a number belongs: the tag itself is refused', () => {
    const f = fx('name: x\nlevers:\n  cadreEffort: !!binary AAAA\n');
    expect(loadError(f)).toMatchObject({ line: 3, column: 16, ...msg.yamlTag('!!binary') });
  });
});

describe('schedules against the run', () => {
  it('years before 2014 or after endYear', () => {
    const f = fx(
      'name: x\nrun: { endYear: 2019 }\nschedule:\n  subsidyLevel:\n    - { year: 2013, value: 1 }\n    - { from: 2018, to: 2021, value: 1 }\n    - { year: 2020, value: 1 }\n',
    );
    // the first is a file-level error, so the run-dependent check waits until it is fixed
    expect(loadError(f)).toMatchObject({ line: 5, column: 15, key: 'schedule.subsidyLevel[0].year', ...msg.scheduleYearBeforeStart(2013, 2014) });
    const g = fx(
      'name: x\nrun: { endYear: 2019 }\nschedule:\n  subsidyLevel:\n    - { from: 2018, to: 2021, value: 1 }\n    - { year: 2020, value: 1 }\n',
    );
    expect(loadErrors(g)).toEqual([
      { file: g, line: 5, column: 25, key: 'schedule.subsidyLevel[0].to', ...msg.scheduleYearAfterEnd(2021, 2019, `set in ${g}`) },
      { file: g, line: 6, column: 15, key: 'schedule.subsidyLevel[1].year', ...msg.scheduleYearAfterEnd(2020, 2019, `set in ${g}`) },
    ]);
  });

  it('the default endYear and a command-line endYear', () => {
    const f = fx('name: x\nschedule:\n  subsidyLevel:\n    - { year: 2019, value: 1 }\n    - { year: 2026, value: 1 }\n');
    expect(loadError(f)).toMatchObject({ line: 5, key: 'schedule.subsidyLevel[1].year', ...msg.scheduleYearAfterEnd(2026, 2025, 'the default') });
    const ds = loadErrors(f, { runOverrides: { endYear: 2018 } });
    expect(ds.map((d) => d.message)).toEqual([
      msg.scheduleYearAfterEnd(2019, 2018, 'set on the command line').message,
      msg.scheduleYearAfterEnd(2026, 2018, 'set on the command line').message,
    ]);
  });

  it('a ramp that ends before it starts, and a month out of range', () => {
    const f = fx(
      'name: x\nschedule:\n  industryCoverage:\n    - { from: 2019, to: 2016, value: 0.8 }\n    - { from: 2020, to: 2020, fromMonth: 6, toMonth: 3, value: 0.8 }\n    - { year: 2021, month: 13, value: 0.8 }\n',
    );
    expect(loadErrors(f)).toEqual([
      { file: f, line: 4, column: 25, key: 'schedule.industryCoverage[0].to', ...msg.rampBackwards('2019-01', '2016-12') },
      { file: f, line: 5, column: 25, key: 'schedule.industryCoverage[1].to', ...msg.rampBackwards('2020-06', '2020-03') },
      { file: f, line: 6, column: 28, key: 'schedule.industryCoverage[2].month', ...msg.monthOutOfRange(13) },
    ]);
  });

  it('an entry that starts no later than the one above it would replace it whole', () => {
    const f = fx(
      'name: x\nschedule:\n  cadreEffort:\n    - { year: 2020, value: 0.9 }\n    - { year: 2018, value: 0.5 }\n  subsidyLevel:\n    - { year: 2018, month: 3, value: 0.5 }\n    - { from: 2018, to: 2019, fromMonth: 3, value: 0.9 }\n    - { year: 2019, value: 0.7 }\n',
    );
    expect(loadErrors(f)).toEqual([
      { file: f, line: 5, column: 15, key: 'schedule.cadreEffort[1].year', ...msg.scheduleOutOfOrder('2018-01', '2020-01') },
      { file: f, line: 8, column: 15, key: 'schedule.subsidyLevel[1].from', ...msg.scheduleOutOfOrder('2018-03', '2018-03') },
    ]);
    expect(msg.scheduleOutOfOrder('2018-01', '2020-01').message).toBe('this entry starts in 2018-01, before the entry above it (2020-01), and replaces it whole');
  });

  it('a parameter read only when the population is built cannot be scheduled', () => {
    const f = fx('name: x\nschedule:\n  households:\n    - { year: 2018, value: 1000 }\n  stationedCadres:\n    - { year: 2018, value: 1000 }\n');
    expect(loadErrors(f)).toEqual([
      { file: f, line: 3, column: 3, key: 'schedule.households', ...msg.scheduleBuildTime('households') },
      { file: f, line: 5, column: 3, key: 'schedule.stationedCadres', ...msg.scheduleBuildTime('stationedCadres') },
    ]);
    expect(msg.scheduleBuildTime('households').hint).toBe('set it under parameters: (households: VALUE) instead');
  });
});

describe('extends', () => {
  it('a missing parent is reported at the extends value, naming the chain', () => {
    const leaf = writeFixture(dir, 'ext/leaf.yaml', 'name: leaf\nextends: mid.yaml\n');
    const mid = writeFixture(dir, 'ext/mid.yaml', 'name: mid\nextends:   ../nowhere/base.yaml\n');
    const d = loadError(leaf);
    const target = `${dir}/nowhere/base.yaml`;
    expect(d).toEqual({
      file: mid,
      line: 2,
      column: 12,
      key: 'extends',
      ...msg.extendsUnreadable(target, msg.fileNotFound().message, [leaf, mid, target]),
    });
    expect(d.hint).toContain('leaf.yaml -> ');
  });

  it('a parent that is a folder or has the wrong extension', () => {
    writeFixture(dir, 'ext2/folder.yaml/x', '');
    const a = writeFixture(dir, 'ext2/a.yaml', 'name: a\nextends: folder.yaml\n');
    expect(loadError(a)).toMatchObject({ line: 2, column: 10, key: 'extends', code: 'extends' });
    expect(loadError(a).message).toBe(msg.extendsUnreadable(`${dir}/ext2/folder.yaml`, msg.notARegularFile().message, []).message);
    const b = writeFixture(dir, 'ext2/b.yaml', 'name: b\nextends: notes.txt\n');
    expect(loadError(b).message).toBe(msg.extendsUnreadable(`${dir}/ext2/notes.txt`, msg.unsupportedExtension('.txt').message, []).message);
  });

  it('a cycle is an error naming the chain', () => {
    const a = writeFixture(dir, 'cyc/a.yaml', 'name: a\nextends: b.yaml\n');
    const b = writeFixture(dir, 'cyc/b.yaml', 'name: b\nextends: ./c.json\n');
    const c = writeFixture(dir, 'cyc/c.json', '{\n  "name": "c",\n  "extends": "a.yaml"\n}\n');
    expect(loadError(a)).toEqual({ file: c, line: 3, column: 14, key: 'extends', ...msg.extendsCycle([a, b, c, a]) });
    const self = writeFixture(dir, 'cyc/self.yaml', 'name: s\nextends: self.yaml\n');
    expect(loadError(self)).toMatchObject({ line: 2, column: 10, ...msg.extendsCycle([self, self]) });
  });
});

describe('syntax', () => {
  it('malformed YAML, with the parser\'s line', () => {
    const f = fx('name: x\nlevers:\n  cadreEffort: [0.5\nrun: {}\n');
    const d = loadErrors(f)[0];
    expect(d).toMatchObject({ file: f, line: 4, column: 1, code: 'syntax', hint: msg.yamlSyntax('').hint });
    expect(d.message.startsWith('YAML syntax error: ')).toBe(true);
    const q = fx('name: "unterminated\nlevers: {}\n');
    expect(loadErrors(q)[0]).toMatchObject({ code: 'syntax', line: 3, column: 1 });
    const tab = fx('name: x\n\tlevers: 1\n');
    expect(loadErrors(tab)[0]).toMatchObject({ code: 'syntax', line: 2, column: 1 });
  });

  it('malformed JSON, located by line and column', () => {
    const cases: [string, number, number, string][] = [
      ['{\n  "name": "x",\n  "levers": { "cadreEffort": 0.5, }\n}\n', 3, 35, "trailing comma before '}'"],
      ['{\n  "name": "x",\n  "levers": { "cadreEffort": NaN }\n}\n', 3, 30, 'unexpected "N" where a value should be'],
      ['{\n  "name": "x"\n  "levers": {}\n}\n', 3, 3, 'expected \',\' or \'}\', found "\\""'],
      ['{\n  "name": "x",\n', 3, 1, 'unexpected end of file'],
      ["{ 'name': 'x' }", 1, 3, 'expected a double-quoted key, found "\'"'],
      ['{ "name": "x" } trailing', 1, 17, 'unexpected "t" after the end of the data'],
    ];
    for (const [text, line, column, detail] of cases) {
      const f = fx(text, 'json');
      expect(loadError(f), text).toEqual({ file: f, line, column, key: '', ...msg.jsonSyntax(detail) });
    }
  });

  it('duplicate keys in YAML and in JSON', () => {
    const f = fx('name: x\nlevers:\n  cadreEffort: 0.5\n  cadreEffort: 0.6\n');
    expect(loadError(f)).toEqual({ file: f, line: 4, column: 3, key: 'levers.cadreEffort', ...msg.duplicateKey('cadreEffort') });
    const j = fx('{"name": "x",\n "name": "y"}', 'json');
    expect(loadError(j)).toEqual({ file: j, line: 2, column: 2, key: 'name', ...msg.duplicateKey('name') });
  });

  it('several YAML documents, tags, aliases', () => {
    expect(loadErrors(fx('name: x\n---\nname: y\n'))[0]).toMatchObject({ line: 2, column: 1, ...msg.multipleDocuments() });
    expect(loadErrors(fx('name: x\nlevers:\n  cadreEffort: !foo 5\n'))[0]).toMatchObject({ line: 3, column: 16, ...msg.yamlTag('!foo') });
    const bomb = ['a: &a [1,1,1,1,1,1,1,1,1]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'name: x'].join('\n');
    expect(loadError(fx(bomb))).toMatchObject({ code: 'syntax', line: 1, column: 1, hint: msg.aliasProblem('').hint });
  });
});

describe('the whole file', () => {
  it('empty, blank and comment-only files', () => {
    for (const text of ['', '   \n\n', '# only a comment\n']) {
      const f = fx(text);
      expect(loadError(f)).toEqual({ file: f, line: 1, column: 1, key: '', ...msg.emptyFile() });
    }
    const j = fx(' \n', 'json');
    expect(loadError(j)).toMatchObject(msg.emptyFile());
  });

  it('a top level that is not a mapping', () => {
    const f = fx('- a\n- b\n');
    expect(loadError(f)).toEqual({ file: f, line: 1, column: 1, key: '', ...msg.notAMapping(['a', 'b']) });
    expect(loadError(fx('"hello"', 'json'))).toMatchObject(msg.notAMapping('hello'));
    expect(loadError(fx('null', 'json'))).toMatchObject(msg.notAMapping(null));
  });

  it('binary garbage and text that is not UTF-8', () => {
    const bin = fx(Buffer.from([0x6e, 0x61, 0x0a, 0x00, 0xff, 0x10]));
    expect(loadError(bin)).toEqual({ file: bin, line: 2, column: 1, key: '', ...msg.binaryFile() });
    const latin1 = fx(Buffer.from('name: caf\xe9\n', 'latin1'));
    expect(loadError(latin1)).toEqual({ file: latin1, line: 1, column: 10, key: '', ...msg.notUtf8() });
    const utf16 = fx(Buffer.from('\ufeffname: x\n', 'utf16le'));
    expect(loadError(utf16)).toMatchObject({ line: 1, column: 1, ...msg.notUtf8() });
  });

  it('a UTF-8 byte-order mark and non-ASCII text are fine', () => {
    const f = fx(Buffer.from('\ufeffname: 易地扶贫搬迁\n', 'utf8'));
    expect(loadErrors(fx(Buffer.from('\ufeffname: 易地\nlevers: { cadreEfort: 1 }\n', 'utf8')))[0]).toMatchObject({ line: 2, column: 11 });
    expect(loadScenario(f).name).toBe('易地扶贫搬迁');
  });

  it('a file over 1 MB is refused before parsing', () => {
    const text = `name: x\n#${'x'.repeat(MAX_FILE_BYTES)}\n`;
    const f = fx(text);
    expect(loadError(f)).toEqual({ file: f, line: 0, column: 0, key: '', ...msg.fileTooLarge(Buffer.byteLength(text), MAX_FILE_BYTES) });
  });

  it('deep nesting is refused before the parser can overflow its stack', () => {
    const flow = fx(`name: x\nlevers:\n  cadreEffort: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(loadError(flow)).toMatchObject({ line: 3, ...msg.tooDeep() });
    const block = fx(`name: x\nlevers:\n${'- '.repeat(100_000)}1\n`);
    expect(loadError(block)).toMatchObject({ line: 3, column: 1, ...msg.tooDeep() });
    const json = fx(`{"name": "x", "levers": {"cadreEffort": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`, 'json');
    expect(loadError(json)).toMatchObject({ line: 1, ...msg.tooDeep() });
    // brackets inside a block scalar or a quoted string are text, not nesting
    const text = fx(`name: x\ndescription: |\n  ${'['.repeat(200)}\nlevers: { cadreEffort: 0.5 }\n`);
    expect(loadScenario(text).values).toEqual({ cadreEffort: 0.5 });
    const quoted = fx(`name: x\ndescription: "${'{'.repeat(200)}"\n`);
    expect(loadScenario(quoted).description).toBe('{'.repeat(200));
  });

  it('unsupported extensions, missing files, folders', () => {
    const txt = writeFixture(dir, 'notes.txt', 'name: x\n');
    expect(loadError(txt)).toEqual({ file: txt, line: 0, column: 0, key: '', ...msg.unsupportedExtension('.txt') });
    const missing = `${dir}/missing.yaml`;
    expect(loadError(missing)).toEqual({ file: missing, line: 0, column: 0, key: '', ...msg.fileNotFound() });
    const folder = writeFixture(dir, 'folder.yml/inner', '');
    expect(loadError(folder.replace(/\/inner$/, ''))).toMatchObject(msg.notARegularFile());
  });

  it('all problems of a file come together, in file order', () => {
    const f = fx('levers:\n  cadreEfort: 0.7\nparameters:\n  villages: 0.5\nrun: { seed: x }\n');
    expect(loadErrors(f).map((d) => [d.line, d.key])).toEqual([
      [1, 'name'],
      [2, 'levers.cadreEfort'],
      [4, 'parameters.villages'],
      [5, 'run.seed'],
    ]);
  });
});
