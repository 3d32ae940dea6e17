/**
 * Replicate seeds. Replicate r of a run with base seed S uses seed `replicateSeed(S, r)`, derived with
 * seedrandom from (S, r) alone, so replicate r of every scenario shares its seed: common random numbers.
 */
import { streamKey } from '../engine/random.js';

export function replicateSeed(baseSeed: number, replicate: number): number {
  return streamKey(baseSeed, `replicate:${replicate}`);
}

export function replicateSeeds(baseSeed: number, replicates: number): number[] {
  return Array.from({ length: replicates }, (_, r) => replicateSeed(baseSeed, r));
}
