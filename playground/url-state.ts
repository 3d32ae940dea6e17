/**
 * Settings in the URL, so an experiment can be shared as a link. The hash holds query-style pairs:
 *
 *   #name=my-test&seed=1&scale=0.002&reps=6&from=2018&base=defaults&culturalMotivation=0.8&burnoutRate=0.06
 *   &sched={"trainingDays":[{"year":2018,"value":12}]}
 *
 * Only settings that differ from the page's defaults are written. Reading checks every pair: unknown
 * keys and invalid values are reported (and left at their defaults), never silently used.
 */
import { checkParamValue, defaultParams, paramSpec, type ParamKey } from '../src/model/parameters.js';
import { readFileSchedule, toFileSchedule } from './scenario-file.js';
import { BASELINES, DEFAULT_SETTINGS, LEVERS_FROM, REPLICATES, SCALES, SEED_MAX, defaultSettings, type BaselineKind, type LeversFrom, type Settings } from './settings.js';

/** Hash keys that are not parameter keys. */
export const RESERVED = ['name', 'seed', 'scale', 'reps', 'from', 'base', 'sched'] as const;

/** The settings as a URL hash (starting with '#'), only values that differ from the defaults. */
export function encodeSettings(s: Settings): string {
  const q = new URLSearchParams();
  if (s.name !== DEFAULT_SETTINGS.name) q.set('name', s.name);
  if (s.seed !== DEFAULT_SETTINGS.seed) q.set('seed', String(s.seed));
  if (s.scale !== DEFAULT_SETTINGS.scale) q.set('scale', String(s.scale));
  if (s.replicates !== DEFAULT_SETTINGS.replicates) q.set('reps', String(s.replicates));
  if (s.leversFrom !== DEFAULT_SETTINGS.leversFrom) q.set('from', String(s.leversFrom));
  if (s.baseline !== DEFAULT_SETTINGS.baseline) q.set('base', s.baseline);
  const order = Object.keys(defaultParams());
  const keys = (Object.keys(s.values) as ParamKey[]).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const k of keys) q.set(k, String(s.values[k]));
  if (s.schedule.length) q.set('sched', JSON.stringify(toFileSchedule(s.schedule)));
  const text = q.toString();
  return text === '' ? '' : `#${text}`;
}

function wholeIn(text: string, lo: number, hi: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const v = Number(text);
  return v >= lo && v <= hi ? v : null;
}

/**
 * Settings from a URL hash (with or without '#'). Returns the settings and one message per pair that
 * could not be used.
 */
export function decodeSettings(hash: string): { settings: Settings; problems: string[] } {
  const settings = defaultSettings();
  const problems: string[] = [];
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const defaults = defaultParams();
  for (const [key, raw] of q) {
    switch (key) {
      case 'name':
        settings.name = raw.slice(0, 200);
        break;
      case 'seed': {
        const v = wholeIn(raw, 0, SEED_MAX);
        if (v === null) problems.push(`seed: "${raw}" is not a whole number from 0 to ${SEED_MAX}`);
        else settings.seed = v;
        break;
      }
      case 'scale': {
        const v = Number(raw);
        if (!(SCALES as readonly number[]).includes(v)) problems.push(`scale: "${raw}" is not one of ${SCALES.join(', ')}`);
        else settings.scale = v;
        break;
      }
      case 'reps': {
        const v = Number(raw);
        if (!(REPLICATES as readonly number[]).includes(v)) problems.push(`reps: "${raw}" is not one of ${REPLICATES.join(', ')}`);
        else settings.replicates = v;
        break;
      }
      case 'from': {
        const v = Number(raw);
        if (!(LEVERS_FROM as readonly number[]).includes(v)) problems.push(`from: "${raw}" is not one of ${LEVERS_FROM.join(', ')}`);
        else settings.leversFrom = v as LeversFrom;
        break;
      }
      case 'base':
        if (!(BASELINES as readonly string[]).includes(raw)) problems.push(`base: "${raw}" is not one of ${BASELINES.join(', ')}`);
        else settings.baseline = raw as BaselineKind;
        break;
      case 'sched': {
        let data: unknown;
        try {
          data = JSON.parse(raw);
        } catch {
          problems.push('sched: not valid JSON');
          break;
        }
        const r = readFileSchedule(data);
        settings.schedule = r.changes;
        problems.push(...r.problems);
        break;
      }
      default: {
        if (!paramSpec(key)) {
          problems.push(`${key}: not a lever or parameter of the model`);
          break;
        }
        const v = raw.trim() === '' ? NaN : Number(raw);
        const bad = checkParamValue(key, v);
        if (bad) problems.push(`${key}: ${bad}`);
        else if (v !== defaults[key as ParamKey]) settings.values[key as ParamKey] = v;
      }
    }
  }
  return { settings, problems };
}
