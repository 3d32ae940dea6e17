/**
 * What `povsim sweep` prints: the plan line before running, the summary line after, and the sweep
 * flags a Slurm array task passes on. Pure text from the plan and the sweep's summary.
 */
import { planPoints, type PlanOverrides, type SweepPlan } from './sweep/plan.js';
import type { SweepSummary } from './sweep/points.js';
import { shardPoints, shardText, type Shard } from './sweep/shard.js';

/** The line printed before running: design, points × replicates = runs, shard, scale, years, workers, folder. */
export function sweepPlanLine(plan: SweepPlan, shard: Shard, workers: number, dir: string): string {
  const points = planPoints(plan);
  const mine = shard.count > 1 ? ` (shard ${shardText(shard)}: ${shardPoints(points, shard).length} points)` : '';
  return `sweep ${plan.name}: ${plan.design.kind} design over ${plan.vary.length} parameter(s), ${points} points × ${plan.replicates} replicate(s) = ${points * plan.replicates} runs${mine}; scale ${plan.scale}, 2013–${plan.endYear}, ${workers} worker(s) → ${dir}/`;
}

/** The closing summary line: points resumed and computed, runs, rate, and what was written. */
export function sweepSummaryLine(s: SweepSummary, workers: number): string {
  const rate = s.runs / Math.max(0.001, s.seconds);
  const head = s.shard.count > 1 ? `${s.name} shard ${shardText(s.shard)} done` : `${s.name} done`;
  const wrote = s.complete ? `wrote ${s.dir}/ (results.csv, manifest.json)` : `wrote ${s.dir}/points/; combine the shards with \`povsim merge\``;
  return `${head}: ${s.resumed + s.computed}/${s.shardPoints} points (${s.resumed} resumed, ${s.computed} computed), ${s.runs} runs in ${s.seconds.toFixed(1)} s (${rate.toFixed(2)} runs/s on ${workers} worker(s)); ${wrote}`;
}

/** The run-setting flags every array task passes to `povsim sweep`, so each shard runs what this command would. */
export function sweepOverrideArgs(o: PlanOverrides): string[] {
  const out: string[] = [];
  if (o.scale !== undefined) out.push('--scale', String(o.scale));
  if (o.endYear !== undefined) out.push('--end-year', String(o.endYear));
  if (o.replicates !== undefined) out.push('--replicates', String(o.replicates));
  if (o.seed !== undefined) out.push('--seed', String(o.seed));
  return out;
}
