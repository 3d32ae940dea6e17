/** `povsim params`, `povsim plan`, `povsim schema`: print the model's tables. */
import { describePlan } from '../../engine/plan.js';
import { PARAMETERS } from '../../model/parameters.js';
import { PHASES } from '../../model/plan.js';
import { scenarioJsonSchema } from '../../scenario/schema.js';
import type { CliIO } from '../io.js';

function csvCell(s: string | number): string {
  const t = String(s);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The parameter table as Markdown or CSV. */
export function parameterTable(format: 'markdown' | 'csv'): string {
  const head = ['key', 'group', 'default', 'unit', 'min', 'max', 'low', 'high', 'source', 'meaning'];
  const rows = PARAMETERS.map((s) => [s.key, s.group, s.default, s.unit, s.min, s.max, s.low, s.high, s.source, s.meaning]);
  if (format === 'csv') return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
  const md = (r: (string | number)[]): string => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [md(head), md(head.map(() => '---')), ...rows.map(md)].join('\n') + '\n';
}

export function paramsCommand(format: 'markdown' | 'csv', io: CliIO): number {
  io.out(parameterTable(format));
  return 0;
}

export function planCommand(io: CliIO): number {
  io.out('Each month, in this order (yearly phases run in December):');
  io.out(describePlan(PHASES).join('\n'));
  return 0;
}

export function schemaCommand(io: CliIO): number {
  io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
  return 0;
}
