/**
 * The playground page. Reads the settings from the URL, builds the controls, and on every change:
 *
 *   1. cancel   the run in flight (its workers are terminated)
 *   2. wait     200 ms for the control to settle
 *   3. run      the baseline and the current settings, replicate r of both with seed r of
 *               `replicateSeeds(seed, replicates)`, in Web Workers (cached runs are reused)
 *   4. analyse  bands, paired effects, cost per person lifted out (analysis.ts)
 *   5. draw     headline numbers and charts; the status line shows how long 1–5 took
 */
import { replicateSeeds } from '../src/experiment/seeds.js';
import type { RunTask } from '../src/experiment/task.js';
import { defaultParams, type ParamKey } from '../src/model/parameters.js';
import type { ScheduleChange } from '../src/model/schedule.js';
import { compareEnsembles, ensembleOf, rankSuggestions, type Ensemble } from './analysis.js';
import { SliderPanel } from './controls.js';
import { Cancelled, SimulationPool } from './pool.js';
import { applyScenario, describeChange, fileNameOf, scenarioYaml, type ShippedScenario } from './scenario-file.js';
import {
  POLICY_YEAR, REPLICATES, SCALES, SEED_MAX, assumptionValues, baselineSetup, currentSetup, defaultSettings, withValue,
  type BaselineKind, type LeversFrom, type RunSetup, type Settings,
} from './settings.js';
import { shippedScenarios } from './shipped.js';
import { decodeSettings, encodeSettings } from './url-state.js';
import { renderComparison, renderRanking } from './views.js';

/** Wait after the last control movement before running, in milliseconds. */
const SETTLE_MS = 200;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`playground: no element #${id}`);
  return e as T;
}

const ui = {
  status: byId('status'),
  problems: byId('problems'),
  name: byId<HTMLInputElement>('name'),
  scenario: byId<HTMLSelectElement>('scenario'),
  load: byId<HTMLButtonElement>('load'),
  reset: byId<HTMLButtonElement>('reset'),
  exportButton: byId<HTMLButtonElement>('export'),
  copyLink: byId<HTMLButtonElement>('copy-link'),
  changes: byId('changes'),
  leversFrom: byId<HTMLSelectElement>('leversFrom'),
  baseline: byId<HTMLSelectElement>('baseline'),
  scale: byId<HTMLSelectElement>('scale'),
  replicates: byId<HTMLSelectElement>('replicates'),
  sizeHint: byId('size-hint'),
  seed: byId<HTMLInputElement>('seed'),
  rank: byId<HTMLButtonElement>('rank'),
  ranking: byId('ranking'),
};

const workers = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
const pool = new SimulationPool(workers, () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
const shipped: ShippedScenario[] = shippedScenarios();

let settings: Settings = defaultSettings();
let updates = 0;
let latest = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let rankedFor: string | null = null;
/** The run settings the drawn views show (name left out: it does not change a run). */
let drawnFor = '';

function runSignature(): string {
  return encodeSettings({ ...settings, name: '' });
}

// ---------------------------------------------------------------------------------------------
// Status and problems

function setStatus(state: 'waiting' | 'running' | 'done' | 'error', text: string, extra: Record<string, string> = {}): void {
  ui.status.dataset.state = state;
  for (const [k, v] of Object.entries(extra)) ui.status.dataset[k] = v;
  ui.status.textContent = text;
}

function showProblems(title: string, problems: string[]): void {
  ui.problems.hidden = problems.length === 0;
  ui.problems.replaceChildren();
  if (problems.length === 0) return;
  const p = document.createElement('p');
  p.textContent = title;
  const ul = document.createElement('ul');
  for (const m of problems) ul.append(Object.assign(document.createElement('li'), { textContent: m }));
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Dismiss' });
  close.addEventListener('click', () => showProblems('', []));
  ui.problems.append(p, ul, close);
}

// ---------------------------------------------------------------------------------------------
// Settings → controls and URL

const sliders = new SliderPanel(byId('sliders'), (key, value) => change(withValue(settings, key, value)));

function fillSelect(select: HTMLSelectElement, options: readonly { value: string; text: string }[]): void {
  select.replaceChildren(...options.map((o) => Object.assign(document.createElement('option'), { value: o.value, textContent: o.text })));
}

fillSelect(ui.scale, SCALES.map((s) => ({ value: String(s), text: String(s) })));
fillSelect(ui.replicates, REPLICATES.map((r) => ({ value: String(r), text: String(r) })));
fillSelect(ui.scenario, shipped.map((s) => ({ value: s.file, text: s.name })));

function removeButton(label: string, onClick: () => void): HTMLButtonElement {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: '×', className: 'remove' });
  b.setAttribute('aria-label', label);
  b.title = label;
  b.addEventListener('click', onClick);
  return b;
}

