/**
 * What the CLI writes to: stdout and stderr as plain functions, and whether stderr is a terminal
 * (progress bars only then). Tests pass their own.
 */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Exit codes, documented in `--help` and the README. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;
