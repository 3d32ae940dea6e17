/**
 * Finds the first JSON syntax error in a text: its offset and a short description. Used only after
 * `JSON.parse` has rejected a file, because Node's messages vary between versions and often carry no
 * position. Iterative (an explicit stack), so deep nesting cannot overflow the call stack.
 */

/** The first syntax error of `text` as JSON, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let i = 0;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (message: string) => ({ offset: Math.min(i, n), message: i >= n ? 'unexpected end of file' : message });
  const show = (c: string) => JSON.stringify(c);
  /** Scans a string starting at the opening quote; returns an error message or undefined. */
  const string = (): string | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return 'control character in a string (write \\n, \\t, ...)';
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return 'bad \\u escape in a string';
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return 'bad escape in a string';
        i += 2;
        continue;
      }
      i++;
    }
    i = start;
    return 'unterminated string';
  };
  const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;

  // expect: 'value' (a value), 'key' (a string key or, right after '{', the closing '}'), 'after' (',' or a closer)
  let expect: 'value' | 'key' | 'first-key' | 'first-value' | 'after' = 'value';
  for (;;) {
    ws();
    if (expect === 'after') {
      if (stack.length === 0) return i < n ? fail(`unexpected ${show(text[i])} after the end of the data`) : undefined;
      const top = stack[stack.length - 1];
      const close = top === '{' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (text[i] === close) {
        i++;
        stack.pop();
      } else return fail(`expected ',' or '${close}', found ${show(text[i])}`);
      continue;
    }
    if (expect === 'key' || expect === 'first-key') {
      if (expect === 'first-key' && text[i] === '}') {
        i++;
        stack.pop();
        expect = 'after';
        continue;
      }
      if (text[i] === '}') return fail("trailing comma before '}'");
      if (text[i] !== '"') return fail(`expected a double-quoted key, found ${show(text[i])}`);
      const e = string();
      if (e) return fail(e);
      ws();
      if (text[i] !== ':') return fail(`expected ':' after a key, found ${show(text[i])}`);
      i++;
      expect = 'value';
      continue;
    }
    // a value
    const c = text[i];
    if (c === undefined) return fail('');
    if (expect === 'first-value' && c === ']') {
      i++;
      stack.pop();
      expect = 'after';
      continue;
    }
    if (c === ']' && stack[stack.length - 1] === '[') return fail("trailing comma before ']'");
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'first-key' : 'first-value';
      continue;
    }
    if (c === '"') {
      const e = string();
      if (e) return fail(e);
    } else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m || m[0] === '' || m[0] === '-') return fail(`unexpected ${show(c)} where a value should be`);
      i += m[0].length;
    }
    expect = 'after';
  }
}
