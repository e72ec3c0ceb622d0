/**
 * `iwmo dossier add|show|purge` and `iwmo retour --dossier`: messages checked
 * at levels 3 and 4 against what was recorded before. `<db>` is a SQLite file
 * (created when missing) or a postgres:// URL.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { examples } from './options.js';
import type { DossierShowOptions } from './dossier-action.js';

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
  return value;
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
      const { dossierAdd } = await import('./dossier-action.js');
      setExitCode(await dossierAdd(db, files));
    });

  dossier
    .command('show')
    .description('List the recorded messages in order, with what became of them (BSNs masked in text).')
    .argument('<db>', 'SQLite file or postgres:// URL')
    .option('--bsn <bsn>', 'only messages about this client')
    .addOption(new Option('--format <format>', 'output for people (text) or machines (json)').choices(['text', 'json']).default('text'))
    .action(async (db: string, options: DossierShowOptions) => {
      const { dossierShow } = await import('./dossier-action.js');
      setExitCode(await dossierShow(db, options));
    });

  dossier
    .command('purge')
    .description('Remove the messages dated (Dagtekening) before a day, for retention; what they established is forgotten with them.')
    .argument('<db>', 'SQLite file or postgres:// URL')
    .requiredOption('--before <date>', 'first day to keep (YYYY-MM-DD)', date)
    .action(async (db: string, options: { before: string }) => {
      const { dossierPurge } = await import('./dossier-action.js');
      setExitCode(await dossierPurge(db, options.before));
    });
}
