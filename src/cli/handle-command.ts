/**
 * How the research commands (sweep, sensitivity, merge, calibrate, playground) end: their handlers
 * never let an exception reach yargs, which would print the whole help text.
 */
import { formatDiagnostic, InputError } from '../engine/diagnostics.js';
import type { CliIO } from './io.js';

/**
 * Runs a command handler and reports its failure itself: InputError → diagnostics and exit 2;
 * interrupted → 130; anything else → one line (a stack with POVSIM_DEBUG=1) and exit 1.
 */
export async function handleCommand(io: CliIO, signal: AbortSignal, setCode: (c: number) => void, run: () => Promise<number> | number): Promise<void> {
  try {
    setCode(await run());
  } catch (err) {
    if (err instanceof InputError) {
      io.err(err.diagnostics.map(formatDiagnostic).join('\n'));
      setCode(2);
    } else if (signal.aborted) {
      io.err('povsim: interrupted');
      setCode(130);
    } else {
      io.err(`povsim: ${err instanceof Error ? err.message : String(err)}`);
      if (process.env.POVSIM_DEBUG === '1' && err instanceof Error) io.err(err.stack ?? '');
      setCode(1);
    }
  }
}

/** A bad command-line flag as an InputError (exit 2): `(command line)`, the flag, the message and a hint. */
export function flagError(key: string, problem: { code?: string; message: string; hint?: string }): InputError {
  return new InputError([{ code: 'bad-flag', ...problem, file: '(command line)', line: 0, column: 0, key }]);
}
