/**
 * `iwmo dossier add|show|purge` and `iwmo retour --dossier`: messages checked
 * at levels 3 and 4 against what was recorded before. `<db>` is a SQLite file
 * (created when missing) or a postgres:// URL.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { Dossier, listed, maskBsn, type Context, type DossierStore, type ListedMessage } from '../index.js';
import { loadSources } from '../node/sources-file.js';
import { reportJson } from '../http/report-json.js';
import type { DossierServiceOptions } from '../http/dossier-routes.js';
import { describeIoError } from './files.js';
import { examples } from './options.js';
import { formatFileReport } from './text-report.js';
import { EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE } from './validate-command.js';

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

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
  return value;
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

async function read(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    process.stderr.write(`iwmo: ${file}: ${describeIoError(error)}\n`);
    return undefined;
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
  const xml = await read(file);
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
    if (out === undefined) {
      process.stdout.write(result.xml);
      process.stderr.write(`${summary}\n`);
      return EXIT_ACCEPTED;
    }
    try {
      await writeFile(out, result.xml);
    } catch (error) {
      process.stderr.write(`iwmo: ${out}: ${describeIoError(error)}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`${summary} written to ${out}\n`);
    return EXIT_ACCEPTED;
  }, sourcesFile);
  return code ?? EXIT_USAGE;
}

export function addDossierCommand(program: Command, setExitCode: (code: number) => void): void {
  const dossier = program
    .command('dossier')
    .description('The dossier of earlier messages that levels 3 and 4 check against: <db> is a SQLite file (made when missing) or a postgres:// URL.')
    .addHelpText('after', examples('iwmo dossier add dossier.db toewijzing.xml', 'iwmo retour --dossier dossier.db start.xml --out retour.xml', 'iwmo dossier show dossier.db --bsn 123456782'));

  dossier
    .command('add')
    .description('Record messages this party sent itself, and answers (retours, 325) it received; only messages clean at levels 1 and 2 are recorded.')
    .argument('<db>', 'SQLite file or postgres:// URL')
    .argument('<files...>', 'the messages, in the order they were sent or received')
    .action(async (db: string, files: string[]) => {
      const code = await withDossier(db, async (d) => {
        let worst = EXIT_ACCEPTED;
        for (const file of files) {
          const xml = await read(file);
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
      setExitCode(code ?? EXIT_USAGE);
    });

  dossier
    .command('show')
    .description('List the recorded messages in order, with what became of them (BSNs masked in text).')
    .argument('<db>', 'SQLite file or postgres:// URL')
    .option('--bsn <bsn>', 'only messages about this client')
    .addOption(new Option('--format <format>', 'output for people (text) or machines (json)').choices(['text', 'json']).default('text'))
    .action(async (db: string, options: { bsn?: string; format: 'text' | 'json' }) => {
      const code = await withDossier(db, async (d) => {
        const state = await d.current();
        const records = await d.list(options.bsn !== undefined ? { bsn: options.bsn } : {});
        const items = records.map((r) => listed(r, state));
        if (options.format === 'json') process.stdout.write(JSON.stringify(items, null, 2) + '\n');
        else process.stdout.write(items.length ? table(items.map(listedRow)) + '\n' : 'The dossier holds no messages.\n');
        return EXIT_ACCEPTED;
      });
      setExitCode(code ?? EXIT_USAGE);
    });

  dossier
    .command('purge')
    .description('Remove the messages dated (Dagtekening) before a day, for retention; what they established is forgotten with them.')
    .argument('<db>', 'SQLite file or postgres:// URL')
    .requiredOption('--before <date>', 'first day to keep (YYYY-MM-DD)', date)
    .action(async (db: string, options: { before: string }) => {
      const code = await withDossier(db, async (d) => {
        const removed = await d.purge(options.before);
        process.stdout.write(`${removed} message${removed === 1 ? '' : 's'} removed\n`);
        return EXIT_ACCEPTED;
      });
      setExitCode(code ?? EXIT_USAGE);
    });
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
