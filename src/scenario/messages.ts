/**
 * Every user-facing message of scenario loading, one named function each (vega-lite's `log/message.ts`
 * style). A function returns a `Problem`: a stable `code`, a one-line `message` and, where something
 * useful can be said, a `hint` on how to fix it. The loader adds file, line, column and key to make a
 * `Diagnostic`; tests compare diagnostics against these functions, never against copied strings.
 */
import { LEVER_KEYS, paramSpec } from '../model/parameters.js';

/** What went wrong, without where. */
export interface Problem {
  code: string;
  message: string;
  hint?: string;
}

/** Longest piece of user text quoted in a message, in characters. */
const QUOTE_LIMIT = 60;

/** A user string as it appears in messages: JSON-quoted, shortened, control characters escaped. */
export function quote(s: string): string {
  const short = s.length > QUOTE_LIMIT ? `${s.slice(0, QUOTE_LIMIT)}…` : s;
  return JSON.stringify(short);
}

/** A short description of any value as the file gave it, e.g. `the text "abc"` or `a list`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'nothing (an empty value)';
  if (typeof v === 'boolean') return `${v} (a yes/no value)`;
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return `the text ${quote(v)}`;
  if (typeof v === 'bigint') return `${v} (a big integer)`;
  if (v instanceof Uint8Array) return 'binary data';
  if (Array.isArray(v) || v instanceof Set) return 'a list';
  if (v instanceof Map || typeof v === 'object') return 'a mapping';
  return typeof v;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'a mapping (key: value lines)',
  array: 'a list',
  boolean: 'true or false',
};

/** How a zod `expected` type name reads in a message. */
export function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function didYouMean(suggestion: string | undefined): string | undefined {
  return suggestion ? `did you mean ${quote(suggestion)}?` : undefined;
}

const LEVER_LIST = LEVER_KEYS.join(', ');
const PARAMS_HINT = 'run `povsim params` to list every parameter key with its unit and range';

// --- reading the file -------------------------------------------------------------------------------

export const fileNotFound = (): Problem => ({
  code: 'io',
  message: 'file not found',
  hint: 'check the path; scenario files end in .yaml, .yml or .json',
});

export const fileUnreadable = (reason: string): Problem => ({
  code: 'io',
  message: `cannot read the file: ${reason}`,
});

export const notARegularFile = (): Problem => ({
  code: 'io',
  message: 'not a regular file (a directory, device or pipe)',
  hint: 'give the path of a .yaml, .yml or .json scenario file',
});

export const unsupportedExtension = (ext: string): Problem => ({
  code: 'extension',
  message: `unsupported file type ${quote(ext || '(none)')}`,
  hint: 'scenario files must end in .yaml, .yml or .json',
});

export const fileTooLarge = (bytes: number, limit: number): Problem => ({
  code: 'too-large',
  message: `file is too large (${bytes} bytes; the limit is ${limit} bytes)`,
  hint: 'a scenario file is a few dozen lines; check that this is the right file',
});

export const binaryFile = (): Problem => ({
  code: 'encoding',
  message: 'file contains a NUL byte: it looks like a binary file, not a text scenario',
  hint: 'give the path of a .yaml, .yml or .json text file',
});

export const notUtf8 = (): Problem => ({
  code: 'encoding',
  message: 'file is not valid UTF-8 text',
  hint: 'save the file with UTF-8 encoding',
});

export const emptyFile = (): Problem => ({
  code: 'empty',
  message: 'file is empty (or holds only comments)',
  hint: 'a scenario needs at least `name: my-scenario`',
});

// --- syntax -----------------------------------------------------------------------------------------

export const yamlSyntax = (parserMessage: string): Problem => ({
  code: 'syntax',
  message: `YAML syntax error: ${parserMessage}`,
  hint: 'check indentation (spaces, not tabs), colons after keys and closing brackets or quotes',
});

export const yamlWarning = (parserMessage: string): Problem => ({
  code: 'syntax',
  message: `YAML problem: ${parserMessage}`,
  hint: 'scenario files use plain YAML: no tags (!!...), directives or complex keys',
});

export const jsonSyntax = (parserMessage: string): Problem => ({
  code: 'syntax',
  message: `JSON syntax error: ${parserMessage}`,
  hint: 'check commas between entries (none after the last), double quotes around keys and strings',
});

