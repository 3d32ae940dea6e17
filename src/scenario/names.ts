/**
 * Names that become folder names. A scenario's or plan's `name` labels its results and is the default
 * output folder (`out/<name>/`), so it must be one safe path segment: a name like `../../tmp/x` or `..`
 * would otherwise write outside `out/` or into the current folder.
 */

/** Longest folder name in UTF-8 bytes (a Chinese character takes 3): 255 is the usual file-system limit. */
export const NAME_BYTES_MAX = 200;

/** Characters a folder name may not hold: path separators (both kinds, so a file works on any system). */
const SEPARATORS = /[/\\]/;

/**
 * Why `name` cannot be a folder name, or undefined when it can. Refused: path separators, more than
 * {@link NAME_BYTES_MAX} bytes, a name of dots only (`.`, `..`, `...`), and surrounding spaces (which file systems and shells treat inconsistently).
 * @example unsafeFolderNameReason('../x') // 'it holds a path separator (/ or \\)'
 */
export function unsafeFolderNameReason(name: string): string | undefined {
  if (SEPARATORS.test(name)) return 'it holds a path separator (/ or \\)';
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > NAME_BYTES_MAX) return `it is ${bytes} bytes long in UTF-8, and a folder name may be at most ${NAME_BYTES_MAX} (file systems allow 255 bytes, and povsim's temporary names need the rest)`;
  if (/^\.+$/.test(name)) return 'it is made of dots only, which names the current or parent folder';
  if (name.trim() !== name) return 'it starts or ends with a space';
  return undefined;
}

/** JSON Schema `pattern` of a safe folder name (no separators, not dots only, no surrounding space). */
export const SAFE_FOLDER_NAME = /^(?!\.+$)(?!\s)(?!.*\s$)[^/\\]*$/;
