/**
 * The shipped scenarios (scenarios/*.yaml), bundled into the page at build time as text and resolved
 * with `resolveScenarios` (the CLI's scenario loader over an in-memory reader). Vite-only: `import.meta.glob`.
 */
import { resolveScenarios, type ShippedScenario } from './scenario-file.js';

// The scenarios (their calibrated values are the parameter table's defaults, src/model/calibrated.ts).
const texts = import.meta.glob('../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The shipped scenarios, sorted by file name (baseline first); files are keyed by their path under scenarios/. */
export function shippedScenarios(): ShippedScenario[] {
  const byFile = Object.fromEntries(Object.entries(texts).map(([path, text]) => [path.replace(/^\.\.\/scenarios\//, ''), text]));
  const all = resolveScenarios(byFile).filter((s) => !s.file.includes('/'));
  return [...all.filter((s) => s.file === 'baseline.yaml'), ...all.filter((s) => s.file !== 'baseline.yaml')];
}
