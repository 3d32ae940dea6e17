/** Progress off a terminal: a plain line about every 10 s, never past the total, and a last line. */
import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine, startProgress } from '../../src/cli/progress.js';

describe('plain progress', () => {
  it('prints a line every 10 s of the clock and a last one, never past the total', () => {
    let now = 0;
    const lines: string[] = [];
    const p = startProgress({ out: () => undefined, err: (t) => void lines.push(t), isTTY: false }, 'compare', 150, false, { now: () => now });
    for (let d = 1; d <= 170; d++) {
      now += 1000;
      p.update(Math.min(d, 170), 150);
    }
    p.stop();
    expect(lines).toHaveLength(18);
    expect(lines[0]).toBe('compare: 10/150 runs (6%), 10s elapsed, about 2m 20s left');
    for (const l of lines) expect(Number(/: (\d+)\//.exec(l)![1])).toBeLessThanOrEqual(150);
    expect(lines[lines.length - 1]).toBe('compare: 150/150 runs (100%), 2m 50s elapsed, done');
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