export const tooDeep = (): Problem => ({
  code: 'too-deep',
  message: 'file is nested too deeply to read',
  hint: 'a scenario file is at most five levels deep (schedule: key: - entry: value)',
});

export const yamlTag = (tag: string): Problem => ({
  code: 'yaml-feature',
  message: `YAML tag ${quote(tag)} is not allowed in scenario files`,
  hint: 'scenario files are plain YAML 1.2 data: remove the tag and write a plain mapping, list or value',
});

export const yamlDirective = (directive: string): Problem => ({
  code: 'yaml-feature',
  message: `YAML directive ${quote(directive)} is not allowed in scenario files`,
  hint: 'remove the line: scenario files are read as YAML 1.2 (where 010 is ten), with no %YAML or %TAG directives',
});

export const multipleDocuments = (): Problem => ({
  code: 'yaml-feature',
  message: 'the file holds more than one YAML document (a second `---` or `...`)',
  hint: 'a scenario file is one document: put each scenario in its own file',
});

export const aliasProblem = (parserMessage: string): Problem => ({
  code: 'syntax',
  message: `YAML alias problem: ${parserMessage}`,
  hint: 'write values out instead of using anchors (&name) and aliases (*name)',
});

export const duplicateKey = (key: string): Problem => ({
  code: 'duplicate-key',
  message: `duplicate key ${quote(key)}: it already appears earlier in the same mapping`,
  hint: 'keep one of the two; which one a program uses is not defined',
});

export const notAMapping = (got: unknown): Problem => ({
  code: 'not-mapping',
  message: `the top level must be a mapping of keys (name:, levers:, ...), got ${describeValue(got)}`,
  hint: 'start the file with `name: my-scenario` on its own line',
});

export const tooManyProblems = (more: number): Problem => ({
  code: 'too-many',
  message: `${more} more problem(s) not shown`,
  hint: 'fix the problems above first',
});

export const internalError = (detail: string): Problem => ({
  code: 'internal',
  message: `internal error while reading the scenario: ${detail}`,
  hint: 'this is a bug in povsim; please report it with the file',
});

// --- keys -------------------------------------------------------------------------------------------

/** "did you mean the parameter X?" for a near-miss of a parameter in the wrong place. */
function parameterHint(paramSuggestion: string | undefined): string | undefined {
  if (!paramSuggestion) return undefined;
  const section = paramSpec(paramSuggestion)?.group === 'lever' ? 'levers' : 'parameters';
  return `did you mean ${section === 'levers' ? 'the lever' : 'the parameter'} ${quote(paramSuggestion)}? (it goes under \`${section}:\`)`;
}

export const unknownTopLevelKey = (
  key: string,
  suggestion: string | undefined,
  paramSuggestion?: string,
): Problem => {
  const spec = paramSpec(key);
  const hint = spec
    ? spec.group === 'lever'
      ? `${quote(key)} is a lever: put it under \`levers:\``
      : `${quote(key)} is a parameter: put it under \`parameters:\``
    : (didYouMean(suggestion) ??
      parameterHint(paramSuggestion) ??
      'the top-level keys are name, description, extends, levers, parameters, schedule, run');
  return { code: 'unknown-key', message: `unknown key ${quote(key)}`, hint };
};

export const unknownLever = (key: string, suggestion: string | undefined, paramSuggestion?: string): Problem => ({
  code: 'unknown-key',
  message: `unknown lever ${quote(key)}`,
  hint: didYouMean(suggestion) ?? parameterHint(paramSuggestion) ?? `the levers are ${LEVER_LIST}`,
});

export const parameterUnderLevers = (key: string): Problem => ({
  code: 'wrong-section',
  message: `${quote(key)} is a parameter, not a lever`,
  hint: 'move it under `parameters:`',
});

export const unknownParameter = (key: string, suggestion: string | undefined): Problem => {
  const lever = suggestion !== undefined && paramSpec(suggestion)?.group === 'lever';
  const hint = suggestion
    ? lever
      ? `did you mean the lever ${quote(suggestion)}? (levers go under \`levers:\`)`
      : didYouMean(suggestion)
    : PARAMS_HINT;
  return { code: 'unknown-key', message: `unknown parameter ${quote(key)}`, hint };
};

