/**
 * Progress off a terminal: a plain line about every 10 s, never past the total, and one last line; part
 * of a run counts (a long single run moves), shown to one decimal.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration, formatRuns, progressLine, startProgress } from '../../src/cli/progress.js';

describe('plain progress', () => {
  it('prints a line every 10 s of the clock and one last one, never past the total', () => {
    let now = 0;
    const lines: string[] = [];
    const p = startProgress({ out: () => undefined, err: (t) => void lines.push(t), isTTY: false }, 'compare', 150, false, { now: () => now });
    for (let d = 1; d <= 170; d++) {
      now += 1000;
      p.update(Math.min(d, 170), 150);
    }
    p.stop();
    // Lines at 10 … 140 s; from 150 s all runs are done, and only stop prints the last line.
    expect(lines).toHaveLength(15);
    expect(lines[0]).toBe('compare: 10/150 runs (6%), 10s elapsed, about 2m 20s left');
    for (const l of lines) expect(Number(/: (\d+)\//.exec(l)![1])).toBeLessThanOrEqual(150);
    expect(lines[lines.length - 1]).toBe('compare: 150/150 runs (100%), 2m 50s elapsed, done');
    expect(lines[lines.length - 2]).toBe('compare: 140/150 runs (93%), 2m 20s elapsed, about 10s left');
  });

  it('counts the part of a run done, to one decimal and never rounded up to a whole run', () => {
    let now = 0;
    const lines: string[] = [];
    const p = startProgress({ out: () => undefined, err: (t) => void lines.push(t), isTTY: false }, 'run', 1, false, { now: () => now });
    for (const [t, d] of [[4, 0.25], [11, 0.5], [16, 0.75], [22, 0.99], [23, 1]]) {
      now = t * 1000;
      p.update(d, 1);
    }
    p.stop();
    expect(lines).toEqual([
      'run: 0.5/1 runs (50%), 11s elapsed, about 11s left',
      'run: 0.9/1 runs (99%), 22s elapsed, about 0s left',
      'run: 1/1 runs (100%), 23s elapsed, done',
    ]);
    expect(progressLine('run', 0.575, 1, 12)).toBe('run: 0.5/1 runs (57%), 12s elapsed, about 9s left');
    // Shares of years added up with rounding: 2.9999999999999996 runs is 3.
    expect(formatRuns(2 + 1 / 3 + 1 / 3 + 1 / 3)).toBe('3');
    expect(formatRuns(0.1 + 0.2)).toBe('0.3');
    expect(formatRuns(2.96)).toBe('2.9');
  });

  it('is silent when quiet', () => {
    const lines: string[] = [];
    const p = startProgress({ out: () => undefined, err: (t) => void lines.push(t), isTTY: false }, 'x', 5, true);
    p.update(5, 5);
    p.stop();
    expect(lines).toEqual([]);
  });

  it('formats durations and lines', () => {
    expect(formatDuration(65)).toBe('1m 05s');
    expect(formatDuration(3725)).toBe('1h 02m');
    expect(progressLine('run', 0, 4, 3)).toBe('run: 0/4 runs (0%), 3s elapsed, estimating');
  });
});
