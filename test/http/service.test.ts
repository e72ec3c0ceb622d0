import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, startService } from '../../src/http/server.js';
import { validate } from '../../src/index.js';
import { CLIENT_ACHTERNAAM, CLIENT_BSN, ENTITY_BOMB, INVALID_BSN_LINE, MALFORMED, invalidWmo305, wmo305, wmo323 } from './messages.js';
import { responseHeadForLength } from './raw-request.js';
import { tempDir } from '../temp-dir.js';

const XML = { 'content-type': 'application/xml' };

describe('HTTP service', () => {
  const app = createService({ webRoot: tempDir('empty-web') });
  afterAll(() => app.close());

  it('answers the health check', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('validates a valid message: 200 and an accepting report', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: wmo305() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ message: 'WMO305', standard: 'iwmo-3.2', berichtCode: '418', accepted: true, findings: [] });
  });

  it('validates an invalid message: 200, rejected, findings with rule, line and both languages', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/xml; charset=utf-8' }, payload: invalidWmo305() });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ message: 'WMO305', berichtCode: '418', accepted: false });
    expect(report.findings).toEqual([
      {
        rule: 'XSD',
        level: 1,
        retourcode: null,
        path: '/Bericht/Client/Bsn',
        line: INVALID_BSN_LINE,
        severity: 'error',
        message: { nl: expect.stringContaining('patroon'), en: expect.stringContaining('pattern') },
      },
    ]);
  });

  it('answers malformed XML with a rejecting level-1 report, not an error status', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: MALFORMED });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.accepted).toBe(false);
    expect(report.findings[0]).toMatchObject({ level: 1, rule: 'XML' });
  });

  it('rejects an entity bomb within a second without expanding it', async () => {
    const started = performance.now();
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: ENTITY_BOMB });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.accepted).toBe(false);
    expect(report.findings[0]).toMatchObject({ level: 1, rule: 'XML' });
  });

  it('answers an empty body with a rejecting report', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: '' });
    expect(response.statusCode).toBe(200);
    expect(response.json().accepted).toBe(false);
  });

  it('refuses bodies that are not XML with 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: wmo305() });
    expect(response.statusCode).toBe(415);
  });

  it('refuses a 27 MB body with 413', async () => {
    const body = Buffer.alloc(27 * 1024 * 1024, 0x20);
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: body });
    expect(response.statusCode).toBe(413);
  });

  it('formats a message to its canonical encoding', async () => {
    const untidy = wmo305().replace(/\r\n\t*/g, '\n').replaceAll('wmo305:', 'm:').replace('xmlns:wmo305=', 'xmlns:m=');
    const response = await app.inject({ method: 'POST', url: '/v1/format', headers: XML, payload: untidy });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.body).toBe(wmo305());
  });

  it('answers format of an invalid message with 422 and the report', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/format', headers: XML, payload: invalidWmo305() });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ accepted: false, findings: [{ rule: 'XSD', line: INVALID_BSN_LINE }] });
  });

  it('answers a message with its retour as XML', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/retour', headers: XML, payload: wmo305() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.headers['x-iwmo-message']).toBe('WMO306');
    expect(validate(response.body)).toMatchObject({ message: 'WMO306', accepted: true });
  });

  it('answers a declaratie with its declaratie-antwoord WMO325', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/retour', headers: XML, payload: wmo323(3) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-iwmo-message']).toBe('WMO325');
    expect(validate(response.body)).toMatchObject({ message: 'WMO325', accepted: true });
  });

  it('answers 422 with the report and the reason when level 1 fails, as the chain sends no retour then', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/retour', headers: XML, payload: invalidWmo305() });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ message: 'WMO305', accepted: false, findings: [{ rule: 'XSD', line: INVALID_BSN_LINE }], reason: { en: expect.stringContaining('level 1') } });
  });

  it('answers 422 for a message that is itself an answer', async () => {
    const retourXml = (await app.inject({ method: 'POST', url: '/v1/retour', headers: XML, payload: wmo305() })).body;
    const response = await app.inject({ method: 'POST', url: '/v1/retour', headers: XML, payload: retourXml });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ message: 'WMO306', reason: { en: expect.stringContaining('answer itself') } });
  });

  it('answers malformed XML on every operation without a server error', async () => {
    for (const url of ['/v1/validate', '/v1/format', '/v1/retour']) {
      for (const payload of [MALFORMED, ENTITY_BOMB, '', '\u0000\u00ff', '<a>'.repeat(10_000)]) {
        const response = await app.inject({ method: 'POST', url, headers: XML, payload });
        expect(response.statusCode, `${url} ${payload.slice(0, 20)}`).toBeLessThan(500);
        expect(response.json().accepted).toBe(false);
      }
    }
  });

  it('describes itself in OpenAPI 3.1', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/v1/validate', '/v1/retour', '/v1/format']));
    expect(document.components.schemas.Finding.required).toEqual(['rule', 'level', 'retourcode', 'path', 'line', 'severity', 'message']);
  });

  it('says how to build the page when it is not built', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
  });
});

