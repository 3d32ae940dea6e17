/**
 * Progress of a long command on stderr. On a terminal: a bar with rate and ETA (cli-progress) that
 * never passes its total. Elsewhere (a file, a CI log): one plain line about every 10 seconds,
 * `compare: 120/740 runs (16%), 1m 05s elapsed, about 5m 36s left`, and a last line when done.
 */
import cliProgress from 'cli-progress';
import type { CliIO } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** How the plain progress lines are timed (tests pass their own clock). */
export interface ProgressClock {
  now: () => number;
  /** Milliseconds between plain lines; default 10,000. */
  intervalMs?: number;
}

/** `65` → `1m 05s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m ${String(r).padStart(2, '0')}s` : `${r}s`;
}

/** Runs done as shown: whole runs, or with one decimal while a run is part-way (`0.4`). */
export function formatRuns(done: number): string {
  // Shares of years add up with rounding (2.9999999999999996 runs is 3).
  const d = Math.round(done * 1e6) / 1e6;
  return Number.isInteger(d) ? String(d) : (Math.floor(d * 10) / 10).toFixed(1);
}

/** One plain progress line; `done` may count part of a run (the share of its years simulated). */
export function progressLine(label: string, done: number, total: number, elapsedSeconds: number): string {
  const d = Math.min(done, total);
  const pct = total > 0 ? Math.floor((100 * d) / total) : 100;
  const left = d > 0 ? (elapsedSeconds * (total - d)) / d : NaN;
  const eta = d >= total ? 'done' : d > 0 ? `about ${formatDuration(left)} left` : 'estimating';
  return `${label}: ${formatRuns(d)}/${total} runs (${pct}%), ${formatDuration(elapsedSeconds)} elapsed, ${eta}`;
}

/** A progress display for `total` units of work; nothing when quiet. */
export function startProgress(io: CliIO, label: string, total: number, quiet: boolean, clock: ProgressClock = { now: Date.now }): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  const t0 = clock.now();
  if (!io.isTTY) {
    const every = clock.intervalMs ?? 10_000;
    let last = t0;
    let done = 0;
    let shownTotal = total;
    return {
      update: (d, tot) => {
        shownTotal = Math.max(total, tot);
        done = Math.min(d, shownTotal);
        const now = clock.now();
        // The last line is stop's.
        if (now - last >= every && done < shownTotal) {
          last = now;
          io.err(progressLine(label, done, shownTotal, (now - t0) / 1000));
        }
      },
      stop: () => io.err(progressLine(label, done, shownTotal, (clock.now() - t0) / 1000)),
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {runs}/{total} runs | {rate} runs/s | ETA {eta_formatted}`, hideCursor: true, stream: process.stderr, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0.0', runs: '0' });
  let shownTotal = total;
  return {
    update: (done, tot) => {
      // Adaptive batches raise the total as they start.
      if (tot > shownTotal) bar.setTotal((shownTotal = tot));
      const d = Math.min(done, shownTotal);
      bar.update(d, { runs: formatRuns(d), rate: (done / Math.max(0.001, (clock.now() - t0) / 1000)).toFixed(1) });
    },
    stop: () => bar.stop(),
  };
}
