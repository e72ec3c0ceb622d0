import { buildSync } from 'esbuild';

/**
 * A bench entry and the library code it reaches, bundled into one ESM file
 * that plain node runs (no tsx at run time, so start-up is the code's own).
 */
export function bundleForNode(entry: string, outfile: string): void {
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // CommonJS dependencies bundled into ESM need a require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}
