/** Run settings a scenario file may leave out (kept apart from the schema so the command line can show them cheaply). */
export const RUN_DEFAULTS = { endYear: 2025, scale: 0.01, replicates: 20, seed: 1 } as const;
