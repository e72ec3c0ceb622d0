/**
 * Writes what the extension definition (src/extensions/documents/definition.ts) derives:
 *   src/extensions/generated/types.ts        TypeScript types
 *   schemas/extensions/<Kind>.schema.json    JSON Schema (2020-12) per document kind
 *   schemas/extensions/iwmo-ext.xsd          the XSD of the sidecar envelope
 *
 * Usage: npm run codegen:extensions [-- --check]
 * With --check nothing is written; the exit code is 1 when a file would change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionOutputs } from './lib/extensions/outputs.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
let changed = 0;
for (const [rel, content] of extensionOutputs()) {
  const path = join(root, rel);
  if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
  changed++;
  if (check) {
    console.error(`codegen:extensions: ${rel} is out of date with the definition`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`codegen:extensions: wrote ${rel}`);
  }
}
console.log(`codegen:extensions: ${changed} file(s) ${check ? 'differ' : 'written'}`);
if (check && changed) process.exit(1);
