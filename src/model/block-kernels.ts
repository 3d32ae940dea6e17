/** Every block kernel by name and by number: how a thread finds the pass it is told to run (household-blocks.ts). */
import type { BlockKernel, BlockKernelName } from './household-blocks.js';
import { INCOME_BLOCKS } from './income.js';
import { PARTICIPATION_BLOCKS } from './industry-participation.js';
import { MOTIVATION_BLOCKS } from './motivation.js';
import { SHOCK_BLOCKS } from './shocks.js';

export const BLOCK_KERNELS: { readonly [K in BlockKernelName]: BlockKernel } = {
  shocks: SHOCK_BLOCKS,
  motivation: MOTIVATION_BLOCKS,
  participation: PARTICIPATION_BLOCKS,
  income: INCOME_BLOCKS,
};

/** The kernels in a fixed order: a thread is told a kernel by its place here. */
export const BLOCK_KERNEL_LIST: readonly BlockKernel[] = [SHOCK_BLOCKS, MOTIVATION_BLOCKS, PARTICIPATION_BLOCKS, INCOME_BLOCKS];
