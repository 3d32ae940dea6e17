/**
 * Progress of `povsim sweep` on stderr: on a terminal a bar (points done, runs, runs per second,
 * ETA; cli-progress, as in progress.ts); elsewhere one line every minute, so batch-job logs show
 * progress too.
 */
import cliProgress from 'cli-progress';
import type { SweepProgress } from '../experiment/sweep/points.js';
import type { CliIO } from './io.js';
import { formatDuration } from './progress.js';

/** Seconds between progress lines when stderr is not a terminal (logs of batch jobs). */
const LOG_EVERY_SECONDS = 60;

export interface SweepBar {
  update(p: SweepProgress): void;
  stop(): void;
}

/** `1h 02m`, `3m 05s`, `12s`; `–` before the rate is known. */
function eta(seconds: number): string {
  return Number.isFinite(seconds) && seconds >= 0 ? formatDuration(seconds) : '–';
}

/** Starts the display for a sweep labelled `label`; nothing when quiet. */
export function startSweepProgress(io: CliIO, label: string, quiet: boolean): SweepBar {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  const t0 = Date.now();
  const rate = (p: SweepProgress): number => p.runsDone / Math.max(0.001, (Date.now() - t0) / 1000);
  if (!io.isTTY) {
    let last = Date.now();
    return {
      update: (p) => {
        if (Date.now() - last < LOG_EVERY_SECONDS * 1000) return;
        last = Date.now();
        const r = rate(p);
        io.err(`${label}: ${p.pointsDone}/${p.pointsTotal} points, ${p.runsDone}/${p.runsTotal} runs, ${r.toFixed(1)} runs/s, ETA ${eta((p.runsTotal - p.runsDone) / r)}`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {points} points | {value}/{total} runs | {rate} runs/s | ETA {eta_formatted}`, hideCursor: true, stream: process.stderr, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = { points: `${p.pointsDone}/${p.pointsTotal}`, rate: rate(p).toFixed(1) };
      if (!started) {
        bar.start(Math.max(1, p.runsTotal), p.runsDone, payload);
        started = true;
      } else bar.update(p.runsDone, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