function renderChanges(): void {
  const defaults = defaultParams();
  const items: HTMLElement[] = [];
  for (const [k, v] of Object.entries(settings.values) as [ParamKey, number][]) {
    const li = document.createElement('li');
    li.append(`${k} ${v} (default ${defaults[k]})`, removeButton(`Undo the change to ${k}`, () => change(withValue(settings, k, defaults[k]))));
    items.push(li);
  }
  settings.schedule.forEach((c: ScheduleChange, i) => {
    const li = document.createElement('li');
    li.append(`scheduled: ${describeChange(c)}`, removeButton(`Remove the scheduled change of ${c.key}`, () => change({ ...settings, schedule: settings.schedule.filter((_, j) => j !== i) })));
    items.push(li);
  });
  const head = document.createElement('p');
  head.textContent = items.length ? 'Changed from the table defaults:' : 'Everything at the table defaults.';
  ui.changes.replaceChildren(head);
  if (items.length) {
    const ul = document.createElement('ul');
    ul.append(...items);
    ui.changes.append(ul);
  }
}

function showSettings(): void {
  if (document.activeElement !== ui.name) ui.name.value = settings.name;
  ui.leversFrom.value = String(settings.leversFrom);
  ui.baseline.value = settings.baseline;
  ui.scale.value = String(settings.scale);
  ui.replicates.value = String(settings.replicates);
  if (document.activeElement !== ui.seed) ui.seed.value = String(settings.seed);
  const households = Math.round(defaultParams().households * settings.scale);
  ui.sizeHint.textContent = `Each run simulates ${households.toLocaleString('en-US')} households (a ${settings.scale} sample of Jiangxi's 10 million); ${settings.replicates} runs per setting, replicate seeds derived from seed ${settings.seed}.`;
  sliders.render(settings);
  renderChanges();
  markRanking();
}

function writeUrl(): void {
  const hash = encodeSettings(settings);
  history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
}

/** Applies new settings: controls, URL, and (when they change the runs) a new update. */
function change(next: Settings, rerun = true): void {
  settings = next;
  showSettings();
  writeUrl();
  if (rerun) scheduleUpdate();
}

// ---------------------------------------------------------------------------------------------
// Runs

function tasksFor(s: RunSetup, firstId: number): RunTask[] {
  return replicateSeeds(s.seed, s.replicates).map((seed, r) => ({
    id: firstId + r, params: s.params, schedule: s.schedule, seed, scale: s.scale, endYear: s.endYear, monthly: false,
  }));
}

function scheduleUpdate(): void {
  pool.cancel();
  clearTimeout(timer);
  latest++;
  setStatus('waiting', 'Settings changed; starting the runs…');
  timer = setTimeout(() => void update(), SETTLE_MS);
}

/** One full update: run the baseline and the current settings, analyse, draw. */
async function update(): Promise<void> {
  const id = ++latest;
  const t0 = performance.now();
  const base = baselineSetup(settings);
  const cur = currentSetup(settings);
  const n = settings.replicates;
  const tasks = [...tasksFor(base, 0), ...tasksFor(cur, n)];
  const households = Math.round(defaultParams().households * settings.scale);
  try {
    const job = await pool.run(tasks, (done, total) => {
      if (id === latest) setStatus('running', `Running ${done} of ${total} simulations (${households.toLocaleString('en-US')} households each, ${workers} workers)…`);
    });
    if (id !== latest) return;
    const comparison = compareEnsembles(ensembleOf(job.results.slice(0, n)), ensembleOf(job.results.slice(n)), costFromYear());
    await renderComparison(comparison);
    if (id !== latest) return;
    drawnFor = runSignature();
    const ms = performance.now() - t0;
    updates++;
    setStatus('done', `Updated in ${(ms / 1000).toFixed(2)} s: ${job.computed} runs computed, ${job.reused} reused; ${households.toLocaleString('en-US')} households per run, ${workers} workers.`,
      { update: String(updates), ms: ms.toFixed(0) });
  } catch (err) {
    if (err instanceof Cancelled || id !== latest) return;
    const message = err instanceof Error ? err.message : String(err);
    setStatus('error', `The runs failed: ${message}`);
    showProblems('Something went wrong:', [message]);
  }
}

/** First year of the extra spending counted in the cost: the year the levers act (2018 as `povsim compare`). */
function costFromYear(): number {
  return settings.leversFrom === 2014 ? 2014 : POLICY_YEAR;
}

// ---------------------------------------------------------------------------------------------
// Ranking of the four suggestions

function rankingSignature(): string {
  return JSON.stringify([assumptionValues(settings), settings.seed, settings.scale, settings.replicates]);
}

function markRanking(): void {
  ui.ranking.classList.toggle('stale', rankedFor !== null && rankedFor !== rankingSignature());
  ui.ranking.dataset.stale = String(rankedFor !== null && rankedFor !== rankingSignature());
}

