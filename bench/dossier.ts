/**
 * npm run bench:dossier: a WMO323 of ~5 and ~25 MB answered against a dossier
 * that holds its clients' assignments (one 301 per client), on the memory and
 * SQLite stores (and PostgreSQL when IWMO_TEST_POSTGRES_URL is set). Times
 * `Dossier.receive` (levels 1–4, recording, the 325) with the dossier's state
 * already loaded, and separately the first load of that state. Each run is a
 * fresh node process on a fresh dossier (so one size's garbage never weighs
 * on the next); medians over --reps N (default 3). Never a timed test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dossier, encode, messageHash, validate, MemoryDossierStore, type DossierStore, type WMO301, type WMO301ToegewezenProduct, type WMO323 } from '../src/index.js';
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
  validateMs: number;
  loadMs: number;
  receiveMs: number;
  mbPerSecond: number;
  retourCodes: string;
}

/** One run in this process: fill a fresh dossier, load its state, receive the declaration. */
async function once(open: () => Promise<DossierStore>, clients: number): Promise<{ bytes: number; validateMs: number; loadMs: number; receiveMs: number; codes: string }> {
  const declaratie = buildDeclaratie(clients);
  const xml = encode(declaratie);
  // Levels 1–2 alone on the same file in the same process: the baseline the dossier adds to.
  const v = performance.now();
  validate(xml);
  const validateMs = performance.now() - v;
  const store = await open();
  const id = `bench-${clients}-${Date.now()}`;
  await fill(store, id, assignments(declaratie));
  const dossier = new Dossier(store, id);
  let t = performance.now();
  await dossier.current();
  const loadMs = performance.now() - t;
  t = performance.now();
  const result = await dossier.receive(xml, { dagtekening: '2025-04-10' });
  const receiveMs = performance.now() - t;
  await store.close();
  const codes = result.retour?.type === 'WMO325' ? `${result.retour.header.retourCodes.join()} / ${result.retour.declaratieAntwoord?.retourCodes.join() ?? '-'}` : 'no 325';
  return { bytes: Buffer.byteLength(xml), validateMs, loadMs, receiveMs, codes };
}

const dir = mkdtempSync(join(tmpdir(), 'iwmo-bench-dossier-'));
const stores: Record<string, () => Promise<DossierStore>> = {
  memory: async () => new MemoryDossierStore(),
  sqlite: async () => new SqliteDossierStore(join(dir, `bench-${Math.random().toString(36).slice(2)}.db`)),
  postgres: () => PostgresDossierStore.open(process.env.IWMO_TEST_POSTGRES_URL!),
};

const oneIndex = args.indexOf('--one');
if (oneIndex >= 0) {
  // A child run: print one measurement as JSON.
  try {
    process.stdout.write(JSON.stringify(await once(stores[args[oneIndex + 1]!]!, Number(args[oneIndex + 2]))) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  rmSync(dir, { recursive: true, force: true });
  const names = ['memory', 'sqlite', ...(process.env.IWMO_TEST_POSTGRES_URL ? ['postgres'] : [])];
  if (!process.env.IWMO_TEST_POSTGRES_URL) process.stderr.write('PostgreSQL left out: IWMO_TEST_POSTGRES_URL is not set.\n');
  const results: Result[] = [];
  for (const clients of [3_200, 16_000]) {
    for (const name of names) {
      const runs = Array.from({ length: REPS }, () => {
        const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--one', name, String(clients)], { encoding: 'utf8', maxBuffer: 1 << 20 });
        if (child.status !== 0) throw new Error(child.stderr);
        return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof once>>;
      });
      const receiveMs = median(runs.map((r) => r.receiveMs));
      const r: Result = { store: name, clients, bytes: runs[0]!.bytes, validateMs: median(runs.map((x) => x.validateMs)), loadMs: median(runs.map((x) => x.loadMs)), receiveMs, mbPerSecond: runs[0]!.bytes / MB / (receiveMs / 1000), retourCodes: runs[0]!.codes };
      results.push(r);
      process.stdout.write(`${name.padEnd(8)} ${(r.bytes / MB).toFixed(1).padStart(5)} MB  ${String(clients).padStart(5)} clients  levels 1–2 ${r.validateMs.toFixed(0).padStart(6)} ms  state load ${r.loadMs.toFixed(0).padStart(5)} ms  receive ${r.receiveMs.toFixed(0).padStart(6)} ms (×${(r.receiveMs / r.validateMs).toFixed(2)})  ${r.mbPerSecond.toFixed(1)} MB/s  325 ${r.retourCodes}\n`);
    }
  }
  for (const name of names) {
    const [small, large] = results.filter((r) => r.store === name);
    if (small && large) process.stdout.write(`${name}: receive time ×${(large.receiveMs / small.receiveMs).toFixed(2)} for size ×${(large.bytes / small.bytes).toFixed(2)}\n`);
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'dossier.json'), JSON.stringify({ reps: REPS, node: process.version, results }, null, 2));
}