describe('HTTP service web page', () => {
  const webRoot = tempDir('web');
  for (const file of ['index.html', 'app.js', 'worker.js', 'contract-worker.js', 'app.css']) writeFileSync(join(webRoot, file), `/* ${file} */`);
  const app = createService({ webRoot });
  afterAll(() => app.close());

  it('serves the page at / with a policy that forbids sending data anywhere', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toContain("connect-src 'none'");
    expect(response.body).toBe('/* index.html */');
  });

  it('serves the scripts and styles', async () => {
    for (const [file, type] of [['app.js', /^text\/javascript/], ['worker.js', /^text\/javascript/], ['contract-worker.js', /^text\/javascript/], ['app.css', /^text\/css/]] as const) {
      const response = await app.inject({ method: 'GET', url: `/${file}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(type);
    }
  });
});

describe('HTTP service with worker threads', () => {
  // Threshold 0: every body goes through the worker pool.
  const app = createService({ workerThreshold: 0, workers: 2 });
  afterAll(() => app.close());

  it('gives the same reports from a worker as inline, for concurrent requests', async () => {
    const bodies = [wmo305(), invalidWmo305(), MALFORMED, wmo323(1200), wmo305()];
    const responses = await Promise.all(bodies.map((payload) => app.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload })));
    const inline = createService({ workerThreshold: Number.MAX_SAFE_INTEGER });
    const expected = await Promise.all(bodies.map((payload) => inline.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload })));
    await inline.close();
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.map((r) => r.json())).toEqual(expected.map((r) => r.json()));
    expect(responses.map((r) => r.json().accepted)).toEqual([true, false, false, true, true]);
  });

  it('keeps answering other requests while a large message is validated', async () => {
    const large = wmo323(20_000); // ~19 MB, over the 1 MB threshold of the default service
    const service = createService({ workers: 1 });
    await service.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: wmo323(1100) }); // starts the worker
    let largeDone = false;
    const validating = service.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: large }).then((r) => {
      largeDone = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const small = await service.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: wmo305() });
    expect(small.json().accepted).toBe(true);
    expect(largeDone).toBe(false);
    expect((await validating).json()).toMatchObject({ message: 'WMO323', accepted: true });
    await service.close();
  });

  it('formats and answers in a worker too', async () => {
    const formatted = await app.inject({ method: 'POST', url: '/v1/format', headers: XML, payload: wmo305() });
    expect(formatted.statusCode).toBe(200);
    expect(formatted.body).toBe(wmo305());
    const answered = await app.inject({ method: 'POST', url: '/v1/retour', headers: XML, payload: wmo323(1200) });
    expect(answered.statusCode).toBe(200);
    expect(answered.headers['x-iwmo-message']).toBe('WMO325');
  });
});

describe('HTTP service logs', () => {
  const lines: string[] = [];
  const app = createService({ logger: { write: (line) => void lines.push(line) } });
  afterAll(() => app.close());

  it('writes one line per request with method, route, status, size and time, and no BSN or name', async () => {
    const body = wmo305();
    expect(body).toContain(CLIENT_BSN);
    expect(body).toContain(CLIENT_ACHTERNAAM);
    await app.inject({ method: 'POST', url: `/v1/validate?bsn=${CLIENT_BSN}&naam=${CLIENT_ACHTERNAAM}`, headers: { ...XML, 'x-client': CLIENT_ACHTERNAAM }, payload: body });
    await app.inject({ method: 'POST', url: '/v1/format', headers: XML, payload: invalidWmo305().replace('99999A019', `${CLIENT_ACHTERNAAM}`) });
    await app.inject({ method: 'GET', url: `/clients/${CLIENT_BSN}/${CLIENT_ACHTERNAAM}` });
    await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ bsn: CLIENT_BSN }) });

    const log = lines.join('');
    expect(log).not.toContain(CLIENT_BSN);
    expect(log).not.toContain(CLIENT_ACHTERNAAM);
    expect(log).not.toContain('Wit');

    const requestLines = lines.map((line) => JSON.parse(line));
    expect(requestLines.map((entry) => entry.msg)).toEqual(['request', 'request', 'request', 'request']);
    expect(requestLines[0]).toMatchObject({ method: 'POST', route: '/v1/validate', status: 200, requestBytes: Buffer.byteLength(body) });
    expect(typeof requestLines[0].ms).toBe('number');
    expect(requestLines.map((entry) => entry.status)).toEqual([200, 422, 404, 415]);
    expect(requestLines[2].route).toBe('(no route)');
  });
});

describe('HTTP service on a socket', () => {
  let service: Awaited<ReturnType<typeof startService>>;
  beforeAll(async () => {
    service = await startService({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => service.close());

  it('answers 413 from the Content-Length header without waiting for the body', async () => {
    const started = performance.now();
    const head = await responseHeadForLength(service.url, '/v1/validate', 27 * 1024 * 1024);
    expect(head).toMatch(/^HTTP\/1\.1 413/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
