/**
 * The slider panel: one labelled range input per lever and `assume` parameter, grouped by the table's
 * group in collapsible sections. Each slider carries its meaning and source on hover (title) and in a
 * details element (for keyboard and touch users), and announces its value with its unit.
 */
import type { ParamKey, ParamSpec } from '../src/model/parameters.js';
import { describeChange } from './scenario-file.js';
import { LEVER_SUGGESTION, controlGroups, humanize, isLever, roundToStep, sliderGeometry, valueOf, type Settings } from './settings.js';

const SOURCE_TEXT: Record<ParamSpec['source'], string> = {
  paper: 'the seed paper (Jiangxi, 2013–2017)',
  stat: 'official statistics',
  lit: 'published literature',
  assume: 'a stated assumption of the model',
  calibrated: 'calibrated to the 2013–2017 targets (docs/calibration.md)',
};

/** A value with its unit, e.g. "18,720 yuan/household" or "0.55 share of working time". */
export function formatWithUnit(v: number, decimals: number, unit: string): string {
  const n = Math.abs(v) >= 1000 ? v.toLocaleString('en-US', { maximumFractionDigits: decimals }) : v.toFixed(decimals);
  return `${n} ${unit}`;
}

/** The text of a parameter's "about" box and hover title. */
export function aboutText(s: ParamSpec): string {
  const lever = isLever(s.key) ? `${LEVER_SUGGESTION[s.key]}. ` : '';
  return `${lever}${s.meaning} Unit: ${s.unit}. Slider range (plausible): ${s.low} to ${s.high}; valid: ${s.min} to ${s.max}; default ${s.default}. Source: ${SOURCE_TEXT[s.source]}.`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** What the panel reports when a slider moves (value already rounded to the slider's step). */
export type OnSlide = (key: ParamKey, value: number) => void;

/** The slider panel. `render(settings)` makes every slider show the settings. */
export class SliderPanel {
  private readonly rows = new Map<ParamKey, { spec: ParamSpec; input: HTMLInputElement; output: HTMLOutputElement; row: HTMLElement; note: HTMLElement }>();
  private readonly groupSummaries: { summary: HTMLElement; title: string; keys: ParamKey[] }[] = [];
  private leverHint: HTMLElement | null = null;

  constructor(container: HTMLElement, onSlide: OnSlide) {
    for (const g of controlGroups()) {
      const details = el('details', { class: 'group', id: `group-${g.group}` });
      if (g.group === 'lever') details.open = true;
      const summary = el('summary', {}, g.title);
      details.append(summary);
      this.groupSummaries.push({ summary, title: g.title, keys: g.specs.map((s) => s.key as ParamKey) });
      const hint = el('p', { class: 'group-hint' }, 'Assumptions: they act from the start of the run.');
      if (g.group === 'lever') this.leverHint = hint;
      details.append(hint);
      for (const spec of g.specs) details.append(this.buildRow(spec, onSlide));
      container.append(details);
    }
  }

  private buildRow(spec: ParamSpec, onSlide: OnSlide): HTMLElement {
    const key = spec.key as ParamKey;
    const id = `p-${key}`;
    const about = aboutText(spec);
    const row = el('div', { class: 'control', title: about, 'data-key': key });
    const head = el('div', { class: 'control-head' });
    const label = el('label', { for: id });
    label.append(document.createTextNode(humanize(key) + ' '), el('code', {}, key));
    const output = el('output', { for: id, id: `v-${key}` });
    head.append(label, output);
    const input = el('input', { type: 'range', id, name: key, 'aria-describedby': `about-${key}` });
    const note = el('p', { class: 'scheduled', id: `sched-${key}`, hidden: '' });
    const details = el('details', { class: 'about' });
    const summary = el('summary', {}, 'About');
    summary.append(el('span', { class: 'visually-hidden' }, ` ${humanize(key).toLowerCase()}`));
    details.append(summary, el('p', { id: `about-${key}` }, about));
    row.append(head, input, note, details);
    input.addEventListener('input', () => onSlide(key, roundToStep(Number(input.value), Number(input.step))));
    this.rows.set(key, { spec, input, output, row, note });
    return row;
  }

  /** Shows the settings: slider positions, value texts, changed marks and scheduled notes. */
  render(settings: Settings): void {
    if (this.leverHint) {
      this.leverHint.textContent = settings.leversFrom === 2014
        ? 'Policies: a lever you move acts from the start of the run (2014).'
        : `Policies: a lever you move acts from January ${settings.leversFrom}, like the paper's suggestions; before, it stays at its default.`;
    }
    for (const [key, r] of this.rows) {
      const v = valueOf(settings, key);
      const g = sliderGeometry(r.spec, [v]);
      r.input.min = String(g.min);
      r.input.max = String(g.max);
      r.input.step = String(g.step);
      if (Number(r.input.value) !== v) r.input.value = String(v);
      const shown = formatWithUnit(v, g.decimals, r.spec.unit);
      r.output.textContent = shown;
      r.input.setAttribute('aria-valuetext', shown);
      r.row.classList.toggle('changed', settings.values[key] !== undefined);
      const scheduled = settings.schedule.filter((c) => c.key === key);
      r.note.hidden = scheduled.length === 0;
      r.note.textContent = scheduled.length ? `Scheduled: ${scheduled.map((c) => describeChange(c).replace(`${key}: `, '')).join('; ')}. Moving the slider replaces it.` : '';
    }
    for (const g of this.groupSummaries) {
      const n = g.keys.filter((k) => settings.values[k] !== undefined || settings.schedule.some((c) => c.key === k)).length;
      g.summary.textContent = `${g.title} (${g.keys.length}${n ? `, ${n} changed` : ''})`;
    }
  }
}
