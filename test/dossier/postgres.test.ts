/**
 * The scenario suite on PostgreSQL, and two service instances (two stores,
 * each with its own connection pool) recording into one dossier at once.
 * Runs when IWMO_TEST_POSTGRES_URL names a database (.ci/run starts one with
 * .ci/postgres.sh); otherwise the suite is skipped and says so.
 */
import { describe, expect, it } from 'vitest';
import { Dossier, serialize } from '../../src/index.js';
import { PostgresDossierStore } from '../../src/node/postgres-store.js';
import { migrations } from '../../src/node/migrations.js';
import { base301, base305, startProduct, toegewezenProduct } from '../rules/bases.js';
import { scenarioSuite } from './scenario-suite.js';

const url = process.env.IWMO_TEST_POSTGRES_URL;

if (!url) {
  describe.skip('PostgreSQL store (skipped: IWMO_TEST_POSTGRES_URL is not set; .ci/run sets it after starting a server with .ci/postgres.sh)', () => {
    it('runs the scenario suite', () => {});
  });
} else {
  scenarioSuite('the PostgreSQL store', () => PostgresDossierStore.open(url));

  describe('the PostgreSQL store on open', () => {
    it('runs the migrations once, also when two instances open at the same time', async () => {
      const [a, b] = await Promise.all([PostgresDossierStore.open(url), PostgresDossierStore.open(url)]);
      try {
        expect(await a.schemaVersion()).toBe(migrations.at(-1)!.version);
        expect(await b.schemaVersion()).toBe(migrations.at(-1)!.version);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });

  describe('two service instances on one PostgreSQL', () => {
    it('never record the same message twice and lose none', async () => {
      const [a, b] = await Promise.all([PostgresDossierStore.open(url), PostgresDossierStore.open(url)]);
      const id = `concurrency-${globalThis.crypto.randomUUID()}`;
      try {
        const toewijzing = base301();
        toewijzing.client.toegewezenProducten = Array.from({ length: 20 }, (_, i) => toegewezenProduct({ toewijzingNummer: 5000 + i, product: { categorie: '02', code: `A${i}` } }));
        await new Dossier(a, id).add(serialize(toewijzing));
        // 20 distinct starts, each sent to both instances at the same time.
        const starts = Array.from({ length: 20 }, (_, i) => {
          const m = base305();
          m.header.berichtIdentificatie.identificatie = `C${i}`;
          m.client.startProducten = [startProduct({ toewijzingNummer: 5000 + i, product: { categorie: '02', code: `A${i}` } })];
          return serialize(m);
        });
        const one = new Dossier(a, id);
        const two = new Dossier(b, id);
        const results = await Promise.all(starts.flatMap((xml) => [one.receive(xml), two.receive(xml)]));
        const records = await one.list();
        expect(records.filter((r) => r.message.type === 'WMO305')).toHaveLength(20);
        expect(new Set(records.map((r) => r.hash)).size).toBe(records.length);
        // Per message one answer was new and one a replay of it, with the same retour.
        for (let i = 0; i < starts.length; i++) {
          const pair = [results[2 * i]!, results[2 * i + 1]!];
          expect(pair.filter((r) => r.duplicate)).toHaveLength(1);
          expect(pair[0]!.xml).toBe(pair[1]!.xml);
          expect(pair[0]!.report.accepted).toBe(true);
        }
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}
