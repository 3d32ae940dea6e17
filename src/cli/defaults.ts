/**
 * Default paths and ports the command line names in its help, kept apart from the commands so that
 * building the help loads none of them.
 */
import { join } from 'node:path';

/** The shipped comparison (`npm start`). */
export const DEFAULT_COMPARISON = 'scenarios/comparisons/four-suggestions.yaml';
/** The playground's port on 127.0.0.1. */
export const DEFAULT_PORT = 5317;
/** Where the playground page is built. */
export const DEFAULT_BUILD_DIR = join('out', 'playground-build');
