/**
 * Recording (last phase): writes this step's row of the monthly table from the world's state and the
 * step's flows, then resets the flows. Poverty is judged on the twelve-month income estimate, except
 * in December (and at the initial state), when the calendar year's income is known.
 */
import type { MetricTable } from '../engine/results.js';
import { type Metric } from './metrics.js';
import { Registry, ROUTE_NAMES, SPENDING, resetFlows, type World } from './world.js';

export function recordStep(w: World, table: MetricTable<Metric>): void {
  const hh = w.hh;
  const row = w.step;
  const s = w.scaleUp;
  const set = (m: Metric, v: number): void => table.set(row, table.col(m), v);
  const yearly = w.month === 12;
  const incomeOf = yearly ? hh.incomeLastYear : hh.incomeSmoothed;
  let official = 0;
  let truePoor = 0;
  let excluded = 0;
  let included = 0;
  let incomeSum = 0;
  let poorIncomeSum = 0;
  let industry = 0;
  let relocated = 0;
  let motivation = 0;
  let waiting = 0;
  let dibao = 0;
  let everExited = 0;
  const waitBelow = w.p.waitingThreshold;
  const line = w.line;
  const { size, registry, industryMember, onDibao, returned } = hh;
  const relocatedCol = hh.relocated;
  const motivationCol = hh.motivation;
  for (let h = 0; h < w.nHouseholds; h++) {
    const n = size[h];
    const y = incomeOf[h];
    const r = registry[h];
    const reg = r === Registry.Registered;
    if (reg) official += n;
    if (y < line) {
      truePoor += n;
      poorIncomeSum += y * n;
      if (!reg) excluded += n;
    } else if (reg) included += n;
    incomeSum += y * n;
    if (industryMember[h] !== 0) industry += n;
    if (relocatedCol[h] === 1) relocated += n;
    if (onDibao[h] === 1) dibao += n;
    if (r === Registry.Exited || returned[h] === 1) everExited += n;
    const m = motivationCol[h];
    motivation += m * n;
    if (m < waitBelow) waiting += n;
  }
  const P = w.persons;
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
  set('waiting_share', waiting / P);
  let effort = 0;
  let quality = 0;
  let burnout = 0;
  for (let c = 0; c < w.nCadres; c++) {
    effort += w.cadres.effort[c];
    quality += w.cadres.quality[c];
    burnout += w.cadres.burnout[c];
  }
  set('cadre_effort', effort / w.nCadres);
  set('cadre_quality', quality / w.nCadres);
  set('cadre_burnout', burnout / w.nCadres);
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
  resetFlows(f);
}
