/**
 * What the optimize CLI tests share: a captured CliIO and the tiny plan (two suggestions, central
 * assumptions, a few dozen runs at 1:1000) written into a test's temporary folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** A CliIO that keeps what the command printed. */
export function captureIO() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
}

/** Two suggestions, central assumptions (draws: 0), so the search runs the optimum's own tasks. */
export const TINY_PLAN = `name: tiny
baseline: ${join(ROOT, 'scenarios/baseline.yaml')}
suggestions:
  - ${join(ROOT, 'scenarios/suggestion-1-industry.yaml')}
  - ${join(ROOT, 'scenarios/suggestion-3-culture.yaml')}
budget: 5e8
scale: 0.001
endYear: 2020
objective: { year: 2020 }
draws: 0
costCurve: { doses: 2, replicates: 1 }
search: { grid: 2, refinements: 1, screenReplicates: 1, raceReplicates: 2, raceSize: 2, maxPolls: 2 }
confirmReplicates: 2
frontier: { budgets: [2e8] }
`;

/** Writes the tiny plan as `tiny.yaml` in `dir` and returns its path. */
export function writeTinyPlan(dir: string): string {
  const file = join(dir, 'tiny.yaml');
  writeFileSync(file, TINY_PLAN);
  return file;
}
