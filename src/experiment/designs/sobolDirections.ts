/**
 * Joe–Kuo direction numbers for the Sobol sequence.
 *
 * Source: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections",
 * SIAM J. Sci. Comput. 30 (2008) 2635–2654; table `new-joe-kuo-6.21201`, first 101 dimensions (enough
 * for a Saltelli design of up to 50 inputs). Each line is `d s a m_1 … m_s`:
 *   d   dimension (1-based; dimension 1 is the van der Corput sequence and has no line),
 *   s   degree of the primitive polynomial,
 *   a   its inner coefficients as an integer (bit s−1−k = coefficient a_k; the leading and constant
 *       terms, both 1, are implicit),
 *   m_i initial odd direction integers, m_i < 2^i.
 */
const JOE_KUO_6_21201 = `
2 1 0 1
3 2 1 1 3
4 3 1 1 3 1
5 3 2 1 1 1
6 4 1 1 1 3 3
7 4 4 1 3 5 13
8 5 2 1 1 5 5 17
9 5 4 1 1 5 5 5
10 5 7 1 1 7 11 19
11 5 11 1 1 5 1 1
12 5 13 1 1 1 3 11
13 5 14 1 3 5 5 31
14 6 1 1 3 3 9 7 49
15 6 13 1 1 1 15 21 21
16 6 16 1 3 1 13 27 49
17 6 19 1 1 1 15 7 5
18 6 22 1 3 1 15 13 25
19 6 25 1 1 5 5 19 61
20 7 1 1 3 7 11 23 15 103
21 7 4 1 3 7 13 13 15 69
22 7 7 1 1 3 13 7 35 63
23 7 8 1 3 5 9 1 25 53
24 7 14 1 3 1 13 9 35 107
25 7 19 1 3 1 5 27 61 31
26 7 21 1 1 5 11 19 41 61
27 7 28 1 3 5 3 3 13 69
28 7 31 1 1 7 13 1 19 1
29 7 32 1 3 7 5 13 19 59
30 7 37 1 1 3 9 25 29 41
31 7 41 1 3 5 13 23 1 55
32 7 42 1 3 7 3 13 59 17
33 7 50 1 3 1 3 5 53 69
34 7 55 1 1 5 5 23 33 13
35 7 56 1 1 7 7 1 61 123
36 7 59 1 1 7 9 13 61 49
37 7 62 1 3 3 5 3 55 33
38 8 14 1 3 1 15 31 13 49 245
39 8 21 1 3 5 15 31 59 63 97
40 8 22 1 3 1 11 11 11 77 249
41 8 38 1 3 1 11 27 43 71 9
42 8 47 1 1 7 15 21 11 81 45
43 8 49 1 3 7 3 25 31 65 79
44 8 50 1 3 1 1 19 11 3 205
45 8 52 1 1 5 9 19 21 29 157
46 8 56 1 3 7 11 1 33 89 185
47 8 67 1 3 3 3 15 9 79 71
48 8 70 1 3 7 11 15 39 119 27
49 8 84 1 1 3 1 11 31 97 225
50 8 97 1 1 1 3 23 43 57 177
51 8 103 1 3 7 7 17 17 37 71
52 8 115 1 3 1 5 27 63 123 213
53 8 122 1 1 3 5 11 43 53 133
54 9 8 1 3 5 5 29 17 47 173 479
55 9 13 1 3 3 11 3 1 109 9 69
56 9 16 1 1 1 5 17 39 23 5 343
57 9 22 1 3 1 5 25 15 31 103 499
58 9 25 1 1 1 11 11 17 63 105 183
59 9 44 1 1 5 11 9 29 97 231 363
60 9 47 1 1 5 15 19 45 41 7 383
61 9 52 1 3 7 7 31 19 83 137 221
62 9 55 1 1 1 3 23 15 111 223 83
63 9 59 1 1 5 13 31 15 55 25 161
64 9 62 1 1 3 13 25 47 39 87 257
65 9 67 1 1 1 11 21 53 125 249 293
66 9 74 1 1 7 11 11 7 57 79 323
67 9 81 1 1 5 5 17 13 81 3 131
68 9 82 1 1 7 13 23 7 65 251 475
69 9 87 1 3 5 1 9 43 3 149 11
70 9 91 1 1 3 13 31 13 13 255 487
71 9 94 1 3 3 1 5 63 89 91 127
72 9 103 1 1 3 3 1 19 123 127 237
73 9 104 1 1 5 7 23 31 37 243 289
74 9 109 1 1 5 11 17 53 117 183 491
75 9 122 1 1 1 5 1 13 13 209 345
76 9 124 1 1 3 15 1 57 115 7 33
77 9 137 1 3 1 11 7 43 81 207 175
78 9 138 1 3 1 1 15 27 63 255 49
79 9 143 1 3 5 3 27 61 105 171 305
80 9 145 1 1 5 3 1 3 57 249 149
81 9 152 1 1 3 5 5 57 15 13 159
82 9 157 1 1 1 11 7 11 105 141 225
83 9 167 1 3 3 5 27 59 121 101 271
84 9 173 1 3 5 9 11 49 51 59 115
85 9 176 1 1 7 1 23 45 125 71 419
86 9 181 1 1 3 5 23 5 105 109 75
87 9 182 1 1 7 15 7 11 67 121 453
88 9 185 1 3 7 3 9 13 31 27 449
89 9 191 1 3 1 15 19 39 39 89 15
90 9 194 1 1 1 1 1 33 73 145 379
91 9 199 1 3 1 15 15 43 29 13 483
92 9 218 1 1 7 3 19 27 85 131 431
93 9 220 1 3 3 3 5 35 23 195 349
94 9 227 1 3 3 7 9 27 39 59 297
95 9 229 1 1 3 9 11 17 13 241 157
96 9 230 1 3 7 15 25 57 33 189 213
97 9 234 1 1 7 1 9 55 73 83 217
98 9 236 1 3 3 13 19 27 23 113 249
99 9 241 1 3 5 3 23 43 3 253 479
100 9 244 1 1 5 5 11 5 45 117 217
101 9 253 1 3 3 7 29 37 33 123 147
`;

