/**
 * Validation of one file's data against the schema, turning zod issues into located problems with
 * planner-readable messages (from messages.ts). Where a value is a lever or parameter, the message
 * comes from `checkParamValue`, so the table's words and the loader's words are the same.
 */
import type { z } from 'zod';
import { suggest } from '../engine/diagnostics.js';
import { BUILD_TIME_KEYS, LEVER_KEYS, PARAM_KEYS, checkParamValue, paramSpec } from '../model/parameters.js';
import * as msg from './messages.js';
import { unsafeFolderNameReason } from './names.js';
import type { Problem } from './messages.js';
import { FIRST_RUN_YEAR, LAST_END_YEAR, RAMP_KEYS, RUN_KEYS, RUN_RANGES, STEP_KEYS, TOP_LEVEL_KEYS, ScenarioFileSchema, type ScenarioFile } from './schema.js';
import type { PathSegment } from './source.js';

/** A problem at a key path; `at` says whether the key or its value is to blame. */
export interface LocatedProblem {
  path: PathSegment[];
  at: 'key' | 'value';
  problem: Problem;
}

/** Longest key for which "did you mean" is computed (edit distance is quadratic). */
const SUGGEST_MAX_LENGTH = 64;
/** Most unknown keys of one mapping reported one by one (the rest are counted). */
const MAX_UNKNOWN_KEYS_SHOWN = 20;
const LEVER_SET: ReadonlySet<string> = new Set(LEVER_KEYS);
const ENTRY_KEYS = [...new Set<string>([...STEP_KEYS, ...RAMP_KEYS])];
const RAMP_ONLY = ['from', 'to', 'fromMonth', 'toMonth'];
const STEP_ONLY = ['year', 'month'];

function hasOwn(o: unknown, k: PropertyKey): boolean {
  return typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Map);
}

/** The value at `path` in `data` (own properties only), or undefined. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (!hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<PathSegment, unknown>)[seg];
  }
  return cur;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  return word.length > SUGGEST_MAX_LENGTH ? undefined : suggest(word, candidates);
}

/** The lever or parameter whose value sits at `path`, if any. */
function paramKeyAt(path: readonly PathSegment[]): string | undefined {
  const [a, b, , d] = path;
  if (path.length === 2 && (a === 'levers' || a === 'parameters') && typeof b === 'string') return b;
  if (path.length === 4 && a === 'schedule' && d === 'value' && typeof b === 'string') return b;
  return undefined;
}

function scheduleField(path: readonly PathSegment[]): string | undefined {
  return path.length === 4 && path[0] === 'schedule' && typeof path[3] === 'string' ? path[3] : undefined;
}

/** The message for an unknown key, by where it sits. */
function unknownKeyProblem(parent: readonly PathSegment[], key: string): Problem {
  const where = parent.length === 1 ? parent[0] : parent.length === 3 && parent[0] === 'schedule' ? 'entry' : parent.length;
  switch (where) {
    case 0:
      return msg.unknownTopLevelKey(key, closest(key, TOP_LEVEL_KEYS), closest(key, PARAM_KEYS));
    case 'levers':
      return paramSpec(key)
        ? msg.parameterUnderLevers(key)
        : msg.unknownLever(key, closest(key, LEVER_KEYS), closest(key, PARAM_KEYS));
    case 'parameters':
      return LEVER_SET.has(key) ? msg.leverUnderParameters(key) : msg.unknownParameter(key, closest(key, PARAM_KEYS));
    case 'schedule':
      return msg.unknownScheduleKey(key, closest(key, PARAM_KEYS));
    case 'entry':
      return ENTRY_KEYS.includes(key) ? msg.stepAndRamp() : msg.unknownScheduleEntryKey(key, closest(key, ENTRY_KEYS));
    case 'run':
      return msg.unknownRunKey(key, closest(key, RUN_KEYS));
    default:
      return msg.unknownKey(key, undefined);
  }
}

function numberBound(b: unknown): number {
  return typeof b === 'bigint' ? Number(b) : (b as number);
}

