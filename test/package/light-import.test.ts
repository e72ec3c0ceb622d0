/**
 * `import { validate } from 'iwmo'` is for embedders: the library entry and
 * everything it imports hold no HTTP framework, CLI parser or progress bar,
 * and no Node built-in (it runs in browsers too). Checked on the module
 * graph the bundler sees from src/index.ts.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the library entry', () => {
  it('loads no adapter dependency', async () => {
    const result = await build({ entryPoints: ['src/index.ts'], bundle: true, write: false, metafile: true, platform: 'neutral', format: 'esm', logLevel: 'silent', mainFields: ['module', 'main'] });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.startsWith('src/api.ts'))).toBe(true);
    const packages = new Set(inputs.filter((i) => i.includes('node_modules/')).map((i) => i.split('node_modules/')[1]!.split('/')[0]!));
    expect([...packages].sort()).toEqual(['saxes', 'xmlchars']);
    expect(inputs.filter((i) => i.startsWith('src/cli/') || i.startsWith('src/http/') || i.startsWith('src/node/'))).toEqual([]);
  });
});
