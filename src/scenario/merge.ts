/**
 * Merging a validated `extends` chain into one resolved scenario, and the checks that need the merged
 * result (schedule years against the run's last year). Child values override parent values; schedules
 * concatenate, parent first, so a child's change applies after its parent's.
 */
import type { Diagnostic } from '../engine/diagnostics.js';
import { sha256Hex } from '../engine/sha256.js';
import { PARAM_KEYS, type ParamKey, type Params } from '../model/parameters.js';
import type { ScheduleChange } from '../model/schedule.js';
import * as msg from './messages.js';
import { RUN_DEFAULTS, RUN_KEYS, type RunSettings, type ScenarioFile, type ScheduleEntry } from './schema.js';
import { formatPath, type ParsedSource, type PathSegment } from './source.js';

/** A scenario after following `extends`, merging and validating. */
export interface ResolvedScenario {
  name: string;
  description: string;
  /** Absolute path of the leaf file. */
  file: string;
  /** Absolute paths of the files, from the root ancestor to the leaf. */
  chain: string[];
  /** Merged lever and parameter overrides: only keys some file set. */
  values: Partial<Params>;
  /** Time-varying changes, root ancestor's first. */
  schedule: ScheduleChange[];
  /** Run settings: file chain, then command-line overrides, then defaults. */
  run: RunSettings;
  /** sha256 (hex) of the canonical JSON of {name, values, schedule, run}: stable under reformatting. */
  contentHash: string;
}

/** One validated file of a chain. `display` is the path as shown in diagnostics. */
export interface ChainFile {
  display: string;
  abs: string;
  source: ParsedSource;
  scenario: ScenarioFile;
}

/** JSON with object keys sorted at every level: equal data gives equal text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The content hash of a resolved scenario's meaning (not its formatting, comments or description). */
export function contentHashOf(r: Pick<ResolvedScenario, 'name' | 'values' | 'schedule' | 'run'>): string {
  const text = canonicalJson({ name: r.name, values: r.values, schedule: r.schedule, run: r.run });
  return sha256Hex(text);
}

function toChange(key: ParamKey, e: ScheduleEntry): ScheduleChange {
  if ('year' in e) return { kind: 'step', key, at: { year: e.year, month: e.month ?? 1 }, value: e.value };
  return {
    kind: 'ramp',
    key,
    from: { year: e.from, month: e.fromMonth ?? 1 },
    to: { year: e.to, month: e.toMonth ?? 12 },
    value: e.value,
  };
}

/**
 * Merges a chain (root ancestor first) with optional command-line run settings. Returns the resolved
 * scenario, or the diagnostics of schedule entries outside the run's years.
 */
export function mergeChain(
  files: readonly ChainFile[],
  runOverrides: Partial<RunSettings> = {},
): { resolved: ResolvedScenario } | { diagnostics: Diagnostic[] } {
  const leaf = files[files.length - 1];
  // 1. scalars and values: the nearest file that sets a key wins
  let description = '';
  const set: Partial<Record<ParamKey, number>> = {};
  const run: Record<string, number> = { ...RUN_DEFAULTS };
  const runFrom: Record<string, string> = Object.fromEntries(RUN_KEYS.map((k) => [k, 'the default']));
  for (const f of files) {
    const s = f.scenario;
    if (s.description !== undefined) description = s.description;
    for (const [k, v] of Object.entries({ ...s.levers, ...s.parameters })) if (v !== undefined) set[k as ParamKey] = v;
    for (const k of RUN_KEYS) {
      const v = s.run?.[k];
      if (v !== undefined) {
        run[k] = v;
        runFrom[k] = `set in ${f.display}`;
      }
    }
  }
  for (const k of RUN_KEYS) {
    const v = runOverrides[k];
    if (v !== undefined) {
      run[k] = v;
      runFrom[k] = 'set on the command line';
    }
  }
  const values: Partial<Params> = {};
  for (const k of PARAM_KEYS) if (set[k] !== undefined) values[k] = set[k];

  // 2. schedules, parent first; entries must lie within the run's years
  const schedule: ScheduleChange[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const entries = Object.entries(f.scenario.schedule ?? {}) as [ParamKey, ScheduleEntry[] | undefined][];
    for (const [key, list] of entries) {
      (list ?? []).forEach((e, i) => {
        const fields: [string, number][] = 'year' in e ? [['year', e.year]] : [['from', e.from], ['to', e.to]];
        for (const [field, year] of fields) {
          if (year <= run.endYear) continue;
          const path: PathSegment[] = ['schedule', key, i, field];
          const pos = f.source.locate(path, 'value');
          diagnostics.push({
            ...msg.scheduleYearAfterEnd(year, run.endYear, runFrom.endYear),
            file: f.display,
            line: pos.line,
            column: pos.column,
            key: formatPath(path),
          });
        }
        schedule.push(toChange(key, e));
      });
    }
  }
  if (diagnostics.length > 0) return { diagnostics };

  const runSettings: RunSettings = { endYear: run.endYear, scale: run.scale, replicates: run.replicates, seed: run.seed };
  const core = { name: leaf.scenario.name, values, schedule, run: runSettings };
  return {
    resolved: {
      ...core,
      description,
      file: leaf.abs,
      chain: files.map((f) => f.abs),
      contentHash: contentHashOf(core),
    },
  };
}
