/**
 * The web page in a real headless Chromium (Debian's /usr/bin/chromium, driven
 * by playwright-core): drop and choose messages, read the findings, follow a
 * finding to its line, and check that nothing is ever sent to the server.
 * Screenshots go to artifacts/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { openPage, root, type OpenPage } from './browser.js';
import { INVALID_BSN_LINE, invalidWmo305, wmo305, wmo323 } from '../http/messages.js';
import { goereeDir, goereeReportFiles, report } from '../extensions/status/support.js';

const artifacts = join(root, 'artifacts');

let browser: OpenPage;
let page: Page;
let scratch: string;
/** Every request the page makes, to prove nothing is uploaded. */
let requests: { method: string; url: string }[];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'iwmo-e2e-'));
  mkdirSync(artifacts, { recursive: true });
  browser = await openPage({ width: 1280, height: 860 });
  ({ page, requests } = browser);
});

afterAll(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Drops files on a drop zone the way a browser does: a drop event carrying a DataTransfer. */
async function dropFiles(zone: string, files: readonly { name: string; text: string; type: string }[]): Promise<void> {
  await page.evaluate(
    ({ zone, files }) => {
      const transfer = new DataTransfer();
      for (const { name, text, type } of files) transfer.items.add(new File([text], name, { type }));
      document.getElementById(zone)!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { zone, files },
  );
}

async function dropFile(name: string, text: string): Promise<void> {
  await dropFiles('dropzone', [{ name, text, type: 'application/xml' }]);
}

async function chooseFile(name: string, text: string | Buffer): Promise<void> {
  const path = join(scratch, name);
  writeFileSync(path, text);
  await page.setInputFiles('#file-input', path);
}

/** Waits for the verdict of the file just given (the status names it). */
async function verdict(name: string): Promise<{ tone: string; text: string }> {
  const read = (): Promise<{ tone: string; text: string }> =>
    page.evaluate(() => {
      const status = document.getElementById('status')!;
      return { tone: status.dataset.tone ?? '', text: status.textContent ?? '' };
    });
  await expect.poll(async () => {
    const { tone, text } = await read();
    return tone !== 'busy' && text.includes(name);
  }, { timeout: 60_000 }).toBe(true);
  return read();
}

describe('the validation page', () => {
  it('says that validation runs in the browser and nothing is uploaded', async () => {
    await expect.poll(() => page.title()).toContain('iWmo');
    expect(await page.locator('.privacy').textContent()).toMatch(/nothing is uploaded/);
    expect(await page.locator('#status').getAttribute('aria-live')).toBe('polite');
  });

  it('accepts a valid message dropped on the page', async () => {
    await dropFile('start.xml', wmo305());
    const { tone, text } = await verdict('start.xml');
    expect(tone).toBe('accepted');
    expect(text).toContain('Geaccepteerd');
    expect(text).toContain('WMO305');
    expect(await page.locator('#findings li').count()).toBe(0);
    await expect.poll(() => page.locator('.viewer-line').count()).toBeGreaterThan(10);
  });

  it('offers the retour of that message, built in the browser, as a download', async () => {
    const button = page.locator('#download-retour');
    expect(await button.isEnabled()).toBe(true);
    expect(await button.textContent()).toContain('WMO306');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('WMO306-start.xml');
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(validate(xml)).toMatchObject({ message: 'WMO306', accepted: true });
    expect(xml).toContain('<iwmo:Identificatie>123456789013</iwmo:Identificatie>');
  });

  it('answers a declaratie with a declaratie-antwoord WMO325', async () => {
    await chooseFile('declaratie.xml', wmo323(5));
    expect((await verdict('declaratie.xml')).tone).toBe('accepted');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-retour')]);
    expect(download.suggestedFilename()).toBe('WMO325-declaratie.xml');
    expect(validate(readFileSync((await download.path())!))).toMatchObject({ message: 'WMO325', accepted: true });
  });

  it('answers an iJw message in its own standard: a JW319 gets a JW320', async () => {
    await chooseFile('antwoord.xml', readFileSync(join(root, 'fixtures', 'retour', 'JW319.xml')));
    const { tone, text } = await verdict('antwoord.xml');
    expect(tone).toBe('accepted');
    expect(text).toContain('JW319 (iJw 3.2, BerichtCode 488)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-retour')]);
    expect(download.suggestedFilename()).toBe('JW320-antwoord.xml');
    expect(validate(readFileSync((await download.path())!))).toMatchObject({ message: 'JW320', standard: 'ijw-3.2', accepted: true });
  });

  it('rejects an invalid message, lists the finding and shows it on its line', async () => {
    await chooseFile('fout.xml', invalidWmo305());
    const { tone, text } = await verdict('fout.xml');
    expect(tone).toBe('rejected');
    expect(text).toContain('Afgekeurd');
    const finding = page.locator('#findings li').first();
    expect(await finding.locator('.badge').textContent()).toBe('XSD');
    expect(await finding.locator('.meta').textContent()).toContain(`regel ${INVALID_BSN_LINE}`);
    expect(await finding.locator('.meta').textContent()).toContain('niveau 1');
    expect(await finding.locator('.finding-text[lang="nl"]').textContent()).toContain('patroon');
    expect(await finding.locator('.finding-text[lang="en"]').textContent()).toContain('pattern');
    const line = page.locator(`.viewer-line[data-line="${INVALID_BSN_LINE}"]`);
    expect(await line.getAttribute('class')).toContain('mark-error');
    // Level 1 failed: the chain sends no retour, and the page says why.
    expect(await page.locator('#download-retour').isDisabled()).toBe(true);
    expect(await page.locator('#retour-note').textContent()).toContain('Geen retourbericht');

    // Following the finding with the keyboard moves to its line in the message.
    await finding.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => line.getAttribute('class')).toContain('current');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('viewer');
    expect(await line.isVisible()).toBe(true);
    await page.locator('#findings button').first().focus();
    await page.screenshot({ path: join(artifacts, 'page-findings.png'), fullPage: true });
  });

  it('can be used with the keyboard alone, in a sensible order, with a visible focus', async () => {
    // A fresh page: Tab then starts from the top, as for someone who just arrived.
    await page.reload();
    await chooseFile('toetsenbord.xml', invalidWmo305());
    await verdict('toetsenbord.xml');
    const order: string[] = [];
    const outlines: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || ''));
      const outline = await page.evaluate(() => {
        const active = document.activeElement;
        if (!active || active === document.body) return 'none';
        // The hidden file input shows its focus on its label.
        const shown = active.id === 'file-input' ? document.querySelector('label[for="file-input"]')! : active;
        return getComputedStyle(shown).outlineStyle;
      });
      outlines.push(outline);
    }
    expect(order).toEqual(['skip-link', 'nav-validate', 'nav-contract', 'nav-convert', 'file-input', 'paste-input', 'validate-paste', 'all-levels', 'finding-button', 'viewer']);
    expect(outlines).not.toContain('none');
  });

  it('validates a pasted message', async () => {
    await page.fill('#paste-input', invalidWmo305());
    await page.click('#validate-paste');
    const { tone } = await verdict('geplakt bericht');
    expect(tone).toBe('rejected');
  });

  it('works on a phone-sized screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await chooseFile('fout-telefoon.xml', invalidWmo305());
    await verdict('fout-telefoon.xml');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('#findings button').first().click();
    await page.screenshot({ path: join(artifacts, 'page-findings-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it.each([
    ['iWmo 3.2', /^WMO\d{3}$/],
    ['iJw 3.2', /^JW\d{3}$/],
  ] as const)('gives the library’s verdict for every one of the 14 message types of %s', async (standard, pattern) => {
    const fixtures = join(root, 'fixtures', 'messages');
    const types = readdirSync(fixtures).filter((name) => pattern.test(name)).sort();
    expect(types).toHaveLength(14);
    for (const type of types) {
      const files = readdirSync(join(fixtures, type)).filter((f) => f.endsWith('.xml'));
      const valid = files.find((f) => !f.startsWith('invalid-'))!;
      const invalid = files.find((f) => f.startsWith('invalid-'))!;
      for (const file of [valid, invalid]) {
        const xml = readFileSync(join(fixtures, type, file));
        const expected = validate(xml);
        await chooseFile(`${type}-${file}`, xml);
        const { tone } = await verdict(`${type}-${file}`);
        expect({ type, file, tone }).toEqual({ type, file, tone: expected.accepted ? 'accepted' : 'rejected' });
        // The status names the standard the page detected.
        if (expected.message) expect((await verdict(`${type}-${file}`)).text).toContain(`${type} (${standard}`);
        expect(await page.locator('#findings li.finding').count()).toBe(expected.findings.length);
      }
    }
  });

  it('validates a 20 MB declaratie in the browser and keeps scrolling cheap', async () => {
    const xml = wmo323(21_000);
    expect(Buffer.byteLength(xml)).toBeGreaterThan(19 * 1024 * 1024);
    const started = performance.now();
    await chooseFile('groot.xml', xml);
    const { tone } = await verdict('groot.xml');
    const seconds = (performance.now() - started) / 1000;
    expect(tone).toBe('accepted');
    // Only the lines in view are in the page, whatever the size of the message.
    expect(await page.locator('.viewer-line').count()).toBeLessThan(200);
    console.log(`20 MB WMO323 checked in the browser in ${seconds.toFixed(1)} s`);
  });

  it('refuses a file over 25 MB without reading it', async () => {
    await chooseFile('te-groot.xml', Buffer.alloc(26 * 1024 * 1024, 0x20));
    const { tone, text } = await verdict('te-groot.xml');
    expect(tone).toBe('rejected');
    expect(text).toContain('25 MB');
  });

  it('shows the status of a chosen contract and its reports: chart and table, computed in the browser', async () => {
    await page.setInputFiles('#contract-input', [join(goereeDir, 'contract.json'), ...goereeReportFiles.map((f) => join(goereeDir, f))]);
    const status = page.locator('#contract-status');
    await expect.poll(() => status.getAttribute('data-tone')).toBe('accepted');
    expect(await status.textContent()).toBe('goeree-2016-A: 7 rapportages, gemeld t/m P07; 1 budgetwijziging voorgesteld.');
    expect(await page.locator('#contract-summary').textContent()).toContain('€ 50.000,00 bij de start, € 53.000,00 na de wijzigingen');

    // The chart: an accessible SVG, the P07 value above the band, the proposed new budget at its end.
    const svg = page.locator('#contract-chart svg');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.locator('title').first().textContent()).toContain('goeree-2016-A');
    expect(await svg.locator('desc').textContent()).toContain('P07: 106 (+6,00 %), boven de band: budgetwijziging +€ 3.000,00 → € 53.000,00 (voorstel)');
    expect(await svg.locator('circle[data-period]').count()).toBe(7);
    expect(await svg.locator('circle[data-period="7"]').getAttribute('data-position')).toBe('above');
    expect(await svg.locator('circle[data-period="5"]').getAttribute('data-position')).toBe('inside');
    expect(await svg.locator('[data-amendment="goeree-2016-A-band-P07"]').count()).toBe(1);
    expect(await svg.locator('text', { hasText: '+€ 3.000,00 → € 53.000,00' }).count()).toBe(1);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(600);

    // The table, the chart's text alternative: every period, the crossing marked.
    const rows = page.locator('#contract-table tbody tr');
    expect(await rows.count()).toBe(13);
    const p07 = page.locator('#contract-table tbody tr[data-period="7"]');
    expect(await p07.getAttribute('class')).toBe('position-above');
    expect(await p07.locator('th, td').allTextContents()).toEqual(['P07', '2016-06-20 … 2016-07-17', '106', '+6,00 %', 'boven', '€ 50.000,00', '€ 28.000,00', '56,00 %', '54,37 %', '+€ 3.000,00 → € 53.000,00 (voorstel)']);
    expect(await page.locator('#contract-table tbody tr[data-period="13"] td.budget').textContent()).toBe('€ 53.000,00');
    await page.locator('#contract-view').scrollIntoViewIfNeeded();
    await page.locator('#contract-view').screenshot({ path: join(artifacts, 'contract-view.png') });
  });

  it('takes dropped XML documents too, and names the report that belongs to another contract', async () => {
    const validationStatus = await page.locator('#status').textContent();
    const xml = (name: string): { name: string; text: string; type: string } => ({ name: name.replace(/\.json$/, '.xml'), text: readFileSync(join(goereeDir, name.replace(/\.json$/, '.xml')), 'utf8'), type: 'application/xml' });
    const files = [
      xml('contract.json'),
      ...goereeReportFiles.slice(0, 3).map(xml),
      { name: 'brunssum.json', text: JSON.stringify(report(4, 120, { contractId: 'brunssum-2016' })), type: 'application/json' },
    ];
    await dropFiles('contract-dropzone', files);
    const status = page.locator('#contract-status');
    await expect.poll(() => status.textContent()).toContain('4 rapportages, gemeld t/m P03');
    expect(await status.getAttribute('data-tone')).toBe('rejected');
    const finding = page.locator('#contract-findings li');
    expect(await finding.count()).toBe(1);
    expect(await finding.locator('.badge').textContent()).toBe('EXT101');
    expect(await finding.locator('.meta').textContent()).toBe('brunssum.json');
    expect(await finding.locator('.finding-text[lang="en"]').textContent()).toBe('The report belongs to contract brunssum-2016, not to goeree-2016-A.');
    expect(await page.locator('#contract-table tbody tr[data-period="4"] td.reported').textContent()).toBe('-');
    // A drop on the contract view is not a message to validate.
    expect(await page.locator('#status').textContent()).toBe(validationStatus);
  });

  it('says so when no contract is among the files, and refuses a file over 5 MB without reading it', async () => {
    await dropFiles('contract-dropzone', [{ name: 'p01.json', text: readFileSync(join(goereeDir, goereeReportFiles[0]!), 'utf8'), type: 'application/json' }, { name: 'kapot.json', text: '{', type: 'application/json' }, { name: 'groot.json', text: ' '.repeat(6 * 1024 * 1024), type: 'application/json' }]);
    await expect.poll(() => page.locator('#contract-status').textContent()).toContain('Geen contract');
    expect(await page.locator('#contract-result').isHidden()).toBe(true);
    expect(await page.locator('#contract-findings .badge').allTextContents()).toEqual(['EXT001', 'EXT001']);
    expect(await page.locator('#contract-findings .meta').allTextContents()).toEqual(['kapot.json', 'groot.json']);
    expect(await page.locator('#contract-findings li').last().locator('.finding-text[lang="en"]').textContent()).toContain('larger than 5 MB');
  });

  it('reaches the contract view with the keyboard, and reads on a phone without sideways scrolling', async () => {
    await page.reload();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nav-contract');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contract-heading');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contract-input');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('label[for="contract-input"]')!).outlineStyle)).not.toBe('none');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.setInputFiles('#contract-input', [join(goereeDir, 'contract.json'), ...goereeReportFiles.map((f) => join(goereeDir, f))]);
    await expect.poll(() => page.locator('#contract-status').getAttribute('data-tone')).toBe('accepted');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('#contract-view').screenshot({ path: join(artifacts, 'contract-view-phone.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('never sent anything: only the page itself was fetched', () => {
    const origin = new URL(browser.service.url).origin;
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.method).toBe('GET');
      expect(new URL(request.url).origin).toBe(origin);
    }
    expect(new Set(requests.map((r) => new URL(r.url).pathname))).toEqual(new Set(['/', '/app.css', '/app.js', '/worker.js', '/contract-worker.js']));
  });
});
