/**
 * The draws table (src/model/draws.ts) is the one place slots are numbered:
 * (1) no two draws of one stream share a uniform slot at the same kind of step (normal draws expanded to
 *     their two uniform slots, ranges to all their slots), and every slot fits the engine's 0..255;
 * (2) the streams of the table are exactly the streams createStreams registers;
 * (3) a static check of the source: every uniformAt / normalAt call in src/model passes all four
 *     arguments, its slot is a DRAW constant (never a numeric literal) of the stream whose key it uses,
 *     of the right kind, at step 0 exactly for build draws; every declared draw is used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAWS, DRAW, uniformSlots, type DrawSpec } from '../../src/model/draws.js';
import { createStreams } from '../../src/model/simulate.js';

const MODEL_DIR = join(import.meta.dirname, '../../src/model');
const STREAMS = Object.entries(DRAWS) as [string, Record<string, DrawSpec>][];

/** Source text of every model file except the table itself, with comments removed. */
function modelSources(): { file: string; text: string }[] {
  return readdirSync(MODEL_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'draws.ts')
    .map((file) => ({
      file,
      text: readFileSync(join(MODEL_DIR, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"])\/\/.*$/gm, '$1'),
    }));
}

/** The argument texts of every call of `fn(` in `text` (top-level commas split the arguments). */
function callArguments(text: string, fn: string): string[][] {
  const out: string[][] = [];
  const re = new RegExp(`\\b${fn}\\(`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 1;
    let arg = '';
    const args: string[] = [];
    for (let i = m.index + m[0].length; i < text.length && depth > 0; i++) {
      const ch = text[i];
      if (ch === '(' || ch === '[') depth++;
      if (ch === ')' || ch === ']') depth--;
      if (depth === 0 || (depth === 1 && ch === ',')) {
        args.push(arg.trim());
        arg = '';
      } else arg += ch;
    }
    out.push(args);
  }
  return out;
}

/** Which stream each `const k = w.streams.<stream>.key` of a file names. */
function keyStreams(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const x of text.matchAll(/const (\w+) = w\.streams\.(\w+)\.key/g)) m.set(x[1], x[2]);
  return m;
}

/** The draw a slot argument names (`DRAW.s.d` or `DRAW.s.d + k`), or undefined. */
function namedDraw(slotArg: string): { stream: string; draw: string; spec: DrawSpec | undefined } | undefined {
  const m = /^DRAW\.(\w+)\.(\w+)(\s*\+\s*\w+)?$/.exec(slotArg);
  if (!m) return undefined;
  return { stream: m[1], draw: m[2], spec: (DRAWS as Record<string, Record<string, DrawSpec>>)[m[1]]?.[m[2]] };
}

describe('draws table', () => {
  it('no two draws of one stream share a uniform slot at build or in a month; slots fit 0..255', () => {
    for (const [stream, draws] of STREAMS) {
      for (const at of ['build', 'month'] as const) {
        const owner = new Map<number, string>();
        for (const [name, d] of Object.entries(draws)) {
          if (d.at !== at) continue;
          for (const s of uniformSlots(d)) {
            expect(owner.get(s), `${stream}.${name} (${at}) takes uniform slot ${s}, already taken by ${owner.get(s)}`).toBeUndefined();
            expect(s, `${stream}.${name}`).toBeGreaterThanOrEqual(0);
            expect(s, `${stream}.${name}`).toBeLessThanOrEqual(255);
            owner.set(s, name);
          }
        }
      }
    }
  });

  it('expands normal draws to two uniform slots and ranges to all their slots', () => {
    expect(uniformSlots(DRAWS.population.size)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(uniformSlots(DRAWS.population.laborer)).toEqual([8, 9, 10]);
    expect(uniformSlots(DRAWS.population.motivation)).toEqual([18, 19]);
    expect(uniformSlots(DRAWS.village.incomeFactor)).toEqual([4, 5]);
    expect(uniformSlots({ kind: 'normal', slot: 3, count: 2, at: 'month', meaning: '' })).toEqual([6, 7, 8, 9]);
  });

  it('DRAW gives each draw its first slot', () => {
    expect(DRAW.assistance.refusal).toBe(4);
    expect(DRAW.population.laborer).toBe(8);
    expect(DRAW.assessment.quotaIncome).toBe(2);
    for (const [stream, draws] of STREAMS) {
      expect(Object.keys((DRAW as Record<string, object>)[stream])).toEqual(Object.keys(draws));
    }
  });

  it('declares exactly the streams createStreams registers, each with at least one draw', () => {
    expect(Object.keys(DRAWS).sort()).toEqual(Object.keys(createStreams(1)).sort());
    for (const [stream, draws] of STREAMS) expect(Object.keys(draws).length, stream).toBeGreaterThan(0);
  });
});

describe('model source uses the table', () => {
  const sources = modelSources();

  it('every uniformAt / normalAt call names a DRAW slot of its key\'s stream, of its kind, at the right step', () => {
    let calls = 0;
    for (const { file, text } of sources) {
      const keys = keyStreams(text);
      for (const fn of ['uniformAt', 'normalAt'] as const) {
        for (const args of callArguments(text, fn)) {
          calls++;
          const where = `${file}: ${fn}(${args.join(', ')})`;
          expect(args.length, `${where} must pass the slot explicitly`).toBe(4);
          const [keyArg, , stepArg, slotArg] = args;
          expect(slotArg, `${where} uses a numeric slot`).not.toMatch(/^[\d\s+*()-]+$/);
          // registry-assessment.ts draws the slot its caller names (checked below on assessIncome calls).
          if (file === 'registry-assessment.ts' && slotArg === 'slot') {
            expect(keyArg).toBe('w.streams.assessment.key');
            continue;
          }
          const d = namedDraw(slotArg);
          expect(d?.spec, `${where}: the slot must be DRAW.<stream>.<draw> of the table`).toBeDefined();
          const stream = /^w\.streams\.(\w+)\.key$/.exec(keyArg)?.[1] ?? keys.get(keyArg);
          expect(stream, `${where}: cannot tell the stream of ${keyArg}`).toBeDefined();
          expect(d!.stream, `${where}: key of stream ${stream}, slot of ${d!.stream}`).toBe(stream);
          expect(d!.spec!.kind, where).toBe(fn === 'uniformAt' ? 'uniform' : 'normal');
          expect(stepArg === '0', `${where}: a '${d!.spec!.at}' draw ${d!.spec!.at === 'build' ? 'uses' : 'never uses'} step 0`).toBe(d!.spec!.at === 'build');
        }
      }
    }
    expect(calls).toBeGreaterThan(40);
  });

  it('every assessIncome call names a normal draw of the assessment stream', () => {
    let calls = 0;
    for (const { file, text } of sources) {
      for (const args of callArguments(text, 'assessIncome')) {
        if (file === 'registry-assessment.ts') continue; // the definition
        calls++;
        const d = namedDraw(args[4] ?? '');
        expect(d?.stream, `${file}: assessIncome(${args.join(', ')})`).toBe('assessment');
        expect(d?.spec?.kind).toBe('normal');
      }
    }
    expect(calls).toBe(4);
  });

  it('every declared draw is used somewhere in src/model', () => {
    const all = sources.map((s) => s.text).join('\n');
    for (const [stream, draws] of STREAMS) {
      for (const name of Object.keys(draws)) expect(all, `DRAW.${stream}.${name} is declared but never drawn`).toMatch(new RegExp(`DRAW\\.${stream}\\.${name}\\b`));
    }
  });
});
