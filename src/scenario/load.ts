/**
 * Loading a scenario file: the entry point of src/scenario. The files come through an injected reader
 * (files.ts), so this runs in the browser too; in Node, `loadScenario` of src/node/scenario-files.ts.
 *
 *   1. read      file → bytes → text → data with positions        (files.ts, source.ts)
 *   2. validate  data against the schema → typed file             (validate.ts, schema.ts)
 *   3. follow    `extends` to the root ancestor (missing files, cycles)
 *   4. merge     root → leaf, then check schedules against the run (merge.ts)
 *
 * Every problem of every file in the chain is collected and thrown together as one `InputError`; no
 * other exception escapes, whatever the files contain.
 */
import { InputError, type Diagnostic } from '../engine/diagnostics.js';
import * as msg from './messages.js';
import type { Problem } from './messages.js';
import type { ScenarioFiles } from './files.js';
import { mergeChain, type ChainFile, type ResolvedScenario } from './merge.js';
import { RunSchema, type RunSettings } from './schema.js';
import { MAX_FILE_BYTES, formatOf, formatPath, parseSource, readFileBytes, type ParsedSource, type Position } from './source.js';
import { schemaProblems, usableExtends, validateScenarioData, type LocatedProblem } from './validate.js';

export type { ResolvedScenario } from './merge.js';
export { canonicalJson, contentHashOf } from './merge.js';

/** Options of `loadScenarioWith`. */
export interface LoadOptions {
  /** Run settings from the command line: they override the files (and schedules are checked against them). */
  runOverrides?: Partial<RunSettings>;
  /** Largest file read, in bytes (default 1 MiB). */
  maxBytes?: number;
}

/** Longest `extends` chain, in files. */
export const MAX_CHAIN_LENGTH = 32;
/** Most diagnostics reported per file; the rest are counted in one closing diagnostic. */
export const MAX_DIAGNOSTICS_PER_FILE = 50;
/** The `file` of diagnostics about command-line run settings. */
export const COMMAND_LINE = '(command line)';

function diag(p: Problem, file: string, pos: Position | undefined, key = ''): Diagnostic {
  return { ...p, file, line: pos?.line ?? 0, column: pos?.column ?? 0, key };
}

function locatedDiagnostics(problems: readonly LocatedProblem[], file: string, source?: ParsedSource): Diagnostic[] {
  return problems.map((p) => diag(p.problem, file, source?.locate(p.path, p.at), formatPath(p.path)));
}

/**
 * Sorts diagnostics by position within each file (files in order of first appearance) and keeps at most
 * MAX_DIAGNOSTICS_PER_FILE per file, adding a count of the rest.
 */
function capPerFile(ds: readonly Diagnostic[]): Diagnostic[] {
  const order = new Map<string, number>();
  for (const d of ds) if (!order.has(d.file)) order.set(d.file, order.size);
  const sorted = [...ds].sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line || a.column - b.column);
  const count = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    const n = (count.get(d.file) ?? 0) + 1;
    count.set(d.file, n);
    if (n <= MAX_DIAGNOSTICS_PER_FILE) out.push(d);
  }
  for (const [file, n] of count) {
    if (n > MAX_DIAGNOSTICS_PER_FILE) out.push(diag(msg.tooManyProblems(n - MAX_DIAGNOSTICS_PER_FILE), file, undefined));
  }
  return out;
}

