/** `povsim validate <files…>`: checks scenario files and reports every problem; exit 2 if any. */
import { formatDiagnostic } from '../../engine/diagnostics.js';
import { validateScenarioFiles } from '../../node/scenario-files.js';
import type { CliIO } from '../io.js';

export function validateCommand(files: string[], json: boolean, io: CliIO): number {
  const results = validateScenarioFiles(files);
  if (json) io.out(JSON.stringify(results, null, 2));
  else {
    for (const r of results) {
      if (r.ok) io.out(`ok   ${r.file}`);
      else {
        io.err(`FAIL ${r.file}`);
        for (const d of r.diagnostics) io.err('  ' + formatDiagnostic(d).replace(/\n/g, '\n  '));
      }
    }
  }
  return results.every((r) => r.ok) ? 0 : 2;
}
