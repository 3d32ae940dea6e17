/**
 * A cheap, linear pre-scan of YAML or JSON text for excessive nesting, run before the YAML parser.
 *
 * Why: the `yaml` parser recurses once per nesting level. A few hundred levels (a line of `[[[[...`, or
 * `- - - - ...`) overflow the stack; the parser then reports an error, but after such an overflow V8 has
 * been seen to abort the whole process on a later deep parse ("RegExpCompiler Allocation failed"). A
 * scenario is at most five levels deep, so anything deeper than `limit` is refused before parsing.
 *
 * The depth counted is an upper bound of the real one: per line, the indentation plus the compact
 * indicators at its start (`- `, `? `, `: `), plus the open flow brackets (`[`, `{`) outside quotes,
 * comments and block scalars (`|`, `>`).
 */

/** Offset of the first place where the nesting bound exceeds `limit`, or -1 when it never does. */
export function excessiveNesting(text: string, limit: number): number {
  const n = text.length;
  let flow = 0;
  let quote: '"' | "'" | null = null;
  /** Indentation of the line that opened a block scalar; -1 when not inside one. */
  let scalarParentIndent = -1;
  let blockBase = 0;
  let i = 0;
  while (i < n) {
    const lineStart = i;
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) lineEnd = n;
    const atLineStart = quote === null && flow === 0;
    let indent = 0;
    if (atLineStart) {
      while (i + indent < lineEnd && text[i + indent] === ' ') indent++;
      const first = text[i + indent];
      const blank = i + indent >= lineEnd || first === '#' || first === '\r' || first === '\t';
      if (scalarParentIndent >= 0) {
        if (blank || indent > scalarParentIndent) {
          i = lineEnd + 1; // block scalar content: plain text
          continue;
        }
        scalarParentIndent = -1;
      }
      let j = i + indent;
      let indicators = 0;
      while (j < lineEnd && (text[j] === '-' || text[j] === '?' || text[j] === ':') && (j + 1 >= lineEnd || text[j + 1] === ' ')) {
        indicators++;
        j += 2;
        while (j < lineEnd && text[j] === ' ') j++;
      }
      blockBase = indent + indicators;
      if (blockBase > limit) return lineStart;
    }
    // Characters of the line: quotes, comments, flow brackets.
    let contentEnd = lineEnd;
    for (; i < lineEnd; i++) {
      const c = text[i];
      if (quote !== null) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = null;
        }
        continue;
      }
      const prev = i === lineStart ? ' ' : text[i - 1];
      if (c === '#' && (prev === ' ' || prev === '\t')) {
        contentEnd = i;
        break;
      }
      if ((c === '"' || c === "'") && (prev === ' ' || prev === '\t' || prev === '[' || prev === '{' || prev === ',' || prev === ':')) {
        quote = c;
      } else if (c === '[' || c === '{') {
        flow++;
        if (blockBase + flow > limit) return i;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    // A block scalar header (`key: |`, `- >-`, `|2`) ends the line's content.
    if (atLineStart && quote === null && flow === 0 && isBlockScalarHeader(text, lineStart + indent, contentEnd)) {
      scalarParentIndent = indent;
    }
    i = lineEnd + 1;
  }
  return -1;
}

/** Whether text[start, end) ends with a block scalar indicator (`|` or `>` with up to two modifiers). */
function isBlockScalarHeader(text: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k--;
  let modifiers = 0;
  while (k >= start && modifiers < 2 && /[-+1-9]/.test(text[k])) {
    k--;
    modifiers++;
  }
  if (k < start || (text[k] !== '|' && text[k] !== '>')) return false;
  const before = k === start ? ' ' : text[k - 1];
  return before === ' ' || before === '\t';
}
