/**
 * Scenario files in the playground: export the current settings as a scenario YAML that
 * `povsim run` accepts (and that reproduces the page's numbers), and read the shipped scenarios
 * (bundled at build time) back into settings. Pure and browser-safe: reading, checking and merging
 * are the CLI's own (src/scenario, over an in-memory reader), so the page accepts what `povsim` accepts.
 *
 *   export   settings → {name, description, levers, parameters, schedule, run} → YAML text
 *   import   YAML texts → loadScenarioWith(memoryScenarioFiles(texts)) → {values, schedule} → settings
 */
import { Document, Scalar } from 'yaml';
import { InputError } from '../src/engine/diagnostics.js';
import { LEVER_KEYS, defaultParams, type ParamKey, type Params } from '../src/model/parameters.js';
import { withoutReplaced, type ScheduleChange } from '../src/model/schedule.js';
import { memoryScenarioFiles } from '../src/scenario/files.js';
import { loadScenarioWith } from '../src/scenario/load.js';
import { END_YEAR, isLever, type Settings } from './settings.js';

/** One schedule entry as a scenario file writes it. */
export type FileScheduleEntry =
  | { year: number; month?: number; value: number }
  | { from: number; to: number; fromMonth?: number; toMonth?: number; value: number };

/** A scenario file's `schedule:`: per key, its entries in order. */
export type FileSchedule = Partial<Record<ParamKey, FileScheduleEntry[]>>;

/** The content of an exported scenario file. */
export interface ExportedScenario {
  name: string;
  description: string;
  levers?: Partial<Params>;
  parameters?: Partial<Params>;
  schedule?: FileSchedule;
  run: { endYear: number; scale: number; replicates: number; seed: number };
}

/** A change as a file entry (months left out when they are the file format's defaults). */
export function toFileEntry(c: ScheduleChange): FileScheduleEntry {
  if (c.kind === 'step') return c.at.month === 1 ? { year: c.at.year, value: c.value } : { year: c.at.year, month: c.at.month, value: c.value };
  const e: FileScheduleEntry = { from: c.from.year, to: c.to.year, value: c.value };
  if (c.from.month !== 1) e.fromMonth = c.from.month;
  if (c.to.month !== 12) e.toMonth = c.to.month;
  return e;
}

/** Changes grouped by key, per-key order kept (the model expands each key's changes in order). */
export function toFileSchedule(changes: readonly ScheduleChange[]): FileSchedule {
  const out: FileSchedule = {};
  // A file lists each key's entries in time order; an entry a later one replaces whole is left out (the same series).
  for (const c of withoutReplaced(changes)) (out[c.key] ??= []).push(toFileEntry(c));
  return out;
}

/** The name as the scenario schema accepts it: one line, 1–200 characters. */
export function cleanName(name: string): string {
  const one = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);
  return one === '' ? 'playground' : one;
}

/** A file-name-safe version of the name. */
export function fileNameOf(name: string): string {
  const s = cleanName(name).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${s === '' ? 'playground' : s}.yaml`;
}

/** What the export writes: only values that differ from the defaults, levers as `levers:` or as 2018 steps. */
export function exportedScenario(settings: Settings): ExportedScenario {
  const levers: Partial<Params> = {};
  const parameters: Partial<Params> = {};
  const leverSteps: ScheduleChange[] = [];
  for (const key of Object.keys(settings.values) as ParamKey[]) {
    const v = settings.values[key]!;
    if (!isLever(key)) parameters[key] = v;
    else if (settings.leversFrom === 2014) levers[key] = v;
    else leverSteps.push({ kind: 'step', key, at: { year: settings.leversFrom, month: 1 }, value: v });
  }
  const schedule = [...leverSteps, ...settings.schedule];
  const changed = Object.entries(settings.values).map(([k, v]) => `${k} ${v} (default ${defaultParams()[k as ParamKey]})`);
  const description =
    `Exported from the povsim playground. ` +
    (changed.length ? `Changed from the table defaults: ${changed.join('; ')}. ` : 'Every lever and parameter at its table default. ') +
    (settings.leversFrom === 2014 ? 'The levers act from the start of the run. ' : `Lever changes act from January ${settings.leversFrom}, like the paper's suggestions. `) +
    (settings.schedule.length ? `Scheduled changes from a loaded scenario are kept under schedule. ` : '') +
    `The page compared it with ${settings.baseline === 'defaults' ? 'the baseline of the table defaults' : 'the baseline under the same assumptions (levers at default, no schedule)'}.`;
  const out: ExportedScenario = { name: cleanName(settings.name), description, run: { endYear: END_YEAR, scale: settings.scale, replicates: settings.replicates, seed: settings.seed } };
  if (Object.keys(levers).length) out.levers = sortByTable(levers);
  if (Object.keys(parameters).length) out.parameters = sortByTable(parameters);
  if (schedule.length) out.schedule = toFileSchedule(schedule);
  // Key order of the file: name, description, levers, parameters, schedule, run.
  return { name: out.name, description: out.description, levers: out.levers, parameters: out.parameters, schedule: out.schedule, run: out.run };
}

