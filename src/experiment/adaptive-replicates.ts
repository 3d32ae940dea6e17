/**
 * Adaptive replicates: add replicates in fixed batches until every headline effect's 95% half-width
 * is at most a target, or a maximum is reached. Pure; the caller runs the batches.
 *
 * The schedule is fixed before anything runs (initial, initial + batch, …, max), and replicate r
 * always has seed replicateSeed(seed, r) (seeds.ts). So the replicates used, and every output, depend
 * only on the seed, the scenarios and the rule: never on timing, completion order or worker count.
 * A stopped run with N replicates holds exactly the replicates a fixed run of N would.
 *
 * What "headline effect" means:
 *   compare  each alternative's paired effect (scenario − baseline, common random numbers) on each
 *            headline outcome ({@link HEADLINE_OUTCOMES}: true poverty incidence) at each report year,
 *            and on durable exits (the ranking's outcome) as a share of the baseline's population
 *   run      there is no pair: the 95% half-width of the replicate mean of each headline metric
 *            ({@link RUN_HEADLINE_METRICS}: official and true incidence) in every simulated year
 * Targets are in percentage points (pp) of incidence; internally fractions (pp / 100).
 */
import { InputError } from '../engine/diagnostics.js';
import type { EffectSummary } from './compare.js';
import { tQuantile975 } from './paired.js';
import { sampleStandardDeviation } from 'simple-statistics';

/** Default target: 0.02 percentage points of incidence (the 95% half-width). */
export const DEFAULT_TARGET_HALF_WIDTH_PP = 0.02;
/** Default maximum, as a multiple of the initial replicates. */
export const DEFAULT_MAX_FACTOR = 10;
/** Hard cap on replicates per scenario (as for `replicates`). */
export const MAX_REPLICATES_CAP = 10000;
/** Outcomes whose effects a comparison's target applies to (incidence-type: fractions of persons). */
export const HEADLINE_OUTCOMES: readonly string[] = ['true_incidence'];
/**
 * Outcomes counted in persons that the target also applies to, as a share of the population: the
 * outcome the ranking reads (durable exits), so that no alternative is ranked on fewer replicates than
 * the target asks of it.
 */
export const HEADLINE_PERSON_OUTCOMES: readonly string[] = ['durable_exits'];
/** Metrics whose replicate means `run --target-half-width` targets. */
export const RUN_HEADLINE_METRICS: readonly string[] = ['official_incidence', 'true_incidence'];

/** The rule: target half-width (pp), the most replicates per scenario, and the batch added each round. */
export interface AdaptiveRule {
  targetHalfWidthPp: number;
  maxReplicates: number;
  batch: number;
}

/** One headline quantity and its 95% half-width (fraction units). */
export interface HalfWidth {
  /** What it is, e.g. `suggestion-1-industry true_incidence 2025`. */
  label: string;
  halfWidth: number;
  /** The scenario it is an effect of (compare), which stops gaining replicates once all of its are within the target; none for run. */
  scenario?: string;
}

/** What the replicates achieved; in the manifest, summary and printed lines. */
export interface PrecisionReport {
  /** Replicates per scenario at the start (the file's or flag's `replicates`). */
  initialReplicates: number;
  /** Replicates used: the baseline's, the most any scenario has. */
  replicates: number;
  /**
   * Replicates of each scenario whose effects were measured (compare), in the order first measured:
   * a scenario stops at the first count where all its headline effects are within the target. Empty
   * for run.
   */
  perScenario: { scenario: string; replicates: number }[];
  /** The rule, or null when no target was set (fixed replicates). */
  rule: AdaptiveRule | null;
  /** The fixed schedule of replicate counts (just [replicates] without a rule). */
  schedule: number[];
  /** True when every headline half-width is at most the target (null without a rule). */
  reached: boolean | null;
  /** The widest headline half-width at the end, in pp (null when there is nothing to measure). */
  widest: { label: string; halfWidthPp: number } | null;
  /** Per round: replicates and the widest half-width then (pp). */
  rounds: { replicates: number; widestPp: number | null }[];
  /** What the half-widths are of, in words. */
  measures: string;
}

/**
 * The replicate counts at which the rule is checked: initial, initial + batch, …, ending at max.
 * @throws RangeError when the counts are not whole numbers with 2 ≤ initial ≤ max and batch ≥ 1
 * @example replicateSchedule(10, { targetHalfWidthPp: 0.02, maxReplicates: 35, batch: 10 }) // [10, 20, 30, 35]
 */
export function replicateSchedule(initial: number, rule: AdaptiveRule | null): number[] {
  if (!rule) return [initial];
  const { maxReplicates: max, batch } = rule;
  if (!(Number.isInteger(initial) && Number.isInteger(max) && Number.isInteger(batch) && initial >= 2 && max >= initial && batch >= 1)) {
    throw new RangeError(`replicateSchedule: need whole numbers 2 ≤ initial ≤ max and batch ≥ 1, got ${initial}, ${max}, ${batch}`);
  }
  const out: number[] = [];
  for (let n = initial; n < max; n += batch) out.push(n);
  out.push(max);
  return out;
}

