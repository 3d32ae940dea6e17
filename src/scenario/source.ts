/**
 * Reading one scenario file into plain data, plus a way to find the line:column of any key path in it.
 *
 *   bytes ── size, NUL and UTF-8 checks ──▶ text ── YAML document (positions, duplicate keys) ──▶ data
 *                                                   JSON files: JSON.parse gives the data, the YAML
 *                                                   parser (YAML is a superset of JSON) the positions
 *
 * Problems come back as diagnostics, never as exceptions: the text may be anything. The bytes come
 * from a `ScenarioFiles` reader (files.ts); this module does no input/output.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import { findJsonSyntaxError } from './jsonSyntax.js';
import { excessiveNesting, refusedYamlFeature } from './nesting.js';
import type { Diagnostic } from '../engine/diagnostics.js';
import { extensionOf, type ReadResult, type ScenarioFiles } from './files.js';
import * as msg from './messages.js';
import type { Problem } from './messages.js';

/** Largest scenario file read, in bytes (1 MiB). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deepest nesting read (a scenario needs five levels; the YAML parser overflows at several hundred). */
export const MAX_NESTING = 64;
/** Most aliases a YAML file may expand (guards against "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** A 1-based position in a file; line 0 means "the whole file". */
export interface Position {
  line: number;
  column: number;
}

/** One step of a key path: a mapping key or a list index. */
export type PathSegment = string | number;

/** A parsed file: its data and a position finder. */
export interface ParsedSource {
  data: unknown;
  /**
   * Position of the key (`at: 'key'`) or the value at `path`. When the path does not exist (a missing
   * key), the position of the deepest existing ancestor value.
   */
  locate(path: readonly PathSegment[], at: 'key' | 'value'): Position;
}

export type SourceFormat = 'yaml' | 'json';

/** The format of a file by its extension, or undefined when unsupported. */
export function formatOf(file: string): SourceFormat | undefined {
  const ext = extensionOf(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  return undefined;
}

/** Dotted display form of a key path: `schedule.subsidyLevel[0].year`. Long keys are shortened. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = seg.length > 60 ? `${seg.slice(0, 60)}…` : seg;
      out += out === '' ? s : `.${s}`;
    }
  }
  return out;
}

/**
 * The bytes of a scenario or plan file through a reader, or the problem that stops reading it: an
 * unsupported extension (checked before reading), or the reader's own (missing, not a file, too large).
 */
export function readFileBytes(files: ScenarioFiles, absFile: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  if (!formatOf(absFile)) return { problem: msg.unsupportedExtension(extensionOf(absFile)) };
  return files.read(absFile, maxBytes);
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  const cont = (j: number, lo = 0x80, hi = 0xbf) => j < n && b[j] >= lo && b[j] <= hi;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) i += 1;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) i += 2;
    else if (c === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (c === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (c === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c >= 0xf1 && c <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return -1;
}

/** UTF-8 decoding that keeps a byte-order mark (one leading mark is stripped before, by hand). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** 1-based line and column (in characters) of a byte offset; the bytes before it must be valid UTF-8. */
function bytePosition(b: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = b.subarray(lineStart, offset);
  const column = firstInvalidUtf8(prefix) < 0 ? utf8.decode(prefix).length + 1 : offset - lineStart + 1;
  return { line, column };
}

/** The key text of a YAML mapping key node. */
function keyText(k: unknown): string {
  if (isScalar(k)) return String(k.value);
  return k == null ? '' : String(k);
}

/** Builds the position finder over a YAML (or JSON-as-YAML) document. */
function locator(doc: Document, lc: LineCounter): ParsedSource['locate'] {
  const posOf = (node: unknown): Position | undefined => {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    if (!r) return undefined;
    const p = lc.linePos(r[0]);
    return { line: p.line, column: p.col };
  };
  // Key index per mapping, built on first use: locating many keys in a large mapping stays linear.
  const index = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();
  const pairOf = (map: YAMLMap<unknown, unknown>, key: string) => {
    let m = index.get(map);
    if (!m) {
      m = new Map();
      for (const p of map.items) {
        const k = keyText(p.key);
        if (!m.has(k)) m.set(k, p);
      }
      index.set(map, m);
    }
    return m.get(key);
  };
  return (path, at) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    let best = posOf(node) ?? { line: 1, column: 1 };
    let complete = true;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      let nextKey: unknown;
      if (isMap(node)) {
        const pair = pairOf(node, String(seg));
        if (!pair) {
          complete = false;
          break;
        }
        nextKey = pair.key;
        next = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        next = node.items[seg];
        nextKey = undefined;
      } else {
        complete = false;
        break;
      }
      node = next;
      keyNode = nextKey;
      best = posOf(node) ?? posOf(keyNode) ?? best;
    }
    if (complete && at === 'key') return posOf(keyNode) ?? best;
    return best;
  };
}

