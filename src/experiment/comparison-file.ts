/**
 * Comparison files: what a comparison compares, in one small YAML file (pure parsing; the CLI reads
 * the file and resolves the scenario paths, relative to the comparison file).
 *
 *   name: four-suggestions
 *   baseline: ../baseline.yaml
 *   alternatives: [../suggestion-1-industry.yaml, ...]      # compared with the baseline
 *   combinations:                                           # synergy = combined − Σ parts
 *     - { scenario: ../all-four.yaml, of: [../suggestion-1-industry.yaml, ...] }
 *   years: [2020, 2025]        # report years
 *   replicates: 30             # per scenario (common random numbers)
 *   draws: { count: 16, replicates: 2 }   # assumption draws (0 = none)
 *   doses: { count: 4, replicates: 6 }    # dose–response grid per alternative (0 = none)
 *   budgets: [5e8, 1e9, 2e9]   # extra yuan per year read from the dose–response curves
 *   targetHalfWidth: 0.02      # adaptive replicates: add batches until every headline effect's 95%
 *   maxReplicates: 60          #   half-width is ≤ 0.02 pp, or 60 replicates (adaptive-replicates.ts)
 *   batchReplicates: 10        #   replicates added per round (default: `replicates`)
 *
 * Every problem is reported with file, line, column, key and a hint.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { InputError, type Diagnostic } from '../engine/diagnostics.js';

/** A parsed comparison file. Scenario paths are as written (relative to the file). */
export interface ComparisonFile {
  name: string;
  baseline: string;
  alternatives: string[];
  combinations: { scenario: string; of: string[] }[];
  years: number[];
  /** True when the file lists its report years (the default [2020, 2025] keeps those the run reaches). */
  yearsGiven?: boolean;
  /** Where each key was written (`baseline`, `alternatives[0]`, `combinations[1].scenario`, `years`), for later messages. */
  positions?: Record<string, { line: number; column: number }>;
  replicates?: number;
  draws: { count: number; replicates: number };
  doses: { count: number; replicates: number };
  budgets: number[];
  /** Adaptive replicates: target 95% half-width of the headline effects, percentage points. */
  targetHalfWidth?: number;
  /** Adaptive replicates: the most replicates per scenario. */
  maxReplicates?: number;
  /** Adaptive replicates: replicates added per round. */
  batchReplicates?: number;
}

const KEYS = ['name', 'description', 'baseline', 'alternatives', 'combinations', 'years', 'replicates', 'draws', 'doses', 'budgets', 'targetHalfWidth', 'maxReplicates', 'batchReplicates'] as const;

/** True when the parsed YAML text looks like a comparison file (a mapping with `alternatives`). */
export function isComparisonText(text: string): boolean {
  try {
    const doc = parseDocument(text);
    return isMap(doc.contents) && doc.contents.has('alternatives');
  } catch {
    return false;
  }
}

/**
 * Parses a comparison file.
 * @param file the file's name, for messages
 * @throws InputError listing every problem (file:line:column, key, message, hint)
 */
