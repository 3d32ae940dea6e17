/**
 * The files a scenario is read from, as an interface: the core parses, validates and merges scenario
 * files without knowing where their bytes come from. In Node the reader is the file system
 * (src/node/scenario-files.ts); in the browser and in tests, `memoryScenarioFiles` over bundled texts.
 */
import * as msg from './messages.js';
import type { Problem } from './messages.js';

/** The bytes of a file, or the problem that stops reading it (missing, not a file, too large, …). */
export type ReadResult = { bytes: Uint8Array } | { problem: Problem };

/** Where scenario files (and sweep plans) come from. Paths are strings in the reader's own convention. */
export interface ScenarioFiles {
  /** The absolute form of a path named by the user (in Node: resolved against the working folder). */
  absolute(path: string): string;
  /**
   * The path `rel`, written in the file at `from`, taken from `from`'s folder; an absolute `rel` is kept
   * as written. Also applied to display paths, so it must not make a relative `from` absolute.
   */
  relativeTo(from: string, rel: string): string;
  /** The identity of a file for cycle detection (in Node: symbolic links followed); the path itself if unknown. */
  realpath(abs: string): string;
  /** Reads a file of at most `maxBytes` bytes. */
  read(abs: string, maxBytes: number): ReadResult;
}

/**
 * The extension of a path, with its dot (`.yaml`), or '' when it has none; the same as Node's
 * `path.posix.extname` (a leading dot names a hidden file, not an extension; trailing slashes are ignored).
 */
export function extensionOf(path: string): string {
  let startDot = -1;
  let startPart = 0;
  let end = -1;
  let matchedSlash = true;
  // 0: no character before the dot yet; 1: the part is only dots so far; -1: a non-dot precedes the dot
  let preDotState = 0;
  for (let i = path.length - 1; i >= 0; --i) {
    const c = path[i];
    if (c === '/') {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (c === '.') {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  if (startDot === -1 || end === -1 || preDotState === 0 || (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) return '';
  return path.slice(startDot, end);
}

/** A '/'-separated path with `.` and `..` steps and repeated slashes removed ('' stays ''). */
export function normalizePosix(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  const body = out.join('/');
  return absolute ? `/${body}` : body === '' ? '.' : body;
}

/** The folder part of a '/'-separated path ('.' when it has none). */
function folderOf(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i);
}

/**
 * Scenario files held in memory, keyed by '/'-separated path (relative paths are taken from `/`), for
 * the browser and for tests. `extends` between them resolves as on disk.
 *
 * @example
 *   const files = memoryScenarioFiles({ 'scenarios/a.yaml': 'name: a\n', 'scenarios/b.yaml': 'extends: a.yaml\nname: b\n' });
 *   loadScenarioWith(files, 'scenarios/b.yaml').chain; // ['/scenarios/a.yaml', '/scenarios/b.yaml']
 */
export function memoryScenarioFiles(texts: Readonly<Record<string, string>>): ScenarioFiles {
  const absolute = (path: string): string => normalizePosix(path.startsWith('/') ? path : `/${path}`);
  const encoder = new TextEncoder();
  const byPath = new Map<string, Uint8Array>(Object.entries(texts).map(([p, t]) => [absolute(p), encoder.encode(t)]));
  return {
    absolute,
    relativeTo: (from, rel) => (rel.startsWith('/') ? rel : normalizePosix(`${folderOf(from)}/${rel}`)),
    realpath: (abs) => absolute(abs),
    read(abs, maxBytes) {
      const bytes = byPath.get(absolute(abs));
      if (!bytes) return { problem: msg.fileNotFound() };
      if (bytes.length > maxBytes) return { problem: msg.fileTooLarge(bytes.length, maxBytes) };
      return { bytes };
    },
  };
}
