/**
 * An ordered phase plan: the step of a model is a list of named phases, each with the reason it sits
 * where it does. The plan is data, so it can be printed (`povsim plan`) and tested.
 */

/** One phase of a step. `run` mutates the world; it must not allocate in its per-agent loop. */
export interface Phase<W> {
  readonly name: string;
  /** One line: why this phase runs here, relative to its neighbours. */
  readonly why: string;
  /** When the phase runs: every step, or only in the step that closes a year. */
  readonly when: 'monthly' | 'yearly';
  run(world: W): void;
}

/** Runs the phases of one step in order; yearly phases only when `closesYear` is true. */
export function runStep<W>(phases: readonly Phase<W>[], world: W, closesYear: boolean): void {
  for (const p of phases) {
    if (p.when === 'monthly' || closesYear) p.run(world);
  }
}

/** The plan as printable lines, numbered in run order. */
export function describePlan<W>(phases: readonly Phase<W>[]): string[] {
  return phases.map((p, i) => `${String(i + 1).padStart(2)}. ${p.name.padEnd(22)} [${p.when}] ${p.why}`);
}