/** Steps 1–3: reads and validates every file of the chain, leaf first. */
function readChain(reader: ScenarioFiles, file: string, opts: LoadOptions): { files: ChainFile[]; diagnostics: Diagnostic[] } {
  const files: ChainFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const visited: { abs: string; display: string }[] = [];
  let current: { abs: string; display: string } = { abs: reader.absolute(file), display: file };
  /** Where the current file was named: the child's `extends` value (undefined for the leaf). */
  let namedAt: { display: string; source: ParsedSource } | undefined;

  for (;;) {
    visited.push(current);
    const chainText = visited.map((v) => v.display);
    const extendsPos = () => namedAt?.source.locate(['extends'], 'value');
    // 1. read
    const read = readFileBytes(reader, current.abs, opts.maxBytes ?? MAX_FILE_BYTES);
    if ('problem' in read) {
      diagnostics.push(
        namedAt
          ? diag(msg.extendsUnreadable(current.display, read.problem.message, chainText), namedAt.display, extendsPos(), 'extends')
          : diag(read.problem, current.display, undefined),
      );
      break;
    }
    const parsed = parseSource(read.bytes, formatOf(current.abs) ?? 'yaml', current.display);
    if ('diagnostics' in parsed) {
      diagnostics.push(...parsed.diagnostics);
      break;
    }
    // 2. validate
    const { source } = parsed;
    const { scenario, problems } = validateScenarioData(source.data);
    diagnostics.push(...locatedDiagnostics(problems, current.display, source));
    if (scenario) files.push({ display: current.display, abs: current.abs, source, scenario });
    // 3. follow extends
    const ext = scenario ? scenario.extends : usableExtends(source.data, problems);
    if (ext === undefined) break;
    const next = {
      abs: reader.absolute(reader.relativeTo(current.abs, ext)),
      display: reader.relativeTo(current.display, ext),
    };
    namedAt = { display: current.display, source };
    const pos = namedAt.source.locate(['extends'], 'value');
    if (visited.some((v) => reader.realpath(v.abs) === reader.realpath(next.abs))) {
      diagnostics.push(diag(msg.extendsCycle([...chainText, next.display]), current.display, pos, 'extends'));
      break;
    }
    if (visited.length >= MAX_CHAIN_LENGTH) {
      diagnostics.push(diag(msg.extendsTooDeep(MAX_CHAIN_LENGTH), current.display, pos, 'extends'));
      break;
    }
    current = next;
  }
  return { files: files.reverse(), diagnostics };
}

function resolveScenario(reader: ScenarioFiles, file: string, opts: LoadOptions): ResolvedScenario {
  const overrides = schemaProblems(RunSchema, opts.runOverrides ?? {}, ['run'], { run: opts.runOverrides ?? {} });
  const { files, diagnostics } = readChain(reader, file, opts);
  diagnostics.push(...locatedDiagnostics(overrides.problems, COMMAND_LINE));
  if (diagnostics.length > 0) throw new InputError(capPerFile(diagnostics));
  const merged = mergeChain(files, opts.runOverrides);
  if ('diagnostics' in merged) throw new InputError(capPerFile(merged.diagnostics));
  return merged.resolved;
}

/**
 * Loads a scenario file (`.yaml`, `.yml` or `.json`) through a reader, follows its `extends` chain,
 * merges and validates. Throws `InputError` carrying every problem found (file:line:column, key,
 * message, hint); nothing else.
 *
 * @example
 *   const s = loadScenarioWith(nodeScenarioFiles, 'scenarios/suggestion-2-relocation.yaml');
 *   s.schedule[0]; // { kind: 'step', key: 'subsidyLevel', at: { year: 2018, month: 1 }, value: 60000 }
 */
export function loadScenarioWith(reader: ScenarioFiles, file: string, opts: LoadOptions = {}): ResolvedScenario {
  try {
    return resolveScenario(reader, file, opts);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new InputError([diag(msg.internalError(detail.slice(0, 500)), String(file), undefined)]);
  }
}

/** Result of validating one file for `povsim validate`. */
export interface ValidationResult {
  file: string;
  ok: boolean;
  diagnostics: Diagnostic[];
}

/** Loads each file through a reader and reports whether it is valid, with its diagnostics (empty when valid). */
export function validateScenarioFilesWith(reader: ScenarioFiles, files: readonly string[], opts: LoadOptions = {}): ValidationResult[] {
  return files.map((file) => {
    try {
      loadScenarioWith(reader, file, opts);
      return { file, ok: true, diagnostics: [] };
    } catch (e) {
      // loadScenarioWith throws only InputError
      return { file, ok: false, diagnostics: (e as InputError).diagnostics };
    }
  });
}