/** Number of bits of each Sobol coordinate (points are k / 2^32). */
export const SOBOL_BITS = 32;

/** One parsed line of the Joe–Kuo table. */
export interface JoeKuoEntry {
  /** Degree s of the primitive polynomial. */
  readonly s: number;
  /** Inner coefficients of the polynomial packed as an integer (see the table's header comment). */
  readonly a: number;
  /** Initial direction integers m_1 … m_s (odd, m_i < 2^i). */
  readonly m: readonly number[];
}

/** Parses the embedded table into entries for dimensions 2, 3, …; checks that dimensions are consecutive. */
function parseJoeKuo(text: string): JoeKuoEntry[] {
  const lines = text.trim().split('\n');
  return lines.map((line, i) => {
    const [d, s, a, ...m] = line.trim().split(/\s+/).map(Number);
    if (d !== i + 2 || m.length !== s) throw new Error(`sobolDirections: malformed Joe–Kuo line ${i + 1}: "${line}"`);
    return { s, a, m };
  });
}

const ENTRIES = parseJoeKuo(JOE_KUO_6_21201);

/** Largest dimension for which direction numbers are embedded. */
export const SOBOL_MAX_DIM = ENTRIES.length + 1;

/**
 * Direction numbers V_1 … V_32 of one Sobol dimension, as 32-bit integers (V_k = v_k · 2^32,
 * where v_k is the k-th direction number in [0, 1)).
 *
 * Dimension 1 (`dim` = 0) has v_k = 2^−k (van der Corput). Other dimensions follow Bratley & Fox's
 * recurrence with the Joe–Kuo polynomial x^s + a_1 x^{s−1} + … + a_{s−1} x + 1:
 *   V_k = m_k · 2^{32−k} for k ≤ s;
 *   V_k = V_{k−s} ⊕ (V_{k−s} >> s) ⊕ ⨁_{j=1}^{s−1} a_j V_{k−j} for k > s.
 *
 * @param dim 0-based dimension index, 0 ≤ dim < SOBOL_MAX_DIM
 * @throws RangeError if `dim` is out of range
 */
export function sobolDirectionNumbers(dim: number): Uint32Array {
  if (!Number.isInteger(dim) || dim < 0 || dim >= SOBOL_MAX_DIM) {
    throw new RangeError(`sobolDirectionNumbers: dim must be an integer in [0, ${SOBOL_MAX_DIM - 1}], got ${dim}`);
  }
  const v = new Uint32Array(SOBOL_BITS);
  if (dim === 0) {
    for (let k = 0; k < SOBOL_BITS; k++) v[k] = 2 ** (SOBOL_BITS - 1 - k);
    return v;
  }
  const { s, a, m } = ENTRIES[dim - 1];
  for (let k = 0; k < Math.min(s, SOBOL_BITS); k++) v[k] = m[k] * 2 ** (SOBOL_BITS - 1 - k);
  for (let k = s; k < SOBOL_BITS; k++) {
    let x = v[k - s] ^ (v[k - s] >>> s);
    for (let j = 1; j < s; j++) {
      if ((a >>> (s - 1 - j)) & 1) x ^= v[k - j];
    }
    v[k] = x >>> 0;
  }
  return v;
}
