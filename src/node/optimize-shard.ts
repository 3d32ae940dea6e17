/**
 * Shards of one `povsim optimize` search sharing an output folder (`--shard i/n --out DIR`, DIR on a
 * file system every shard sees).
 *
 * The search is sequential (each stage depends on the last one's results), so the shards do not
 * split the search: every shard runs the same deterministic search and splits each batch of runs.
 * A run belongs to the shard of its journal key (the first 8 hex digits of the task's sha256 mod n),
 * whatever the batch order or the worker count. For each batch a shard
 *   1. reads the runs already journaled (`journal/<sha256>.json`),
 *   2. computes its own missing runs and journals each atomically as it finishes,
 *   3. waits for the others' runs to appear in the journal (polling the folder), giving up with
 *      exit 1 after `timeoutSeconds` in which none of them arrived.
 * The results are those an unsharded search reads from its journal, so every output is
 * byte-identical to an unsharded run. Only shard 0 writes the outputs (manifest.json last);
 * the other shards end when the search does.
 *
 * The folder's identity is checked as a resumed search checks it: `plan.json` and
 * `journal/code.json` are published exclusively (a hard link of a whole temporary file, so two
 * shards starting at once cannot both win with different plans), and a shard whose plan or model
 * code differs from the folder's is refused.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/diagnostics.js';
import { shardText, type Shard } from '../experiment/sweep/shard.js';
import type { TaskResult } from '../experiment/task.js';
import { PARTIAL_MARK, writeFileAtomic } from './atomic-write.js';
import { JOURNAL_DIR, PLAN_FILE, type JournalShare } from './optimize-files.js';
import { lockOutputFolder, LOCK_FILE, makeOutputFolder, MANIFEST, OUTPUT_MARK } from './output-folder.js';
import { ensureMark, recordNames } from './output-record.js';

/** Default of --shard-timeout: generous, because array tasks may start hours apart on a busy cluster. */
export const DEFAULT_SHARD_TIMEOUT_SECONDS = 86_400;

/** How a shard waits for the other shards' runs. */
export interface ShardWait {
  shard: Shard;
  /** Give up after this many seconds in which none of the awaited runs arrived. */
  timeoutSeconds: number;
  /** Poll interval of the journal folder, ms (default 1000). */
  pollMs?: number;
  signal?: AbortSignal;
  /** Progress lines for the terminal (waiting, still waiting). */
  say?: (line: string) => void;
}

/** The shard a run belongs to: the first 8 hex digits of its journal key, mod n. */
export function shardOfKey(key: string, count: number): number {
  return parseInt(key.slice(0, 8), 16) % count;
}

function flag(key: string, message: string, hint: string, code = 'bad-flag'): InputError {
  return new InputError([{ code, file: '(command line)', line: 0, column: 0, key, message, hint }]);
}

/** The share of the journaled runner (optimize-files.ts) that makes it run one shard. */
export function shardShare(o: ShardWait): JournalShare {
  return {
    owns: (key) => shardOfKey(key, o.shard.count) === o.shard.index,
    wait: (keys, read) => waitForShards(keys, read, o),
  };
}

/**
 * Checks `--shard-timeout` (seconds, > 0; default {@link DEFAULT_SHARD_TIMEOUT_SECONDS}).
 * @throws InputError naming --shard-timeout
 */
export function checkShardTimeout(value: number | undefined): number {
  if (value === undefined) return DEFAULT_SHARD_TIMEOUT_SECONDS;
  if (!Number.isFinite(value) || value <= 0) throw flag('--shard-timeout', `must be a number of seconds above 0, got ${value}`, `e.g. --shard-timeout 3600 (default ${DEFAULT_SHARD_TIMEOUT_SECONDS}: a day)`);
  return value;
}

