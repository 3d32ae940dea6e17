/**
 * Shipped files stay current: the JSON Schema in scenarios/ equals `povsim schema`, every shipped
 * scenario references it and validates, and docs/parameters.md holds the table `povsim params` prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parameterTable } from '../../src/cli/commands/info.js';
import { scenarioJsonSchema } from '../../src/scenario/schema.js';
import { loadScenario } from '../../src/node/scenario-files.js';
import { CALIBRATED } from '../../src/model/calibrated.js';
import { defaultParams, PARAMETERS } from '../../src/model/parameters.js';
import { loadCalibrationPlan } from '../../src/node/sweep-plans.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const shipped = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

describe('shipped scenarios and schema', () => {
  it('scenarios/scenario.schema.json is what `povsim schema` prints', () => {
    const onDisk = JSON.parse(readFileSync(join(SCENARIOS, 'scenario.schema.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('ships the baseline, the four suggestions and all four', () => {
    expect(shipped.sort()).toEqual(
      ['all-four.yaml', 'baseline.yaml', 'suggestion-1-industry.yaml', 'suggestion-2-relocation.yaml', 'suggestion-3-culture.yaml', 'suggestion-4-governance.yaml'].sort(),
    );
  });

  it('the baseline takes the calibrated values from the table, which reads them from src/model/calibrated.ts', () => {
    const baseline = loadScenario(join(SCENARIOS, 'baseline.yaml'));
    expect(baseline.chain.map((f) => f.split('/').slice(-2).join('/'))).toEqual(['scenarios/baseline.yaml']);
    expect(baseline.values).toEqual({});
    const table = defaultParams();
    const calibratedRows = PARAMETERS.filter((p) => p.source === 'calibrated').map((p) => p.key);
    expect(calibratedRows.sort()).toEqual(Object.keys(CALIBRATED).sort());
    for (const [k, v] of Object.entries(CALIBRATED)) expect(table[k as keyof typeof table], k).toBe(v);
    // the shipped fit rewrites exactly these rows
    const plan = loadCalibrationPlan(join(SCENARIOS, 'calibration', 'baseline-fit.yaml'));
    expect(plan.parameters.map((p) => p.key).sort()).toEqual(calibratedRows.sort());
    expect(plan.table?.abs).toBe(join(import.meta.dirname, '../../src/model/calibrated.ts'));
    expect(plan.output).toBeNull();
  });

  it.each(shipped)('%s references the schema and validates', (file) => {
    const text = readFileSync(join(SCENARIOS, file), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    const s = loadScenario(join(SCENARIOS, file));
    expect(s.name).toBe(file.replace('.yaml', ''));
    expect(s.description.length).toBeGreaterThan(100);
  });

  it('the four single suggestions change only their own levers and parameters, from 2018 on', () => {
    const own: Record<string, string[]> = {
      'suggestion-1-industry': ['industryCoverage', 'technicalAssistance', 'valueChainInvestment', 'cooperativeLinkage'],
      'suggestion-2-relocation': ['subsidyLevel', 'relocationFinance', 'landCompensation', 'relocationCredit', 'followUpSupport'],
      'suggestion-3-culture': ['culturalMotivation'],
      'suggestion-4-governance': ['stationedStaffing', 'cadreSupport', 'trainingDays', 'cadreEffort', 'assessmentStrength'],
    };
    const union = new Set<string>();
    const baseline = loadScenario(join(SCENARIOS, 'baseline.yaml'));
    for (const [name, keys] of Object.entries(own)) {
      const s = loadScenario(join(SCENARIOS, `${name}.yaml`));
      expect(s.values).toEqual(baseline.values); // the calibrated values, inherited from the baseline
      expect([...new Set(s.schedule.map((c) => c.key))].sort()).toEqual([...keys].sort());
      for (const c of s.schedule) expect(c.kind === 'step' ? c.at.year : c.from.year).toBe(2018);
      keys.forEach((k) => union.add(k));
    }
    const all = loadScenario(join(SCENARIOS, 'all-four.yaml'));
    expect([...new Set(all.schedule.map((c) => c.key))].sort()).toEqual([...union].sort());
  });
});

describe('docs/parameters.md', () => {
  it('holds the table `povsim params` prints', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/parameters.md'), 'utf8');
    expect(doc).toContain(parameterTable('markdown').trim());
  });
});
