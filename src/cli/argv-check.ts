/**
 * Command-line checks yargs does not make, so that no flag silently changes meaning:
 *
 *   - a flag given twice is an error (yargs would make a list, and sum or join it);
 *   - `--` is an error (yargs would drop everything after it, e.g. `--fitted F`);
 *   - a flag that takes a value must get one: `--seed=`, `--out ""`, `--out` at the end or before
 *     another flag are errors (yargs would drop the flag or read 0);
 *   - a number flag must get a number (`--seed abc`).
 *
 * Each problem is a diagnostic of the command line (exit 2).
 */
import { InputError, type Diagnostic } from '../engine/diagnostics.js';

const CLI = '(command line)';

function flagDiag(key: string, message: string, hint: string): Diagnostic {
  return { code: 'bad-flag', file: CLI, line: 0, column: 0, key, message, hint };
}

/** `--end-year=5` → `end-year`; `--no-profile` → `profile`; not a flag → undefined. */
function flagName(token: string): string | undefined {
  if (!token.startsWith('--') || token === '--') return undefined;
  const name = token.slice(2).split('=')[0];
  return name.startsWith('no-') ? name.slice(3) : name;
}

/**
 * Checks the raw arguments before yargs reads them: `--`, repeated flags, empty `--flag=` values.
 * @throws InputError listing every problem
 */
export function checkRawArgs(argv: readonly string[]): void {
  const problems: Diagnostic[] = [];
  const values = new Map<string, string[]>();
  argv.forEach((t, i) => {
    if (t === '-') {
      problems.push(flagDiag('-', 'reading a file from standard input is not supported', 'name the file, e.g. povsim run scenarios/baseline.yaml'));
      return;
    }
    if (t === '--') {
      problems.push(flagDiag('--', `arguments after \`--\` would be ignored: ${argv.slice(i + 1).join(' ') || '(none)'}`, 'remove the `--`; povsim reads every flag where it stands'));
      return;
    }
    const name = flagName(t);
    if (name === undefined) return;
    const key = `--${name}`;
    const given = t.includes('=') ? t.slice(t.indexOf('=') + 1) : argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : '';
    values.set(name, [...(values.get(name) ?? []), t.startsWith('--no-') ? 'false' : given]);
    const next = argv[i + 1];
    // yargs reads `-1/2` (and `-5e8`, `-1.`) as short flags: a value that starts with - and is not
    // a number as yargs reads one (digits, one decimal point between digits) needs `=`.
    if (!t.includes('=') && next !== undefined && /^-\d/.test(next) && !/^-(\d+(\.\d+)?|\.\d+)$/.test(next)) {
      problems.push(flagDiag(key, `the value ${JSON.stringify(next)} starts with - and would be read as flags`, `write ${key}=${next}`));
    }
    if (t.includes('=') && t.slice(t.indexOf('=') + 1).trim() === '') problems.push(flagDiag(key, 'needs a value, got an empty one', `write ${key}=VALUE or ${key} VALUE`));
    else if (!t.includes('=') && argv[i + 1] !== undefined && argv[i + 1].trim() === '') problems.push(flagDiag(key, 'needs a value, got an empty one', `write ${key} VALUE`));
  });
  for (const [name, vs] of values) {
    if (vs.length < 2) continue;
    const shown = vs.some((v) => v !== '') ? ` (${vs.map((v) => JSON.stringify(v)).join(', ')})` : '';
    problems.push(flagDiag(`--${name}`, `given ${vs.length} times${shown}`, `give --${name} once: povsim never sums, joins or picks among repeated values`));
  }
  if (problems.length > 0) throw new InputError(problems.slice(0, 20));
}

/** What yargs knows of the options of the command being run. */
export interface OptionTypes {
  string: readonly string[];
  number: readonly string[];
  boolean: readonly string[];
}

/**
 * Checks, after yargs has parsed, that every value flag the user wrote got a value of its type.
 * @param parsed yargs' parsed arguments
 * @throws InputError listing every problem
 */
export function checkParsedFlags(argv: readonly string[], parsed: Record<string, unknown>, types: OptionTypes): void {
  const problems: Diagnostic[] = [];
  argv.forEach((t, i) => {
    const name = flagName(t);
    if (name === undefined) return;
    const key = `--${name}`;
    if (types.boolean.includes(name)) {
      // `--force=yes` would read as false: a switch takes no value, or exactly true or false.
      const value = t.includes('=') ? t.slice(t.indexOf('=') + 1) : undefined;
      if (value !== undefined && value !== 'true' && value !== 'false') problems.push(flagDiag(key, `is a switch, got the value ${JSON.stringify(value)}`, `write ${t.startsWith('--no-') ? t.split('=')[0] : key} alone (or ${key}=true, ${key}=false)`));
      return;
    }
    const isNumber = types.number.includes(name);
    if (!isNumber && !types.string.includes(name)) return;
    const raw = t.includes('=') ? t.slice(t.indexOf('=') + 1) : argv[i + 1];
    const missing = raw === undefined || (!t.includes('=') && /^--?[A-Za-z]/.test(raw));
    const v = parsed[name];
    if (missing || v === undefined || v === '') {
      problems.push(flagDiag(key, 'needs a value', `write ${key} VALUE (povsim ${String(parsed._ ?? '')} --help lists the flags)`));
    } else if (isNumber && (typeof v !== 'number' || Number.isNaN(v) || !/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(raw))) {
      problems.push(flagDiag(key, `needs a number, got ${JSON.stringify(raw)}`, 'write a plain number such as 7, 0.001 or 2e9'));
    }
  });
  if (problems.length > 0) throw new InputError(problems.slice(0, 20));
}
