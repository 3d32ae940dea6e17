/**
 * The scenario file format, as one zod schema: the single source of truth. The TypeScript types are
 * inferred from it, the loader validates with it, and `scenarioJsonSchema()` publishes it as JSON Schema
 * (with hover documentation for every lever and parameter, taken from the parameter table).
 *
 * Every object is strict: an unknown key is an error, never silently ignored. Ranges of levers and
 * parameters come from the table (`PARAMETERS`), so the schema and `checkParamValue` agree.
 */
import { z } from 'zod';
import { SAFE_FOLDER_NAME } from './names.js';
import { LEVER_KEYS, PARAMETERS, type LeverKey, type ParamKey, type ParamSpec } from '../model/parameters.js';
import { SEED_MAX } from '../engine/random.js';

/** First simulated year (the model's step 0 is December of the year before). */
export const FIRST_RUN_YEAR = 2014;
/** Latest allowed `run.endYear`. */
export const LAST_END_YEAR = 2035;
/** Run settings used when neither the file chain nor the command line sets them. */
import { RUN_DEFAULTS } from './run-defaults.js';
export { RUN_DEFAULTS };
/** Longest `name`, in characters. */
export const NAME_MAX = 200;
/** Longest `description`, in characters. */
export const DESCRIPTION_MAX = 20_000;
/** Longest `extends` path, in characters. */
export const EXTENDS_MAX = 1_000;

const LEVER_SET: ReadonlySet<string> = new Set(LEVER_KEYS);
/** Parameter keys that are not levers: the keys `parameters:` accepts. */
export const NON_LEVER_KEYS = PARAMETERS.map((s) => s.key).filter((k) => !LEVER_SET.has(k)) as Exclude<
  ParamKey,
  LeverKey
>[];
/** Keys of a step entry and of a ramp entry of a schedule. */
export const STEP_KEYS = ['year', 'month', 'value'] as const;
export const RAMP_KEYS = ['from', 'to', 'fromMonth', 'toMonth', 'value'] as const;
/** Top-level keys of a scenario file. */
export const TOP_LEVEL_KEYS = ['$schema', 'name', 'description', 'extends', 'levers', 'parameters', 'schedule', 'run'] as const;
export const RUN_KEYS = ['endYear', 'scale', 'replicates', 'seed'] as const;

const SOURCE_NAMES: Record<ParamSpec['source'], string> = {
  paper: 'the seed paper (Jiangxi, 2013-2017)',
  stat: 'official statistics',
  lit: 'published literature',
  assume: 'a stated assumption (covered by sensitivity analysis)',
  calibrated: 'calibrated to the targets in docs/calibration.md',
};

/** Hover text of a lever or parameter: meaning, unit, range, plausible range, default, source. */
export function describeParam(s: ParamSpec): string {
  const whole = s.integer ? ', whole number' : '';
  return (
    `${s.meaning}\n` +
    `Unit: ${s.unit}. Valid range: ${s.min} to ${s.max}${whole}. Plausible: ${s.low} to ${s.high}. ` +
    `Default: ${s.default}. Source: ${SOURCE_NAMES[s.source]}.`
  );
}

/** The number schema of one lever or parameter: its valid range and integer flag from the table. */
function paramValue(s: ParamSpec): z.ZodNumber {
  const n = s.integer ? z.int() : z.number();
  return n.min(s.min).max(s.max).meta({ description: describeParam(s), default: s.default });
}

function specsOf(keys: readonly string[]): ParamSpec[] {
  return PARAMETERS.filter((s) => keys.includes(s.key));
}

type OptionalNumbers<K extends string> = { [P in K]: z.ZodOptional<z.ZodNumber> };

function numberShape<K extends string>(keys: readonly K[]): OptionalNumbers<K> {
  const shape: Record<string, z.ZodOptional<z.ZodNumber>> = {};
  for (const s of specsOf(keys)) shape[s.key] = paramValue(s).optional();
  return shape as OptionalNumbers<K>;
}

const year = z
  .int()
  .min(FIRST_RUN_YEAR)
  .max(LAST_END_YEAR)
  .meta({ description: `Calendar year, ${FIRST_RUN_YEAR}..run.endYear.` });
const month = z.int().min(1).max(12);

function stepEntry(value: z.ZodNumber) {
  return z
    .strictObject({
      year: year.meta({ description: 'The value takes effect from this year (January unless `month` is given).' }),
      month: month.meta({ description: 'Month of the step, 1..12 (default 1).' }).optional(),
      value,
    })
    .meta({ description: 'A step: from `year`/`month` on, the value is `value`.' });
}

function rampEntry(value: z.ZodNumber) {
  return z
    .strictObject({
      from: year.meta({ description: 'First year of the ramp (from January unless `fromMonth` is given).' }),
      to: year.meta({ description: 'Last year of the ramp (to December unless `toMonth` is given).' }),
      fromMonth: month.meta({ description: 'Month the ramp starts, 1..12 (default 1).' }).optional(),
      toMonth: month.meta({ description: 'Month the ramp reaches `value`, 1..12 (default 12).' }).optional(),
      value,
    })
    .meta({ description: 'A linear ramp from the value in force before `from` to `value` at `to`.' });
}

