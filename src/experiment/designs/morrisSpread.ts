import type { DesignRows } from './types.js';

/**
 * Distance between two Morris trajectories (Campolongo, Cariboni & Saltelli 2007):
 *   d(t1, t2) = Σ_p Σ_q ‖X_p^{t1} − X_q^{t2}‖₂, summed over all pairs of their points (unit space).
 * 0 only when both trajectories are the same single point repeated.
 */
export function trajectoryDistance(t1: DesignRows, t2: DesignRows): number {
  let total = 0;
  for (const p of t1) {
    for (const q of t2) {
      let ss = 0;
      for (let k = 0; k < p.length; k++) ss += (p[k] - q[k]) ** 2;
      total += Math.sqrt(ss);
    }
  }
  return total;
}

/**
 * Spread of a set of trajectories: D = sqrt(Σ_{m<l} d(t_m, t_l)²), the quantity Campolongo et al.
 * (2007) maximise when choosing r trajectories out of a larger pool.
 */
export function trajectorySpread(trajectories: readonly DesignRows[]): number {
  let ss = 0;
  for (let m = 0; m < trajectories.length; m++) {
    for (let l = m + 1; l < trajectories.length; l++) ss += trajectoryDistance(trajectories[m], trajectories[l]) ** 2;
  }
  return Math.sqrt(ss);
}

/**
 * Chooses r of the candidate trajectories with a large spread, greedily: start from the farthest
 * pair, then repeatedly add the candidate with the largest Σ d² to those already chosen (a forward
 * approximation of Campolongo et al.'s exhaustive search, O(M²) distances for M candidates).
 * Deterministic: ties go to the lowest candidate index.
 *
 * @param candidates M ≥ r trajectories (each d + 1 points)
 * @param r number to keep, 1 ≤ r ≤ M
 * @returns indices of the chosen candidates, in ascending order
 */
export function selectSpreadTrajectories(candidates: readonly DesignRows[], r: number): number[] {
  const m = candidates.length;
  if (r >= m) return Array.from({ length: m }, (_, i) => i);
  const dist2 = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) dist2[i][j] = dist2[j][i] = trajectoryDistance(candidates[i], candidates[j]) ** 2;
  }
  // 1. Farthest pair (or the first candidate alone when r = 1).
  let best = [0, 1];
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (dist2[i][j] > dist2[best[0]][best[1]]) best = [i, j];
  const chosen = r === 1 ? [0] : best;
  // 2. Greedy additions.
  const score = new Float64Array(m);
  for (const c of chosen) for (let i = 0; i < m; i++) score[i] += dist2[c][i];
  const taken = new Set(chosen);
  while (chosen.length < r) {
    let next = -1;
    for (let i = 0; i < m; i++) if (!taken.has(i) && (next < 0 || score[i] > score[next])) next = i;
    chosen.push(next);
    taken.add(next);
    for (let i = 0; i < m; i++) score[i] += dist2[next][i];
  }
  return chosen.sort((a, b) => a - b);
}
