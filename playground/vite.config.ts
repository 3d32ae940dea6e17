/**
 * Vite configuration of the playground page. `povsim playground` builds with it programmatically
 * (overriding `build.outDir`); `npx vite playground` serves it for development.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset paths: the built page works from any folder or URL path.
  base: './',
  publicDir: false,
  logLevel: 'warn',
  clearScreen: false,
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../out/playground-build', import.meta.url)),
    emptyOutDir: true,
    // vega, vega-lite and vega-embed are one large chunk by nature.
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  worker: { format: 'es' },
  // The page imports the model from ../src and the shipped scenarios from ../scenarios.
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
