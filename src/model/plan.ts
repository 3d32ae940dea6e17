/**
 * The phase plan of one monthly step, in run order. `povsim plan` prints it; docs/model.md follows it.
 */
import type { Phase } from '../engine/plan.js';
import { deliverAssistance } from './assistance.js';
import { updateCadres } from './cadres.js';
import { advanceClock } from './clock.js';
import { updateEmployment } from './employment.js';
import { assessExits } from './exit-assessment.js';
import { identifyNewPoor } from './identification.js';
import { updateIncome } from './income.js';
import { updateIndustries } from './industries.js';
import { updateIndustryParticipation } from './industry-participation.js';
import { updateMotivation } from './motivation.js';
import { updateRelocation } from './relocation.js';
import { detectReturns } from './returns.js';
import { applyShocks } from './shocks.js';
import { shocksAndMotivation } from './shocks-and-motivation.js';
import type { World } from './world.js';
import { closeYear } from './year-end.js';

export const PHASES: readonly Phase<World>[] = [
  { name: 'clock', when: 'monthly', why: 'first: sets the month, the year\'s poverty line and pressure, and scheduled parameter values every later phase reads', run: advanceClock },
  { name: 'shocks', when: 'monthly', why: 'exogenous events (illness, disasters, prices, January income shocks) happen before anyone reacts to them', run: applyShocks, withNext: { phase: 'motivation', run: shocksAndMotivation } },
  { name: 'motivation', when: 'monthly', why: 'households update motivation and the "waiting for help" state from last month\'s norms, culture programmes and dependence before they make choices', run: updateMotivation },
  { name: 'cadres', when: 'monthly', why: 'caseloads, stationed cadres\' burnout and the effort helpers give are set before cadres deliver assistance this month', run: updateCadres },
  { name: 'industries', when: 'monthly', why: 'competitiveness, coverage, capacity and market factors are set before households join or are enrolled', run: updateIndustries },
  { name: 'assistance', when: 'monthly', why: 'cadres deliver measures by diagnosis; choices below act on the offers made', run: deliverAssistance },
  { name: 'industry participation', when: 'monthly', why: 'households join or leave industries given coverage, capacity and motivation', run: updateIndustryParticipation },
  { name: 'employment', when: 'monthly', why: 'job losses and follow-up placements before income is earned', run: updateEmployment },
  { name: 'relocation', when: 'monthly', why: 'offered households move if willing and able to finance their share, within the programme\'s construction finance; income then reflects the new place and the debt', run: updateRelocation },
  { name: 'income', when: 'monthly', why: 'income follows from this month\'s state: shocks, measures and choices above', run: updateIncome },
  { name: 'returns', when: 'yearly', why: 'December: exited households fallen below the standard they exited under (indexed for prices) get a fallback or are re-registered, before exits are assessed', run: detectReturns },
  { name: 'exit assessment', when: 'yearly', why: 'December: the year\'s income is complete; exits and false exits are decided', run: assessExits },
  { name: 'identification', when: 'yearly', why: 'December, after exits: newly poor households are registered', run: identifyNewPoor },
  { name: 'year end', when: 'yearly', why: 'December, last: success feedback, dibao review, income roll-over, urbanization, cadre rotation', run: closeYear },
];

