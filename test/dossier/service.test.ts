/**
 * The dossier over HTTP: bearer tokens per tenant (kept as hashes), record
 * and receive, the listing, and no way for one tenant to reach another's dossier.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decode, MemoryDossierStore, serialize } from '../../src/index.js';
import { createService } from '../../src/http/server.js';
import { hashToken, tenantOf, tokensFromEnv } from '../../src/http/tenants.js';
import { base301, base305, BSN, startProduct } from '../rules/bases.js';
import { jwTwin } from '../rules/twin.js';

const TOKEN_A = 'token-of-gemeente-a-0123456789abcdef';
const TOKEN_B = 'token-of-gemeente-b-fedcba9876543210';
const store = new MemoryDossierStore();
const app = createService({
  dossiers: {
    store: async () => store,
    tokens: tokensFromEnv(`gemeente-a:${hashToken(TOKEN_A)},gemeente-b:${hashToken(TOKEN_B)}`),
    sources: () => ({ today: '2025-06-01' }),
  },
});
afterAll(() => app.close());

const xmlHeaders = (token?: string) => ({ 'content-type': 'application/xml', ...(token ? { authorization: `Bearer ${token}` } : {}) });

describe('POST and GET /v1/dossiers/{id}/messages', () => {
  it('refuses requests without a valid token (401), and names no tenant', async () => {
    for (const headers of [xmlHeaders(), xmlHeaders('wrong'), { ...xmlHeaders(), authorization: `Basic ${TOKEN_A}` }]) {
      const post = await app.inject({ method: 'POST', url: '/v1/dossiers/main/messages', headers, payload: serialize(base301()) });
      expect(post.statusCode).toBe(401);
      expect(post.headers['www-authenticate']).toBe('Bearer');
      const get = await app.inject({ method: 'GET', url: '/v1/dossiers/main/messages', headers });
      expect(get.statusCode).toBe(401);
    }
    expect(await store.list('gemeente-a/main')).toEqual([]);
  });

  it('records the gemeente\'s own 301, then answers a start with its retour, and the same start again with the same answer', async () => {
    const recorded = await app.inject({ method: 'POST', url: '/v1/dossiers/main/messages?mode=record', headers: xmlHeaders(TOKEN_A), payload: serialize(base301()) });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ recorded: true, duplicate: false });

    const wrong = base305();
    wrong.client.startProducten = [startProduct({ toewijzingNummer: 4242 })];
    const answer = await app.inject({ method: 'POST', url: '/v1/dossiers/main/messages', headers: xmlHeaders(TOKEN_A), payload: serialize(wrong) });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['x-iwmo-message']).toBe('WMO306');
    const retour = decode(answer.body).value as { header: { retourCodes?: string[] }; client?: { startProducten: { retourCodes: string[] }[] } };
    expect(retour.header.retourCodes).toEqual(['0200']);
    expect(retour.client!.startProducten[0]!.retourCodes).toEqual(['9019']);

    const again = await app.inject({ method: 'POST', url: '/v1/dossiers/main/messages', headers: xmlHeaders(TOKEN_A), payload: serialize(wrong) });
    expect(again.headers['x-iwmo-duplicate']).toBe('true');
    expect(again.body).toBe(answer.body);
  });

  it('keeps an iJw dossier beside it: JW messages answered with JW306, a WMO305 there refused with 422 and the reason', async () => {
    const recorded = await app.inject({ method: 'POST', url: '/v1/dossiers/jeugd/messages?mode=record', headers: xmlHeaders(TOKEN_A), payload: serialize(jwTwin(base301())) });
    expect(recorded.statusCode).toBe(200);
    const wrong = base305();
    wrong.client.startProducten = [startProduct({ toewijzingNummer: 4242 })];
    const answer = await app.inject({ method: 'POST', url: '/v1/dossiers/jeugd/messages', headers: xmlHeaders(TOKEN_A), payload: serialize(jwTwin(wrong)) });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['x-iwmo-message']).toBe('JW306');
    const retour = decode(answer.body).value as { client?: { startProducten: { retourCodes: string[] }[] } };
    expect(retour.client!.startProducten[0]!.retourCodes).toEqual(['9019']);
    const mixed = await app.inject({ method: 'POST', url: '/v1/dossiers/jeugd/messages', headers: xmlHeaders(TOKEN_A), payload: serialize(base305()) });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().reason.en).toContain('This dossier holds messages of iJw 3.2');
    expect((await store.list('gemeente-a/jeugd')).map((r) => r.message.type)).toEqual(['JW301', 'JW305']);
  });

  it('lists the tenant\'s messages as JSON, also by client', async () => {
    const list = await app.inject({ method: 'GET', url: '/v1/dossiers/main/messages', headers: { authorization: `Bearer ${TOKEN_A}` } });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((m: { message: string; verdict: string }) => `${m.message} ${m.verdict}`)).toEqual(['WMO301 pending', 'WMO305 rejected']);
    const byBsn = await app.inject({ method: 'GET', url: `/v1/dossiers/main/messages?bsn=${BSN}`, headers: { authorization: `Bearer ${TOKEN_A}` } });
    expect(byBsn.json()).toHaveLength(2);
  });

  it("never lets a tenant read or write another tenant's dossier, whatever the URL", async () => {
    const list = await app.inject({ method: 'GET', url: '/v1/dossiers/main/messages', headers: { authorization: `Bearer ${TOKEN_B}` } });
    expect(list.json()).toEqual([]);
    for (const id of ['gemeente-a%2Fmain', '..%2Fgemeente-a%2Fmain', 'gemeente-a/main']) {
      const probe = await app.inject({ method: 'GET', url: `/v1/dossiers/${id}/messages`, headers: { authorization: `Bearer ${TOKEN_B}` } });
      expect([400, 404]).toContain(probe.statusCode);
    }
    // B's start on "main" is judged against B's own (empty) dossier: no toewijzing there.
    const answer = await app.inject({ method: 'POST', url: '/v1/dossiers/main/messages', headers: xmlHeaders(TOKEN_B), payload: serialize(base305()) });
    const retour = decode(answer.body).value as { client?: { startProducten: { retourCodes: string[] }[] } };
    expect(retour.client!.startProducten[0]!.retourCodes).toEqual(['9019']);
    const a = await store.list('gemeente-a/main');
    expect(a.map((r) => r.message.type)).toEqual(['WMO301', 'WMO305']);
    expect((await store.list('gemeente-b/main')).map((r) => r.message.type)).toEqual(['WMO305']);
  });

  it('answers 422 with the report for a message that breaks the XSD, and keeps nothing', async () => {
    const bad = await app.inject({ method: 'POST', url: '/v1/dossiers/other/messages', headers: xmlHeaders(TOKEN_A), payload: '<nope/>' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ accepted: false });
    expect(await store.list('gemeente-a/other')).toEqual([]);
  });

  it('keeps stateless validation open without a token', async () => {
    const open = await app.inject({ method: 'POST', url: '/v1/validate', headers: xmlHeaders(), payload: serialize(base301()) });
    expect(open.statusCode).toBe(200);
  });
});

describe('tokens', () => {
  it('are matched by hash only, and a malformed entry is refused', () => {
    const tokens = tokensFromEnv(`t1:${hashToken('secret')}`);
    expect(tokens[0]!.tokenSha256).not.toContain('secret');
    expect(tenantOf('Bearer secret', tokens)).toBe('t1');
    expect(tenantOf('Bearer secret2', tokens)).toBeUndefined();
    expect(() => tokensFromEnv('t1:notahash')).toThrow(/64 lowercase hex/);
    expect(() => tokensFromEnv(`bad/tenant:${hashToken('x')}`)).toThrow(/tenant/);
  });
});