function sortByTable(values: Partial<Params>): Partial<Params> {
  const order = Object.keys(defaultParams());
  return Object.fromEntries(Object.entries(values).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))) as Partial<Params>;
}

/** The exported scenario as YAML text, with a comment saying how to run it. */
export function scenarioYaml(settings: Settings): string {
  const doc = exportedScenario(settings);
  const yaml = new Document(doc);
  const description = yaml.get('description', true);
  if (description instanceof Scalar) description.type = 'BLOCK_FOLDED';
  const body = yaml.toString({ lineWidth: 100 });
  return `# Exported from the povsim playground. Reproduce the page's numbers with:\n#   node bin/povsim.mjs run ${fileNameOf(doc.name)}\n${body}`;
}

// ---------------------------------------------------------------------------------------------
// Reading schedules and scenario files

/**
 * Checks a file-format schedule (as the URL carries it) with the scenario schema and converts it to
 * changes; entries must lie within 2014..endYear. Problems come back as `key: message` lines, and then
 * no change is used.
 */
export function readFileSchedule(data: unknown, endYear = END_YEAR): { changes: ScheduleChange[]; problems: string[] } {
  if (data === undefined || data === null) return { changes: [], problems: [] };
  const files = memoryScenarioFiles({ 'schedule.json': JSON.stringify({ name: 'playground', schedule: data }) });
  try {
    return { changes: loadScenarioWith(files, 'schedule.json', { runOverrides: { endYear } }).schedule, problems: [] };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { changes: [], problems: e.diagnostics.map((d) => `${d.key || 'schedule'}: ${d.message}`) };
  }
}

/** A shipped scenario, resolved through its `extends` chain. */
export interface ShippedScenario {
  /** File name, e.g. `suggestion-3-culture.yaml`. */
  file: string;
  name: string;
  description: string;
  /** Levers and parameters the chain sets. */
  values: Partial<Params>;
  schedule: ScheduleChange[];
}

/**
 * Resolves scenario files given as {path under scenarios/: YAML text} as `povsim` does (the same
 * loader over an in-memory reader): `extends` between the texts, children override parents, schedules
 * concatenate parent first, every value checked.
 * @throws Error listing the problems (file:line:column key: message) when a text is not a valid scenario
 */
export function resolveScenarios(texts: Record<string, string>): ShippedScenario[] {
  const files = memoryScenarioFiles(texts);
  return Object.keys(texts)
    .sort()
    .map((file) => {
      try {
        const s = loadScenarioWith(files, file);
        return { file, name: s.name, description: s.description.trim(), values: s.values, schedule: s.schedule };
      } catch (e) {
        throw e instanceof InputError ? new Error(e.message) : e;
      }
    });
}

/**
 * Settings after loading a scenario: its levers and schedule replace the current ones; the student's
 * assumption values are kept unless the scenario sets them. When levers act from 2018, a lever whose
 * only change is a step in January 2018 is shown on its slider instead of in the schedule list.
 */
export function applyScenario(settings: Settings, s: ShippedScenario): Settings {
  const defaults = defaultParams();
  const values: Partial<Params> = {};
  for (const [k, v] of Object.entries(settings.values) as [ParamKey, number][]) if (!isLever(k)) values[k] = v;
  for (const [k, v] of Object.entries(s.values) as [ParamKey, number][]) {
    if (v === defaults[k]) delete values[k];
    else values[k] = v;
  }
  let schedule = [...s.schedule];
  if (settings.leversFrom !== 2014) {
    for (const key of LEVER_KEYS) {
      const mine = schedule.filter((c) => c.key === key);
      const only = mine.length === 1 ? mine[0] : undefined;
      if (only?.kind === 'step' && only.at.year === settings.leversFrom && only.at.month === 1 && s.values[key] === undefined) {
        if (only.value !== defaults[key]) values[key] = only.value;
        schedule = schedule.filter((c) => c !== only);
      }
    }
  }
  return { ...settings, name: s.name, values, schedule };
}

/** A schedule change in words, e.g. "industryCoverage: ramps to 1 from January 2018 to December 2019". */
export function describeChange(c: ScheduleChange): string {
  const month = (m: number): string => ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
  if (c.kind === 'step') return `${c.key}: ${c.value} from ${month(c.at.month)} ${c.at.year}`;
  return `${c.key}: ramps to ${c.value} from ${month(c.from.month)} ${c.from.year} to ${month(c.to.month)} ${c.to.year}`;
}
