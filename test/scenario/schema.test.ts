import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LEVER_KEYS, PARAMETERS } from '../../src/model/parameters.js';
import { describeParam, NON_LEVER_KEYS, ScenarioFileSchema, scenarioJsonSchema, type ScenarioFileInput } from '../../src/scenario/schema.js';
import { EXAMPLE_YAML } from './helpers.js';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  additionalProperties?: unknown;
  required?: string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
};

const schema = scenarioJsonSchema() as JsonSchema;
const props = schema.properties!;

/** Every sub-schema of a JSON Schema, depth first. */
function* walk(s: JsonSchema): Generator<JsonSchema> {
  yield s;
  for (const p of Object.values(s.properties ?? {})) yield* walk(p);
  if (s.items) yield* walk(s.items);
  for (const a of s.anyOf ?? []) yield* walk(a);
}

describe('scenarioJsonSchema', () => {
  it('is a strict object schema at every level, with name required and $schema allowed', () => {
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['name']);
    expect(Object.keys(props)).toEqual(['$schema', 'name', 'description', 'extends', 'levers', 'parameters', 'schedule', 'run']);
    const objects = [...walk(schema)].filter((s) => s.type === 'object');
    expect(objects.length).toBeGreaterThan(100);
    for (const o of objects) expect(o.additionalProperties).toBe(false);
  });

  it('documents every lever and parameter from the table, with its range', () => {
    expect(Object.keys(props.levers.properties!)).toEqual([...LEVER_KEYS]);
    expect(Object.keys(props.parameters.properties!)).toEqual(NON_LEVER_KEYS);
    expect(Object.keys(props.schedule.properties!)).toEqual(PARAMETERS.map((p) => p.key));
    for (const spec of PARAMETERS) {
      const section = (LEVER_KEYS as readonly string[]).includes(spec.key) ? props.levers : props.parameters;
      const s = section.properties![spec.key];
      expect(s.description).toBe(describeParam(spec));
      expect(s.description).toContain(spec.meaning);
      expect(s.description).toContain(`Unit: ${spec.unit}.`);
      expect(s.description).toContain(`Valid range: ${spec.min} to ${spec.max}`);
      expect(s.description).toMatch(/Source: /);
      expect([s.minimum, s.maximum, s.default]).toEqual([spec.min, spec.max, spec.default]);
      expect(s.type).toBe(spec.integer ? 'integer' : 'number');
      const entries = props.schedule.properties![spec.key];
      expect(entries.description).toContain(spec.meaning);
      for (const form of entries.items!.anyOf!) {
        expect([form.properties!.value.minimum, form.properties!.value.maximum]).toEqual([spec.min, spec.max]);
      }
    }
  });

  it('gives run settings their ranges and defaults', () => {
    const run = props.run.properties!;
    expect(run.endYear).toMatchObject({ type: 'integer', minimum: 2014, maximum: 2035, default: 2025 });
    expect(run.scale).toMatchObject({ type: 'number', minimum: 0.0001, maximum: 1, default: 0.01 });
    expect(run.replicates).toMatchObject({ type: 'integer', minimum: 1, maximum: 10000, default: 20 });
    expect(run.seed).toMatchObject({ type: 'integer', minimum: 0, maximum: 4294967295, default: 1 });
  });
});

describe('ScenarioFileSchema', () => {
  it('accepts the example and types it', () => {
    const data: ScenarioFileInput = parse(EXAMPLE_YAML);
    const r = ScenarioFileSchema.safeParse(data);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.levers?.subsidyLevel).toBe(60000);
  });

  it('rejects unknown keys at every level', () => {
    for (const data of [
      { name: 'x', extra: 1 },
      { name: 'x', levers: { cadreEfort: 1 } },
      { name: 'x', parameters: { subsidyLevel: 1 } },
      { name: 'x', schedule: { nope: [] } },
      { name: 'x', schedule: { cadreEffort: [{ year: 2018, value: 0.5, extra: 1 }] } },
      { name: 'x', run: { seeds: 1 } },
    ]) {
      expect(ScenarioFileSchema.safeParse(data).success, JSON.stringify(data)).toBe(false);
    }
  });
});
