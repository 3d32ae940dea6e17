/** Every block kernel by name and by number: how a thread finds the pass it is told to run (household-blocks.ts). */
import { ASSISTANCE_DECISIONS, ASSISTANCE_MEASURES } from './assistance.js';
import { CASELOAD_BLOCKS } from './cadres.js';
import { EMPLOYMENT_BLOCKS } from './employment.js';
import { EXIT_BLOCKS } from './exit-assessment.js';
import type { BlockKernel, BlockKernelName } from './household-blocks.js';
import { INCOME_BLOCKS } from './income.js';
import { PARTICIPATION_BLOCKS } from './industry-participation.js';
import { MOTIVATION_BLOCKS } from './motivation.js';
import { INCOME_2013_BLOCKS, POPULATION_BLOCKS } from './population.js';
import { RECOUNT_BLOCKS } from './household-tally.js';
import { IDENTIFICATION_BLOCKS, QUOTA_BINS } from './identification.js';
import { RELOCATION_CANDIDATES } from './relocation.js';
import { SHOCK_BLOCKS } from './shocks.js';
import { SHOCK_MOTIVATION_BLOCKS } from './shocks-and-motivation.js';
import { YEAR_END_BLOCKS } from './year-end.js';

export const BLOCK_KERNELS: { readonly [K in BlockKernelName]: BlockKernel } = {
  population: POPULATION_BLOCKS,
  income2013: INCOME_2013_BLOCKS,
  shocks: SHOCK_BLOCKS,
  motivation: MOTIVATION_BLOCKS,
  shocksMotivation: SHOCK_MOTIVATION_BLOCKS,
  participation: PARTICIPATION_BLOCKS,
  income: INCOME_BLOCKS,
  recount: RECOUNT_BLOCKS,
  yearEnd: YEAR_END_BLOCKS,
  caseloads: CASELOAD_BLOCKS,
  identification: IDENTIFICATION_BLOCKS,
  exits: EXIT_BLOCKS,
  assistanceDecisions: ASSISTANCE_DECISIONS,
  assistanceMeasures: ASSISTANCE_MEASURES,
  employment: EMPLOYMENT_BLOCKS,
  relocationCandidates: RELOCATION_CANDIDATES,
  quotaBins: QUOTA_BINS,
};

/** The kernels in a fixed order (the table's): a thread is told a kernel by its place here. */
export const BLOCK_KERNEL_LIST: readonly BlockKernel[] = Object.values(BLOCK_KERNELS);
