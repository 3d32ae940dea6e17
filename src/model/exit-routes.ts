/**
 * Attribution of an exit to a route. The 2016 plan counted exits by the batch a household was helped
 * through ("five batches"), so an exit is attributed to the household's batch: the first of industry,
 * employment, ecological post, relocation or dibao that took effect for it. A household that exits
 * without any of them (lifted by growth, or by health and education aid alone) exits by "other".
 */
import { Route, type World } from './world.js';

/** Records that a five-batch measure took effect for household h, if it has no batch yet. */
export function setBatch(w: World, h: number, route: number): void {
  if (w.hh.batch[h] === Route.Other) w.hh.batch[h] = route;
}

/** The route of household h's exit now. */
export function exitRoute(w: World, h: number): number {
  return w.hh.batch[h];
}
