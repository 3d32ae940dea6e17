/**
 * Output folders of the CLI commands (see src/node/output-folder.ts for creation, locking and --force).
 * Every file is written through the one atomic writer; manifest.json is written last and says the run
 * completed, so a folder without it is known to be incomplete.
 */
import { join } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import { unsafeFolderNameReason } from '../scenario/names.js';
import * as smsg from '../scenario/messages.js';
import { claimOutputFolder, MANIFEST } from '../node/output-folder.js';

export { MANIFEST };

/**
 * Creates (or, with force, replaces whole) an output folder and locks it for this process until the
 * command ends; refuses to mix with an earlier run.
 * @param command the command name, recorded in the lock so a second writer is told who holds it
 * @throws InputError (exit 2) when the folder cannot be created or written, is locked, or holds other output
 */
export function prepareOutputDir(dir: string, force: boolean, command = 'povsim'): void {
  claimOutputFolder(dir, force, command);
}

/**
 * The default output folder `out/<...parents>/<name>`: `name` comes from a file, so it must be one
 * safe path segment (the scenario and plan schemas check this too; this guards every caller).
 * @throws InputError (exit 2) naming the file that gave the name
 */
export function defaultOutputDir(parents: readonly string[], name: string, from: string): string {
  const reason = unsafeFolderNameReason(name);
  if (reason !== undefined) throw new InputError([{ ...smsg.unsafeName(name, reason), file: from, line: 0, column: 0, key: 'name' }]);
  return join('out', ...parents, name);
}

export { removePartials, writeManifest, writeOutput, writeOutputFolder } from '../node/output-files.js';
