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
   * This phase and the next, named by `phase`, run together in one pass over the agents, when two
   * passes cost more than one. `run` must leave the world exactly as the two phases' own `run` in turn
   * do (the model tests that); they stay the reference. {@link checkPlan} says what a plan may join.
   */
  readonly withNext?: JointRun<W>;
}

/** A run of a phase and the next one in one pass. */
export interface JointRun<W> {
  /** The name of the next phase: a plan where another phase comes next is refused, not run. */
  readonly phase: string;
  run(world: W): void;
}

/**
 * Refuses a plan whose joint runs do not fit it: a phase with `withNext` must be followed by the phase
 * it names, which runs at the same times (same `when`) and does not itself join the one after.
 * @throws Error naming the phase and what is wrong
 */
export function checkPlan<W>(phases: readonly Phase<W>[]): void {
  for (let i = 0; i < phases.length; i++) {
    const joint = phases[i].withNext;
    if (joint === undefined) continue;
    const p = phases[i];
    const next = phases[i + 1];
    const wrong =
      next === undefined
        ? 'it is the last'
        : next.name !== joint.phase
          ? `the next phase is '${next.name}'`
          : next.when !== p.when
            ? `'${next.name}' runs ${next.when} and '${p.name}' ${p.when}`
            : next.withNext !== undefined
              ? `'${next.name}' joins the phase after it too`
              : null;
    if (wrong) throw new Error(`plan: phase '${p.name}' runs in one pass with '${joint.phase}', but ${wrong}`);
  }
}

// Plans already checked (a plan is checked once, at the first step that runs it).
const CHECKED = new WeakSet<readonly Phase<unknown>[]>();

/** Runs the phases of one step in order; yearly phases only when `closesYear` is true. */
export function runStep<W>(phases: readonly Phase<W>[], world: W, closesYear: boolean): void {
  if (!CHECKED.has(phases)) {
    checkPlan(phases);
    CHECKED.add(phases);
  }
  for (let i = 0; i < phases.length; i++) {
    const p = phases[i];
    if (p.when !== 'monthly' && !closesYear) continue;
    if (p.withNext === undefined) p.run(world);
    else {
      p.withNext.run(world);
      i++;
    }
  }
}

/** The plan as printable lines, numbered in run order. */
export function describePlan<W>(phases: readonly Phase<W>[]): string[] {
  checkPlan(phases);
  return phases.map((p, i) => {
    const joined = p.withNext !== undefined ? ` (in one pass over the agents with '${p.withNext.phase}')` : '';
    return `${String(i + 1).padStart(2)}. ${p.name.padEnd(22)} [${p.when}] ${p.why}${joined}`;
  });
}
