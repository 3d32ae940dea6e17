/**
 * Sweep plans: which parameters to vary over which ranges, with which design, around which base
 * scenario, and which outputs to keep. A plan is a YAML (or JSON) file:
 *
 *   name: assumptions-2020
 *   base: ../baseline.yaml            # scenario file, relative to this plan
 *   vary:                             # explicit parameters (file order); {} = the table's plausible range
 *     cadreEffort: {}
 *     subsidyLevel: { low: 10000, high: 85000, log: true }
 *   include: { sources: [assume], groups: [lever], except: [householdMeasureShare] }   # more, in table order
 *   design: { kind: morris, trajectories: 10, levels: 4, seed: 7 }
 *   replicates: 2                     # defaults for replicates, seed, scale, endYear: the base's run
 *   seed: 1
 *   scale: 0.002
 *   endYear: 2020
 *   outputs: { metrics: [official_incidence], years: [2020] }
 *
 * Loading follows the scenario loader: 1. read (size, encoding, syntax, positions); 2. validate every
 * key with file:line:column and did-you-mean hints; 3. load the base scenario (its own diagnostics);
 * 4. cross-checks (years within the run, varied keys not scheduled by the base, size limit).
 * Every problem is thrown together as one `InputError`.
 */
import { InputError } from '../../engine/diagnostics.js';
import { sha256Hex } from '../../engine/sha256.js';
import { METRICS, type Metric } from '../../model/metrics.js';
import { PARAMETERS, PARAM_KEYS, paramSpec, type ParamGroup, type ParamKey, type Params, type Source } from '../../model/parameters.js';
import type { ScheduleChange } from '../../model/schedule.js';
import { START_YEAR } from '../../model/simulate.js';
import type { ScenarioFiles } from '../../scenario/files.js';
import { canonicalJson, loadScenarioWith, type ResolvedScenario } from '../../scenario/load.js';
import * as smsg from '../../scenario/messages.js';
import { unsafeFolderNameReason } from '../../scenario/names.js';
import { RUN_RANGES } from '../../scenario/schema.js';
import { readFileBytes, type PathSegment } from '../../scenario/source.js';
import { designPointCount, type DesignKind, DESIGN_KINDS } from './design.js';
import * as msg from './plan-messages.js';
import { closest, isMapping, openPlan, type Data, type PlanReader } from './plan-reader.js';

/** Most runs (points × replicates) one plan may ask for. */
export const MAX_SWEEP_RUNS = 1_000_000;

/**
 * Most Morris candidate trajectories for d varied parameters. Choosing the spread-out ones compares
 * every pair: M²/2 pairs × (d+1)² points × d coordinates, with an M × M table. Both are bounded (about
 * 3·10⁸ operations, well under a second, and at most 1,000 candidates, an 8 MB table), so no plan makes
 * the loader compute for minutes or allocate gigabytes where a Ctrl-C cannot reach it.
 */
export function maxMorrisCandidates(d: number): number {
  const WORK = 3e8;
  return Math.max(2, Math.min(1000, Math.floor(Math.sqrt((2 * WORK) / ((d + 1) ** 2 * Math.max(1, d))))));
}
/** Metrics kept when the plan names none. */
export const DEFAULT_METRICS: readonly Metric[] = ['official_incidence', 'true_incidence'];

const TOP_KEYS = ['$schema', 'name', 'description', 'base', 'vary', 'include', 'design', 'replicates', 'seed', 'scale', 'endYear', 'outputs'] as const;
const VARY_KEYS = ['low', 'high', 'log', 'levels'] as const;
const INCLUDE_KEYS = ['sources', 'groups', 'except'] as const;
const OUTPUT_KEYS = ['metrics', 'years'] as const;
const DESIGN_KEYS = ['kind', 'levels', 'points', 'samples', 'trajectories', 'candidates', 'seed'] as const;
const SOURCES: readonly Source[] = ['paper', 'stat', 'lit', 'assume', 'calibrated'];
const GROUPS: readonly ParamGroup[] = [...new Set(PARAMETERS.map((s) => s.group))];