async function rank(): Promise<void> {
  clearTimeout(timer);
  const id = ++latest;
  const suggestions = shipped.filter((s) => s.file.startsWith('suggestion-'));
  const assumptions = assumptionValues(settings);
  const setupOf = (extra: Partial<typeof assumptions>, s?: ShippedScenario): RunSetup => ({
    params: { ...defaultParams(), ...extra, ...(s?.values ?? {}) },
    schedule: s?.schedule ?? [],
    seed: settings.seed, scale: settings.scale, endYear: 2020, replicates: settings.replicates,
  });
  const groups = [assumptions, {}].map((a) => [setupOf(a), ...suggestions.map((s) => setupOf(a, s))]);
  const n = settings.replicates;
  const tasks = groups.flat().flatMap((s, k) => tasksFor(s, k * n));
  const signature = rankingSignature();
  const t0 = performance.now();
  try {
    const job = await pool.run(tasks, (done, total) => {
      if (id === latest) setStatus('running', `Ranking: ${done} of ${total} simulations…`);
    });
    if (id !== latest) return;
    const ens: Ensemble[] = [];
    for (let k = 0; k < tasks.length / n; k++) ens.push(ensembleOf(job.results.slice(k * n, (k + 1) * n)));
    const per = suggestions.length + 1;
    const rows = (g: number) => rankSuggestions(ens[g * per], suggestions.map((s, i) => ({ name: s.name, ensemble: ens[g * per + 1 + i] })), POLICY_YEAR);
    const changed = Object.entries(assumptions).map(([k, v]) => `${k} ${v}`).join(', ');
    renderRanking(ui.ranking, rows(0), rows(1),
      `Your assumptions: ${changed || 'the table defaults'}. Scale ${settings.scale}, ${n} replicates, seed ${settings.seed}; suggestions act from 2018.`);
    rankedFor = signature;
    markRanking();
    const ms = performance.now() - t0;
    setStatus('done', `Ranked the four suggestions in ${(ms / 1000).toFixed(1)} s: ${job.computed} runs computed, ${job.reused} reused.`);
    if (drawnFor !== runSignature()) scheduleUpdate(); // the ranking interrupted an update: finish it
  } catch (err) {
    if (err instanceof Cancelled || id !== latest) return;
    setStatus('error', `The ranking failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Events

ui.name.addEventListener('input', () => change({ ...settings, name: ui.name.value }, false));
ui.leversFrom.addEventListener('change', () => change({ ...settings, leversFrom: Number(ui.leversFrom.value) as LeversFrom }));
ui.baseline.addEventListener('change', () => change({ ...settings, baseline: ui.baseline.value as BaselineKind }));
ui.scale.addEventListener('change', () => change({ ...settings, scale: Number(ui.scale.value) }));
ui.replicates.addEventListener('change', () => change({ ...settings, replicates: Number(ui.replicates.value) }));
ui.seed.addEventListener('change', () => {
  const v = Number(ui.seed.value);
  if (Number.isInteger(v) && v >= 0 && v <= SEED_MAX) change({ ...settings, seed: v });
  else {
    showProblems('The seed was not changed:', [`"${ui.seed.value}" is not a whole number from 0 to ${SEED_MAX}`]);
    ui.seed.value = String(settings.seed);
  }
});
ui.reset.addEventListener('click', () => change({ ...defaultSettings(), seed: settings.seed, scale: settings.scale, replicates: settings.replicates, leversFrom: settings.leversFrom, baseline: settings.baseline }));
ui.load.addEventListener('click', () => {
  const s = shipped.find((x) => x.file === ui.scenario.value);
  if (s) change(applyScenario(settings, s));
});
ui.exportButton.addEventListener('click', () => {
  const blob = new Blob([scenarioYaml(settings)], { type: 'text/yaml' });
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: fileNameOf(settings.name) });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
});
ui.copyLink.addEventListener('click', () => {
  navigator.clipboard.writeText(location.href).then(
    () => (ui.copyLink.textContent = 'Link copied'),
    () => (ui.copyLink.textContent = 'Copy the address bar'),
  );
  setTimeout(() => (ui.copyLink.textContent = 'Copy link'), 2500);
});
ui.rank.addEventListener('click', () => void rank());
// The skip link moves focus without touching the hash, which holds the settings.
document.querySelector('a.skip')?.addEventListener('click', (e) => {
  e.preventDefault();
  byId('views').focus();
});
window.addEventListener('hashchange', () => load(location.hash));

function load(hash: string): void {
  // A hash without '=' is an in-page anchor, not settings.
  if (hash.length > 1 && !hash.includes('=')) {
    if (updates === 0 && latest === 0) change(settings);
    return;
  }
  const { settings: s, problems } = decodeSettings(hash);
  showProblems('Some settings in the link could not be used and were left at their defaults:', problems);
  change(s);
}

load(location.hash);
