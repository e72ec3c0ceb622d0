/**
 * What `iwmo dossier add|show|purge`, `iwmo retour --dossier` and the dossier
 * part of `iwmo serve` do, loaded only when they run: the dossier, the
 * level-4 lists (zod) and the database drivers are needed by these alone.
 */
import { Dossier, listed, maskBsn, type Context, type DossierStore, type ListedMessage } from '../index.js';
import { loadSources } from '../node/sources-file.js';
import { reportJson } from '../http/report-json.js';
import type { DossierServiceOptions } from '../http/dossier-routes.js';
import { describeIoError, readInput, writeResult } from './files.js';
import { formatFileReport } from './text-report.js';
import { EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE } from './exit-codes.js';

/** The dossier of the CLI: one per database. */
const DOSSIER_ID = 'default';

/** A `<db>` for messages: a URL without its user and password. */
function shownDb(db: string): string {
  try {
    const url = new URL(db);
    if (!url.protocol.startsWith('postgres')) return db;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return db;
  }
}

async function withDossier<T>(db: string, work: (dossier: Dossier) => Promise<T>, sourcesFile?: string): Promise<T | undefined> {
  let store: DossierStore;
  let sources: () => Context;
  try {
    sources = await loadSources(sourcesFile);
  } catch (error) {
    process.stderr.write(`iwmo: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  try {
    // Loaded here: the database drivers are needed by these commands only.
    const { openStore } = await import('../node/open-store.js');
    store = await openStore(db);
  } catch (error) {
    process.stderr.write(`iwmo: ${shownDb(db)}: ${describeIoError(error)}\n`);
    return undefined;
  }
  try {
    return await work(new Dossier(store, DOSSIER_ID, { sources }));
  } finally {
    await store.close();
  }
}


function listedRow(m: ListedMessage): string[] {
  const codes = m.retourCodes.length ? ` ${m.retourCodes.join(',')}` : '';
  const clients = m.bsn.length > 3 ? `${m.bsn.length} clients` : m.bsn.map(maskBsn).join(' ');
  return [`#${m.seq}`, m.dagtekening, m.message, m.identificatie, `${m.afzender} → ${m.ontvanger}`, m.direction, `${m.verdict}${codes}`, clients];
}

/** Rows as aligned columns, two spaces apart. */
function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

/** `iwmo retour --dossier <db> <file>`: check at levels 1–4 against the dossier, record, and write the answer. */
export async function retourWithDossier(db: string, file: string, out: string | undefined, sourcesFile?: string): Promise<number> {
  const xml = await readInput(file);
  if (!xml) return EXIT_USAGE;
  const code = await withDossier(db, async (dossier) => {
    const result = await dossier.receive(xml);
    if (result.xml === undefined) {
      process.stderr.write(formatFileReport(file, reportJson(result.report)) + '\n');
      if (result.reason) process.stderr.write(`No retour.\n  nl: ${result.reason.nl}\n  en: ${result.reason.en}\n`);
      return EXIT_REJECTED;
    }
    const codes = result.record?.verdict.retourCodes ?? [];
    const summary = `${result.retour!.type}${codes.length ? ` (RetourCode ${codes.join(', ')})` : ''}${result.duplicate ? ', already recorded: the first answer again' : ''}`;
    return writeResult(result.xml, out, summary, true);
  }, sourcesFile);
  return code ?? EXIT_USAGE;
}

/** `iwmo dossier add`: record messages in the order they were sent or received. */
export async function dossierAdd(db: string, files: readonly string[]): Promise<number> {
  const code = await withDossier(db, async (d) => {
    let worst = EXIT_ACCEPTED;
    for (const file of files) {
      const xml = await readInput(file);
      if (!xml) return EXIT_USAGE;
      const result = await d.add(xml);
      if (!result.record) {
        process.stderr.write(formatFileReport(file, reportJson(result.report)) + '\nNot recorded: the message is not valid at levels 1 and 2.\n');
        worst = EXIT_REJECTED;
        continue;
      }
      const h = result.record.message.header;
      process.stdout.write(`${file}: ${result.record.message.type} ${h.berichtIdentificatie.identificatie} ${result.duplicate ? 'was already recorded' : 'recorded'}\n`);
      const notes = result.report.findings.filter((f) => f.level >= 3);
      if (notes.length) process.stderr.write(formatFileReport(file, reportJson({ ...result.report, findings: notes })) + '\n');
    }
    return worst;
  });
  return code ?? EXIT_USAGE;
}

export interface DossierShowOptions {
  readonly bsn?: string;
  readonly format: 'text' | 'json';
}

/** `iwmo dossier show`: the recorded messages in order, with what became of them. */
export async function dossierShow(db: string, options: DossierShowOptions): Promise<number> {
  const code = await withDossier(db, async (d) => {
    const state = await d.current();
    const records = await d.list(options.bsn !== undefined ? { bsn: options.bsn } : {});
    const items = records.map((r) => listed(r, state));
    if (options.format === 'json') process.stdout.write(JSON.stringify(items, null, 2) + '\n');
    else process.stdout.write(items.length ? table(items.map(listedRow)) + '\n' : 'The dossier holds no messages.\n');
    return EXIT_ACCEPTED;
  });
  return code ?? EXIT_USAGE;
}

/** `iwmo dossier purge`: remove the messages dated before a day. */
export async function dossierPurge(db: string, before: string): Promise<number> {
  const code = await withDossier(db, async (d) => {
    const removed = await d.purge(before);
    process.stdout.write(`${removed} message${removed === 1 ? '' : 's'} removed\n`);
    return EXIT_ACCEPTED;
  });
  return code ?? EXIT_USAGE;
}

/** The dossier part of `iwmo serve`: the store opened on first use, the tenants' token hashes, the level-4 lists. Undefined (and said why) when a file does not fit. */
export async function dossierService(options: { dossier: string; tokens?: string; sources?: string }): Promise<DossierServiceOptions | undefined> {
  try {
    const { tokensFromEnv, tokensFromFile } = await import('../http/tenants.js');
    const tokens = [...(options.tokens !== undefined ? tokensFromFile(options.tokens) : []), ...tokensFromEnv(process.env.IWMO_TOKENS)];
    const sources = await loadSources(options.sources);
    const store = async (): Promise<DossierStore> => (await import('../node/open-store.js')).openStore(options.dossier);
    return { store, tokens, sources };
  } catch (error) {
    process.stderr.write(`iwmo: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