/** Which design keys apply to which kinds (and an example value for "missing" hints). */
const DESIGN_KEY_KINDS: Record<string, readonly DesignKind[]> = {
  levels: ['grid', 'morris'],
  points: ['random', 'latin-hypercube'],
  samples: ['sobol'],
  trajectories: ['morris'],
  candidates: ['morris'],
  seed: ['random', 'latin-hypercube', 'morris', 'sobol'],
};

/** One varied parameter: its range (in its own units) and how it is sampled. */
export interface VariedParameter {
  key: ParamKey;
  low: number;
  high: number;
  /** Sample uniformly in log space. */
  log: boolean;
  /** Whole-number parameter: sampled values are rounded. */
  integer: boolean;
  /** Grid levels of this parameter (grid designs only). */
  levels?: number;
}

/** The design as the plan asks for it. */
export interface DesignSpec {
  kind: DesignKind;
  /** Grid: levels per parameter (default 3); Morris: grid levels p (even, default 4). */
  levels?: number;
  /** random, latin-hypercube: number of points. */
  points?: number;
  /** sobol: base samples N; the design has N·(d+2) points. */
  samples?: number;
  /** morris: trajectories r; the design has r·(d+1) points. */
  trajectories?: number;
  /** morris: draw this many candidate trajectories and keep the r most spread out. */
  candidates?: number;
  /** Seed of the design's random draws (default: the plan's seed). */
  seed: number;
}

/** A validated plan with its base scenario resolved: everything that determines a sweep's results. */
export interface SweepPlan {
  name: string;
  description: string;
  base: { name: string; values: Partial<Params>; schedule: ScheduleChange[] };
  vary: VariedParameter[];
  design: DesignSpec;
  replicates: number;
  seed: number;
  scale: number;
  endYear: number;
  outputs: { metrics: Metric[]; years: number[] };
}

/** Run settings given on the command line; they override the plan (and change its hash). */
export interface PlanOverrides {
  replicates?: number;
  seed?: number;
  scale?: number;
  endYear?: number;
}

/** Canonical JSON of a plan (keys sorted): plan.json's content. Equal plans give equal text. */
export function planJson(plan: SweepPlan): string {
  return canonicalJson({ format: 'povsim-sweep-plan/1', ...plan }) + '\n';
}

/** sha256 (hex) of planJson: the identity of a sweep (resume and merge compare it). */
export function planHash(plan: SweepPlan): string {
  return sha256Hex(planJson(plan));
}

/** Points of the plan's design (before replicates). */
export function planPoints(plan: Pick<SweepPlan, 'design' | 'vary'>): number {
  return designPointCount(plan.design, plan.vary);
}

/**
 * Checks command-line run settings against the scenario format's ranges.
 * @throws InputError naming the flag (--scale, --end-year, --replicates, --seed)
 */
export function checkOverrides(o: PlanOverrides): void {
  const flags: [keyof PlanOverrides, string][] = [['replicates', '--replicates'], ['seed', '--seed'], ['scale', '--scale'], ['endYear', '--end-year']];
  const ds = [];
  for (const [key, flag] of flags) {
    const v = o[key];
    if (v === undefined) continue;
    const [min, max, whole] = RUN_RANGES[key];
    const bad = !Number.isFinite(v) ? smsg.notFinite(v) : whole && !Number.isInteger(v) ? smsg.notWholeNumber(v) : v < min || v > max ? smsg.numberOutOfRange(v, min, max) : undefined;
    if (bad) ds.push({ ...bad, file: '(command line)', line: 0, column: 0, key: flag });
  }
  if (ds.length > 0) throw new InputError(ds);
}

