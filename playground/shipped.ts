/**
 * The shipped scenarios (scenarios/*.yaml), bundled into the page at build time as text and resolved
 * with `resolveScenarios` (the `yaml` package parses them in the browser). Vite-only: `import.meta.glob`.
 */
import { resolveScenarios, type ShippedScenario } from './scenario-file.js';

const texts = import.meta.glob('../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The shipped scenarios, sorted by file name (baseline first). */
export function shippedScenarios(): ShippedScenario[] {
  const byFile = Object.fromEntries(Object.entries(texts).map(([path, text]) => [path.split('/').pop()!, text]));
  const all = resolveScenarios(byFile);
  return [...all.filter((s) => s.file === 'baseline.yaml'), ...all.filter((s) => s.file !== 'baseline.yaml')];
}