/** The widest of some half-widths, or null for none. */
export function widestOf(hw: readonly HalfWidth[]): HalfWidth | null {
  let w: HalfWidth | null = null;
  for (const h of hw) if (!w || h.halfWidth > w.halfWidth || Number.isNaN(h.halfWidth)) w = h;
  return w;
}

/**
 * Runs the schedule: `grow(n, stopped)` brings the baseline and every scenario not in `stopped` to n
 * replicates, `measure()` gives the headline half-widths now. A scenario joins `stopped` at the first
 * count where all its half-widths are at most the target: its effects pair its replicates with the
 * baseline's first ones, so they no longer change. Stops at the first count whose widest half-width
 * is at most the target.
 */
export async function runToPrecision(
  initial: number,
  rule: AdaptiveRule | null,
  grow: (replicates: number, stopped: ReadonlySet<string>) => Promise<void>,
  measure: () => HalfWidth[],
  measures: string,
): Promise<PrecisionReport> {
  const schedule = replicateSchedule(initial, rule);
  const rounds: PrecisionReport['rounds'] = [];
  const stoppedAt = new Map<string, number>();
  let reached: boolean | null = null;
  let widest: HalfWidth | null = null;
  let n = initial;
  let hw: HalfWidth[] = [];
  for (const count of schedule) {
    await grow(count, new Set(stoppedAt.keys()));
    n = count;
    hw = measure();
    widest = widestOf(hw);
    rounds.push({ replicates: count, widestPp: widest ? 100 * widest.halfWidth : null });
    if (!rule) break;
    // Nothing to measure counts as reached: no headline effect is wider than the target.
    const within = (h: HalfWidth): boolean => h.halfWidth <= rule.targetHalfWidthPp / 100;
    reached = widest === null || within(widest);
    if (reached) break;
    for (const h of hw) {
      const s = h.scenario;
      if (s !== undefined && !stoppedAt.has(s) && hw.every((x) => x.scenario !== s || within(x))) stoppedAt.set(s, count);
    }
  }
  const perScenario: PrecisionReport['perScenario'] = [];
  for (const h of hw) {
    if (h.scenario !== undefined && !perScenario.some((x) => x.scenario === h.scenario)) perScenario.push({ scenario: h.scenario, replicates: stoppedAt.get(h.scenario) ?? n });
  }
  return {
    initialReplicates: initial, replicates: n, perScenario, rule, schedule, reached,
    widest: widest ? { label: widest.label, halfWidthPp: 100 * widest.halfWidth } : null, rounds, measures,
  };
}

/** Half-width of a 95% interval of an effect. */
const half = (e: EffectSummary): number => (e.effect.ciHi - e.effect.ciLo) / 2;

/**
 * A comparison's headline half-widths: each alternative's effect on each headline outcome at each report
 * year; with `population(year)` (persons), also its effect on {@link HEADLINE_PERSON_OUTCOMES} as a share
 * of that population.
 */
export function comparisonHalfWidths(effects: readonly EffectSummary[], alternatives: readonly string[], population?: (year: number) => number): HalfWidth[] {
  const out: HalfWidth[] = [];
  for (const e of effects) {
    if (!alternatives.includes(e.scenario)) continue;
    const label = `${e.scenario} ${e.outcome} ${e.year}`;
    if (HEADLINE_OUTCOMES.includes(e.outcome)) out.push({ label, halfWidth: half(e), scenario: e.scenario });
    else if (population && HEADLINE_PERSON_OUTCOMES.includes(e.outcome)) {
      // A world without a population count (a stand-in runner) has no share to measure.
      const persons = population(e.year);
      if (persons > 0 && Number.isFinite(persons)) out.push({ label: `${label} (share of the population)`, halfWidth: half(e) / persons, scenario: e.scenario });
    }
  }
  return out;
}

/**
 * A run's headline half-widths: the 95% half-width of the replicate mean of each headline metric in
 * each year, t(0.975, n−1) · sd / √n. `valuesAt(metric, yearIndex)` gives the per-replicate values.
 */
export function runHalfWidths(years: readonly number[], valuesAt: (metric: string, yearIndex: number) => number[]): HalfWidth[] {
  const out: HalfWidth[] = [];
  for (const m of RUN_HEADLINE_METRICS) {
    years.forEach((y, i) => {
      const xs = valuesAt(m, i);
      if (xs.length < 2 || !xs.every(Number.isFinite)) return;
      const sd = sampleStandardDeviation(xs);
      out.push({ label: `${m} ${y}`, halfWidth: (tQuantile975(xs.length - 1) * sd) / Math.sqrt(xs.length) });
    });
  }
  return out;
}

