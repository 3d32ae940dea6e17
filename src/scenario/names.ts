/**
 * Names that become folder names. A scenario's or plan's `name` labels its results and is the default
 * output folder (`out/<name>/`), so it must be one safe path segment: a name like `../../tmp/x` or `..`
 * would otherwise write outside `out/` or into the current folder.
 */

/** Characters a folder name may not hold: path separators (both kinds, so a file works on any system). */
const SEPARATORS = /[/\\]/;

/**
 * Why `name` cannot be a folder name, or undefined when it can. Refused: path separators, a name of dots
 * only (`.`, `..`, `...`), and surrounding spaces (which file systems and shells treat inconsistently).
 * @example unsafeFolderNameReason('../x') // 'it holds a path separator (/ or \\)'
 */
export function unsafeFolderNameReason(name: string): string | undefined {
  if (SEPARATORS.test(name)) return 'it holds a path separator (/ or \\)';
  if (/^\.+$/.test(name)) return 'it is made of dots only, which names the current or parent folder';
  if (name.trim() !== name) return 'it starts or ends with a space';
  return undefined;
}

/** JSON Schema `pattern` of a safe folder name (no separators, not dots only, no surrounding space). */
export const SAFE_FOLDER_NAME = /^(?!\.+$)(?!\s)(?!.*\s$)[^/\\]*$/;
