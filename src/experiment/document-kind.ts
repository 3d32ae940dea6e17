/**
 * Which kind of povsim input a YAML or JSON text is, told by one key at its top level, so that
 * `povsim validate` checks each file with its own parser instead of reporting a plan's keys as
 * unknown scenario keys:
 *
 *   suggestions or budget           → an optimization plan (optimize-plan.ts)
 *   alternatives or baseline        → a comparison file (comparison-file.ts)
 *   fit, maxEvaluations, writeTable → a calibration plan (sweep/calibration-plan.ts)
 *   vary, include, design or base   → a sweep plan (sweep/plan.ts)
 *   anything else                   → a scenario (src/scenario), whose parser reports every problem,
 *                                     unreadable YAML included
 *
 * A file with a key only scenarios have (extends, levers, parameters, schedule, run) is a scenario
 * whatever else it holds, so a scenario with a stray key is reported as a scenario.
 */
import { isMap, parseDocument } from 'yaml';
import { TOP_LEVEL_KEYS } from '../scenario/schema.js';

/** Top-level keys of scenarios that no plan or comparison file has. */
const SCENARIO_ONLY_KEYS = TOP_LEVEL_KEYS.filter((k) => !['$schema', 'name', 'description'].includes(k));

export type DocumentKind = 'scenario' | 'comparison' | 'sweep-plan' | 'calibration-plan' | 'optimize-plan';

/** The kind of input `text` is (see the table above); `scenario` when it is not a mapping or cannot be parsed. */
export function documentKind(text: string): DocumentKind {
  let doc;
  try {
    doc = parseDocument(text);
  } catch {
    return 'scenario';
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return 'scenario';
  const m = doc.contents;
  const has = (...keys: string[]): boolean => keys.some((k) => m.has(k));
  if (has(...SCENARIO_ONLY_KEYS)) return 'scenario';
  if (has('suggestions', 'budget')) return 'optimize-plan';
  if (has('alternatives', 'baseline')) return 'comparison';
  if (has('fit', 'maxEvaluations', 'writeTable')) return 'calibration-plan';
  if (has('vary', 'include', 'design', 'base')) return 'sweep-plan';
  return 'scenario';
}
