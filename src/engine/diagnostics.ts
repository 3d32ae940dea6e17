/**
 * User-facing input problems. An input error is data ({code, file, line, column, key, message, hint}),
 * collected into a list so a file reports all its problems at once. The CLI prints them and exits 2.
 */

/** One problem found in user input. `line`/`column` are 1-based; 0 when unknown. */
export interface Diagnostic {
  code: string;
  file: string;
  line: number;
  column: number;
  /** Dotted path of the offending key, e.g. `levers.cadreEfort`; '' for the whole file. */
  key: string;
  message: string;
  hint?: string;
}

/** Thrown when input is invalid; carries every diagnostic found. Exit code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
  }
}

/** `file:line:column: key: message (hint: ...)`, the format every editor can jump to. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const key = d.key ? ` ${d.key}:` : '';
  const hint = d.hint ? `\n    hint: ${d.hint}` : '';
  return `${where}:${key} ${d.message}${hint}`;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/** The closest candidate to `word`, if it is close enough to be a plausible typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestD <= limit ? best : undefined;
}
