/**
 * Motivation (phase 2): the "waiting for help" predicament. Each month a household's motivation is
 * pulled toward its village norm (peer effect), raised by a village civilization programme
 * (suggestion 3) and by its cadre's encouragement, and eroded by long dependence on dibao.
 * Success feedback (income gains) is applied at year end by `applySuccessFeedback`.
 */
import { uniformAt } from '../engine/random.js';
import { Registry, Spend, type World } from './world.js';

/** Recomputes village norms (mean motivation) and culture programmes from the lever. */
export function updateVillageNorms(w: World): void {
  const motivation = w.hh.motivation;
  const vl = w.villages;
  const share = w.p.culturalMotivation;
  for (let v = 0; v < w.nVillages; v++) {
    let s = 0;
    const a = vl.hhStart[v];
    const b = vl.hhEnd[v];
    for (let h = a; h < b; h++) s += motivation[h];
    vl.norm[v] = b > a ? s / (b - a) : 0;
    vl.cultureProgram[v] = vl.cultureKey[v] < share ? 1 : 0;
  }
}

/** Monthly motivation update of every household. */
export function updateMotivation(w: World): void {
  updateVillageNorms(w);
  const p = w.p;
  const hh = w.hh;
  const vl = w.villages;
  const cd = w.cadres;
  const key = w.streams.motivation.key;
  const t = w.step;
  let programmes = 0;
  for (let v = 0; v < w.nVillages; v++) programmes += vl.cultureProgram[v];
  w.flows.spending[Spend.culture] += (programmes * p.cultureProgramCost) / 12;
  const { village, motivation, registry, cadre, onDibao, dibaoMonths } = hh;
  const { norm, cultureProgram } = vl;
  const effort = cd.effort;
  const peerPull = p.peerPull;
  const cultureEffect = p.cultureEffect;
  const encouragement = p.cadreEncouragement;
  const dependencyMonths = p.dependencyMonths;
  const erosion = p.dependencyErosion;
  for (let h = 0; h < w.nHouseholds; h++) {
    const v = village[h];
    const m = motivation[h];
    let dm = peerPull * (norm[v] - m);
    if (cultureProgram[v] === 1) dm += cultureEffect * (1 - m);
    if (registry[h] === Registry.Registered) {
      const c = cadre[h];
      if (c >= 0) dm += encouragement * effort[c] * (1 - m);
    }
    if (onDibao[h] === 1 && dibaoMonths[h] > dependencyMonths) dm -= erosion * m;
    // Idiosyncratic drift, ±0.01 a month.
    const next = m + dm + 0.02 * (uniformAt(key, h, t) - 0.5);
    motivation[h] = next < 0 ? 0 : next > 1 ? 1 : next;
  }
}

/** Year end: motivation rises with the household's relative income gain over last year (and falls with a loss). */
export function applySuccessFeedback(w: World, thisYearIncome: (h: number) => number): void {
  const hh = w.hh;
  const k = w.p.successFeedback;
  for (let h = 0; h < w.nHouseholds; h++) {
    const last = hh.incomeLastYear[h];
    const gain = (thisYearIncome(h) - last) / Math.max(Math.abs(last), w.line);
    const g = gain > 0.2 ? 0.2 : gain < -0.2 ? -0.2 : gain;
    const m = hh.motivation[h];
    const next = m + k * g * (g > 0 ? 1 - m : m);
    hh.motivation[h] = next < 0 ? 0 : next > 1 ? 1 : next;
  }
}