function scheduleEntries(s: ParamSpec) {
  const v = (s.integer ? z.int() : z.number())
    .min(s.min)
    .max(s.max)
    .meta({ description: `Value of ${s.key} (${s.unit}, ${s.min}..${s.max}).` });
  return z
    .array(z.union([stepEntry(v), rampEntry(v)]))
    .meta({ description: `Changes of ${s.key} over time, applied in order.\n${describeParam(s)}` })
    .optional();
}

type ScheduleShape = { [P in ParamKey]: ReturnType<typeof scheduleEntries> };

function scheduleShape(): ScheduleShape {
  const shape: Record<string, ReturnType<typeof scheduleEntries>> = {};
  for (const s of PARAMETERS) shape[s.key] = scheduleEntries(s);
  return shape as ScheduleShape;
}

/** `levers:` — the four policy levers of the paper's suggestions. */
export const LeversSchema = z
  .strictObject(numberShape(LEVER_KEYS))
  .meta({ description: 'The four policy levers (the paper\'s four suggestions), in their units.' });

/** `parameters:` — any other parameter of the table. */
export const ParametersSchema = z
  .strictObject(numberShape(NON_LEVER_KEYS))
  .meta({ description: 'Overrides of model parameters (not levers). `povsim params` lists them.' });

/** `schedule:` — time-varying values of levers or parameters. */
export const ScheduleSchema = z
  .strictObject(scheduleShape())
  .meta({ description: 'Time-varying values: per lever or parameter, a list of steps and ramps.' });

/** Valid range of each run setting: [min, max, whole number]. */
export const RUN_RANGES = {
  endYear: [FIRST_RUN_YEAR, LAST_END_YEAR, true],
  scale: [0.0001, 1, false],
  replicates: [1, 10_000, true],
  seed: [0, SEED_MAX, true],
} as const satisfies Record<(typeof RUN_KEYS)[number], readonly [number, number, boolean]>;

function runField(key: keyof typeof RUN_RANGES, what: string) {
  const [min, max, whole] = RUN_RANGES[key];
  return (whole ? z.int() : z.number())
    .min(min)
    .max(max)
    .meta({ description: `${what} (${min}..${max}).`, default: RUN_DEFAULTS[key] })
    .optional();
}

/** `run:` — run defaults that command-line flags override. */
export const RunSchema = z
  .strictObject({
    endYear: runField('endYear', 'Last simulated year'),
    scale: runField('scale', 'Sampling fraction of households'),
    replicates: runField('replicates', 'Number of replicate runs with different seeds'),
    seed: runField('seed', 'Base random seed'),
  })
  .meta({ description: 'Run defaults; command-line flags override them.' });

const singleLine = /^[^\u0000-\u001f\u007f]*$/;

/** One scenario file, as written (before `extends` is followed). */
export const ScenarioFileSchema = z
  .strictObject({
    $schema: z
      .string()
      .max(EXTENDS_MAX)
      .meta({ description: 'JSON Schema reference for editors; ignored by povsim.' })
      .optional(),
    name: z
      .string()
      .min(1)
      .max(NAME_MAX)
      .regex(singleLine)
      .regex(SAFE_FOLDER_NAME)
      .meta({ description: `Name of the scenario (one line, at most ${NAME_MAX} characters); labels results and is the default output folder out/<name>/, so it holds no / or \\ and is not dots only.` }),
    description: z
      .string()
      .max(DESCRIPTION_MAX)
      .meta({ description: 'What the scenario represents, e.g. the paper\'s suggestion it models.' })
      .optional(),
    extends: z
      .string()
      .min(1)
      .max(EXTENDS_MAX)
      .regex(singleLine)
      .meta({ description: 'Scenario file this one builds on, relative to this file; its values apply unless overridden here.' })
      .optional(),
    levers: LeversSchema.optional(),
    parameters: ParametersSchema.optional(),
    schedule: ScheduleSchema.optional(),
    run: RunSchema.optional(),
  })
  .meta({ title: 'povsim scenario', description: 'A povsim scenario file (YAML or JSON).' });

/** A validated scenario file. */
export type ScenarioFile = z.output<typeof ScenarioFileSchema>;
/** A scenario file as it may be written (identical to the output: no defaults are filled in). */
export type ScenarioFileInput = z.input<typeof ScenarioFileSchema>;
/** Validated run settings of one file (every field optional). */
export type RunSettingsInput = z.output<typeof RunSchema>;
/** Fully resolved run settings. */
export type RunSettings = { endYear: number; scale: number; replicates: number; seed: number };
/** One schedule entry as written: a step or a ramp. */
export type ScheduleEntry = NonNullable<z.output<ReturnType<typeof scheduleEntries>>>[number];

/** The JSON Schema of scenario files (draft 2020-12), for editors and `povsim schema`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioFileSchema, { io: 'input' }) as Record<string, unknown>;
}
