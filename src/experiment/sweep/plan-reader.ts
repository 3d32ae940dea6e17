/**
 * Reading plan files (sweep and calibration plans) with the care of scenario files: the same reader
 * (scenario/source.ts: size, encoding, YAML or JSON, duplicate keys, positions) and diagnostics with
 * file:line:column, key, message and hint. A `PlanReader` walks the data, collects every problem
 * and turns them into one `InputError`; field readers return `undefined` after recording a problem.
 * Files come through an injected reader (scenario/files.ts); in Node, src/node/sweep-plans.ts.
 */
import { InputError, suggest, type Diagnostic } from '../../engine/diagnostics.js';
import * as smsg from '../../scenario/messages.js';
import type { Problem } from '../../scenario/messages.js';
import type { ScenarioFiles } from '../../scenario/files.js';
import { formatOf, formatPath, parseSource, readFileBytes, type ParsedSource, type PathSegment } from '../../scenario/source.js';
import * as msg from './plan-messages.js';

/** Longest word for which "did you mean" is computed. */
const SUGGEST_MAX_LENGTH = 64;

/** A plan value as read: plain JSON-like data. */
export type Data = Record<string, unknown>;

/** The closest candidate to a word, if close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return word.length > SUGGEST_MAX_LENGTH ? undefined : suggest(word, candidates);
}

export function isMapping(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Map);
}

/** Number field options: inclusive bounds and whole-number requirement. */
export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Collects located problems of one plan file and reads typed fields from its data. */
export class PlanReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    /** The file as shown in diagnostics. */
    readonly display: string,
    /** Absolute path of the file. */
    readonly abs: string,
    readonly source: ParsedSource,
    /** Where the plan was read from: the files it names (its base, its output) resolve through it too. */
    readonly files: ScenarioFiles,
  ) {}

  get data(): unknown {
    return this.source.data;
  }

  /** Records a problem at a key path (`at: 'key'` points at the key, 'value' at its value). */
  problem(path: readonly PathSegment[], problem: Problem, at: 'key' | 'value' = 'value'): undefined {
    const pos = this.source.locate(path, at);
    this.diagnostics.push({ ...problem, file: this.display, line: pos.line, column: pos.column, key: formatPath(path) });
    return undefined;
  }

  /** Throws every recorded problem as one InputError (sorted by position); returns when there is none. */
  throwIfProblems(): void {
    if (this.diagnostics.length === 0) return;
    const sorted = [...this.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    throw new InputError(sorted);
  }

  /** The mapping at `path` (the top level when empty), or undefined with a problem. */
  mapping(value: unknown, path: readonly PathSegment[]): Data | undefined {
    if (isMapping(value)) return value;
    if (path.length === 0) return this.problem(path, { ...smsg.notAMapping(value), hint: 'start the file with `name: my-plan` on its own line' });
    return this.problem(path, smsg.wrongType('object', value));
  }

  /** Records every key of `obj` not in `allowed`, with "did you mean" among `allowed` (or `candidates`). */
  unknownKeys(obj: Data, path: readonly PathSegment[], allowed: readonly string[], unknown?: (key: string) => Problem): void {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      this.problem([...path, key], unknown ? unknown(key) : msg.unknownPlanKey(key, closest(key, allowed), allowed), 'key');
    }
  }

  /** Records a missing required key at the parent's position. */
  missing(path: readonly PathSegment[], key: string): undefined {
    return this.problem([...path, key], smsg.missingKey(key));
  }

  /** A finite number (whole when `rule.integer`) within the rule's bounds. */
  number(obj: Data, key: string, path: readonly PathSegment[], rule: NumberRule = {}): number | undefined {
    const v = obj[key];
    const at = [...path, key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number') return this.problem(at, smsg.wrongType(rule.integer ? 'int' : 'number', v));
    if (!Number.isFinite(v)) return this.problem(at, smsg.notFinite(v));
    if (rule.integer && !Number.isInteger(v)) return this.problem(at, smsg.notWholeNumber(v));
    const { min, max } = rule;
    // The hint gives the nearest valid value, so the fix is one edit.
    const nearest = (x: number): Problem => ({ ...(min !== undefined && max !== undefined ? smsg.numberOutOfRange(v, min, max) : x === min ? smsg.numberTooSmall(v, x) : smsg.numberTooLarge(v, x)), hint: `for example ${key}: ${x}` });
    if (min !== undefined && v < min) return this.problem(at, nearest(min));
    if (max !== undefined && v > max) return this.problem(at, nearest(max));
    return v;
  }

  /** A one-line, non-empty text of at most `maxLength` characters. */
  text(obj: Data, key: string, path: readonly PathSegment[], maxLength = 200, multiline = false): string | undefined {
    const v = obj[key];
    const at = [...path, key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return this.problem(at, smsg.wrongType('string', v));
    if (v.trim() === '') return this.problem(at, smsg.textEmpty());
    if (v.length > maxLength) return this.problem(at, smsg.textTooLong(v.length, maxLength));
    if (!multiline && /[\u0000-\u001f\u007f]/.test(v)) return this.problem(at, smsg.controlCharacters());
    return v;
  }

  /** true or false. */
  boolean(obj: Data, key: string, path: readonly PathSegment[]): boolean | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') return this.problem([...path, key], smsg.wrongType('boolean', v));
    return v;
  }

  /** One of `choices`, with "did you mean". */
  choice<T extends string>(obj: Data, key: string, path: readonly PathSegment[], what: string, choices: readonly T[]): T | undefined {
    const v = this.text(obj, key, path);
    if (v === undefined) return undefined;
    if ((choices as readonly string[]).includes(v)) return v as T;
    return this.problem([...path, key], msg.unknownChoice(what, v, closest(v, choices), choices));
  }

  /**
   * A list (a single item is accepted as a one-item list) whose items `item` reads; duplicates are
   * reported. Returns undefined when the key is absent or any item is bad.
   */
  list<T extends string | number>(
    obj: Data,
    key: string,
    path: readonly PathSegment[],
    what: string,
    item: (v: unknown, at: PathSegment[]) => T | undefined,
  ): T[] | undefined {
    const raw = obj[key];
    if (raw === undefined) return undefined;
    const at = [...path, key];
    const items = Array.isArray(raw) ? raw : [raw];
    if (items.length === 0) return this.problem(at, msg.emptyList(what));
    const out: T[] = [];
    let ok = true;
    items.forEach((v, i) => {
      const itemPath = Array.isArray(raw) ? [...at, i] : at;
      const got = item(v, itemPath);
      if (got === undefined) ok = false;
      else if (out.includes(got)) {
        this.problem(itemPath, msg.duplicateListEntry(got));
        ok = false;
      } else out.push(got);
    });
    return ok ? out : undefined;
  }
}

/**
 * Reads and parses a plan file (YAML or JSON) through a reader. Throws InputError when it cannot be
 * read or parsed.
 * @param file path as given on the command line (shown in diagnostics)
 */
export function openPlan(files: ScenarioFiles, file: string): PlanReader {
  const abs = files.absolute(file);
  const read = readFileBytes(files, abs);
  if ('problem' in read) {
    const p = read.problem;
    const hint = p.code === 'extension' ? 'plan files end in .yaml, .yml or .json' : p.hint;
    throw new InputError([{ ...p, hint, file, line: 0, column: 0, key: '' }]);
  }
  const parsed = parseSource(read.bytes, formatOf(abs) ?? 'yaml', file);
  if ('diagnostics' in parsed) {
    throw new InputError(parsed.diagnostics.map((d) => (d.code === 'empty' ? { ...d, hint: 'a plan needs at least `name:` and `base:`' } : d)));
  }
  return new PlanReader(file, abs, parsed.source, files);
}
