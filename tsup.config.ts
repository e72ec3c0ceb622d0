import { defineConfig } from 'tsup';

export const config = defineConfig([
  {
    // The library: isomorphic, ESM + CJS with declarations.
    entry: { index: 'src/index.ts' },
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
