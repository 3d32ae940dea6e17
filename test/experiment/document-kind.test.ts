import { describe, expect, it } from 'vitest';
import { documentKind } from '../../src/experiment/document-kind.js';

describe('documentKind', () => {
  it('tells comparisons, sweep plans and calibration plans by their keys', () => {
    expect(documentKind('name: c\nbaseline: b.yaml\nalternatives: [a.yaml]\n')).toBe('comparison');
    expect(documentKind('name: c\nbaseline: b.yaml\n')).toBe('comparison');
    expect(documentKind('name: s\nbase: b.yaml\ninclude: assumptions\ndesign: { kind: morris }\n')).toBe('sweep-plan');
    expect(documentKind('{"name": "s", "base": "b.yaml", "vary": {}}')).toBe('sweep-plan');
    expect(documentKind('name: f\nbase: b.yaml\nfit: { incomeLogSd: { min: 0.3, max: 0.9 } }\n')).toBe('calibration-plan');
  });

  it('takes anything else for a scenario, whose parser then reports the problems', () => {
    expect(documentKind('name: x\nextends: baseline.yaml\n')).toBe('scenario');
    expect(documentKind('name: x\nparameters: {}\nvary: 1\n')).toBe('scenario'); // a scenario key wins
    expect(documentKind('- a\n- b\n')).toBe('scenario');
    expect(documentKind('name: [unclosed\n')).toBe('scenario');
    expect(documentKind('')).toBe('scenario');
  });
});
