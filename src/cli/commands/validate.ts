/**
 * `povsim validate <files…>`: checks scenario files, comparison files and sweep and calibration plans,
 * each with its own parser (src/node/validate-files.ts), and reports every problem; exit 2 if any.
 */
import { formatDiagnostic } from '../../engine/diagnostics.js';
import { validateFiles } from '../../node/validate-files.js';
import type { CliIO } from '../io.js';

export function validateCommand(files: string[], json: boolean, io: CliIO): number {
  const results = validateFiles(files);
  if (json) io.out(JSON.stringify(results, null, 2));
  else {
    for (const r of results) {
      if (r.ok) io.out(`ok   ${r.file}${r.kind === 'scenario' ? '' : ` (${r.kind.replace('-', ' ')})`}`);
      else {
        io.err(`FAIL ${r.file}`);
        for (const d of r.diagnostics) io.err('  ' + formatDiagnostic(d).replace(/\n/g, '\n  '));
      }
    }
  }
  return results.every((r) => r.ok) ? 0 : 2;
}
