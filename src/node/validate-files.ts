/**
 * `povsim validate` on disk: each file checked by the parser of its kind (document-kind.ts):
 * scenarios by the scenario loader, comparison files by their parser and then every scenario they
 * name, sweep and calibration plans by their loaders (which load the base scenario too).
 */
import { resolve } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import { documentKind, type DocumentKind } from '../experiment/document-kind.js';
import { parseComparisonFile } from '../experiment/comparison-file.js';
import { loadComparisonScenarios } from './comparison-files.js';
import { readScenarioFileBytes, validateScenarioFiles, type ValidationResult } from './scenario-files.js';
import { loadCalibrationPlan, loadSweepPlan } from './sweep-plans.js';
import { loadOptimizePlan } from './optimize-files.js';

/** The result for one file, with the kind it was checked as. */
export interface FileValidation extends ValidationResult {
  kind: DocumentKind;
}

/** The file's text, or null when it cannot be read (the scenario loader then says why). */
function readText(file: string): string | null {
  const r = readScenarioFileBytes(resolve(file));
  return 'bytes' in r ? new TextDecoder().decode(r.bytes) : null;
}

/** Runs a loader and turns its InputError into a result (loaders throw nothing else). */
function check(file: string, kind: DocumentKind, load: () => void): FileValidation {
  try {
    load();
    return { file, kind, ok: true, diagnostics: [] };
  } catch (e) {
    if (e instanceof InputError) return { file, kind, ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}

/** Validates each file with the parser of its kind; the results are in the order of `files`. */
export function validateFiles(files: readonly string[]): FileValidation[] {
  return files.map((file) => {
    const text = readText(file);
    const kind = text === null ? 'scenario' : documentKind(text);
    switch (kind) {
      case 'comparison':
        return check(file, kind, () => loadComparisonScenarios({ file: parseComparisonFile(text!, file), from: file }, {}));
      case 'sweep-plan':
        return check(file, kind, () => loadSweepPlan(file));
      case 'calibration-plan':
        return check(file, kind, () => loadCalibrationPlan(file));
      case 'optimize-plan':
        return check(file, kind, () => loadOptimizePlan(file));
      case 'scenario': {
        const r = validateScenarioFiles([file])[0];
        return { file, kind, ok: r.ok, diagnostics: r.diagnostics };
      }
    }
  });
}
