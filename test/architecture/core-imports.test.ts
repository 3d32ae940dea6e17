/**
 * The core (engine, model, scenario, experiment, report) is browser-safe: it imports no Node built-in
 * and nothing from the Node edge (src/node, src/cli). This reads every core file's imports (static,
 * dynamic and `export … from`) and fails naming the file, the line and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CORE = ['engine', 'model', 'scenario', 'experiment', 'report'].map((d) => join(ROOT, 'src', d));
const EDGE = ['node', 'cli'].map((d) => join(ROOT, 'src', d));
/** Every Node built-in by its bare name ('fs', 'worker_threads', …, and sub-paths like 'fs/promises'). */
const BUILTINS = new Set(builtinModules);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The module specifiers a file imports, with their line numbers. */
export function importsOf(text: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g, // import x from '…'; import '…'; export … from '…'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require('…')
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) out.push({ spec: m[1], line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** Why an import is not allowed in core file `file`, or undefined. */
export function forbidden(file: string, spec: string): string | undefined {
  if (spec.startsWith('node:')) return 'a Node built-in';
  if (BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0])) return 'a Node built-in (bare name)';
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec);
    if (EDGE.some((e) => target === e || target.startsWith(`${e}/`))) return 'the Node edge (src/node, src/cli)';
  }
  return undefined;
}

describe('the core imports no Node built-in and nothing of the Node edge', () => {
  const files = CORE.flatMap(tsFiles);

  it('finds the core files', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith(join('src', 'scenario', 'load.ts')))).toBe(true);
  });

  it('every core file', () => {
    const offences = files.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .map(({ spec, line }) => ({ spec, line, why: forbidden(f, spec) }))
        .filter((o) => o.why !== undefined)
        .map((o) => `${relative(ROOT, f)}:${o.line}: imports '${o.spec}' (${o.why})`),
    );
    expect(offences).toEqual([]);
  });

  it('the checker itself catches each kind of import', () => {
    const file = join(ROOT, 'src', 'experiment', 'x.ts');
    const text = [
      "import { readFileSync } from 'node:fs';",
      "import * as path from 'path';",
      "import type { Worker } from 'worker_threads';",
      "export { x } from '../node/pool.js';",
      "const m = await import('../cli/main.js');",
      "import 'crypto';",
      "import { z } from 'zod';",
      "import { a } from './task.js';",
    ].join('\n');
    const flagged = importsOf(text).filter(({ spec }) => forbidden(file, spec)).map(({ spec, line }) => `${line}:${spec}`);
    expect(flagged.sort()).toEqual(['1:node:fs', '2:path', '3:worker_threads', '4:../node/pool.js', '5:../cli/main.js', '6:crypto'].sort());
    for (const b of ['fs', 'path', 'os', 'worker_threads', 'crypto', 'child_process', 'module', 'url']) expect(forbidden(file, b)).toBeDefined();
  });
});