export function parseComparisonFile(text: string, file: string): ComparisonFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  const problems: Diagnostic[] = [];
  const at = (node: Node | null | undefined, key: string, message: string, hint: string): void => {
    const pos = node?.range ? lc.linePos(node.range[0]) : { line: 0, col: 0 };
    problems.push({ code: 'bad-comparison', file, line: pos.line, column: pos.col, key, message, hint });
  };
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? { line: 0, col: 0 };
    problems.push({ code: 'yaml-syntax', file, line: pos.line, column: pos.col, key: '', message: e.message.split('\n')[0], hint: 'check indentation and quoting' });
  }
  if (problems.length) throw new InputError(problems);
  const root = doc.contents;
  if (!isMap(root)) {
    at(root, '', 'a comparison file is a mapping of keys', 'start with `baseline:` and `alternatives:`');
    throw new InputError(problems);
  }
  for (const pair of root.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(KEYS as readonly string[]).includes(k)) at(pair.key as Node, k, `unknown key "${k}"`, `valid keys: ${KEYS.join(', ')}`);
  }
  const node = (k: string): Node | undefined => root.get(k, true) as Node | undefined;
  const str = (k: string, required: boolean): string | undefined => {
    const n = node(k);
    if (n === undefined) {
      if (required) at(root, k, `missing key "${k}"`, k === 'baseline' ? 'name the baseline scenario file: baseline: ../baseline.yaml' : `add ${k}:`);
      return undefined;
    }
    if (!isScalar(n) || typeof n.value !== 'string' || n.value.trim() === '') {
      at(n, k, 'must be a non-empty text', k === 'baseline' ? 'a scenario file path, relative to this file' : 'for example: my-comparison');
      return undefined;
    }
    return n.value;
  };
  const strList = (n: Node | undefined, k: string): string[] => {
    if (n === undefined) return [];
    if (!isSeq(n)) {
      at(n, k, 'must be a list of scenario files', `${k}: [a.yaml, b.yaml]`);
      return [];
    }
    return n.items.flatMap((it, i) => {
      if (isScalar(it) && typeof it.value === 'string' && it.value.trim() !== '') return [it.value];
      at(it as Node, `${k}[${i}]`, 'must be a scenario file path', 'a path relative to this file');
      return [];
    });
  };
  const int = (n: Node | undefined, k: string, min: number, max: number): number | undefined => {
    if (n === undefined) return undefined;
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      at(n, k, `must be a whole number from ${min} to ${max}`, `for example ${k}: ${Math.max(min, Math.min(max, 4))}`);
      return undefined;
    }
    return v;
  };
  // Each dose's effect is a paired interval over its replicates, so doses need at least 2; a draw's
  // effect is one number (the spread is across draws), so 1 replicate a draw is enough.
  const layer = (k: 'draws' | 'doses', minCount: number, minReplicates: number): { count: number; replicates: number } => {
    const n = node(k);
    if (n === undefined) return { count: 0, replicates: 0 };
    if (!isMap(n)) {
      at(n, k, 'must be a mapping with count and replicates', `${k}: { count: ${minCount * 4}, replicates: 2 }`);
      return { count: 0, replicates: 0 };
    }
    for (const pair of n.items) {
      const kk = isScalar(pair.key) ? String(pair.key.value) : '';
      if (kk !== 'count' && kk !== 'replicates') at(pair.key as Node, `${k}.${kk}`, `unknown key "${kk}"`, 'valid keys: count, replicates');
    }
    const count = int(n.get('count', true) as Node | undefined, `${k}.count`, 0, 500) ?? 0;
    if (count > 0 && count < minCount) at(n.get('count', true) as Node, `${k}.count`, `must be 0 (none) or at least ${minCount}`, `${k}: { count: ${minCount * 4} }`);
    const replicates = int(n.get('replicates', true) as Node | undefined, `${k}.replicates`, minReplicates, 1000) ?? 2;
    return { count, replicates };
  };
  const name = str('name', true);
  const baseline = str('baseline', true);
  const alternatives = strList(node('alternatives'), 'alternatives');
  if (node('alternatives') !== undefined && alternatives.length === 0 && problems.length === 0) at(node('alternatives'), 'alternatives', 'name at least one alternative', 'alternatives: [../suggestion-1-industry.yaml]');
  const combinations: ComparisonFile['combinations'] = [];
  const cn = node('combinations');
  if (cn !== undefined) {
    if (!isSeq(cn)) at(cn, 'combinations', 'must be a list of { scenario, of }', 'combinations: [{ scenario: ../all-four.yaml, of: [a.yaml, b.yaml] }]');
    else {
      cn.items.forEach((it, i) => {
        if (!isMap(it)) {
          at(it as Node, `combinations[${i}]`, 'must be a mapping { scenario, of }', '{ scenario: ../all-four.yaml, of: [a.yaml, b.yaml] }');
          return;
        }
        const sc = it.get('scenario', true) as Node | undefined;
        const scenario = isScalar(sc) && typeof sc.value === 'string' ? sc.value : undefined;
        if (!scenario) at(sc ?? (it as Node), `combinations[${i}].scenario`, 'must name the combined scenario file', 'scenario: ../all-four.yaml');
        const of = strList(it.get('of', true) as Node | undefined, `combinations[${i}].of`);
        if (of.length < 2) at(it as Node, `combinations[${i}].of`, 'a combination combines at least two alternatives', 'of: [a.yaml, b.yaml]');
        for (const p of of) if (!alternatives.includes(p)) at(it.get('of', true) as Node, `combinations[${i}].of`, `"${p}" is not one of the alternatives`, 'list each part under alternatives: too, with the same path');
        if (scenario && of.length >= 2) combinations.push({ scenario, of });
      });
    }
  }
  const yn = node('years');
  let years = [2020, 2025];
  if (yn !== undefined) {
    if (!isSeq(yn) || yn.items.length === 0) at(yn, 'years', 'must be a list of report years', 'years: [2020, 2025]');
    else years = yn.items.map((it, i) => int(it as Node, `years[${i}]`, 2014, 2100) ?? 0);
  }
  const replicates = int(node('replicates'), 'replicates', 2, 10000);
  const draws = layer('draws', 2, 1);
  const doses = layer('doses', 2, 2);
  const bn = node('budgets');
  const budgets: number[] = [];
  if (bn !== undefined) {
    if (!isSeq(bn)) at(bn, 'budgets', 'must be a list of extra yuan per year', 'budgets: [5e8, 1e9, 2e9]');
    else bn.items.forEach((it, i) => {
      const v = isScalar(it) ? it.value : undefined;
      if (typeof v !== 'number' || !(v > 0) || v > 1e12) at(it as Node, `budgets[${i}]`, 'must be a positive number of yuan per year up to 1e12', 'for example 2e9 (2 billion yuan a year)');
      else budgets.push(v);
    });
    if (budgets.length && doses.count === 0) at(bn, 'budgets', 'budgets are read from the dose–response curves, and there are none', 'add doses: { count: 4, replicates: 6 }');
  }
  const adaptive = adaptiveKeys(node, int, at, replicates);
  if (problems.length) throw new InputError(problems);
  // Where the scenario paths and the years stand, so checks that need the files (comparison-files.ts) can point at them.
  const positions: Record<string, { line: number; column: number }> = {};
  const place = (k: string, n: unknown): void => {
    const r = (n as Node | undefined)?.range;
    if (r) {
      const p = lc.linePos(r[0]);
      positions[k] = { line: p.line, column: p.col };
    }
  };
  place('baseline', node('baseline'));
  place('years', yn);
  const an = node('alternatives');
  if (isSeq(an)) an.items.forEach((it, i) => place(`alternatives[${i}]`, it));
  if (isSeq(cn)) cn.items.forEach((it, i) => place(`combinations[${i}].scenario`, isMap(it) ? it.get('scenario', true) : undefined));
  return { name: name!, baseline: baseline!, alternatives, combinations, years, yearsGiven: yn !== undefined, positions, replicates, draws, doses, budgets, ...adaptive };
}

