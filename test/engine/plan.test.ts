/** The phase plan runner: order, yearly phases, and a phase that runs with the next in one pass. */
import { describe, expect, it } from 'vitest';
import { checkPlan, describePlan, runStep, type Phase } from '../../src/engine/plan.js';
import { PHASES } from '../../src/model/plan.js';

type Log = string[];
const phase = (name: string, when: 'monthly' | 'yearly', joins?: string): Phase<Log> => ({
  name,
  when,
  why: `${name} here`,
  run: (log) => log.push(name),
  ...(joins ? { withNext: { phase: joins, run: (log: Log) => log.push(`${name}+${joins}`) } } : {}),
});

describe('runStep', () => {
  it('runs monthly phases every step and yearly ones only when the step closes a year, in order', () => {
    const plan = [phase('a', 'monthly'), phase('y', 'yearly'), phase('b', 'monthly')];
    const month: Log = [];
    runStep(plan, month, false);
    expect(month).toEqual(['a', 'b']);
    const december: Log = [];
    runStep(plan, december, true);
    expect(december).toEqual(['a', 'y', 'b']);
  });

  it('runs a phase with `withNext` and the next phase as the one joint pass, and neither run', () => {
    const plan = [phase('a', 'monthly', 'b'), phase('b', 'monthly'), phase('c', 'monthly')];
    const log: Log = [];
    runStep(plan, log, false);
    expect(log).toEqual(['a+b', 'c']);
  });

  it('refuses, at the first step and whatever the month, a plan whose joint run does not fit it', () => {
    // The next phase is another than the one named (a phase inserted between the two).
    expect(() => runStep([phase('a', 'monthly', 'b'), phase('x', 'monthly'), phase('b', 'monthly')], [], false)).toThrow(
      /phase 'a' runs in one pass with 'b', but the next phase is 'x'/,
    );
    expect(() => runStep([phase('a', 'monthly', 'b')], [], false)).toThrow(/but it is the last/);
    // A yearly joint before a monthly phase fails in January, not first in December.
    expect(() => runStep([phase('y', 'yearly', 'm'), phase('m', 'monthly')], [], false)).toThrow(/'m' runs monthly and 'y' yearly/);
    // Chains of joints are not supported.
    expect(() => runStep([phase('a', 'monthly', 'b'), phase('b', 'monthly', 'c'), phase('c', 'monthly')], [], false)).toThrow(/'b' joins the phase after it too/);
    expect(() => describePlan([phase('a', 'monthly', 'b'), phase('x', 'monthly')])).toThrow(/the next phase is 'x'/);
  });
});

describe('describePlan', () => {
  it('numbers the phases and says which two run in one pass', () => {
    const lines = describePlan([phase('a', 'monthly', 'b'), phase('b', 'monthly')]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ 1\. a\s+\[monthly\] a here \(in one pass over the agents with 'b'\)$/);
    expect(lines[1]).toMatch(/^ 2\. b\s+\[monthly\] b here$/);
  });
});

describe("the model's plan", () => {
  it('fits its joint runs: shocks runs in one pass with motivation, which follows it', () => {
    expect(() => checkPlan(PHASES)).not.toThrow();
    const i = PHASES.findIndex((p) => p.name === 'shocks');
    expect(PHASES[i].withNext?.phase).toBe('motivation');
    expect(PHASES[i + 1].name).toBe('motivation');
    expect(PHASES.filter((p) => p.withNext !== undefined)).toHaveLength(1);
  });
});
