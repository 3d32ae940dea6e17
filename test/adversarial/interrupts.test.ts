/**
 * Class 5 of issue 13: long work stays interruptible and inputs cannot ask for unbounded work. After
 * SIGINT or SIGTERM each long command exits by itself (code 130) and leaves no folder that claims to be
 * complete. The 20 s kill in `interrupt` is only a hang guard; no timing is asserted.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, cli, completeFolders, fixture, interrupt, ROOT, scratch } from './helpers.js';

afterAll(cleanUp);

/** A scenario whose runs take long enough to be interrupted part-way. */
const SLOW = 'name: slow\nlevers:\n  cadreEffort: 0.5\nrun:\n  scale: 0.02\n  replicates: 50\n';
const started = (err: string): boolean => err.length > 0;

describe('every long command stops on a signal, leaving nothing that claims completeness', () => {
  for (const [signal, workers] of [['SIGINT', '1'], ['SIGTERM', '1'], ['SIGINT', '2']] as const) {
    it(`run, ${signal}, --workers ${workers}`, async () => {
      const dir = scratch();
      const file = fixture(dir, 'slow.yaml', SLOW);
      const out = join(dir, 'out');
      const r = await interrupt(['run', file, '--out', out, '--workers', workers, '--quiet'], { signal, afterMs: 2500 });
      expect(r.signalled).toBe(true);
      expect(r.hung).toBe(false);
      expect(r.code).toBe(130);
      expect(r.err).toContain('povsim: interrupted; no complete output was written');
      expect(completeFolders(dir)).toEqual([]);
    });
  }

  it('sweep (SIGINT, one worker): finished points are kept, the folder does not claim completeness', async () => {
    const dir = scratch();
    fixture(dir, 'base.yaml', SLOW.replace('replicates: 50', 'replicates: 1'));
    const plan = fixture(dir, 'plan.yaml', 'name: slow-sweep\nbase: base.yaml\nvary:\n  cadreEffort: {}\n  subsidyLevel: {}\ndesign: { kind: morris, trajectories: 20 }\n');
    const out = join(dir, 'out');
    const r = await interrupt(['sweep', plan, '--out', out, '--workers', '1'], { ready: (e) => e.includes('sweep slow-sweep'), signal: 'SIGINT' });
    expect(r.hung).toBe(false);
    expect(r.code).toBe(130);
    expect(r.err).toContain('run the same command again to resume');
    expect(completeFolders(dir)).toEqual([]);
  });

  it('calibrate (SIGTERM)', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    const fitted = join(dir, 'fitted.yaml');
    const r = await interrupt(['calibrate', join(ROOT, 'scenarios/calibration/baseline-fit.yaml'), '--out', out, '--fitted', fitted, '--workers', '1'], { ready: started, signal: 'SIGTERM' });
    expect(r.hung).toBe(false);
    expect(r.code).toBe(130);
    expect(completeFolders(dir)).toEqual([]);
  });

  it('compare (SIGINT)', async () => {
    const dir = scratch();
    const file = fixture(dir, 'slow.yaml', SLOW);
    const other = fixture(dir, 'other.yaml', SLOW.replace('name: slow', 'name: other').replace('0.5', '0.7'));
    const out = join(dir, 'out');
    const r = await interrupt(['compare', file, other, '--out', out, '--workers', '1', '--quiet'], { signal: 'SIGINT', afterMs: 2500 });
    expect(r.hung).toBe(false);
    expect(r.code).toBe(130);
    expect(completeFolders(dir)).toEqual([]);
  });
});

describe('inputs cannot ask for unbounded work', () => {
  it('a Morris plan with candidates: 10000 is refused with a clear bound (exit 2)', async () => {
    const dir = scratch();
    fixture(dir, 'base.yaml', SLOW);
    const plan = fixture(dir, 'plan.yaml', 'name: huge\nbase: base.yaml\nvary:\n  cadreEffort: {}\n  subsidyLevel: {}\ndesign: { kind: morris, trajectories: 10, candidates: 10000 }\n');
    const r = await cli(['sweep', plan, '--out', join(dir, 'out'), '--workers', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/plan\.yaml:6:\d+: design\.candidates: 10000 candidate trajectories are too many for 2 varied parameter\(s\).*at most 1000 here/);
    expect(completeFolders(dir)).toEqual([]);
  });

  it('--out /proc/xyz is refused at once instead of spinning in mkdir', async () => {
    const dir = scratch();
    const file = fixture(dir, 's.yaml', SLOW);
    const r = await cli(['run', file, '--out', '/proc/povsim-xyz', '--workers', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot create the output directory /proc/povsim-xyz');
  });
});