export const leverUnderParameters = (key: string): Problem => ({
  code: 'wrong-section',
  message: `${quote(key)} is a lever, not a parameter`,
  hint: 'move it under `levers:`',
});

export const unknownScheduleKey = (key: string, suggestion: string | undefined): Problem => ({
  code: 'unknown-key',
  message: `unknown lever or parameter ${quote(key)} in schedule`,
  hint: didYouMean(suggestion) ?? PARAMS_HINT,
});

export const unknownScheduleEntryKey = (key: string, suggestion: string | undefined): Problem => ({
  code: 'unknown-key',
  message: `unknown key ${quote(key)} in a schedule entry`,
  hint:
    didYouMean(suggestion) ??
    'a step is { year, month?, value }; a ramp is { from, to, fromMonth?, toMonth?, value }',
});

export const unknownRunKey = (key: string, suggestion: string | undefined): Problem => ({
  code: 'unknown-key',
  message: `unknown run setting ${quote(key)}`,
  hint: didYouMean(suggestion) ?? 'the run settings are endYear, scale, replicates, seed',
});

export const unknownKey = (key: string, suggestion: string | undefined): Problem => ({
  code: 'unknown-key',
  message: `unknown key ${quote(key)}`,
  hint: didYouMean(suggestion),
});

export const moreUnknownKeys = (more: number): Problem => ({
  code: 'unknown-key',
  message: `${more} more unknown key(s) in this mapping, not shown one by one`,
  hint: 'check that this is a povsim scenario file',
});

export const missingKey = (key: string): Problem => ({
  code: 'missing-key',
  message: `missing required key ${quote(key)}`,
  hint:
    key === 'name'
      ? 'every scenario file names itself: add `name: my-scenario`'
      : key === 'value'
        ? 'each schedule entry needs the value it sets'
        : undefined,
});

export const missingScheduleTime = (): Problem => ({
  code: 'missing-key',
  message: 'schedule entry has neither `year` (a step) nor `from` and `to` (a ramp)',
  hint: 'write { year: 2018, value: 60000 } or { from: 2016, to: 2019, value: 0.8 }',
});

export const stepAndRamp = (): Problem => ({
  code: 'unknown-key',
  message: 'a schedule entry is either a step (year, month) or a ramp (from, to, fromMonth, toMonth), not both',
  hint: 'write { year: 2018, value: 60000 } or { from: 2016, to: 2019, value: 0.8 }',
});

// --- values -----------------------------------------------------------------------------------------

/** A hint for a text value where a number was expected: the usual ways planners write numbers. */
function numberFromTextHint(v: string): string | undefined {
  const t = v.trim();
  if (/^[-+]?\d+(\.\d+)?%$/.test(t)) return `write shares as fractions: ${Number(t.slice(0, -1)) / 100} for ${t}`;
  if (/^[-+]?\d{1,3}([,_ ]\d{3})+(\.\d+)?$/.test(t)) return `write ${t.replace(/[,_ ]/g, '')} without separators`;
  if (t !== '' && Number.isFinite(Number(t))) return `remove the quotes: write ${t}`;
  return undefined;
}

export const wrongType = (expected: string, got: unknown): Problem => {
  let hint: string | undefined;
  if ((expected === 'number' || expected === 'int') && typeof got === 'string') hint = numberFromTextHint(got);
  if (expected === 'object' && got === null) hint = 'add entries under it, or delete the empty key';
  if (expected === 'array') hint = 'write a list of entries such as `- { year: 2018, value: 60000 }`';
  return { code: 'type', message: `expected ${typeName(expected)}, got ${describeValue(got)}`, hint };
};

/** A schema problem without a dedicated message (none is known to occur; kept for completeness). */
export const otherSchemaProblem = (detail: string): Problem => ({
  code: 'invalid',
  message: detail,
});

export const notFinite = (got: number): Problem => ({
  code: 'type',
  message: `must be a finite number, got ${describeValue(got)}`,
  hint: 'write a plain number; .nan, .inf, NaN and Infinity are not allowed',
});

export const notWholeNumber = (got: number): Problem => ({
  code: 'range',
  message: `must be a whole number, got ${got}`,
});

/** A lever or parameter value outside its valid range (the reason comes from `checkParamValue`). */
export const paramValueInvalid = (key: string, reason: string): Problem => {
  const s = paramSpec(key);
  return {
    code: 'range',
    message: reason,
    hint: !s
      ? undefined
      : s.low === s.high
        ? `the default of ${key} is ${s.default} (${s.unit})`
        : `plausible values of ${key} are ${s.low} to ${s.high} (${s.unit}); the default is ${s.default}`,
  };
};

