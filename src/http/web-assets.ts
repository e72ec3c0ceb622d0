/**
 * The web page's files (built by `npm run build` into dist/web). They are read
 * once at start-up: five small files, served from memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

const FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'worker.js': 'text/javascript; charset=utf-8',
  'contract-worker.js': 'text/javascript; charset=utf-8',
  'convert-worker.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/** Where the built page lives: next to the bundled CLI (dist/cli → dist/web), or dist/web seen from the sources. */
export function defaultWebRoot(): string | undefined {
  const candidates = [new URL('../web/', import.meta.url), new URL('../../dist/web/', import.meta.url)].map((url) => fileURLToPath(url));
  return candidates.find((dir) => Object.keys(FILES).every((file) => existsSync(join(dir, file))));
}

export function loadWebAssets(root: string | undefined): ReadonlyMap<string, WebAsset> {
  const assets = new Map<string, WebAsset>();
  if (!root) return assets;
  for (const [file, contentType] of Object.entries(FILES)) {
    const path = join(root, file);
    if (existsSync(path)) assets.set(file, { body: readFileSync(path), contentType });
  }
  return assets;
}
