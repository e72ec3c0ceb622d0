/**
 * The page in a real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core), served by the service on a free port: one set-up for every
 * browser test, recording each request the page makes so a test can prove
 * nothing is uploaded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startService, type StartedService } from '../../src/http/server.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const webRoot = join(root, 'dist', 'web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium tries hosts this machine cannot reach.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface OpenPage {
  readonly service: StartedService;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request the page made, in order. */
  readonly requests: { method: string; url: string }[];
  close(): Promise<void>;
}

/** Starts the service on the built page and opens it in Chromium; a page error fails the test. */
export async function openPage(viewport: { width: number; height: number }): Promise<OpenPage> {
  if (!existsSync(join(webRoot, 'app.js'))) throw new Error('The web page is not built: run `npm run build` first (npm run test:e2e does).');
  const service = await startService({ port: 0, host: '127.0.0.1', webRoot });
  const userDataDir = mkdtempSync(join(tmpdir(), 'iwmo-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, acceptDownloads: true });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: { method: string; url: string }[] = [];
  page.on('request', (request) => void requests.push({ method: request.method(), url: request.url() }));
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(service.url);
  return {
    service,
    context,
    page,
    requests,
    async close() {
      await context.close();
      await service.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
