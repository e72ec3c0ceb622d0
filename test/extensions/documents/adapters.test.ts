/** `iwmo ext validate`, `POST /v1/ext/validate` and E10's refused standard messages through `validate`. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createService } from '../../../src/http/server.js';
import { validate } from '../../../src/index.js';
import { iwmo } from '../../cli/run.js';
import { SEED_CASES, brokenCases, fixtureDir, root } from './support.js';
import { tempDir } from '../../temp-dir.js';

describe('iwmo ext validate', () => {
  it('accepts every valid fixture (exit 0), folders searched for .json and .xml', () => {
    const run = iwmo(['ext', 'validate', '--format', 'json', ...SEED_CASES.map((c) => join(fixtureDir, c))]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as { file: string; kind: string; accepted: boolean; findings: unknown[] }[];
    expect(results.length).toBe(SEED_CASES.reduce((n, c) => n + readdirSync(join(fixtureDir, c)).length, 0));
    for (const result of results) expect(result, result.file).toMatchObject({ accepted: true, findings: [] });
  });

  it('rejects every broken fixture (exit 1) with a finding that names the field and the rule', () => {
    const cases = brokenCases();
    const files = cases.flatMap((c) => c.files);
    const run = iwmo(['ext', 'validate', '--format', 'json', ...files.map((f) => f.file)]);
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as { file: string; accepted: boolean; findings: { rule: string; path: string; level: number }[] }[];
    expect(results.map((r) => r.file)).toEqual(files.map((f) => f.file));
    results.forEach((result, i) => {
      expect(result.accepted, result.file).toBe(false);
      for (const want of files[i]!.findings) expect(result.findings, result.file).toContainEqual(expect.objectContaining(want));
    });
  });

  it('prints text like iwmo validate: verdict, kind, then line, rule, level and both texts', () => {
    const file = join(fixtureDir, 'broken/EXT033-level-not-allowed.xml');
    const run = iwmo(['ext', 'validate', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        `✗ ${file}: REJECTED (afgekeurd), ProviderDeterminedIntensity`,
        '  line 46  EXT033  level 2  retourcode -  /Bericht/ProviderDeterminedIntensity/History/Decision[2]/Level',
        "    nl: Niveau 'midden' is niet toegestaan door het mandaat (licht).",
        "    en: Level 'midden' is not allowed by the mandate (licht).",
        '',
      ].join('\n'),
    );
  });

  it('exits 2 for a file that does not exist, and for a folder without documents', () => {
    const missing = iwmo(['ext', 'validate', join(root, 'no-such-file.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
    expect(iwmo(['ext', 'validate', tempDir('ext-empty')]).status).toBe(2);
  });
});

describe('POST /v1/ext/validate', () => {
  const app = createService({ webRoot: tempDir('empty-web') });
  afterAll(() => app.close());
  const contract = readFileSync(join(fixtureDir, 'alphen/contract.json'));

  it('validates a JSON document: 200 and an accepting report', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/ext/validate', headers: { 'content-type': 'application/json' }, payload: contract });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ kind: 'LumpsumContract', format: 'json', accepted: true, findings: [] });
  });

  it('validates an XML sidecar and reports XPath and line', async () => {
    const payload = readFileSync(join(fixtureDir, 'broken/EXT021-proposal-9999-bp.xml'));
    const response = await app.inject({ method: 'POST', url: '/v1/ext/validate', headers: { 'content-type': 'application/xml' }, payload });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'LumpsumContract', format: 'xml', accepted: false, findings: [{ rule: 'EXT021', level: 2, retourcode: null, path: '/Bericht/LumpsumContract/Shares', line: expect.any(Number), severity: 'error' }] });
  });

  it('answers malformed JSON with a rejecting report, not an error status', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/ext/validate', headers: { 'content-type': 'application/json' }, payload: '{"kind": ' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accepted: false, findings: [{ rule: 'EXT001', level: 1 }] });
  });

  it('refuses other content types with 415, and JSON stays refused on the standard routes', async () => {
    expect((await app.inject({ method: 'POST', url: '/v1/ext/validate', headers: { 'content-type': 'text/plain' }, payload: 'x' })).statusCode).toBe(415);
    expect((await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/json' }, payload: contract })).statusCode).toBe(415);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(document.paths)).toContain('/v1/ext/validate');
    expect(document.components.schemas.DocumentReport.required).toEqual(['kind', 'format', 'accepted', 'findings']);
  });
});

describe('E10: extension data never goes into a standard message', () => {
  const dir = join(fixtureDir, 'e10');
  it.each(readdirSync(dir).filter((f) => f.endsWith('.xml')))('validate refuses %s with the expected rule', (file) => {
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.xml$/, '.expect.json')), 'utf8')) as { findings: { rule: string; level: number; path: string }[] };
    const report = validate(readFileSync(join(dir, file)));
    expect(report.accepted).toBe(false);
    expect(report.findings.map(({ rule, level, path }) => ({ rule, level, path }))).toEqual(expected.findings);
  });
});