/** The adaptive-replicates keys (targetHalfWidth in pp, maxReplicates, batchReplicates), checked against each other. */
function adaptiveKeys(
  node: (k: string) => Node | undefined,
  int: (n: Node | undefined, k: string, min: number, max: number) => number | undefined,
  at: (node: Node | null | undefined, key: string, message: string, hint: string) => void,
  replicates: number | undefined,
): Pick<ComparisonFile, 'targetHalfWidth' | 'maxReplicates' | 'batchReplicates'> {
  const out: Pick<ComparisonFile, 'targetHalfWidth' | 'maxReplicates' | 'batchReplicates'> = {};
  const tn = node('targetHalfWidth');
  if (tn !== undefined) {
    const v = isScalar(tn) ? tn.value : undefined;
    if (typeof v !== 'number' || !(v > 0) || v > 10) at(tn, 'targetHalfWidth', 'must be a positive number of percentage points up to 10 (the 95% half-width of each headline effect)', 'for example targetHalfWidth: 0.02 (±0.02 pp)');
    else out.targetHalfWidth = v;
  }
  const mn = node('maxReplicates');
  const max = int(mn, 'maxReplicates', 2, 10000);
  if (max !== undefined) {
    if (replicates !== undefined && max < replicates) at(mn, 'maxReplicates', `must be at least replicates (${replicates})`, `maxReplicates: ${replicates * 5}`);
    else out.maxReplicates = max;
  }
  const bn = node('batchReplicates');
  const batch = int(bn, 'batchReplicates', 1, 10000);
  if (batch !== undefined) {
    if (tn === undefined && mn === undefined) at(bn, 'batchReplicates', 'batches are only added with adaptive replicates', 'add targetHalfWidth: 0.02 (and maxReplicates), or remove batchReplicates');
    else out.batchReplicates = batch;
  }
  return out;
}
