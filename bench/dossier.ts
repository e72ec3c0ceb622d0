/**
 * npm run bench:dossier: a WMO323 of ~5 and ~25 MB answered against a dossier
 * that holds its clients' assignments (one 301 per client), on the memory and
 * SQLite stores (and PostgreSQL when IWMO_TEST_POSTGRES_URL is set). Times
 * `Dossier.receive` (levels 1–4, recording, the 325) with the dossier's state
 * already loaded, and separately the first load of that state. Medians over
 * --reps N (default 3) runs, each on a fresh dossier. Never a timed test.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dossier, encode, messageHash, MemoryDossierStore, type DossierStore, type WMO301, type WMO301ToegewezenProduct, type WMO323 } from '../src/index.js';
import { SqliteDossierStore } from '../src/node/sqlite-store.js';
import { PostgresDossierStore } from '../src/node/postgres-store.js';
import { buildDeclaratie } from './lib/declaratie.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');
const args = process.argv.slice(2);
const REPS = Number(args[args.indexOf('--reps') + 1] || 3) || 3;
const MB = 1e6;

/**
 * The assignments the declaration's Prestaties declare on: one 301 per client,
 * generous volumes per month, starting on the first day of the Prestatie's
 * period (TR387). The generator's credits name February debets that no
 * dossier holds, so about one Prestatie in twenty is returned with 8017.
 */
function assignments(declaratie: WMO323): WMO301[] {
  return declaratie.declaratie.clienten.map((client, i) => {
    const products = new Map<number, WMO301ToegewezenProduct>();
    for (const p of client.prestaties) {
      products.set(p.toewijzingNummer, {
        toewijzingNummer: p.toewijzingNummer,
        product: { categorie: p.productCategorie, code: p.productCode },
        toewijzingsdatum: '2024-12-15',
        toewijzingstijd: '09:00:00',
        ingangsdatum: p.productPeriode.begindatum.endsWith('-01') ? '2025-01-01' : p.productPeriode.begindatum,
        einddatum: '2025-12-31',
        omvang: { volume: 500_000, eenheid: p.eenheid, frequentie: '4' },
      });
    }
    return {
      type: 'WMO301',
      header: {
        berichtCode: '414',
        berichtVersie: 3,
        berichtSubversie: 2,
        afzender: declaratie.header.ontvanger,
        ontvanger: declaratie.header.afzender,
        berichtIdentificatie: { identificatie: `T${i}`, dagtekening: '2024-12-15' },
        xsdVersie: { basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0' },
      },
      client: {
        bsn: client.bsn,
        geboortedatum: { datum: '1950-01-01' },
        geslacht: '1',
        naam: { geslachtsnaam: { achternaam: 'Bench' }, naamGebruik: '1' },
        contactgegevens: [{ soort: '01', adres: { huis: { huisnummer: 1 }, postcode: '1234AB', landCode: 'NL' } }],
        toegewezenProducten: [...products.values()],
      },
    };
  });
}

/** Fills a dossier with the 301s in one transaction (set-up, not timed). */
async function fill(store: DossierStore, id: string, messages: readonly WMO301[]): Promise<void> {
  const records = await Promise.all(messages.map(async (message) => ({ direction: 'sent' as const, message, hash: await messageHash(message), verdict: { accepted: true, retourCodes: [], findings: [] }, recordedAt: new Date().toISOString() })));
  await store.transaction(id, async (tx) => {
    for (const record of records) await tx.append(record);
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

interface Result {
  store: string;
  clients: number;
  bytes: number;
  loadMs: number;
  receiveMs: number;
  mbPerSecond: number;
  retourCodes: string;
}

async function measure(name: string, open: () => Promise<DossierStore>, clients: number, xml: string, declaratie: WMO323): Promise<Result> {
  const loads: number[] = [];
  const receives: number[] = [];
  let codes = '';
  const messages = assignments(declaratie);
  for (let rep = 0; rep < REPS; rep++) {
    const store = await open();
    const id = `bench-${clients}-${rep}-${Date.now()}`;
    await fill(store, id, messages);
    const dossier = new Dossier(store, id);
    let t = performance.now();
    await dossier.current();
    loads.push(performance.now() - t);
    t = performance.now();
    const result = await dossier.receive(xml, { dagtekening: '2025-04-10' });
    receives.push(performance.now() - t);
    codes = result.retour?.type === 'WMO325' ? `${result.retour.header.retourCodes.join()} / ${result.retour.declaratieAntwoord?.retourCodes.join() ?? '-'}` : 'no 325';
    await store.close();
  }
  const bytes = Buffer.byteLength(xml);
  const receiveMs = median(receives);
  return { store: name, clients, bytes, loadMs: median(loads), receiveMs, mbPerSecond: bytes / MB / (receiveMs / 1000), retourCodes: codes };
}

const dir = mkdtempSync(join(tmpdir(), 'iwmo-bench-dossier-'));
try {
  const stores: [string, () => Promise<DossierStore>][] = [
    ['memory', async () => new MemoryDossierStore()],
    ['sqlite', async () => new SqliteDossierStore(join(dir, `bench-${Math.random().toString(36).slice(2)}.db`))],
  ];
  const pgUrl = process.env.IWMO_TEST_POSTGRES_URL;
  if (pgUrl) stores.push(['postgres', () => PostgresDossierStore.open(pgUrl)]);
  else process.stderr.write('PostgreSQL left out: IWMO_TEST_POSTGRES_URL is not set.\n');

  const results: Result[] = [];
  for (const clients of [3_200, 16_000]) {
    const declaratie = buildDeclaratie(clients);
    const xml = encode(declaratie);
    for (const [name, open] of stores) {
      const r = await measure(name, open, clients, xml, declaratie);
      results.push(r);
      process.stdout.write(`${name.padEnd(8)} ${(r.bytes / MB).toFixed(1).padStart(5)} MB  ${clients} clients  state load ${r.loadMs.toFixed(0).padStart(5)} ms  receive ${r.receiveMs.toFixed(0).padStart(6)} ms  ${r.mbPerSecond.toFixed(1)} MB/s  325 ${r.retourCodes}\n`);
    }
  }
  for (const [name] of stores) {
    const [small, large] = results.filter((r) => r.store === name);
    if (small && large) process.stdout.write(`${name}: receive time ratio ${(large.receiveMs / small.receiveMs).toFixed(2)} for size ratio ${(large.bytes / small.bytes).toFixed(2)}\n`);
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'dossier.json'), JSON.stringify({ reps: REPS, node: process.version, results }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
