/**
 * The page's convert view in a real headless Chromium: choose a WMO301 and a
 * profile, pick the target form, see the new messages and the loss report
 * side by side, download them — and nothing is sent to the server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { openPage, root, type OpenPage } from './browser.js';

const fixtures = join(root, 'fixtures/extensions/conversions');

let browser: OpenPage;
let page: Page;
let requests: { method: string; url: string }[];

beforeAll(async () => {
  browser = await openPage({ width: 1280, height: 900 });
  ({ page, requests } = browser);
});

afterAll(async () => {
  await browser?.close();
});

async function convertStatus(): Promise<{ tone: string; text: string }> {
  const read = (): Promise<{ tone: string; text: string }> =>
    page.evaluate(() => {
      const status = document.getElementById('convert-status')!;
      return { tone: status.dataset.tone ?? '', text: status.textContent ?? '' };
    });
  await expect.poll(async () => (await read()).tone !== 'busy' && (await read()).tone !== '', { timeout: 60_000 }).toBe(true);
  return read();
}

describe('the convert view', () => {
  it('converts a specific 301 to an aspecific budget from a switch date, with the losses beside the new message', async () => {
    await page.setInputFiles('#convert-message', join(fixtures, 'e6-specifiek-3-uur-per-week.xml'));
    await page.setInputFiles('#convert-profile', join(fixtures, 'e6-profile.json'));
    await expect.poll(() => page.locator('#convert-profile-name').textContent()).toContain('e6-profile.json');
    await page.selectOption('#convert-rule', 'C2');
    await page.fill('#convert-on', '2025-03-03');
    await page.click('#convert-run');
    const { tone, text } = await convertStatus();
    expect(tone).toBe('rejected');
    expect(text).toContain('Omgezet met verlies');
    expect(await page.locator('.convert-losses .badge').allTextContents()).toEqual(['VOLUME_PROFILE_LOST', 'PRODUCT_CODE_DROPPED', 'DECISION_RIGHTS_SHIFT']);
    expect(await page.locator('.convert-requires').textContent()).toContain('client-notification');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.convert-message .button').first().click()]);
    expect(download.suggestedFilename()).toBe('e6-specifiek-3-uur-per-week-WMO301-1.xml');
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(validate(xml)).toMatchObject({ message: 'WMO301', accepted: true });
    expect(xml).toContain('<wmo301:Budget>318240</wmo301:Budget>');

    const [report] = await Promise.all([page.waitForEvent('download'), page.click('text=Download report.json')]);
    expect(JSON.parse(readFileSync((await report.path())!, 'utf8'))).toMatchObject({ rule: 'C2', lossless: false, messages: ['WMO301-1.xml'] });
  });

  it('shows a refusal with its finding in Dutch and English, and writes nothing', async () => {
    await page.selectOption('#convert-rule', 'C4');
    await page.click('#convert-run');
    const { text } = await convertStatus();
    expect(text).toContain('Geweigerd');
    expect(await page.locator('#convert-messages li').count()).toBe(0);
    expect(await page.locator('#convert-report .badge').first().textContent()).toBe('EXT204');
    expect(await page.locator('#convert-report .finding-text[lang="en"]').first().textContent()).toContain('Eenheid 83');
  });

  it('sent nothing to the server: the page, its script and styles only', () => {
    const posts = requests.filter((r) => r.method !== 'GET');
    expect(posts).toEqual([]);
    const paths = new Set(requests.map((r) => new URL(r.url).pathname));
    expect([...paths].every((p) => ['/', '/app.js', '/app.css', '/worker.js', '/convert-worker.js', '/app.js.map', '/worker.js.map', '/convert-worker.js.map'].includes(p))).toBe(true);
  });
});
