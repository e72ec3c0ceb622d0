/**
 * `import { validate } from 'iwmo'` is for embedders: the library entry and
 * everything it imports hold no HTTP framework, CLI parser or progress bar,
 * and no Node built-in (it runs in browsers too). Checked on the module
 * graph the bundler sees from src/index.ts. Built, it imports no package at
 * all: saxes is bundled in, as Node's ESM loader reads a CommonJS package
 * through a lexer that costs more than the rest of the import.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { config } from '../../tsup.config.js';

describe('the library entry', () => {
  it('loads no adapter dependency', async () => {
    const result = await build({ entryPoints: ['src/index.ts'], bundle: true, write: false, metafile: true, platform: 'neutral', format: 'esm', logLevel: 'silent', mainFields: ['module', 'main'] });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.startsWith('src/api.ts'))).toBe(true);
    const packages = new Set(inputs.filter((i) => i.includes('node_modules/')).map((i) => i.split('node_modules/')[1]!.split('/')[0]!));
    expect([...packages].sort()).toEqual(['saxes', 'xmlchars']);
    expect(inputs.filter((i) => i.startsWith('src/cli/') || i.startsWith('src/http/') || i.startsWith('src/node/'))).toEqual([]);
  });

  it('imports no package when built: the parser it needs (saxes) is bundled in, so Node never reads CommonJS for it', async () => {
    const library = (Array.isArray(config) ? config[0] : config) as { noExternal?: string[] };
    const bundled = new Set(library.noExternal ?? []);
    // The packages the build leaves out, as tsup does: every dependency that is not bundled.
    const external = Object.keys(packageJson.dependencies).filter((name) => !bundled.has(name));
    const result = await build({ entryPoints: ['src/index.ts'], bundle: true, write: false, metafile: true, platform: 'neutral', format: 'esm', logLevel: 'silent', mainFields: ['module', 'main'], external });
    const imported = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
    expect(imported).toEqual([]);
    expect(Object.keys(result.metafile.inputs).some((i) => i.includes('node_modules/saxes/'))).toBe(true);
  });
});
