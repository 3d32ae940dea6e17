/**
 * A process that runs several replicates (a worker of `compare`, a sweep, the benchmark) keeps the code
 * V8 compiled for the first: building the second run's world, whose objects come from the same literals
 * as the first's, throws none of it away (src/engine/settled-fields.ts, settleObjectFields, says why),
 * and neither does stepping a branch of it, whose world is made by the same literal (worldRecord in
 * src/model/world.ts). Fails without the settling of the world object's fields (tried: both passes are
 * thrown away when the second world is built) and with a branch's world spread from its trunk's (tried:
 * the income pass is thrown away at the branch's first month).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('a second run in the same process', () => {
  it('keeps the hottest passes optimized for the first run, and for its branches', () => {
    // V8's own optimization status, in a child process (the flag it needs is not for the test process), on dist/ (built by the test setup).
    const probe = fileURLToPath(new URL('./probes/second-run-probe.mjs', import.meta.url));
    const dist = fileURLToPath(new URL('../../dist', import.meta.url));
    const out = JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', probe, dist], { encoding: 'utf8' })) as Record<'before' | 'after' | 'afterBranch', Record<'income' | 'shocksMotivation', boolean>>;
    expect(out.before).toEqual({ income: true, shocksMotivation: true });
    expect(out.after).toEqual({ income: true, shocksMotivation: true });
    expect(out.afterBranch).toEqual({ income: true, shocksMotivation: true });
  });
});