/** Publishes `text` as `path` unless the file exists; returns the file's text either way (exclusive: link, not rename). */
function publishOnce(path: string, text: string): string {
  if (!existsSync(path)) {
    const tmp = `${path}${PARTIAL_MARK}shard-${process.pid}`;
    writeFileAtomic(tmp, text);
    try {
      linkSync(tmp, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  return readFileSync(path, 'utf8');
}

/** Entries a folder of a search may hold before its outputs: the plan, the journal, marks, Slurm scripts. */
const SEARCH_ENTRIES = [PLAN_FILE, JOURNAL_DIR, OUTPUT_MARK, LOCK_FILE, 'slurm'];

/**
 * Joins (or starts) the sharded search in `dir`. Shard 0 locks the folder (it alone writes the
 * outputs; an unsharded run or a second shard 0 is refused); the others only read and journal.
 * @param planText the plan as `plan.json` holds it; @param codeText as `journal/code.json` holds it
 * @returns 'finished' when the folder already holds the finished search of this plan and code
 *   (nothing to do: a requeued shard ends at once); else 'new' or 'resume'
 * @throws InputError (exit 2) for a folder of another plan, other model code, or other files
 */
export function joinShardedSearch(dir: string, shard: Shard, planText: string, codeText: string): 'new' | 'resume' | 'finished' {
  const me = `shard ${shardText(shard)}`;
  makeOutputFolder(dir);
  if (shard.index === 0) lockOutputFolder(dir, `povsim optimize --shard ${shardText(shard)}`);
  const entries = readdirSync(dir).filter((e) => !e.includes(PARTIAL_MARK));
  const planPath = join(dir, PLAN_FILE);
  const foreign = entries.filter((e) => !SEARCH_ENTRIES.includes(e));
  if (foreign.length > 0 && !existsSync(planPath)) {
    throw flag('--out', `${dir} holds files that are not a povsim optimize search (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''})`, 'give every shard the same new or empty folder with --out', 'output-exists');
  }
  const fresh = !existsSync(planPath);
  const journal = join(dir, JOURNAL_DIR);
  mkdirSync(journal, { recursive: true });
  ensureMark(dir, 'povsim optimize');
  recordNames(dir, [PLAN_FILE, JOURNAL_DIR]); // published by whichever shard comes first, recorded by each
  if (publishOnce(planPath, planText) !== planText) {
    throw flag('--out', `${me}: ${dir} holds a search of a different plan (plan.json differs)`, 'run every shard with the same plan file and the same flags, or give this search another --out', 'output-exists');
  }
  if (publishOnce(join(journal, 'code.json'), codeText) !== codeText) {
    throw flag('--out', `${me}: ${dir} holds a search run by other model code (journal/code.json differs)`, 'run every shard with the same povsim build, or give this search another --out', 'code-changed');
  }
  if (entries.includes(MANIFEST)) return 'finished';
  return fresh ? 'new' : 'resume';
}

/**
 * Waits until every key's run is in the journal and returns the results in key order; `read`
 * decodes a journaled run (undefined while it is missing or not yet whole).
 * @throws Error (exit 1) naming the run it waited for and its shard after the timeout without progress
 */
export async function waitForShards(keys: readonly string[], read: (key: string) => TaskResult | undefined, o: ShardWait): Promise<TaskResult[]> {
  const results = new Map<string, TaskResult>();
  const pollMs = o.pollMs ?? 1000;
  const me = shardText(o.shard);
  let lastArrival = Date.now();
  let lastNote = Date.now();
  let noted = false;
  for (;;) {
    for (const k of keys) {
      if (results.has(k)) continue;
      const r = read(k);
      if (r) {
        results.set(k, r);
        lastArrival = Date.now();
      }
    }
    const left = keys.filter((k) => !results.has(k));
    if (left.length === 0) return keys.map((k) => results.get(k)!);
    const owner = (k: string): string => `${shardOfKey(k, o.shard.count)}/${o.shard.count}`;
    if (!noted || Date.now() - lastNote >= 60_000) {
      o.say?.(`shard ${me}: ${noted ? 'still ' : ''}waiting for ${left.length} run${left.length === 1 ? '' : 's'} of other shards (next: ${JOURNAL_DIR}/${left[0]}.json from shard ${owner(left[0])})`);
      noted = true;
      lastNote = Date.now();
    }
    if ((Date.now() - lastArrival) / 1000 >= o.timeoutSeconds) {
      throw new Error(
        `shard ${me}: waited ${o.timeoutSeconds} s for run ${JOURNAL_DIR}/${left[0]}.json of shard ${owner(left[0])}` +
          `${left.length > 1 ? ` (and ${left.length - 1} more)` : ''} and none arrived; shard ${owner(left[0])} may have failed or not started: ` +
          'check its log, rerun it (it resumes from the journal), then rerun this shard (or raise --shard-timeout)',
      );
    }
    if (o.signal?.aborted) throw new Error('aborted');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