/** Sentence on what was achieved, for printed summaries, summary.md and the report. */
export function precisionSentence(p: PrecisionReport): string {
  const w = p.widest ? `±${p.widest.halfWidthPp.toFixed(4)} pp (${p.widest.label})` : 'nothing to measure';
  if (!p.rule) return `${p.replicates} replicates per scenario (fixed; no target half-width set). Widest 95% half-width of ${p.measures}: ${w}.`;
  const target = `±${p.rule.targetHalfWidthPp} pp`;
  const early = stoppedEarly(p);
  const head = early.length ? `${p.replicates} replicates for the baseline` : `${p.replicates} replicates per scenario`;
  const tail = early.length ? ` ${earlySentence(early)}` : '';
  if (p.reached) return `${head}: target ${target} reached for ${p.measures} (widest ${w}; schedule ${p.schedule.join(', ')}).${tail}`;
  return `${head}: target ${target} NOT reached for ${p.measures} at the maximum of ${p.rule.maxReplicates} replicates (widest ${w}); raise maxReplicates or the target.${tail}`;
}

/** "a and b stopped at 10, c at 20: their effects were within the target then." */
function earlySentence(early: readonly { scenario: string; replicates: number }[]): string {
  const counts = [...new Set(early.map((x) => x.replicates))].sort((a, b) => a - b);
  const list = (xs: string[]): string => (xs.length < 2 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const parts = counts.map((n, i) => `${list(early.filter((x) => x.replicates === n).map((x) => x.scenario))} ${i === 0 ? 'stopped ' : ''}at ${n}`);
  return `${parts.join(', ')}: ${early.length === 1 ? 'its effects were' : 'their effects were'} within the target then.`;
}

/** The scenarios that stopped before the baseline's last count. */
export function stoppedEarly(p: PrecisionReport): { scenario: string; replicates: number }[] {
  return p.perScenario.filter((x) => x.replicates < p.replicates);
}

/** The manifest's record of the replicates. */
export function precisionManifest(p: PrecisionReport): Record<string, unknown> {
  return {
    initial: p.initialReplicates,
    used: p.replicates,
    // Only a comparison has scenarios that may stop early; a run's manifest stays as it was.
    ...(p.perScenario.length ? { perScenario: p.perScenario } : {}),
    targetHalfWidthPp: p.rule?.targetHalfWidthPp ?? null,
    maxReplicates: p.rule?.maxReplicates ?? null,
    batch: p.rule?.batch ?? null,
    schedule: p.schedule,
    reached: p.reached,
    measures: p.measures,
    widest: p.widest,
    rounds: p.rounds,
  };
}

const flagProblem = (key: string, message: string, hint: string): InputError =>
  new InputError([{ code: 'bad-flag', file: '(command line)', line: 0, column: 0, key, message, hint }]);

/**
 * The rule from a file's keys and the command-line flags (flags win), or null when neither a target
 * nor a maximum is given. A maximum alone uses the default target; a target alone uses
 * {@link DEFAULT_MAX_FACTOR} × initial; the batch defaults to the initial replicates.
 * @throws InputError (naming the flag) for a bad flag value, fewer than 2 initial replicates, or a maximum below them
 */
export function adaptiveRule(
  initial: number,
  file: { targetHalfWidth?: number; maxReplicates?: number; batchReplicates?: number },
  flags: { targetHalfWidth?: number; maxReplicates?: number },
): AdaptiveRule | null {
  if (flags.targetHalfWidth !== undefined && !(Number.isFinite(flags.targetHalfWidth) && flags.targetHalfWidth > 0 && flags.targetHalfWidth <= 10)) {
    throw flagProblem('--target-half-width', `must be a positive number of percentage points up to 10, got ${flags.targetHalfWidth}`, `for example --target-half-width ${DEFAULT_TARGET_HALF_WIDTH_PP}`);
  }
  if (flags.maxReplicates !== undefined && !(Number.isInteger(flags.maxReplicates) && flags.maxReplicates >= 2 && flags.maxReplicates <= MAX_REPLICATES_CAP)) {
    throw flagProblem('--max-replicates', `must be a whole number from 2 to ${MAX_REPLICATES_CAP}, got ${flags.maxReplicates}`, 'for example --max-replicates 200');
  }
  const target = flags.targetHalfWidth ?? file.targetHalfWidth;
  const max = flags.maxReplicates ?? file.maxReplicates;
  if (target === undefined && max === undefined) return null;
  if (!(initial >= 2)) {
    const from = flags.targetHalfWidth !== undefined ? '--target-half-width' : flags.maxReplicates !== undefined ? '--max-replicates' : 'targetHalfWidth / maxReplicates';
    throw flagProblem('--replicates', `adaptive replicates (${from}) start from at least 2 replicates, since a half-width needs two; got ${initial}`, 'give --replicates 2 or more (10 is a good first batch)');
  }
  const maxReplicates = max ?? Math.min(MAX_REPLICATES_CAP, Math.max(initial, DEFAULT_MAX_FACTOR * initial));
  if (maxReplicates < initial) {
    throw flagProblem(flags.maxReplicates !== undefined ? '--max-replicates' : 'maxReplicates', `the maximum (${maxReplicates}) is below the initial replicates (${initial})`, `give --max-replicates ${initial} or more, or fewer --replicates`);
  }
  return { targetHalfWidthPp: target ?? DEFAULT_TARGET_HALF_WIDTH_PP, maxReplicates, batch: file.batchReplicates ?? initial };
}
