/**
 * The comparison and report layers are browser-safe: none of their modules imports a Node built-in
 * (file writing, rasterising and bundle reading live in src/node/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const files = [
  ...readdirSync(join(ROOT, 'src/report')).filter((f) => f.endsWith('.ts')).map((f) => `src/report/${f}`),
  ...readdirSync(join(ROOT, 'src/experiment'))
    .filter((f) => /^(compare.*|comparison-file|equal-budget|paired|dose-response|assumption-draws|ratio-interval)\.ts$/.test(f))
    .map((f) => `src/experiment/${f}`),
  'playground/analysis.ts', 'playground/charts.ts', 'playground/views.ts',
];
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('browser-safe comparison and report layers', () => {
  it('covers the comparison and report modules', () => {
    expect(files).toContain('src/experiment/compare.ts');
    expect(files).toContain('src/report/html.ts');
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files)('%s imports no Node built-in and uses no process global', (f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const imports = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]);
    expect(imports.filter((m) => builtins.has(m) || m.startsWith('node:'))).toEqual([]);
    expect(text).not.toMatch(/\bprocess\.(env|stdout|stderr|cwd|exit)\b/);
  });
});