/** Reads one `vary:` entry. */
function readVaried(r: PlanReader, key: string, value: unknown, path: PathSegment[], isGrid: boolean): VariedParameter | undefined {
  const spec = paramSpec(key);
  if (!spec) return r.problem(path, msg.unknownParameter(key, closest(key, PARAM_KEYS)), 'key');
  const entry = value === null ? {} : r.mapping(value, path);
  if (!entry) return undefined;
  r.unknownKeys(entry, path, VARY_KEYS);
  const low = r.number(entry, 'low', path);
  const high = r.number(entry, 'high', path);
  const log = r.boolean(entry, 'log', path) ?? false;
  const levels = r.number(entry, 'levels', path, { integer: true, min: 1, max: 1000 });
  if (levels !== undefined && !isGrid) r.problem([...path, 'levels'], msg.gridLevelsElsewhere(), 'key');
  const lo = entry.low === undefined ? spec.low : low;
  const hi = entry.high === undefined ? spec.high : high;
  if (lo === undefined || hi === undefined) return undefined;
  let ok = true;
  for (const [k, v] of [['low', lo], ['high', hi]] as const) {
    if (v < spec.min || v > spec.max) {
      r.problem(entry[k] === undefined ? path : [...path, k], msg.rangeOutsideValid(key, v));
      ok = false;
    }
  }
  if (!ok) return undefined;
  if (lo >= hi) {
    if (entry.low === undefined && entry.high === undefined) return r.problem(path, msg.noPlausibleRange(key));
    return r.problem([...path, entry.high === undefined ? 'low' : 'high'], msg.rangeBackwards(lo, hi));
  }
  if (log && !(lo > 0)) return r.problem([...path, entry.low === undefined ? 'log' : 'low'], msg.logNeedsPositive(lo));
  return { key: spec.key as ParamKey, low: lo, high: hi, log, integer: Boolean(spec.integer), ...(levels !== undefined ? { levels } : {}) };
}

/** Reads `include:` and returns the keys it selects (table order), without those already varied. */
function readInclude(r: PlanReader, value: unknown, explicit: ReadonlySet<string>): VariedParameter[] {
  const path: PathSegment[] = ['include'];
  const inc = r.mapping(value, path);
  if (!inc) return [];
  r.unknownKeys(inc, path, INCLUDE_KEYS);
  const word = (what: string, choices: readonly string[]) => (v: unknown, at: PathSegment[]): string | undefined => {
    if (typeof v !== 'string') return r.problem(at, smsg.wrongType('string', v));
    if (choices.includes(v)) return v;
    return r.problem(at, msg.unknownChoice(what, v, closest(v, choices), choices));
  };
  const sources = r.list(inc, 'sources', path, 'sources', word('source', SOURCES)) ?? [];
  const groups = r.list(inc, 'groups', path, 'groups', word('group', GROUPS)) ?? [];
  const except = r.list(inc, 'except', path, 'exceptions', (v, at) => {
    if (typeof v !== 'string') return r.problem(at, smsg.wrongType('string', v));
    return paramSpec(v) ? v : r.problem(at, msg.unknownParameter(v, closest(v, PARAM_KEYS)));
  }) ?? [];
  return PARAMETERS.filter(
    (s) => (sources.includes(s.source) || groups.includes(s.group)) && !except.includes(s.key) && !explicit.has(s.key) && s.low < s.high,
  ).map((s) => ({ key: s.key as ParamKey, low: s.low, high: s.high, log: false, integer: Boolean(s.integer) }));
}

/** Reads `design:` (kind-specific keys are checked against the kind). */
function readDesign(r: PlanReader, value: unknown, planSeed: number | undefined): Omit<DesignSpec, 'seed'> & { seed?: number } | undefined {
  const path: PathSegment[] = ['design'];
  if (value === undefined) return r.missing([], 'design');
  const d = r.mapping(value, path);
  if (!d) return undefined;
  r.unknownKeys(d, path, DESIGN_KEYS);
  if (d.kind === undefined) return r.missing(path, 'kind');
  const kind = r.choice(d, 'kind', path, 'design kind', DESIGN_KINDS);
  if (!kind) return undefined;
  for (const [key, kinds] of Object.entries(DESIGN_KEY_KINDS)) {
    if (d[key] !== undefined && !kinds.includes(kind)) r.problem([...path, key], msg.keyNotForDesign(key, kind, kinds), 'key');
  }
  const int = (key: string, min: number, max: number) => (DESIGN_KEY_KINDS[key].includes(kind) ? r.number(d, key, path, { integer: true, min, max }) : undefined);
  const spec: Omit<DesignSpec, 'seed'> & { seed?: number } = { kind };
  const levels = int('levels', kind === 'morris' ? 2 : 1, 1000);
  const points = int('points', 1, MAX_SWEEP_RUNS);
  const samples = int('samples', 2, MAX_SWEEP_RUNS);
  const trajectories = int('trajectories', 2, MAX_SWEEP_RUNS);
  const candidates = int('candidates', 2, 10_000);
  const seed = int('seed', 0, RUN_RANGES.seed[1]);
  if (kind === 'grid') spec.levels = levels ?? 3;
  if (kind === 'random' || kind === 'latin-hypercube') {
    if (d.points === undefined) r.problem(path, msg.designKeyMissing('points', kind, '100'));
    spec.points = points;
  }
  if (kind === 'sobol') {
    if (d.samples === undefined) r.problem(path, msg.designKeyMissing('samples', kind, '64'));
    spec.samples = samples;
  }
  if (kind === 'morris') {
    if (d.trajectories === undefined) r.problem(path, msg.designKeyMissing('trajectories', kind, '10'));
    spec.trajectories = trajectories;
    spec.levels = levels ?? 4;
    if (levels !== undefined && levels % 2 !== 0) r.problem([...path, 'levels'], msg.oddMorrisLevels(levels));
    if (candidates !== undefined && trajectories !== undefined && candidates < trajectories) {
      r.problem([...path, 'candidates'], smsg.numberTooSmall(candidates, trajectories));
    }
    if (candidates !== undefined) spec.candidates = candidates;
  }
  const chosenSeed = seed ?? planSeed;
  if (chosenSeed !== undefined) spec.seed = chosenSeed;
  return spec;
}

