/**
 * Every user-facing message about sweep and calibration plans, one named function each (as in
 * scenario/messages.ts, whose generic messages — wrong type, missing key, not finite — plans reuse).
 * A function returns a `Problem` {code, message, hint?}; the plan reader adds file, line, column, key.
 */
import { paramSpec } from '../../model/parameters.js';
import { quote, type Problem } from '../../scenario/messages.js';

export { quote };

function didYouMean(suggestion: string | undefined): string | undefined {
  return suggestion ? `did you mean ${quote(suggestion)}?` : undefined;
}

const PARAMS_HINT = 'run `povsim params` to list every parameter key with its unit and plausible range';

// --- keys -------------------------------------------------------------------------------------------

/** An unknown key in a plan mapping; `allowed` lists the keys of that mapping. */
export const unknownPlanKey = (key: string, suggestion: string | undefined, allowed: readonly string[]): Problem => ({
  code: 'unknown-key',
  message: `unknown key ${quote(key)}`,
  hint: didYouMean(suggestion) ?? `the keys here are ${allowed.join(', ')}`,
});

export const unknownParameter = (key: string, suggestion: string | undefined): Problem => ({
  code: 'unknown-key',
  message: `unknown parameter or lever ${quote(key)}`,
  hint: didYouMean(suggestion) ?? PARAMS_HINT,
});

export const unknownChoice = (what: string, got: string, suggestion: string | undefined, choices: readonly string[]): Problem => ({
  code: 'unknown-value',
  message: `unknown ${what} ${quote(got)}`,
  hint: didYouMean(suggestion) ?? `choose one of ${choices.join(', ')}`,
});

export const unknownMetric = (name: string, suggestion: string | undefined): Problem => ({
  code: 'unknown-value',
  message: `unknown metric ${quote(name)}`,
  hint: didYouMean(suggestion) ?? 'the metrics are the columns of yearly.csv (official_incidence, true_incidence, exits_total, ...)',
});

export const keyNotForDesign = (key: string, kind: string, kinds: readonly string[]): Problem => ({
  code: 'design-key',
  message: `${quote(key)} does not apply to a ${kind} design`,
  hint: `${quote(key)} is used by ${kinds.join(' and ')} designs; remove it or change design.kind`,
});

export const designKeyMissing = (key: string, kind: string, example: string): Problem => ({
  code: 'missing-key',
  message: `a ${kind} design needs ${quote(key)}`,
  hint: `for example \`${key}: ${example}\``,
});

export const duplicateListEntry = (value: string | number): Problem => ({
  code: 'duplicate',
  message: `${typeof value === 'string' ? quote(value) : value} is listed twice`,
  hint: 'list each entry once',
});

export const emptyList = (what: string): Problem => ({
  code: 'range',
  message: `the list of ${what} is empty`,
  hint: 'name at least one, or delete the key to use the default',
});

// --- what to vary -----------------------------------------------------------------------------------

export const nothingToVary = (): Problem => ({
  code: 'nothing-to-vary',
  message: 'the plan varies no parameter',
  hint: 'list parameters under `vary:` (e.g. `cadreEffort: {}` for its plausible range) or select groups with `include:`',
});

export const noPlausibleRange = (key: string): Problem => {
  const s = paramSpec(key);
  return {
    code: 'range',
    message: `${quote(key)} has no plausible range in the parameter table (it is fixed at ${s?.low ?? '?'})`,
    hint: `give the range explicitly, e.g. \`${key}: { low: ..., high: ... }\`, within the valid range [${s?.min}, ${s?.max}]`,
  };
};

export const rangeOutsideValid = (key: string, value: number): Problem => {
  const s = paramSpec(key);
  return {
    code: 'range',
    message: `${value} is outside the valid range of ${key} [${s?.min}, ${s?.max}] (${s?.unit})`,
    hint: s ? `plausible values of ${key} are ${s.low} to ${s.high}; the default is ${s.default}` : undefined,
  };
};

export const rangeBackwards = (low: number, high: number): Problem => ({
  code: 'range',
  message: `low (${low}) must be below high (${high})`,
  hint: 'swap the two, or vary another parameter: a range of one value varies nothing',
});

export const logNeedsPositive = (low: number): Problem => ({
  code: 'range',
  message: `a logarithmic range must start above 0, got low = ${low}`,
  hint: 'set low above 0 or remove `log: true`',
});

