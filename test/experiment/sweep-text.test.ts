import { describe, expect, it } from 'vitest';
import { sweepOverrideArgs, sweepSummaryLine } from '../../src/experiment/sweep-text.js';
import type { SweepSummary } from '../../src/experiment/sweep/points.js';
import { wrap } from '../../src/experiment/compare-output.js';

const summary: SweepSummary = { name: 'demo', dir: 'out/sweeps/demo', shard: { index: 0, count: 1 }, points: 10, shardPoints: 10, resumed: 4, computed: 6, runs: 12, seconds: 3, complete: true };

describe('sweep text', () => {
  it('passes only the run settings given on the command line to every array task, in a fixed order', () => {
    expect(sweepOverrideArgs({})).toEqual([]);
    expect(sweepOverrideArgs({ seed: 7, scale: 0.001, replicates: 3, endYear: 2020 })).toEqual(['--scale', '0.001', '--end-year', '2020', '--replicates', '3', '--seed', '7']);
  });

  it('sums up a whole sweep and a shard', () => {
    expect(sweepSummaryLine(summary, 2)).toBe('demo done: 10/10 points (4 resumed, 6 computed), 12 runs in 3.0 s (4.00 runs/s on 2 worker(s)); wrote out/sweeps/demo/ (results.csv, manifest.json)');
    const shard = { ...summary, shard: { index: 1, count: 4 }, shardPoints: 3, resumed: 0, computed: 3, complete: false };
    expect(sweepSummaryLine(shard, 1)).toBe('demo shard 1/4 done: 3/3 points (0 resumed, 3 computed), 12 runs in 3.0 s (4.00 runs/s on 1 worker(s)); wrote out/sweeps/demo/points/; combine the shards with `povsim merge`');
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width and keeps a long word whole', () => {
    expect(wrap('aa bb cc dd', 5)).toBe('aa bb\ncc dd');
    expect(wrap('short', 100)).toBe('short');
    expect(wrap('abcdefgh ij', 4)).toBe('abcdefgh\nij');
  });
});
