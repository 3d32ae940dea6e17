/**
 * A progress bar with ETA on a terminal (cli-progress); silent elsewhere, so logs and CI stay clean.
 */
import cliProgress from 'cli-progress';
import type { CliIO } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar for `total` units of work, shown only on a terminal and when not quiet. */
export function startProgress(io: CliIO, label: string, total: number, quiet: boolean): Progress {
  if (!io.isTTY || quiet) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} runs | {rate} runs/s | ETA {eta_formatted}`, hideCursor: true, stream: process.stderr, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  const t0 = Date.now();
  bar.start(total, 0, { rate: '0.0' });
  return {
    update: (done) => bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(1) }),
    stop: () => bar.stop(),
  };
}
