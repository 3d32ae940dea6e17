/**
 * Linear pre-scans of scenario text, run before the YAML parser builds a document:
 *
 *   - excessiveNesting: an upper bound of the nesting depth. Why: the `yaml` composer recurses once per
 *     level, so a few hundred levels (`[[[[...`, `- - - - ...`) overflow the stack, and after such an
 *     overflow V8 has been seen to abort the whole process on a later deep parse. A scenario is at most
 *     five levels deep, so anything deeper than the limit is refused before composing.
 *   - refusedYamlFeature: tags (`!!omap`, `!!set`, `!custom`) and directives (`%YAML 1.1`, `%TAG`).
 *     Why: a tag turns a mapping into another kind of object that the schema checks do not see, and a
 *     `%YAML 1.1` directive changes what numbers mean (`010` is 8). Scenario files are plain YAML 1.2
 *     core data.
 *
 * Both read the token stream of yaml's own lexer, which is iterative (no recursion) and knows exactly
 * where quoted strings, comments and block scalars start and end, so no quoting trick can hide a
 * bracket from the count.
 */
import { CST, Lexer } from 'yaml';

/** Lexer tokens that mark a mode and take no characters of the source. */
const MARKERS = new Set(['doc-mode', 'scalar', 'flow-error-end']);
const INDICATORS = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);

/** One token with its character offset in the text. */
interface Token {
  type: string;
  source: string;
  offset: number;
  /** True for the text of a scalar (plain, quoted or block content), whatever its first character. */
  content: boolean;
}

function* tokens(text: string): Generator<Token> {
  let offset = 0;
  let contentNext = false;
  for (const source of new Lexer().lex(text)) {
    const type = CST.tokenType(source) ?? 'unknown';
    if (MARKERS.has(type)) {
      if (type === 'scalar') contentNext = true;
      continue;
    }
    yield { type, source, offset, content: contentNext };
    contentNext = false;
    offset += source.length;
  }
}

/**
 * Offset of the first place where the nesting bound exceeds `limit`, or -1 when it never does. The bound
 * per line is its indentation plus the block indicators at its start (`- `, `? `, `: `) plus the open
 * flow brackets (`[`, `{`).
 */
export function excessiveNesting(text: string, limit: number): number {
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  let indicators = 0;
  let blockBase = 0;
  let lineOffset = 0; // block depth is reported at the start of its line
  for (const t of tokens(text)) {
    if (lineStart && flow === 0 && indent === 0 && indicators === 0) lineOffset = t.offset;
    if (t.content) {
      // a scalar's text: plain, quoted or block content (which ends with its last line break)
      if (lineStart && flow === 0 && indent + indicators > limit) return lineOffset;
      lineStart = t.source.endsWith('\n');
      if (lineStart) indent = indicators = 0;
      continue;
    }
    switch (t.type) {
      case 'newline':
        lineStart = true;
        indent = indicators = 0;
        break;
      case 'space':
        if (lineStart && flow === 0 && indicators === 0) indent += t.source.length;
        break;
      case 'comment':
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        if (lineStart && flow === 0) blockBase = indent + indicators;
        flow++;
        lineStart = false;
        if (blockBase + flow > limit) return t.offset;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        lineStart = false;
        break;
      default:
        if (INDICATORS.has(t.type) && lineStart && flow === 0) {
          indicators++;
          blockBase = indent + indicators;
          if (blockBase > limit) return lineOffset;
        } else {
          if (lineStart && flow === 0 && indent + indicators > limit) return lineOffset;
          lineStart = false;
        }
    }
  }
  return -1;
}

/** A YAML feature scenario files refuse, and where it starts. */
export interface RefusedFeature {
  kind: 'tag' | 'directive';
  /** The tag or directive as written (shortened to 60 characters). */
  text: string;
  offset: number;
}

/** The first tag or directive in the text, or undefined when there is none. */
export function refusedYamlFeature(text: string): RefusedFeature | undefined {
  for (const t of tokens(text)) {
    if (t.content) continue;
    if (t.type === 'tag') return { kind: 'tag', text: t.source.slice(0, 60), offset: t.offset };
    if (t.type === 'directive-line') return { kind: 'directive', text: t.source.trim().slice(0, 60), offset: t.offset };
  }
  return undefined;
}
