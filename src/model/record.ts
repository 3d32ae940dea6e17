/**
 * Recording (last phase): writes this step's row of the monthly table from the world's state (the
 * household tally) and the step's flows, then resets the flows. Poverty is judged on the twelve-month income estimate, except
 * in December (and at the initial state), when the calendar year's income is known.
 */
import type { MetricTable } from '../engine/results.js';
import { type Metric } from './metrics.js';
import { countHouseholds } from './household-tally.js';
import { industrySkillFactor, industryTypeIncome } from './household-income.js';
import { CadreKind, ROUTE_NAMES, SPENDING, resetFlows, type World } from './world.js';

/** Mean skill of the initial population (skill is uniform on 0..1): the income per member is reported for it. */
const MEAN_SKILL = 0.5;

export function recordStep(w: World, table: MetricTable<Metric>): void {
  const hh = w.hh;
  const row = w.step;
  const s = w.scaleUp;
  const set = (m: Metric, v: number): void => table.set(row, table.col(m), v);
  // In an ordinary month the income process already counted households after every change; in
  // December (registry events follow income) and at the initial state, count afresh.
  const fresh = w.month === 12 || w.tally.step !== w.step;
  const t = fresh ? countHouseholds(w, w.tally) : w.tally;
  const { official, truePoor, excluded, included, incomeSum, poorIncomeSum, industry, relocated, motivation, waiting, dibao, everExited } = t;
  const P = t.persons;
  set('population', P * s);
  set('poverty_line', w.line);
  set('official_poor', official * s);
  set('official_incidence', official / P);
  set('true_poor', truePoor * s);
  set('true_incidence', truePoor / P);
  set('exclusion_error', truePoor > 0 ? excluded / truePoor : 0);
  set('inclusion_error', official > 0 ? included / official : 0);
  set('mean_income', incomeSum / P);
  set('mean_income_poor', truePoor > 0 ? poorIncomeSum / truePoor : 0);
  set('industry_participants', industry * s);
  let comp = 0;
  let chain = 0;
  for (let k = 0; k < w.nIndustries; k++) {
    comp += w.industries.competitiveness[k];
    chain += w.industries.valueChain[k];
  }
  set('industry_competitiveness', comp / w.nIndustries);
  set('industry_value_chain', chain / w.nIndustries);
  set('relocated', relocated * s);
  set('mean_motivation', motivation / P);
  set('waiting_share', official > 0 ? waiting / official : 0);
  set('registered_income_mean', official > 0 ? t.registeredIncomeSum / official : 0);
  set('vulnerable_share', t.vulnerable / P);
  set('registered_chronic_share', t.registeredHouseholds > 0 ? t.registeredChronic / t.registeredHouseholds : 0);
  set('poverty_gap', t.gapSum / P);
  let effort = 0;
  let quality = 0;
  let burnout = 0;
  let helpers = 0;
  let stationed = 0;
  let activeHelpers = 0;
  let helperLoad = 0;
  let stationedLoad = 0;
  const cd = w.cadres;
  for (let c = 0; c < w.nCadres; c++) {
    quality += cd.quality[c];
    if (cd.kind[c] === CadreKind.Stationed) {
      stationed++;
      burnout += cd.burnout[c];
      stationedLoad += cd.caseload[c];
    } else {
      helpers++;
      effort += cd.effort[c];
      if (cd.caseload[c] > 0) {
        activeHelpers++;
        helperLoad += cd.caseload[c];
      }
    }
  }
  set('cadre_effort', helpers > 0 ? effort / helpers : 0);
  set('cadre_quality', quality / w.nCadres);
  set('cadre_burnout', stationed > 0 ? burnout / stationed : 0);
  set('cadre_caseload', activeHelpers > 0 ? helperLoad / activeHelpers : 0);
  set('stationed_caseload', stationed > 0 ? stationedLoad / stationed : 0);
  set('relocation_debt', t.relocationDebt * s);
  let memberIncome = 0;
  const memberSkillFactor = industrySkillFactor(w.p, MEAN_SKILL);
  let members = 0;
  for (let k = 0; k < w.nIndustries; k++) {
    memberIncome += industryTypeIncome(w, k) * memberSkillFactor * w.industries.members[k];
    members += w.industries.members[k];
  }
  set('industry_income_per_member', members > 0 ? memberIncome / members : 0);
  set('dibao_recipients', dibao * s);
  set('ever_exited', everExited * s);

  const f = w.flows;
  let exits = 0;
  for (let r = 0; r < ROUTE_NAMES.length; r++) {
    set(`exits_${ROUTE_NAMES[r]}` as Metric, f.exits[r] * s);
    exits += f.exits[r];
  }
  set('exits_total', exits * s);
  set('returns', f.returns * s);
  set('return_fallbacks', f.fallbacks * s);
  set('false_exits', f.falseExits * s);
  set('false_exits_caught', f.falseExitsCaught * s);
  set('new_registrations', f.newRegistrations * s);
  set('relocations', f.relocations * s);
  let spend = 0;
  for (let k = 0; k < SPENDING.length; k++) {
    set(`spending_${SPENDING[k]}` as Metric, f.spending[k] * s);
    spend += f.spending[k];
  }
  set('spending_total', spend * s);
  set('cost_per_exit', exits > 0 ? spend / exits : NaN);
  set('budget_available', f.budgetAvailable * s);
  set('budget_spent', f.budgetSpent * s);
  set('burnout_support_loss', f.supportPlanned > 0 ? 1 - f.supportDelivered / f.supportPlanned : 0);
  // Durable exits are known 24 months after the exit: the run fills them in at its end (simulate.ts).
  set('durable_exits', 0);
  resetFlows(f);
}
