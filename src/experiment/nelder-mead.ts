/**
 * Nelder–Mead simplex minimization (Lagarias et al. 1998 coefficients: reflection 1, expansion 2,
 * contraction 0.5, shrink 0.5), for low-dimensional, noisy-free objectives such as a calibration
 * objective averaged over common-random-number replicates. Async so each evaluation may run workers.
 */

export interface NelderMeadOptions {
  /** Initial step per coordinate (default 10% of |x0| or 0.1). */
  step?: number[];
  maxEvaluations?: number;
  /** Stop when the simplex's objective spread falls below this. */
  tolerance?: number;
  onEvaluation?: (x: number[], f: number, n: number) => void;
}

export interface NelderMeadResult {
  x: number[];
  f: number;
  evaluations: number;
  converged: boolean;
}

/** Minimizes `f` from `x0`. */
export async function nelderMead(
  f: (x: number[]) => Promise<number> | number,
  x0: number[],
  opts: NelderMeadOptions = {},
): Promise<NelderMeadResult> {
  const d = x0.length;
  if (d === 0) throw new RangeError('nelderMead: x0 must have at least one coordinate');
  const maxEval = opts.maxEvaluations ?? 200 * d;
  const tol = opts.tolerance ?? 1e-8;
  let evals = 0;
  const evaluate = async (x: number[]): Promise<number> => {
    const v = await f(x);
    evals++;
    opts.onEvaluation?.(x, v, evals);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: { x: number[]; f: number }[] = [{ x: [...x0], f: await evaluate(x0) }];
  for (let i = 0; i < d; i++) {
    const x = [...x0];
    x[i] += opts.step?.[i] ?? (x0[i] !== 0 ? 0.1 * Math.abs(x0[i]) : 0.1);
    simplex.push({ x, f: await evaluate(x) });
  }
  const combine = (a: number[], b: number[], t: number): number[] => a.map((ai, i) => ai + t * (b[i] - ai));
  while (evals < maxEval) {
    simplex.sort((a, b) => a.f - b.f);
    if (Math.abs(simplex[d].f - simplex[0].f) < tol) return { x: simplex[0].x, f: simplex[0].f, evaluations: evals, converged: true };
    const centroid = new Array<number>(d).fill(0);
    for (let k = 0; k < d; k++) for (let i = 0; i < d; i++) centroid[i] += simplex[k].x[i] / d;
    const worst = simplex[d];
    const xr = combine(centroid, worst.x, -1);
    const fr = await evaluate(xr);
    if (fr < simplex[0].f) {
      const xe = combine(centroid, worst.x, -2);
      const fe = await evaluate(xe);
      simplex[d] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < simplex[d - 1].f) {
      simplex[d] = { x: xr, f: fr };
    } else {
      const outside = fr < worst.f;
      const xc = outside ? combine(centroid, worst.x, -0.5) : combine(centroid, worst.x, 0.5);
      const fc = await evaluate(xc);
      if (fc < (outside ? fr : worst.f)) simplex[d] = { x: xc, f: fc };
      else {
        for (let k = 1; k <= d; k++) {
          const xs = combine(simplex[0].x, simplex[k].x, 0.5);
          simplex[k] = { x: xs, f: await evaluate(xs) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  return { x: simplex[0].x, f: simplex[0].f, evaluations: evals, converged: false };
}
