import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * The generated descriptors (two JSON files, 250 kB each) go into the bundles
 * as `JSON.parse('…')` instead of an object literal: V8 scans a string and
 * parses JSON faster than it compiles the same literal (both files alone, on
 * a cold start: 9–14 ms against 12–17 ms).
 */
const descriptorsAsJsonParse: EsbuildPlugin = {
  name: 'descriptors-as-json-parse',
  setup(build) {
    build.onLoad({ filter: /[\\/]generated[\\/][^\\/]+\.json$/ }, (args) => {
      const text = JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8')));
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

// Bundled in, not imported from node_modules: Node's ESM loader reads a CommonJS package through a lexer
// that costs ~40–50 ms of CPU at start-up (more than the rest of `import { validate } from 'iwmo'`).
// They stay dependencies. The bundled commander requires Node built-ins, hence the CLI's `require` banner.
const bundledInLibrary = ['saxes', 'xmlchars'];
const bundledInCli = [...bundledInLibrary, 'commander'];

/** dist/THIRD-PARTY-NOTICES.md: the licences of the packages whose code is bundled into dist. */
function writeNotices(): void {
  const sections = [...new Set([...bundledInLibrary, ...bundledInCli])].map((name) => {
    const dir = `node_modules/${name}`;
    const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version: string; license: string; author?: string | { name: string }; repository?: string | { url: string } };
    const author = typeof manifest.author === 'object' ? manifest.author.name : manifest.author;
    const repository = typeof manifest.repository === 'object' ? manifest.repository.url : manifest.repository;
    const licenceFile = ['LICENSE', 'LICENSE.md', 'LICENCE'].map((f) => `${dir}/${f}`).find((f) => existsSync(f));
    const text = licenceFile ? readFileSync(licenceFile, 'utf8').trim() : `${manifest.license} licence (the package ships no licence text; see ${repository ?? 'its repository'}).`;
    return `## ${name} ${manifest.version} (${manifest.license})\n\n${author ? `Author: ${author}\n\n` : ''}\`\`\`\n${text}\n\`\`\`\n`;
  });
  writeFileSync('dist/THIRD-PARTY-NOTICES.md', `# Bundled packages\n\nThe code of these packages is bundled into the library (dist/*.js, dist/*.cjs) and the command line (dist/cli/).\n\n${sections.join('\n')}`);
}

export const config = defineConfig([
  {
    // The library: isomorphic, ESM + CJS with declarations. `generate` is its own
    // entry so browsers and services that only validate never load fast-check.
    esbuildPlugins: [descriptorsAsJsonParse],
    entry: { index: 'src/index.ts', generate: 'src/generate-entry.ts', zod: 'src/zod-entry.ts', extensions: 'src/extensions-entry.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // The builds below run at the same time and clean their own folders.
    clean: ['!cli/**', '!web/**'],
    target: 'es2022',
    platform: 'neutral',
    noExternal: bundledInLibrary,
    onSuccess: async () => writeNotices(),
  },
  {
    // The `iwmo` command line, the worker thread it shares with the HTTP service, and the worker that takes part of a large declaratie (Node only).
    esbuildPlugins: [descriptorsAsJsonParse],
    entry: { main: 'src/cli/main.ts', 'operations-worker': 'src/http/operations-worker.ts', 'validate-part-worker': 'src/node/validate-part-worker.ts' },
    outDir: 'dist/cli',
    noExternal: bundledInCli,
    banner: { js: "import { createRequire as __iwmoCreateRequire } from 'node:module'; const require = __iwmoCreateRequire(import.meta.url);" },
    clean: true,
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
  },
  {
    // The web page: its script, the validation worker and the workers of the contract and convert views, with the library bundled for browsers.
    esbuildPlugins: [descriptorsAsJsonParse],
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
