/** Shared helpers of the scenario tests: fixture files in a temp folder and error capture. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { InputError, type Diagnostic } from '../../src/engine/diagnostics.js';
import { loadScenario, type LoadOptions } from '../../src/node/scenario-files.js';

const created: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs`. */
export function tempDir(prefix = 'povsim-scenario-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes the folders made by `tempDir` (call from `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes `content` to `dir/name` (creating sub-folders) and returns the path. */
export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** The diagnostics of the InputError that loading `file` must throw. */
export function loadErrors(file: string, opts?: LoadOptions): Diagnostic[] {
  try {
    loadScenario(file, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).diagnostics;
  }
  throw new Error(`expected ${file} to be rejected, but it loaded`);
}

/** The only diagnostic of loading `file` (fails when there is not exactly one). */
export function loadError(file: string, opts?: LoadOptions): Diagnostic {
  const ds = loadErrors(file, opts);
  expect(ds, JSON.stringify(ds, null, 2)).toHaveLength(1);
  return ds[0];
}

/** A valid scenario in YAML: the example of the format description. */
export const EXAMPLE_YAML = `# yaml-language-server: $schema=./scenario.schema.json
name: suggestion-2-relocation
description: >
  "Improve the resettlement subsidy standards, reduce the resettlement pressure"
levers:
  subsidyLevel: 60000
parameters:
  followUpSupport: 0.6
schedule:
  subsidyLevel:
    - { year: 2018, value: 60000 }
  industryCoverage:
    - { from: 2016, to: 2019, value: 0.8 }
run:
  endYear: 2025
  scale: 0.01
  replicates: 20
  seed: 1
`;
