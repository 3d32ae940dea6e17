/**
 * Shards: a deterministic share of a sweep's points, so that n processes (Slurm array tasks,
 * Kubernetes indexed-job pods, or terminals) can each run one share and `povsim merge` can put the
 * shares together. Shard k of n (0 ≤ k < n) runs the points p with p mod n = k: round-robin, so
 * every shard gets a similar mix of the design (Morris trajectories and Saltelli blocks are
 * consecutive points).
 */
import { InputError } from '../../engine/diagnostics.js';
import * as msg from './plan-messages.js';

/** Shard `index` of `count` (0 ≤ index < count). */
export interface Shard {
  index: number;
  count: number;
}

/** The whole sweep as one shard. */
export const WHOLE: Shard = { index: 0, count: 1 };

/** Most shards a sweep may be split into. */
export const MAX_SHARDS = 100_000;

/**
 * Parses `k/n` (as in `--shard 3/8`).
 * @throws InputError naming --shard unless k and n are whole numbers with 0 ≤ k < n ≤ MAX_SHARDS
 * @example parseShard('3/8') // { index: 3, count: 8 }
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= MAX_SHARDS && index < count)) {
    throw new InputError([{ ...msg.badShard(text), file: '(command line)', line: 0, column: 0, key: '--shard' }]);
  }
  return { index, count };
}

/** The points of a shard, ascending: p in [0, points) with p mod count = index. */
export function shardPoints(points: number, shard: Shard): number[] {
  const out: number[] = [];
  for (let p = shard.index; p < points; p += shard.count) out.push(p);
  return out;
}

/** `k/n` text of a shard. */
export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