/** Located problems of one zod issue; `base` is the path of the value the issue's path is relative to. */
function issueProblems(issue: z.core.$ZodIssue, base: readonly PathSegment[], data: unknown): LocatedProblem[] {
  const path: PathSegment[] = [...base, ...issue.path.map((s) => (typeof s === 'number' ? s : String(s)))];
  const v = valueAt(data, path);
  const one = (problem: Problem, at: 'key' | 'value' = 'value'): LocatedProblem[] => [{ path, at, problem }];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const shown = issue.keys.slice(0, MAX_UNKNOWN_KEYS_SHOWN);
      const out: LocatedProblem[] = shown.map((k) => ({ path: [...path, k], at: 'key', problem: unknownKeyProblem(path, k) }));
      const more = issue.keys.length - shown.length;
      return more > 0 ? out.concat(one(msg.moreUnknownKeys(more), 'key')) : out;
    }
    case 'invalid_union': {
      // A schedule entry is a step or a ramp: report the errors of the form it most resembles.
      if (!isPlainObject(v)) return one(msg.wrongType('object', v));
      const ramp = RAMP_ONLY.some((k) => hasOwn(v, k));
      const step = STEP_ONLY.some((k) => hasOwn(v, k));
      const branch = issue.errors[ramp ? 1 : 0] ?? [];
      const out = branch.flatMap((sub) => issueProblems(sub, path, data));
      const last = (p: LocatedProblem) => String(p.path[p.path.length - 1]);
      if (ramp && step)
        return out.map((p) =>
          p.problem.code === 'unknown-key' && STEP_ONLY.includes(last(p)) ? { ...p, problem: msg.stepAndRamp() } : p,
        );
      if (!ramp && !step)
        return out
          .filter((p) => !(p.problem.code === 'missing-key' && last(p) === 'year'))
          .concat(one(msg.missingScheduleTime()));
      return out;
    }
    case 'invalid_type': {
      if (path.length === 0) return one(msg.notAMapping(v));
      if (v === undefined && !hasOwn(valueAt(data, path.slice(0, -1)), path[path.length - 1]))
        return one(msg.missingKey(String(path[path.length - 1])));
      if (typeof v === 'number' && !Number.isFinite(v)) return one(msg.notFinite(v));
      const key = paramKeyAt(path);
      if (key && typeof v === 'number') return one(msg.paramValueInvalid(key, checkParamValue(key, v) ?? issue.message));
      if (issue.expected === 'int' && typeof v === 'number') return one(msg.notWholeNumber(v));
      return one(msg.wrongType(issue.expected, v));
    }
    case 'too_big':
    case 'too_small': {
      const key = paramKeyAt(path);
      if (key && typeof v === 'number') return one(msg.paramValueInvalid(key, checkParamValue(key, v) ?? issue.message));
      if (typeof v === 'string')
        return one(issue.code === 'too_big' ? msg.textTooLong(v.length, numberBound(issue.maximum)) : msg.textEmpty());
      if (typeof v !== 'number') return one(msg.wrongType(issue.origin, v));
      const field = scheduleField(path);
      if (field === 'month' || field === 'fromMonth' || field === 'toMonth') return one(msg.monthOutOfRange(v));
      if (field === 'year' || field === 'from' || field === 'to')
        return one(
          issue.code === 'too_small'
            ? msg.scheduleYearBeforeStart(v, FIRST_RUN_YEAR)
            : msg.numberOutOfRange(v, FIRST_RUN_YEAR, LAST_END_YEAR),
        );
      const runKey = path.length === 2 && path[0] === 'run' ? RUN_RANGES[path[1] as keyof typeof RUN_RANGES] : undefined;
      if (runKey) return one(msg.runOutOfRange(String(path[1]), v, runKey[0], runKey[1]));
      return one(
        issue.code === 'too_small' ? msg.numberTooSmall(v, numberBound(issue.minimum)) : msg.numberTooLarge(v, numberBound(issue.maximum)),
      );
    }
    case 'invalid_format': {
      const unsafe = path.length === 1 && path[0] === 'name' && typeof v === 'string' ? unsafeFolderNameReason(v) : undefined;
      return one(unsafe && !/[\u0000-\u001f\u007f]/.test(v as string) ? msg.unsafeName(v as string, unsafe) : msg.controlCharacters());
    }
    default:
      return one(msg.otherSchemaProblem(issue.message));
  }
}

