import { defineConfig } from 'tsup';

export const config = defineConfig([
  {
    // The library: isomorphic, ESM + CJS with declarations. `generate` is its own
    // entry so browsers and services that only validate never load fast-check.
    entry: { index: 'src/index.ts', generate: 'src/generate-entry.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  },
]);

// tsup reads the default export; the named export keeps our no-default-exports style readable.
// eslint-disable-next-line no-restricted-syntax
export default config;
