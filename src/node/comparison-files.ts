/**
 * A comparison read from disk for `povsim compare`: a comparison file (named, or the shipped one),
 * or a baseline and scenarios named on the command line; then every scenario it names, loaded once
 * (paths in a comparison file are relative to it), with every problem of every file reported.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { InputError, type Diagnostic } from '../engine/diagnostics.js';
import { isComparisonText, parseComparisonFile, type ComparisonFile } from '../experiment/comparison-file.js';
import type { PlanOverrides } from '../experiment/sweep/plan.js';
import type { ScenarioSpec } from '../experiment/run-scenario.js';
import { loadScenario, type ResolvedScenario } from './scenario-files.js';

/** A comparison and where it came from (`from` is null when the files were named on the command line). */
export interface ReadComparison {
  file: ComparisonFile;
  from: string | null;
}

const commandLine = (message: string, hint: string): InputError => new InputError([{ code: 'no-scenarios', file: '(command line)', line: 0, column: 0, key: '', message, hint }]);

/**
 * The comparison to run.
 * @param named the files on the command line: none (the default comparison), one comparison file, or a baseline and alternatives
 * @param defaultFile the shipped comparison, used when nothing is named
 * @throws InputError when nothing usable is named, or the comparison file is invalid
 */
export function readComparison(named: readonly string[], defaultFile: string): ReadComparison {
  if (named.length === 0) {
    if (!existsSync(defaultFile)) throw commandLine(`no comparison named and ${defaultFile} is not here`, 'run from the povsim folder, or name the files: povsim compare base.yaml a.yaml b.yaml');
    return { file: parseComparisonFile(readFileSync(defaultFile, 'utf8'), defaultFile), from: defaultFile };
  }
  if (named.length === 1 && existsSync(named[0])) {
    const text = readFileSync(named[0], 'utf8');
    if (isComparisonText(text)) return { file: parseComparisonFile(text, named[0]), from: named[0] };
    throw commandLine('name at least one scenario to compare with the baseline', `povsim compare ${named[0]} scenarios/all-four.yaml, or a comparison file (${defaultFile})`);
  }
  // Files named on the command line: the first is the baseline, the others are alternatives (no combinations).
  return { file: { name: 'comparison', baseline: named[0], alternatives: named.slice(1), combinations: [], years: [2020, 2025], draws: { count: 0, replicates: 0 }, doses: { count: 0, replicates: 0 }, budgets: [] }, from: null };
}

/**
 * Loads scenario files, reporting the problems of all of them at once; two files may not share a name.
 * @throws InputError with every problem found
 */
export function loadScenarios(files: readonly string[], overrides: PlanOverrides): ResolvedScenario[] {
  const out: ResolvedScenario[] = [];
  const problems: Diagnostic[] = [];
  for (const f of files) {
    try {
      out.push(loadScenario(f, { runOverrides: overrides }));
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.diagnostics);
      else throw err;
    }
  }
  if (problems.length) throw new InputError(problems);
  const names = new Map<string, string>();
  for (const s of out) {
    const other = names.get(s.name);
    if (other !== undefined && other !== s.file) {
      throw new InputError([{ code: 'duplicate-scenario', file: s.file, line: 0, column: 0, key: 'name', message: `two scenarios are named "${s.name}" (also ${other})`, hint: 'give each compared scenario its own name' }]);
    }
    names.set(s.name, s.file);
  }
  return out;
}

/** The comparison's scenarios, loaded: each file once, and a lookup from a path as written to its run spec. */
export interface LoadedComparison {
  loaded: ResolvedScenario[];
  /** Report years the comparison file lists that the run does not reach: left out of the report. */
  lateYears: number[];
  scenario: (pathAsWritten: string) => Omit<ScenarioSpec, 'replicates'>;
}

/** Loads every scenario a comparison names (baseline, alternatives, combinations), resolved against its file. */
export function loadComparisonScenarios(c: ReadComparison, overrides: PlanOverrides): LoadedComparison {
  const at = (p: string): string => (c.from ? relative(process.cwd(), resolve(dirname(c.from), p)) || p : p);
  const f = c.file;
  const named: [key: string, path: string][] = [
    [c.from ? 'baseline' : 'baseline (the first file)', f.baseline],
    ...f.alternatives.map((p, i): [string, string] => [c.from ? `alternatives[${i}]` : `scenario ${i + 2}`, p]),
    ...f.combinations.map((x, i): [string, string] => [`combinations[${i}].scenario`, x.scenario]),
  ];
  checkNamedFiles(c, named, at);
  const unique = [...new Set(named.map(([, p]) => at(p)))];
  const loaded = loadScenarios(unique, overrides);
  const byFile = new Map(unique.map((file, i) => [file, loaded[i]]));
  const lateYears = yearsLeftOut(c, loaded[0]);
  return {
    loaded,
    lateYears,
    scenario: (p) => {
      const s = byFile.get(at(p))!;
      return { name: s.name, values: s.values, schedule: s.schedule, ...s.run };
    },
  };
}

/** Where `key` stands in the comparison file (line 0 on the command line or when unknown). */
function pos(c: ReadComparison, key: string): { line: number; column: number } {
  return c.file.positions?.[key] ?? { line: 0, column: 0 };
}

/**
 * Every file the comparison names exists, is a file, and is named once: a scenario compared twice
 * would be ranked twice, and the baseline against itself has no effect to show.
 * @throws InputError naming the comparison file (or the command line) and the key
 */
function checkNamedFiles(c: ReadComparison, named: readonly [string, string][], at: (p: string) => string): void {
  const where = c.from ?? '(command line)';
  const relTo = c.from ? ' (paths in a comparison file are relative to it)' : '';
  const problems: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const [key, p] of named) {
    const file = at(p);
    const st = statSync(file, { throwIfNoEntry: false });
    if (st === undefined || !st.isFile()) {
      const what = st === undefined ? 'there is no such file' : 'it is a folder, not a scenario file';
      problems.push({ code: 'file-not-found', file: where, ...pos(c, key), key, message: `cannot read the scenario "${p}"${file !== p ? ` (${file})` : ''}: ${what}`, hint: `check the path${relTo}` });
      continue;
    }
    const abs = resolve(file);
    const first = seen.get(abs);
    if (first !== undefined) {
      problems.push({ code: 'duplicate-scenario', file: where, ...pos(c, key), key, message: `"${p}" is already compared as ${first}`, hint: 'name each scenario once (a combination lists its parts under of:, not again as an alternative)' });
    } else seen.set(abs, key);
  }
  if (problems.length) throw new InputError(problems);
}

/**
 * Report years a comparison file lists that lie after the run's last year: left out (the caller says
 * so), or an error when none is left, since the fallback would be a year the file never asked for.
 * The default years keep those the run reaches without a word.
 * @throws InputError naming the comparison file's `years` key when no listed year is within the run
 */
function yearsLeftOut(c: ReadComparison, baseline: ResolvedScenario): number[] {
  if (!c.file.yearsGiven || c.from === null) return [];
  const end = baseline.run.endYear;
  const late = c.file.years.filter((y) => y > end);
  if (late.length < c.file.years.length) return late;
  throw new InputError([{ code: 'year-outside-run', file: c.from, ...pos(c, 'years'), key: 'years', message: `every report year (${late.join(', ')}) is after the run's last year ${end}`, hint: `run to ${Math.min(...late)} or later (--end-year ${Math.min(...late)}), or list a year up to ${end} under years:` }]);
}
