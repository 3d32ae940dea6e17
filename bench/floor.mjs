// The floor: each month, passes over the household columns the model's monthly phases touch
// (bench/column-use.mjs), reading each read column once and writing each written column once with
// trivial arithmetic. It is what a month costs with no model logic: the bound to measure the model
// against (issue 11: the model within 3× of it).
//
// The kernel is generated with the column names unrolled, so every access site sees one typed-array
// type (monomorphic), as hand-written code would. Columns go in passes of at most PASS_COLUMNS: one
// fused loop over all ~40 columns runs out of registers in V8 and is about twice as slow as narrow
// passes (measured here at 1:100: 65 ns per household-month in one loop, 28 ns in passes of 4
// columns, 32–35 ns in passes of 8–16).

/** Columns per pass. */
export const PASS_COLUMNS = 4;

/** The columns in passes: each pass reads and writes at most PASS_COLUMNS columns. */
export function floorPasses(read, written) {
  const cols = [...new Set([...read, ...written])];
  const passes = [];
  for (let i = 0; i < cols.length; i += PASS_COLUMNS) {
    const part = cols.slice(i, i + PASS_COLUMNS);
    passes.push({ read: part.filter((c) => read.includes(c)), written: part.filter((c) => written.includes(c)) });
  }
  return passes;
}

/**
 * Builds one pass: `pass(hh, n)` runs households 0..n−1 and returns a checksum (so no read can be
 * optimized away). A read-and-written column gets v + 1; a write-only column the sum of the pass's reads.
 */
export function floorKernel(read, written) {
  const cols = [...new Set([...read, ...written])];
  const id = (name) => `c${cols.indexOf(name)}`;
  const sum = read.length ? read.map((c) => `v${id(c)}`).join(' + ') : 'h';
  const body = [
    ...cols.map((c) => `const ${id(c)} = hh[${JSON.stringify(c)}];`),
    'let acc = 0;',
    'for (let h = 0; h < n; h++) {',
    ...read.map((c) => `  const v${id(c)} = ${id(c)}[h];`),
    `  const s = ${sum};`,
    ...written.map((c) => (read.includes(c) ? `  ${id(c)}[h] = v${id(c)} + 1;` : `  ${id(c)}[h] = s;`)),
    '  acc += s;',
    '}',
    'return acc;',
  ];
  return new Function('hh', 'n', body.join('\n'));
}

/** Runs the floor `months` times over the columns `hh` of `n` households; returns seconds, passes and a checksum. */
export function timeFloor(hh, n, read, written, months) {
  const kernels = floorPasses(read, written).map((p) => floorKernel(p.read, p.written));
  const month = () => kernels.reduce((acc, k) => acc + k(hh, n), 0);
  for (let k = 0; k < 3; k++) month(); // warm up: let the JIT optimize the passes before timing
  const t0 = performance.now();
  let acc = 0;
  for (let m = 0; m < months; m++) acc += month();
  return { seconds: (performance.now() - t0) / 1000, passes: kernels.length, checksum: acc };
}
