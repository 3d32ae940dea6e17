/** The shipped optimization plan, kept apart from the plan loader so the command line can name it without loading it. */
export const DEFAULT_OPTIMIZE_PLAN = 'scenarios/optimize/four-suggestions.yaml';
