/**
 * The browser builds of vega, vega-lite and vega-embed, read from node_modules so that the HTML
 * report can inline them and work offline. The minified builds are not in the packages' `exports`,
 * so each package's main file is resolved and the build is read from the same folder.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type { VegaBundles } from '../report/types.js';

export type { VegaBundles };

/** Package name and minified build file next to its resolved main file. */
const BUNDLE_FILES = [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
] as const;

let cached: VegaBundles | undefined;

/**
 * Reads the minified browser bundles (about 830 kB together; read once, then cached). Source-map
 * comments are removed so that browser dev tools do not try to fetch `.map` files.
 * @throws Error when a package or its build is missing, or a bundle contains `</script`
 *   (it could not be inlined in a script element)
 */
export function loadVegaBundles(): VegaBundles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const [vega, vegaLite, vegaEmbed] = BUNDLE_FILES.map(([pkg, file]) => {
    let path: string;
    try {
      path = join(dirname(require.resolve(pkg)), file);
    } catch (err) {
      throw new Error(`loadVegaBundles: cannot resolve package ${pkg}: ${(err as Error).message}`);
    }
    const text = readFileSync(path, 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
    if (/<\/script/i.test(text)) throw new Error(`loadVegaBundles: ${path} contains "</script" and cannot be inlined`);
    return text;
  });
  cached = { vega, vegaLite, vegaEmbed };
  return cached;
}