export const variedAndScheduled = (key: string, base: string): Problem => ({
  code: 'varied-scheduled',
  message: `${quote(key)} is varied, but the base scenario ${base} changes it in its schedule`,
  hint: 'the schedule would overwrite the varied value part-way through the run; vary another key or use a base scenario without that schedule entry',
});

export const variedAndFitted = (key: string): Problem => ({
  code: 'duplicate',
  message: `${quote(key)} is listed twice`,
  hint: 'list each parameter once',
});

// --- design -----------------------------------------------------------------------------------------

export const tooManyPoints = (points: number, runs: number, limit: number): Problem => ({
  code: 'too-large',
  message: `the design has ${points} points (${runs} runs), more than the limit of ${limit} runs`,
  hint: 'use fewer levels, points, trajectories or replicates, or a latin-hypercube design instead of a grid',
});

export const oddMorrisLevels = (levels: number): Problem => ({
  code: 'range',
  message: `Morris designs need an even number of levels, got ${levels}`,
  hint: '4 is customary; with an odd number some grid values would have no partner at ±Δ',
});

export const gridLevelsElsewhere = (): Problem => ({
  code: 'design-key',
  message: '`levels` of one parameter applies to grid designs only',
  hint: 'remove it, or set design.kind: grid',
});

// --- outputs and run --------------------------------------------------------------------------------

export const yearOutsideRun = (year: number, first: number, endYear: number): Problem => ({
  code: 'range',
  message: `year ${year} is outside the run's years ${first}–${endYear}`,
  hint: `output years run from ${first} (the initial registry) to endYear; raise endYear or drop the year`,
});

export const endYearTooEarly = (endYear: number, needed: number, why: string): Problem => ({
  code: 'range',
  message: `endYear ${endYear} is too early: ${why} need the years up to ${needed}`,
  hint: `set endYear: ${needed} or later`,
});

// --- base scenario ----------------------------------------------------------------------------------

export const baseUnreadable = (path: string, reason: string): Problem => ({
  code: 'base',
  message: `cannot read the base scenario ${quote(path)}: ${reason}`,
  hint: 'the path of `base:` is relative to the plan file',
});

// --- calibration ------------------------------------------------------------------------------------

export const startOutsideBounds = (start: number, min: number, max: number): Problem => ({
  code: 'range',
  message: `start ${start} lies outside the bounds [${min}, ${max}]`,
  hint: 'widen the bounds or move the start inside them',
});

export const boundsBackwards = (min: number, max: number): Problem => ({
  code: 'range',
  message: `min (${min}) must be below max (${max})`,
  hint: 'swap the two bounds',
});

export const nothingToFit = (): Problem => ({
  code: 'nothing-to-fit',
  message: 'the plan fits no parameter',
  hint: 'list parameters under `fit:`, e.g. `incomeLogSd: { min: 0.3, max: 1.0 }`',
});

export const outputPathInvalid = (reason: string): Problem => ({
  code: 'output',
  message: `cannot use this path for the fitted parameter file: ${reason}`,
  hint: 'give a .yaml path relative to the plan, e.g. `output: fitted.yaml`',
});

export const tablePathInvalid = (reason: string): Problem => ({
  code: 'write-table',
  message: `cannot use this path for the calibrated-values module: ${reason}`,
  hint: 'give the .ts module relative to the plan, e.g. `writeTable: ../../src/model/calibrated.ts`',
});

/** @param by what asks for the table (the plan's `writeTable`, or `--table`) */
export const tableKeysDiffer = (fitted: readonly string[], calibrated: readonly string[], by = 'writeTable'): Problem => ({
  code: 'write-table',
  message: `${by} rewrites the defaults of the table's calibrated rows (${calibrated.join(', ')}), but the plan fits ${fitted.join(', ') || 'nothing'}`,
  hint: "fit exactly the rows tagged 'calibrated' in src/model/parameters.ts (or retag rows there), or drop writeTable and use `output:` to write a fitted parameter file",
});

// --- command line -----------------------------------------------------------------------------------

export const badShard = (got: string): Problem => ({
  code: 'bad-flag',
  message: `--shard must be k/n with whole numbers 0 ≤ k < n, got ${quote(got)}`,
  hint: 'shards count from 0: a 4-way split is --shard 0/4, 1/4, 2/4 and 3/4',
});

export const outputHoldsOtherSweep = (dir: string, what: string): Problem => ({
  code: 'output-exists',
  message: `output directory ${dir} holds ${what}`,
  hint: 'pass --force to replace it, or --out DIR to write elsewhere; re-running the same plan with the same settings resumes instead',
});