/** Dotted path of every mapping key by its start offset, found by one walk of the document. */
function keyPathsByOffset(doc: Document): Map<number, string> {
  const out = new Map<number, string>();
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isMap(node)) {
      for (const p of node.items) {
        const k = keyText(p.key);
        const offset = (p.key as { range?: number[] } | null)?.range?.[0];
        if (offset !== undefined && !out.has(offset)) out.set(offset, formatPath([...path, k]));
        stack.push({ node: p.value, path: [...path, k] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  return out;
}

/** The first line of a YAML error message, without yaml's " at line L, column C:" suffix. */
function parserMessage(m: string): string {
  return m.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** 1-based position of a character offset in a text. */
function textPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses file bytes as YAML or JSON. Returns the parsed source, or the diagnostics that stop it. */
export function parseSource(
  bytes: Uint8Array,
  format: SourceFormat,
  file: string,
): { source: ParsedSource } | { diagnostics: Diagnostic[] } {
  const at = (p: Problem, pos: Position | undefined, key = ''): Diagnostic => ({
    ...p,
    file,
    line: pos?.line ?? 0,
    column: pos?.column ?? 0,
    key,
  });
  // 1. bytes → text (UTF-8, an optional byte-order mark, no NUL)
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const bad = firstInvalidUtf8(body);
  const nul = body.indexOf(0);
  if (nul >= 0 && (bad < 0 || nul < bad)) return { diagnostics: [at(msg.binaryFile(), bytePosition(body, nul))] };
  if (bad >= 0) return { diagnostics: [at(msg.notUtf8(), bytePosition(body, bad))] };
  const text = utf8.decode(body);
  if (text.trim() === '') return { diagnostics: [at(msg.emptyFile(), { line: 1, column: 1 })] };

  // 2. JSON: the data comes from JSON.parse; a syntax error is located by our own scanner
  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(text);
    } catch (e) {
      const found = findJsonSyntaxError(text);
      if (found) return { diagnostics: [at(msg.jsonSyntax(found.message), textPosition(text, found.offset))] };
      const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
      return { diagnostics: [at(msg.jsonSyntax(detail), undefined)] };
    }
  }

  // 3. text → YAML document (for JSON: positions and duplicate keys only), after the nesting guard
  const deep = excessiveNesting(text, MAX_NESTING);
  if (deep >= 0) return { diagnostics: [at(msg.tooDeep(), textPosition(text, deep))] };
  if (format === 'yaml') {
    const refused = refusedYamlFeature(text);
    if (refused) {
      const p = refused.kind === 'tag' ? msg.yamlTag(refused.text) : msg.yamlDirective(refused.text);
      return { diagnostics: [at(p, textPosition(text, refused.offset))] };
    }
  }
  const lc = new LineCounter();
  let doc: Document;
  try {
    // YAML 1.2 core schema, no `<<` merge keys: what a value means never depends on the file's header
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true, logLevel: 'error', version: '1.2', schema: 'core', merge: false });
  } catch (e) {
    // the pre-scan bounds the depth, so this is a last line of defence against a stack overflow
    if (e instanceof RangeError) return { diagnostics: [at(msg.tooDeep(), { line: 1, column: 1 })] };
    throw e;
  }
  const posOf = (e: YAMLError): Position | undefined =>
    e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : undefined;
  let keyPaths: Map<number, string> | undefined;
  const duplicate = (e: YAMLError): Diagnostic => {
    keyPaths ??= keyPathsByOffset(doc);
    const key = keyPaths.get(e.pos[0]) ?? '';
    return at(msg.duplicateKey(key.split('.').pop() ?? ''), posOf(e), key);
  };
  if (format === 'json') {
    const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map(duplicate);
    if (duplicates.length > 0) return { diagnostics: duplicates };
  } else {
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    if (exhausted) return { diagnostics: [at(msg.tooDeep(), posOf(exhausted))] };
    const problems = [
      ...doc.errors.map((e) =>
        e.code === 'DUPLICATE_KEY'
          ? duplicate(e)
          : e.code === 'MULTIPLE_DOCS'
            ? at(msg.multipleDocuments(), posOf(e))
            : at(msg.yamlSyntax(parserMessage(e.message)), posOf(e)),
      ),
      ...doc.warnings.map((w) => at(msg.yamlWarning(parserMessage(w.message)), posOf(w))),
    ];
    if (problems.length > 0) return { diagnostics: problems };
    if (doc.contents === null) return { diagnostics: [at(msg.emptyFile(), { line: 1, column: 1 })] };
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      if (e instanceof RangeError) return { diagnostics: [at(msg.tooDeep(), { line: 1, column: 1 })] };
      const m = e instanceof Error ? e.message : String(e);
      return { diagnostics: [at(msg.aliasProblem(parserMessage(m)), { line: 1, column: 1 })] };
    }
  }
  return { source: { data, locate: locator(doc, lc) } };
}