/** Located problems of `input` against a zod schema whose values sit at `base` in `data`. */
export function schemaProblems(schema: z.ZodType, input: unknown, base: readonly PathSegment[], data: unknown) {
  const r = schema.safeParse(input);
  if (r.success) return { value: r.data, problems: [] as LocatedProblem[] };
  // One problem per place and message: zod can report a value twice (too large, and not a safe integer).
  const seen = new Set<string>();
  const problems = r.error.issues.flatMap((i) => issueProblems(i, base, data)).filter((p) => {
    const key = JSON.stringify([p.path, p.at, p.problem.message]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { value: undefined, problems };
}

/**
 * Schedule problems the schema cannot see (checked on the raw data, so they are reported with other
 * errors): a ramp whose end lies before its start; an entry that starts no later than the entry above
 * it, which would replace it whole; a parameter read only when the population is built.
 */
function scheduleProblems(data: unknown): LocatedProblem[] {
  const schedule = valueAt(data, ['schedule']);
  if (!isPlainObject(schedule)) return [];
  const out: LocatedProblem[] = [];
  const month = (v: unknown, dflt: number) => (v === undefined ? dflt : Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 12 ? (v as number) : undefined);
  const pad = (m: number) => String(m).padStart(2, '0');
  for (const key of Object.keys(schedule)) {
    if (BUILD_TIME.has(key)) out.push({ path: ['schedule', key], at: 'key', problem: msg.scheduleBuildTime(key) });
    const entries = schedule[key];
    if (!Array.isArray(entries)) continue;
    let previous: { at: number; text: string } | undefined;
    entries.forEach((e: unknown, i) => {
      if (!isPlainObject(e)) return;
      // An entry's start: a step's year and month, a ramp's from and fromMonth.
      const ramp = e.from !== undefined;
      const year = ramp ? e.from : e.year;
      const m = month(ramp ? e.fromMonth : e.month, 1);
      if (Number.isInteger(year) && m !== undefined) {
        const start = { at: (year as number) * 12 + m, text: `${year}-${pad(m)}` };
        if (previous !== undefined && start.at <= previous.at) out.push({ path: ['schedule', key, i, ramp ? 'from' : 'year'], at: 'value', problem: msg.scheduleOutOfOrder(start.text, previous.text) });
        previous = start;
      }
      if (!Number.isInteger(e.from) || !Number.isInteger(e.to)) return;
      const from = e.from as number;
      const to = e.to as number;
      const fm = month(e.fromMonth, 1);
      const tm = month(e.toMonth, 12);
      if (fm === undefined || tm === undefined || from * 12 + fm <= to * 12 + tm) return;
      out.push({ path: ['schedule', key, i, 'to'], at: 'value', problem: msg.rampBackwards(`${from}-${pad(fm)}`, `${to}-${pad(tm)}`) });
    });
  }
  return out;
}

const BUILD_TIME: ReadonlySet<string> = new Set(BUILD_TIME_KEYS);

/** A name the schema accepts that is too long in bytes for a folder (the schema counts characters). */
function nameLengthProblems(data: unknown, problems: readonly LocatedProblem[]): LocatedProblem[] {
  const name = valueAt(data, ['name']);
  if (typeof name !== 'string' || problems.some((p) => p.path.length === 1 && p.path[0] === 'name')) return [];
  const unsafe = unsafeFolderNameReason(name);
  return unsafe === undefined ? [] : [{ path: ['name'], at: 'value', problem: msg.unsafeName(name, unsafe) }];
}

/** Validates one file's data. `scenario` is set only when there are no problems. */
export function validateScenarioData(data: unknown): { scenario?: ScenarioFile; problems: LocatedProblem[] } {
  const { value, problems } = schemaProblems(ScenarioFileSchema, data, [], data);
  const all = [...problems, ...nameLengthProblems(data, problems), ...scheduleProblems(data)];
  return all.length === 0 ? { scenario: value as ScenarioFile, problems: [] } : { problems: all };
}

/** The `extends` target of raw data when it is usable despite other errors (so the chain is still checked). */
export function usableExtends(data: unknown, problems: readonly LocatedProblem[]): string | undefined {
  const ext = valueAt(data, ['extends']);
  if (typeof ext !== 'string') return undefined;
  return problems.some((p) => p.path[0] === 'extends') ? undefined : ext;
}
