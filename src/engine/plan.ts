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
  /**
   * This phase and the next run together in one pass over the agents, when two passes cost more than
   * one. It must leave the world exactly as `run` of the two in turn does (the model tests that);
   * `run` stays the reference. The next phase must run at the same times (same `when`).
   */
  readonly withNext?: (world: W) => void;
}

/** Runs the phases of one step in order; yearly phases only when `closesYear` is true. */
export function runStep<W>(phases: readonly Phase<W>[], world: W, closesYear: boolean): void {
  for (let i = 0; i < phases.length; i++) {
    const p = phases[i];
    if (p.when !== 'monthly' && !closesYear) continue;
    if (p.withNext === undefined) p.run(world);
    else {
      const next = phases[i + 1];
      if (next === undefined || next.when !== p.when) throw new Error(`runStep: phase '${p.name}' runs with the next, but ${next ? `'${next.name}' runs ${next.when}` : 'it is the last'}`);
      p.withNext(world);
      i++;
    }
  }
}

/** The plan as printable lines, numbered in run order. */
export function describePlan<W>(phases: readonly Phase<W>[]): string[] {
  return phases.map((p, i) => {
    const joined = p.withNext !== undefined && phases[i + 1] ? ` (in one pass over the agents with '${phases[i + 1].name}')` : '';
    return `${String(i + 1).padStart(2)}. ${p.name.padEnd(22)} [${p.when}] ${p.why}${joined}`;
  });
}
