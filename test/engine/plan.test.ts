/** The phase plan runner: order, yearly phases, and a phase that runs with the next in one pass. */
import { describe, expect, it } from 'vitest';
import { describePlan, runStep, type Phase } from '../../src/engine/plan.js';

type Log = string[];
const phase = (name: string, when: 'monthly' | 'yearly', withNext?: (log: Log) => void): Phase<Log> => ({
  name,
  when,
  why: `${name} here`,
  run: (log) => log.push(name),
  ...(withNext ? { withNext } : {}),
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
    const plan = [phase('a', 'monthly', (log) => log.push('a+b')), phase('b', 'monthly'), phase('c', 'monthly')];
    const log: Log = [];
    runStep(plan, log, false);
    expect(log).toEqual(['a+b', 'c']);
  });

  it('refuses a joint pass without a next phase, or with a next phase that runs at other times', () => {
    expect(() => runStep([phase('a', 'monthly', () => {})], [], false)).toThrow(/'a' runs with the next, but it is the last/);
    expect(() => runStep([phase('a', 'monthly', () => {}), phase('y', 'yearly')], [], true)).toThrow(/'y' runs yearly/);
  });
});

describe('describePlan', () => {
  it('numbers the phases and says which two run in one pass', () => {
    const lines = describePlan([phase('a', 'monthly', () => {}), phase('b', 'monthly')]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ 1\. a\s+\[monthly\] a here \(in one pass over the agents with 'b'\)$/);
    expect(lines[1]).toMatch(/^ 2\. b\s+\[monthly\] b here$/);
  });
});
