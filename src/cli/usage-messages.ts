/**
 * yargs' usage messages ("Unknown argument: x", "Not enough non-option arguments: got 0, need at least
 * 1", "Invalid values: ...") in povsim's own words and format: `(command line): --flag: message` and a
 * hint, like every other bad-input message (exit 2).
 */
import type { Diagnostic } from '../engine/diagnostics.js';

const COMMANDS = ['run', 'compare', 'sweep', 'sensitivity', 'merge', 'calibrate', 'optimize', 'validate', 'params', 'plan', 'schema', 'playground'];
/** What each command's positional arguments are. */
const POSITIONALS: Record<string, string> = {
  run: 'a scenario file (povsim run scenarios/baseline.yaml)',
  validate: 'one or more scenario files (povsim validate scenarios/*.yaml)',
  sweep: 'a sweep plan (povsim sweep scenarios/sweeps/assumptions-2020.yaml)',
  sensitivity: 'the output directory of a finished sweep (povsim sensitivity out/sweeps/NAME)',
  merge: 'the shard output directories (povsim merge out/shards/* --out DIR)',
  calibrate: 'a calibration plan (povsim calibrate scenarios/calibration/baseline-fit.yaml)',
};

function d(key: string, message: string, hint: string): Diagnostic {
  return { code: 'usage', file: '(command line)', line: 0, column: 0, key, message, hint };
}

/** The diagnostic of a yargs usage message for the arguments `argv`. */
export function usageDiagnostic(message: string, argv: readonly string[]): Diagnostic {
  const command = argv.find((a) => !a.startsWith('-'));
  const help = command && COMMANDS.includes(command) ? `povsim ${command} --help` : 'povsim --help';
  let m = /^Unknown arguments?: (.+)$/s.exec(message);
  if (m) {
    const names = m[1].split(', ');
    const first = names[0];
    if (!argv.some((a) => a.startsWith(`--${first}`) || a.startsWith(`-${first}`)) && !COMMANDS.includes(first) && first === command) {
      return d('', `unknown command ${JSON.stringify(first)}`, `the commands are ${COMMANDS.join(', ')}`);
    }
    const flags = names.map((n) => (argv.includes(n) ? JSON.stringify(n) : `--${n}`));
    return d(flags[0], `unknown ${argv.includes(first) ? 'argument' : 'flag'}${flags.length > 1 ? `s ${flags.join(', ')}` : ''}`, `${help} lists the flags`);
  }
  m = /^Not enough non-option arguments/.exec(message);
  if (m) {
    if (!command) return d('', 'no command given', `name a command: ${COMMANDS.join(', ')}`);
    return d('', `povsim ${command} needs ${POSITIONALS[command] ?? 'an argument'}`, `${help} shows an example`);
  }
  m = /^Missing required arguments?: (.+)$/.exec(message);
  if (m) return d(`--${m[1].split(', ')[0]}`, 'is required', `${help} shows an example`);
  m = /^Invalid values:\s+Argument: (\S+), Given: (.+), Choices: (.+)$/s.exec(message.trim());
  if (m) return d(`--${m[1]}`, `must be one of ${m[3]}, got ${m[2]}`, `${help} lists the flags`);
  if (/^name a command/.test(message)) return d('', 'no command given', message);
  return d('', message, `${help} lists the commands and flags`);
}
