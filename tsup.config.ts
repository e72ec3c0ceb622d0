import { defineConfig } from 'tsup';

export const config = defineConfig([
  {
    // The library: isomorphic, ESM + CJS with declarations. `generate` is its own
    // entry so browsers and services that only validate never load fast-check.
    entry: { index: 'src/index.ts', generate: 'src/generate-entry.ts', zod: 'src/zod-entry.ts', extensions: 'src/extensions-entry.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // The builds below run at the same time and clean their own folders.
    clean: ['!cli/**', '!web/**'],
    target: 'es2022',
    platform: 'neutral',
  },
  {
    // The `iwmo` command line, the worker thread it shares with the HTTP service, and the worker that takes part of a large declaratie (Node only).
    entry: { main: 'src/cli/main.ts', 'operations-worker': 'src/http/operations-worker.ts', 'validate-part-worker': 'src/node/validate-part-worker.ts' },
    outDir: 'dist/cli',
    clean: true,
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
  },
  {
    // The web page: its script, the validation worker and the workers of the contract and convert views, with the library bundled for browsers.
    entry: { app: 'src/web/app.ts', worker: 'src/web/worker.ts', 'contract-worker': 'src/web/contract-worker.ts', 'convert-worker': 'src/web/convert-worker.ts' },
    outDir: 'dist/web',
    clean: true,
    format: ['iife'],
    outExtension: () => ({ js: '.js' }),
    publicDir: 'src/web/public',
    minify: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'browser',
  },
]);

// tsup reads the default export; the named export keeps our no-default-exports style readable.
// eslint-disable-next-line no-restricted-syntax
export default config;
