/**
 * Every metric's unit, kind, measure and label is declared once, in METRIC_INFO (src/model/metrics.ts),
 * and nothing else in src/ or playground/ works a unit or kind out of a metric's name. The scan looks
 * for the two shapes such guessing took: a name tested with endsWith/startsWith/includes against a
 * metric-name fragment, and a regular expression of metric-name fragments applied with .test/.exec.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DERIVED_METRICS, FLOW_METRICS, METRIC_INFO, METRICS, STOCK_METRICS, isMetric } from '../../src/model/metrics.js';
import { OUTCOMES } from '../../src/experiment/compare-values.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DECLARATION = join(ROOT, 'src', 'model', 'metrics.ts');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.name === 'node_modules' || e.name === 'dist') return [];
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const FRAGMENTS = 'incidence|_share|_rate|_error|spending|budget|income|exits?|yuan|persons?|cost|lifted|return|fraction|index|count';
const GUESSES = [
  new RegExp(String.raw`\.(?:endsWith|startsWith|includes)\(\s*['"\x60][^'"\x60]*(?:${FRAGMENTS})`),
  new RegExp(String.raw`/[^/\n]*(?:${FRAGMENTS})[^/\n]*/[a-z]*\.(?:test|exec)\(`),
];

/** Lines of `text` that guess a unit or kind from a name, as `line: text`. */
export function guesses(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (GUESSES.some((re) => re.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
}

describe('metric units and kinds are declared once', () => {
  it('every metric has a unit, a kind, a measure and a label', () => {
    expect(METRICS.length).toBeGreaterThan(50);
    for (const m of METRICS) {
      const info = METRIC_INFO[m];
      expect(info.unit, m).toMatch(/\S/);
      expect(info.label, m).toMatch(/^[A-Z]/);
      expect(['stock', 'flow', 'derived'], m).toContain(info.kind);
      expect(['fraction', 'persons', 'yuan', 'index', 'ratio'], m).toContain(info.measure);
      // fractions say so in their unit (0..1), so that CSV readers see the scale too
      const of: string | undefined = 'of' in info ? info.of : undefined;
      if (info.measure === 'fraction') expect(info.unit, m).toBe(`fraction of ${of} (0..1)`);
      else expect(of, m).toBeUndefined();
      if (info.measure === 'persons' || info.measure === 'yuan') expect(info.unit, m).toBe(info.measure);
    }
    expect(isMetric('dibao_recipients') && METRIC_INFO.dibao_recipients.measure).toBe('persons');
    expect(isMetric('toString')).toBe(false);
  });

  it('the kind lists follow the table column order: stocks, flows, derived', () => {
    expect([...STOCK_METRICS, ...FLOW_METRICS, ...DERIVED_METRICS]).toEqual([...METRICS]);
    expect(DERIVED_METRICS).toEqual(['cost_per_exit']);
    expect(FLOW_METRICS).toContain('exits_social_security');
    expect(FLOW_METRICS).toContain('spending_cadres');
  });

  it("outcomes take their metric's unit and measure", () => {
    for (const o of OUTCOMES) {
      expect(o.unit, o.id).toBe(METRIC_INFO[o.metric].unit);
      expect(o.kind, o.id).toBe(METRIC_INFO[o.metric].measure);
    }
  });

  it('no module but the declaration pattern-matches metric names', () => {
    const files = [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'playground'))].filter((f) => f !== DECLARATION);
    expect(files.length).toBeGreaterThan(100);
    const offences = files.flatMap((f) => guesses(readFileSync(f, 'utf8')).map((g) => `${relative(ROOT, f)}:${g}`));
    expect(offences).toEqual([]);
  });

  it('the scan catches the guessing it replaced', () => {
    const old = [
      "if (m.endsWith('_incidence') || m.endsWith('_error')) return 'fraction of persons (0..1)';",
      "if (m.startsWith('spending_') || m.startsWith('budget_')) return 'yuan';",
      "if (/(_incidence|_rate|_share)$/.test(metric)) return { label, unit: '%', kind: 'fraction' };",
      "if (/person|exit|lifted|return|count/.test(metric)) return { label, unit: 'persons', kind: 'persons' };",
      "const fraction = metricUnit(metric as Metric).startsWith('fraction');",
      'const unit = METRIC_INFO[m].unit;',
    ].join('\n');
    expect(guesses(old).map((g) => g.split(':')[0])).toEqual(['1', '2', '3', '4', '5']);
  });
});
