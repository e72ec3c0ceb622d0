/** The HTTP service on iJw 3.2 messages: the same routes, the standard in the report and the answer. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createService } from '../../src/http/server.js';
import { openApiDocument } from '../../src/http/openapi.js';
import { tempDir } from '../temp-dir.js';

const XML = { 'content-type': 'application/xml' };
const fixture = (id: string): string => readFileSync(join(import.meta.dirname, '../../fixtures/retour', `${id}.xml`), 'utf8');

describe('HTTP service with iJw messages', () => {
  const app = createService({ webRoot: tempDir('empty-web') });
  afterAll(() => app.close());

  it('validates a JW301 and names its standard', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: fixture('JW301') });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ message: 'JW301', standard: 'ijw-3.2', berichtCode: '436', accepted: true, findings: [] });
  });

  it('rejects a Wmo category in a JW301 at level 1 (JZ020 is a different list)', async () => {
    const wrong = fixture('JW301').replace(/<ijw:Categorie>40<\/ijw:Categorie>/, '<ijw:Categorie>01</ijw:Categorie>');
    const report = (await app.inject({ method: 'POST', url: '/v1/validate', headers: XML, payload: wrong })).json();
    expect(report).toMatchObject({ message: 'JW301', standard: 'ijw-3.2', accepted: false });
    expect(report.findings[0]).toMatchObject({ rule: 'XSD', level: 1 });
    expect(report.findings[0].message.en).toContain('JZ020');
  });

  it('answers a JW323 with a JW325 and says so in the header', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/retour', headers: XML, payload: fixture('JW323') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-iwmo-message']).toBe('JW325');
    expect(response.body).toContain('<jw325:BerichtCode>491</jw325:BerichtCode>');
  });

  it('formats a JW319 with the iJw prefixes', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/format', headers: XML, payload: fixture('JW319') });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<jw319:Bericht xmlns:ijw=');
  });

  it('describes both standards in its OpenAPI document', () => {
    const report = openApiDocument.components.schemas.Report.properties;
    expect(report.message.enum).toContain('JW325');
    expect(report.standard.enum).toEqual(['iwmo-3.2', 'ijw-3.2', null]);
  });
});