/** Reads `outputs:`; years are checked against the run later. */
function readOutputs(r: PlanReader, value: unknown): { metrics?: Metric[]; years?: number[] } {
  if (value === undefined) return {};
  const path: PathSegment[] = ['outputs'];
  const o = r.mapping(value, path);
  if (!o) return {};
  r.unknownKeys(o, path, OUTPUT_KEYS);
  const metrics = r.list(o, 'metrics', path, 'metrics', (v, at) => {
    if (typeof v !== 'string') return r.problem(at, smsg.wrongType('string', v));
    return (METRICS as readonly string[]).includes(v) ? (v as Metric) : r.problem(at, msg.unknownMetric(v, closest(v, METRICS)));
  });
  const years = r.list(o, 'years', path, 'years', (v, at) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return r.problem(at, smsg.wrongType('int', v));
    return v;
  });
  return { metrics, years };
}

/** Resolves `base:` against the plan file; problems are reported at the `base` key of the plan. */
export function readBase(r: PlanReader, obj: Data, endYear: number | undefined): ResolvedScenario | undefined {
  const base = r.text(obj, 'base', [], 1000);
  if (obj.base === undefined) return r.missing([], 'base');
  if (base === undefined) return undefined;
  const abs = r.files.absolute(r.files.relativeTo(r.abs, base));
  const display = r.files.relativeTo(r.display, base);
  const read = readFileBytes(r.files, abs);
  if ('problem' in read) return r.problem(['base'], msg.baseUnreadable(display, read.problem.message));
  r.throwIfProblems(); // the plan's own problems first, then the base's
  return loadScenarioWith(r.files, display === abs ? abs : display, endYear !== undefined ? { runOverrides: { endYear } } : {});
}

/**
 * The part every plan shares: unknown top-level keys, `name`, `description` and the run settings
 * (`replicates`, `seed`, `scale`, `endYear`, each checked against the scenario run ranges).
 */
export function readPlanHeader(r: PlanReader, top: Record<string, unknown>, topKeys: readonly string[]) {
  r.unknownKeys(top, [], topKeys);
  if (top.name === undefined) r.missing([], 'name');
  const text = r.text(top, 'name', [], 200);
  const unsafe = text === undefined ? undefined : unsafeFolderNameReason(text);
  const name = unsafe === undefined ? text : r.problem(['name'], smsg.unsafeName(text!, unsafe));
  const description = r.text(top, 'description', [], 20_000, true) ?? '';
  const run = (key: keyof typeof RUN_RANGES) => {
    const [min, max, integer] = RUN_RANGES[key];
    return r.number(top, key, [], { min, max, integer });
  };
  const planRun = { replicates: run('replicates'), seed: run('seed'), scale: run('scale'), endYear: run('endYear') };
  return { name, description, planRun };
}

