/**
 * Recording (last phase): writes this step's row of the monthly table from the world's state (the
 * household tally) and the step's flows, then resets the flows. Poverty is judged on the twelve-month income estimate, except
 * in December (and at the initial state), when the calendar year's income is known.
 */
import type { MetricTable } from '../engine/results.js';
import { METRICS, type Metric } from './metrics.js';
import { countHouseholds } from './household-tally.js';
import { industrySkillFactor, industryTypeIncome } from './household-income.js';
import { CadreKind, ROUTE_NAMES, SPENDING, resetFlows, type World } from './world.js';

/** Mean skill of the initial population (skill is uniform on 0..1): the income per member is reported for it. */
const MEAN_SKILL = 0.5;

/** Each metric's column in a table of METRICS, looked up once (recording runs every step). */
const METRIC_COLUMN = Object.fromEntries(METRICS.map((m, i) => [m, i])) as { readonly [M in Metric]: number };
const EXIT_COLUMNS = ROUTE_NAMES.map((r) => METRIC_COLUMN[`exits_${r}` as Metric]);
const SPENDING_COLUMNS = SPENDING.map((k) => METRIC_COLUMN[`spending_${k}` as Metric]);
if ([...EXIT_COLUMNS, ...SPENDING_COLUMNS].some((c) => c === undefined)) throw new Error('record.ts: an exit route or spending account has no metric');

/** Writes row `w.step` of `table` (a table built with METRICS itself) from the world and the step's flows, then resets the flows. */
export function recordStep(w: World, table: MetricTable<Metric>): void {
  if (table.metrics !== METRICS) throw new Error('recordStep: the table must be built with METRICS itself, not a copy');
  const row = w.step;
  const s = w.scaleUp;
  // In an ordinary month the income process already counted households after every change; in
  // December (registry events follow income) and at the initial state, count afresh.
  const fresh = w.month === 12 || w.tally.step !== w.step;
  const t = fresh ? countHouseholds(w, w.tally) : w.tally;
  const { official, truePoor, excluded, included, incomeSum, poorIncomeSum, industry, relocated, motivation, waiting, dibao, everExited } = t;
  const P = t.persons;
  table.set(row, METRIC_COLUMN.population, P * s);
  table.set(row, METRIC_COLUMN.poverty_line, w.line);
  table.set(row, METRIC_COLUMN.official_poor, official * s);
  table.set(row, METRIC_COLUMN.official_incidence, official / P);
  table.set(row, METRIC_COLUMN.true_poor, truePoor * s);
  table.set(row, METRIC_COLUMN.true_incidence, truePoor / P);
  table.set(row, METRIC_COLUMN.exclusion_error, truePoor > 0 ? excluded / truePoor : 0);
  table.set(row, METRIC_COLUMN.inclusion_error, official > 0 ? included / official : 0);
  table.set(row, METRIC_COLUMN.mean_income, incomeSum / P);
  table.set(row, METRIC_COLUMN.mean_income_poor, truePoor > 0 ? poorIncomeSum / truePoor : 0);
  table.set(row, METRIC_COLUMN.industry_participants, industry * s);
  let comp = 0;
  let chain = 0;
  for (let k = 0; k < w.nIndustries; k++) {
    comp += w.industries.competitiveness[k];
    chain += w.industries.valueChain[k];
  }
  table.set(row, METRIC_COLUMN.industry_competitiveness, comp / w.nIndustries);
  table.set(row, METRIC_COLUMN.industry_value_chain, chain / w.nIndustries);
  table.set(row, METRIC_COLUMN.relocated, relocated * s);
  table.set(row, METRIC_COLUMN.mean_motivation, motivation / P);
  table.set(row, METRIC_COLUMN.waiting_share, official > 0 ? waiting / official : 0);
  table.set(row, METRIC_COLUMN.registered_income_mean, official > 0 ? t.registeredIncomeSum / official : 0);
  table.set(row, METRIC_COLUMN.vulnerable_share, t.vulnerable / P);
  table.set(row, METRIC_COLUMN.registered_chronic_share, t.registeredHouseholds > 0 ? t.registeredChronic / t.registeredHouseholds : 0);
  table.set(row, METRIC_COLUMN.poverty_gap, t.gapSum / P);
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
  table.set(row, METRIC_COLUMN.cadre_effort, helpers > 0 ? effort / helpers : 0);
  table.set(row, METRIC_COLUMN.cadre_quality, quality / w.nCadres);
  table.set(row, METRIC_COLUMN.cadre_burnout, stationed > 0 ? burnout / stationed : 0);
  table.set(row, METRIC_COLUMN.cadre_caseload, activeHelpers > 0 ? helperLoad / activeHelpers : 0);
  table.set(row, METRIC_COLUMN.stationed_caseload, stationed > 0 ? stationedLoad / stationed : 0);
  table.set(row, METRIC_COLUMN.relocation_debt, t.relocationDebt * s);
  let memberIncome = 0;
  const memberSkillFactor = industrySkillFactor(w.p, MEAN_SKILL);
  let members = 0;
  for (let k = 0; k < w.nIndustries; k++) {
    memberIncome += industryTypeIncome(w, k) * memberSkillFactor * w.industries.members[k];
    members += w.industries.members[k];
  }
  table.set(row, METRIC_COLUMN.industry_income_per_member, members > 0 ? memberIncome / members : 0);
  table.set(row, METRIC_COLUMN.dibao_recipients, dibao * s);
  table.set(row, METRIC_COLUMN.ever_exited, everExited * s);

  const f = w.flows;
  let exits = 0;
  for (let r = 0; r < ROUTE_NAMES.length; r++) {
    table.set(row, EXIT_COLUMNS[r], f.exits[r] * s);
    exits += f.exits[r];
  }
  table.set(row, METRIC_COLUMN.exits_total, exits * s);
  table.set(row, METRIC_COLUMN.returns, f.returns * s);
  table.set(row, METRIC_COLUMN.return_fallbacks, f.fallbacks * s);
  table.set(row, METRIC_COLUMN.false_exits, f.falseExits * s);
  table.set(row, METRIC_COLUMN.false_exits_caught, f.falseExitsCaught * s);
  table.set(row, METRIC_COLUMN.new_registrations, f.newRegistrations * s);
  table.set(row, METRIC_COLUMN.relocations, f.relocations * s);
  table.set(row, METRIC_COLUMN.relocation_blocked_finance, f.relocationBlockedFinance * s);
  table.set(row, METRIC_COLUMN.relocation_unaffordable, f.relocationUnaffordable * s);
  let spend = 0;
  for (let k = 0; k < SPENDING.length; k++) {
    table.set(row, SPENDING_COLUMNS[k], f.spending[k] * s);
    spend += f.spending[k];
  }
  table.set(row, METRIC_COLUMN.spending_total, spend * s);
  table.set(row, METRIC_COLUMN.cost_per_exit, exits > 0 ? spend / exits : NaN);
  table.set(row, METRIC_COLUMN.budget_available, f.budgetAvailable * s);
  table.set(row, METRIC_COLUMN.budget_spent, f.budgetSpent * s);
  table.set(row, METRIC_COLUMN.burnout_support_loss, f.supportPlanned > 0 ? 1 - f.supportDelivered / f.supportPlanned : 0);
  // Durable exits are known 24 months after the exit: the run fills them in at its end (simulate.ts).
  table.set(row, METRIC_COLUMN.durable_exits, 0);
  resetFlows(f);
}
