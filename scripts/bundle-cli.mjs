// Part of `npm run build`, after tsc: bundles the command line's main thread (dist/cli/main.js and what it
// imports, with the packages it uses but those in EXTERNAL) into dist/cli-bundle/, in chunks shared by
// the commands.
// Loading about 250 small modules took the command half a second before it could start its first
// run; the bundle loads in about half that (docs/performance.md). Worker threads still load dist/node/
// (their code is the model's, unbundled: the fingerprint and the sweep's checks read those files).
import { build } from 'esbuild';

// Loaded only by the commands that draw (vega) or serve the playground (vite), or native (resvg).
const EXTERNAL = new Set(['vega', 'vega-lite', 'vega-embed', 'vite', '@resvg/resvg-js', 'playwright-core']);
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

await build({
  // Two entries sharing chunks: the early worker's state (early-worker.js) is one module for bin/povsim.mjs
  // and the pool alike.
  entryPoints: { main: 'dist/cli/main.js', 'early-worker': 'dist/node/early-worker.js' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // A bundled CommonJS module's require() of a Node built-in needs a require in ESM.
  banner: { js: "import { createRequire as __povsimCreateRequire } from 'node:module'; const require = __povsimCreateRequire(import.meta.url);" },
  plugins: [
    {
      name: 'external-packages',
      setup(b) {
        // These packages load from node_modules as before.
        b.onResolve({ filter: /^[^./]/ }, (a) => (EXTERNAL.has(packageOf(a.path)) ? { path: a.path, external: true } : undefined));
      },
    },
  ],
});