export const tooManyCandidates = (candidates: number, d: number, max: number): Problem => ({
  code: 'too-large',
  message: `${candidates} candidate trajectories are too many for ${d} varied parameter(s): choosing among them compares every pair; at most ${max} here`,
  hint: `use candidates: ${max} or fewer (Campolongo et al. use a few hundred), or leave it out to keep every trajectory drawn`,
});

export const journalEntryNotAFile = (path: string, what: string, is: string): Problem => ({
  code: 'not-sweep',
  message: `${path} should be ${what} but ${is}`,
  hint: `remove it (the point is computed again when the sweep resumes)`,
});

export const codeChanged = (dir: string, was: string, now: string): Problem => ({
  code: 'code-changed',
  message: `the sweep in ${dir} was started by other model code (fingerprint ${was.slice(0, 12)}, this povsim ${now.slice(0, 12)}), so its finished points would mix with points of this code`,
  hint: 'go back to the code that started it to resume, or pass --force to start the sweep afresh with this code',
});

export const mergeCodeDiffers = (a: string, b: string): Problem => ({
  code: 'code-changed',
  message: `${a} and ${b} were computed by different model code (their code fingerprints differ)`,
  hint: 're-run the shards of one of them with the same povsim build, then merge',
});

export const checksumMismatch = (file: string): Problem => ({
  code: 'corrupt',
  message: `${file} does not match the checksum in manifest.json: it was changed or damaged after the sweep finished`,
  hint: 're-create it: run `povsim merge` on the sweep directory itself, or re-run the sweep with --force',
});

export const resultsRowsMissing = (file: string, point: number, found: number, expected: number): Problem => ({
  code: 'corrupt',
  message: `${file} has ${found} row(s) for point ${point} where the plan gives ${expected}`,
  hint: 're-create it: run `povsim merge` on the sweep directory itself, or re-run the sweep with --force',
});

export const notASweepDir = (dir: string, reason: string): Problem => ({
  code: 'not-sweep',
  message: `${dir} is not a sweep output directory: ${reason}`,
  hint: 'give the --out directory of `povsim sweep` (it holds plan.json, design.json and points/)',
});

export const sweepNotComplete = (dir: string): Problem => ({
  code: 'incomplete',
  message: `${dir} is not a complete sweep (it has no manifest.json)`,
  hint: 're-run the same `povsim sweep` command to finish it (finished points are kept), or `povsim merge` the shard directories first',
});

export const mergePlansDiffer = (a: string, b: string): Problem => ({
  code: 'merge',
  message: `${a} and ${b} hold different sweeps (their plans differ)`,
  hint: 'merge only the shards of one plan run with the same settings',
});

export const mergePointsDiffer = (point: number, a: string, b: string): Problem => ({
  code: 'merge',
  message: `point ${point} differs between ${a} and ${b}`,
  hint: 'the shards were run with different povsim versions or model code; re-run one of them',
});

export const mergeMissingPoints = (missing: readonly number[], total: number, detail: string): Problem => ({
  code: 'incomplete',
  message: `${missing.length} of ${total} points are in none of the directories (first: ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''})`,
  hint: `${detail}re-run the unfinished shards (each resumes where it stopped), then merge again`,
});

export const noSensitivityForDesign = (kind: string): Problem => ({
  code: 'design',
  message: `sensitivity indices need a sobol or morris design; this sweep used ${kind}`,
  hint: 'set design.kind: morris (screening) or sobol (variance shares) in the plan and run it again',
});

export const metricNotInSweep = (metric: string, kept: readonly string[]): Problem => ({
  code: 'bad-flag',
  message: `the sweep kept no metric ${quote(metric)}`,
  hint: `the sweep kept ${kept.join(', ')}; add the metric to outputs.metrics in the plan to analyse it`,
});

export const yearNotInSweep = (year: number, kept: readonly number[]): Problem => ({
  code: 'bad-flag',
  message: `the sweep kept no year ${year}`,
  hint: `the sweep kept ${kept.join(', ')}`,
});

export const nonFiniteOutput = (metric: string, year: number, point: number): Problem => ({
  code: 'non-finite',
  message: `${metric} in ${year} is empty (not a number) at point ${point}`,
  hint: 'choose a metric defined in every run (cost_per_exit is empty in years without exits)',
});

export const emitNeedsShards = (): Problem => ({
  code: 'bad-flag',
  message: '--emit slurm needs --shards N (the number of array tasks)',
  hint: 'e.g. --emit slurm --shards 8 --out out/sweeps/my-sweep',
});