export const numberOutOfRange = (got: number, min: number, max: number): Problem => ({
  code: 'range',
  message: `${got} is outside the valid range [${min}, ${max}]`,
});

const RUN_EXAMPLES: Record<string, string> = {
  endYear: '2025 (the default) or 2020',
  scale: '0.01 (1:100, the default) or 1 (the whole province)',
  replicates: '20',
  seed: '1',
};

export const runOutOfRange = (key: string, got: number, min: number, max: number): Problem => ({
  code: 'range',
  message: `${got} is outside the valid range [${min}, ${max}]`,
  hint: `for example ${key} ${RUN_EXAMPLES[key] ?? min}`,
});

export const numberTooSmall = (got: number, min: number): Problem => ({
  code: 'range',
  message: `${got} is below the minimum ${min}`,
});

export const numberTooLarge = (got: number, max: number): Problem => ({
  code: 'range',
  message: `${got} is above the maximum ${max}`,
});

export const textTooLong = (length: number, max: number): Problem => ({
  code: 'too-long',
  message: `text is too long (${length} characters; at most ${max})`,
});

export const textEmpty = (): Problem => ({
  code: 'range',
  message: 'must not be empty',
});

export const controlCharacters = (): Problem => ({
  code: 'range',
  message: 'must be a single line of text without control characters',
});

export const unsafeName = (name: string, reason: string): Problem => ({
  code: 'unsafe-name',
  message: `name ${quote(name)} cannot be used as the output folder name: ${reason}`,
  hint: 'use letters, digits, dashes and underscores, e.g. `name: my-policy`; choose the folder itself with --out',
});

// --- extends ----------------------------------------------------------------------------------------

export const extendsUnreadable = (target: string, reason: string, chain: readonly string[]): Problem => ({
  code: 'extends',
  message: `cannot extend ${quote(target)}: ${reason}`,
  hint: `chain: ${chain.join(' -> ')}; paths in \`extends:\` are relative to the file that names them`,
});

export const extendsCycle = (chain: readonly string[]): Problem => ({
  code: 'extends-cycle',
  message: `extends cycle: ${chain.join(' -> ')}`,
  hint: 'remove one `extends:` so the chain ends at a file that extends nothing',
});

export const extendsTooDeep = (max: number): Problem => ({
  code: 'extends',
  message: `extends chain is longer than ${max} files`,
  hint: 'shorten the chain',
});

// --- schedule against the run -----------------------------------------------------------------------

export const scheduleYearBeforeStart = (year: number, firstYear: number): Problem => ({
  code: 'schedule-range',
  message: `year ${year} is before the first simulated year ${firstYear}`,
  hint: `the model starts in December ${firstYear - 1}; set a value in force from the start under levers: or parameters: instead`,
});

export const scheduleYearAfterEnd = (year: number, endYear: number, endYearFrom: string): Problem => ({
  code: 'schedule-range',
  message: `year ${year} is after the run's last year ${endYear}`,
  hint: `the run ends in ${endYear} (${endYearFrom}); raise run.endYear or move the change earlier`,
});

export const monthOutOfRange = (got: number): Problem => ({
  code: 'range',
  message: `month ${got} is not a month: use 1 to 12`,
});

export const scheduleBuildTime = (key: string): Problem => ({
  code: 'schedule-build-time',
  message: `${key} is read only when the population is built (December 2013), so a schedule cannot change it`,
  hint: `set it under parameters: (${key}: VALUE) instead`,
});

export const scheduleOutOfOrder = (start: string, earlier: string): Problem => ({
  code: 'schedule-order',
  message: start === earlier
    ? `this entry starts in ${start}, as the entry above it does, and replaces it whole`
    : `this entry starts in ${start}, before the entry above it (${earlier}), and replaces it whole`,
  hint: 'entries apply in the order written, each from its start onward: list them in time order, one per start',
});

export const rampBackwards = (from: string, to: string): Problem => ({
  code: 'ramp-order',
  message: `ramp ends (${to}) before it starts (${from})`,
  hint: 'swap `from` and `to`: a ramp runs forward in time',
});
