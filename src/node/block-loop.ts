/**
 * The loop of a block thread (started by block-worker.ts): waits for each pass, takes blocks until none
 * is left, says it is done. It waits on shared memory, not on messages, so a pass starts within
 * microseconds.
 */
import { BLOCK_KERNEL_LIST } from '../model/block-kernels.js';
import { mirrorWorld, readState } from '../model/world-share.js';
import { CONTROL, recordFailure, takeBlocks, type BlockThreadData } from './block-control.js';

export function runBlockLoop({ world, control, state, failure }: BlockThreadData): void {
  const w = mirrorWorld(world);
  Atomics.add(control, CONTROL.ready, 1);
  Atomics.notify(control, CONTROL.ready);
  let generation = 0;
  for (;;) {
    Atomics.wait(control, CONTROL.generation, generation);
    const now = Atomics.load(control, CONTROL.generation);
    if (now === generation) continue;
    generation = now;
    if (Atomics.load(control, CONTROL.quit) !== 0) break;
    try {
      readState(w, state);
      const kernel = BLOCK_KERNEL_LIST[Atomics.load(control, CONTROL.kernel)];
      takeBlocks(control, w.blocks.count, (b) => kernel.run(w, b));
    } catch (err) {
      recordFailure(control, failure, err instanceof Error ? `${err.message}\n${err.stack}` : String(err));
    }
    Atomics.add(control, CONTROL.done, 1);
    Atomics.notify(control, CONTROL.done);
  }
}