/**
 * Loads and validates a sweep plan and its base scenario through a reader (in Node: `loadSweepPlan`
 * of src/node/sweep-plans.ts).
 * @param files where the plan and its base are read from
 * @param file plan path (YAML or JSON), as shown in diagnostics
 * @param overrides run settings from the command line (they take precedence over the plan)
 * @throws InputError with every problem found (file:line:column, key, message, hint); nothing else
 */
export function loadSweepPlanWith(files: ScenarioFiles, file: string, overrides: PlanOverrides = {}): SweepPlan {
  checkOverrides(overrides);
  const r = openPlan(files, file);
  const top = r.mapping(r.data, []);
  if (!top) return r.throwIfProblems() as never;
  const { name, description, planRun } = readPlanHeader(r, top, TOP_KEYS);

  // 1. what to vary
  const design = readDesign(r, top.design, overrides.seed ?? planRun.seed);
  const isGrid = design?.kind === 'grid';
  const vary: VariedParameter[] = [];
  if (top.vary !== undefined) {
    const v = r.mapping(top.vary, ['vary']);
    for (const [key, value] of Object.entries(v ?? {})) {
      const p = readVaried(r, key, value, ['vary', key], isGrid);
      if (p) vary.push(p);
    }
  }
  if (top.include !== undefined) vary.push(...readInclude(r, top.include, new Set(Object.keys(isMapping(top.vary) ? top.vary : {}))));
  if (top.vary === undefined && top.include === undefined) r.problem([], msg.nothingToVary());
  else if (vary.length === 0 && r.diagnostics.length === 0) r.problem([top.vary !== undefined ? 'vary' : 'include'], msg.nothingToVary());
  const outputs = readOutputs(r, top.outputs);

  // 2. the base scenario (after the plan's own problems), run settings: command line > plan > base
  const endYear = overrides.endYear ?? planRun.endYear;
  const base = readBase(r, top, endYear);
  r.throwIfProblems();
  if (!base || !design || name === undefined) throw new Error('loadSweepPlanWith: internal error: no problem recorded for a missing field');
  const settings = {
    replicates: overrides.replicates ?? planRun.replicates ?? base.run.replicates,
    seed: overrides.seed ?? planRun.seed ?? base.run.seed,
    scale: overrides.scale ?? planRun.scale ?? base.run.scale,
    endYear: endYear ?? base.run.endYear,
  };

  // 3. cross-checks
  const years = outputs.years ?? Array.from({ length: settings.endYear - START_YEAR + 1 }, (_, i) => START_YEAR + i);
  (outputs.years ?? []).forEach((y, i) => {
    if (y < START_YEAR || y > settings.endYear) r.problem(['outputs', 'years', ...(Array.isArray((top.outputs as Data).years) ? [i] : [])], msg.yearOutsideRun(y, START_YEAR, settings.endYear));
  });
  if (design.kind === 'morris' && design.candidates !== undefined && design.candidates > maxMorrisCandidates(vary.length)) {
    r.problem(['design', 'candidates'], msg.tooManyCandidates(design.candidates, vary.length, maxMorrisCandidates(vary.length)));
  }
  const scheduled = new Set(base.schedule.map((c) => c.key));
  for (const p of vary) {
    if (!scheduled.has(p.key)) continue;
    const explicit = isMapping(top.vary) && p.key in top.vary;
    r.problem(explicit ? ['vary', p.key] : ['include'], msg.variedAndScheduled(p.key, base.name), explicit ? 'key' : 'value');
  }
  const fullDesign: DesignSpec = { ...design, seed: design.seed ?? settings.seed };
  if (vary.length > 0) {
    const points = designPointCount(fullDesign, vary);
    const runs = points * settings.replicates;
    if (runs > MAX_SWEEP_RUNS) r.problem(['design'], msg.tooManyPoints(points, runs, MAX_SWEEP_RUNS));
  }
  r.throwIfProblems();
  const sortedYears = [...years].sort((a, b) => a - b);
  return {
    name,
    description,
    base: { name: base.name, values: base.values, schedule: base.schedule },
    vary,
    design: fullDesign,
    ...settings,
    outputs: { metrics: outputs.metrics ?? [...DEFAULT_METRICS], years: sortedYears },
  };
}
