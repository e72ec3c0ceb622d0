/** POST /v1/convert and POST /v1/project: JSON in, messages and the report out; a refusal is 422 with findings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createService } from '../../../src/http/server.js';
import { validate } from '../../../src/index.js';
import { CONVERSION_FIXTURES, fixtureJson } from './support.js';

const app = createService();
afterAll(() => app.close());
const JSON_TYPE = { 'content-type': 'application/json' };
const xml = readFileSync(join(CONVERSION_FIXTURES, 'e6-specifiek-3-uur-per-week.xml'), 'utf8');
const profile = fixtureJson<object>('e6-profile.json');

describe('POST /v1/convert', () => {
  it('converts a 301 by C2 from a switch date: 200, status lossy, the new 301 valid, the losses named', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/convert', headers: JSON_TYPE, payload: { rule: 'C2', input: xml, profile, options: { on: '2025-03-03' } } });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ status: string; report: { losses: { code: string }[] }; messages: { name: string; xml: string }[] }>();
    expect(body.status).toBe('lossy');
    expect(body.report.losses.map((l) => l.code)).toEqual(['VOLUME_PROFILE_LOST', 'PRODUCT_CODE_DROPPED', 'DECISION_RIGHTS_SHIFT']);
    expect(body.messages.map((m) => m.name)).toEqual(['WMO301-1.xml']);
    expect(validate(body.messages[0]!.xml).accepted).toBe(true);
  });

  it('refuses with 422 and the finding when the profile has no tariff', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/convert', headers: JSON_TYPE, payload: { rule: 'specific-to-budget', input: xml, profile: { ...profile, tariffs: [] } } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ status: 'refused', rule: 'C2', findings: [{ rule: 'EXT201', message: { nl: expect.any(String), en: expect.any(String) } }] });
  });

  it('answers 400 to a body without rule, input or profile, and to JSON that does not parse', async () => {
    expect((await app.inject({ method: 'POST', url: '/v1/convert', headers: JSON_TYPE, payload: { rule: 'C2' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/v1/convert', headers: JSON_TYPE, payload: '{"rule":' })).statusCode).toBe(400);
  });

  it('takes a list of 301s for C5 and answers with the lump-sum contract as data', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/convert', headers: JSON_TYPE, payload: { rule: 'assignments-to-lumpsum', input: [xml], profile, options: { on: '2025-03-03' } } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'lossy', rule: 'C5', data: { contracts: [{ kind: 'LumpsumContract', budget: 318_240, baseline: { clients: 1 } }] } });
  });

  it('keeps the XML routes XML-only', async () => {
    expect((await app.inject({ method: 'POST', url: '/v1/validate', headers: JSON_TYPE, payload: {} })).statusCode).toBe(415);
  });
});

describe('POST /v1/project', () => {
  it('projects the E2 intensity history: lossless, the monthly table as data', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/project',
      headers: JSON_TYPE,
      payload: { document: fixtureJson('goeree-2016-intensity.json'), profile: fixtureJson('goeree-2016-profile.json') },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'lossless', rule: 'intensity-projection', data: { totals: { weeks: 42, units: 62, amount: 310_000 } } });
  });

  it('writes the projected assignment into the client’s current 301 when it is sent along (options.assignment as XML)', async () => {
    const to2044 = <T,>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('"2016-', '"2044-')) as T;
    const response = await app.inject({
      method: 'POST',
      url: '/v1/project',
      headers: JSON_TYPE,
      payload: { document: to2044(fixtureJson('goeree-2016-intensity.json')), profile: to2044(fixtureJson('goeree-2016-profile.json')), options: { assignment: xml.replace('<wmo301:Afzender>0363<', '<wmo301:Afzender>1924<').replace('<wmo301:Ontvanger>87654321<', '<wmo301:Ontvanger>42420001<') } },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ messages: { name: string; xml: string }[] }>();
    expect(body.messages.map((m) => m.name)).toEqual(['WMO301-1.xml', ...Array.from({ length: 10 }, (_, i) => `WMO323-${i + 1}.xml`)]);
    for (const m of body.messages) expect(validate(m.xml).accepted).toBe(true);
  });

  it('refuses contract money as a Prestatie (422, EXT209)', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/project', headers: JSON_TYPE, payload: { document: { kind: 'LumpsumContract', id: 'X' }, profile: fixtureJson('goeree-2016-profile.json') } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ findings: [{ rule: 'EXT209' }] });
  });

  it('is described in the OpenAPI document', async () => {
    const paths = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, unknown> }>().paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/v1/convert', '/v1/project']));
  });
});
