/**
 * The `iwmo` command line: validate, format, retour, generate, inspect, serve.
 * Exit codes: 0 accepted, 1 rejected (or no result possible), 2 usage or I/O error.
 * This module only defines the commands (their help and argument checks); each
 * command's code is imported when it runs, so `iwmo validate` starts without
 * the code of the others (extensions, dossier, service, generator).
 */
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_BODY_LIMIT } from '../http/limits.js';
import packageJson from '../../package.json' with { type: 'json' };
import { examples, positiveInteger } from './options.js';
import { addContractCommand } from './contract-command.js';
import { addExtCommand } from './ext-command.js';
import { addGenerateCommand } from './generate-command.js';
import { addConvertCommand } from './convert-command.js';
import { addDossierCommand } from './dossier-command.js';
import { EXIT_ACCEPTED, EXIT_USAGE } from './exit-codes.js';
import type { ValidateCommandOptions } from './validate-command.js';
import type { ServeOptions } from './serve-action.js';

export function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('iwmo')
    .description('Validate, format, answer and generate iWmo 3.2 (WMO301 … WMO325) and iJw 3.2 (JW301 … JW325) messages.')
    .version(packageJson.version)
    .showHelpAfterError('(run iwmo --help for the commands)')
    .addHelpText('after', `\nExit codes: 0 accepted, 1 rejected, 2 usage or I/O error.` + examples('iwmo validate berichten/', 'iwmo validate --format json message.xml', 'iwmo serve --port 3000'));

  program
    .command('validate')
    .description('Validate messages like the national chain: level 1 (XSD), then the level-2 rules. Folders are searched for *.xml.')
    .argument('<paths...>', 'files or folders (- for standard input)')
    .addOption(new Option('--format <format>', 'output for people (text) or machines (json)').choices(['text', 'json']).default('text'))
    .option('--all-levels', 'run level 2 even when level 1 failed (the chain itself stops after level 1)', false)
    .addOption(new Option('--workers <n>', 'worker threads for folders with many files (default: one per core); given as 2 or more, a declaratie of 4 MB or more is also split over two threads').argParser(positiveInteger))
    .addOption(new Option('--max-size <bytes>', `largest accepted file in bytes (default ${DEFAULT_BODY_LIMIT}, the 25 MB cap of OP179); raise it for batch use`).argParser(positiveInteger))
    .addHelpText('after', examples('iwmo validate message.xml', 'iwmo validate berichten/ --format json > report.json', 'iwmo validate --all-levels message.xml', 'iwmo validate --max-size 100000000 declaratie.xml'))
    .action(async (paths: string[], options: ValidateCommandOptions) => {
      const { validateCommand } = await import('./validate-command.js');
      setExitCode(await validateCommand(paths, options));
    });

  program
    .command('format')
    .description('Decode and encode a message again: the canonical form (prefixes wmo3NN and iwmo, CRLF, tabs) on stdout.')
    .argument('<file>', 'the message (- for standard input)')
    .addHelpText('after', examples('iwmo format message.xml > tidy.xml'))
    .action(async (file: string) => {
      const { formatCommand } = await import('./message-action.js');
      setExitCode(await formatCommand(file));
    });

  program
    .command('retour')
    .description('Write the answer to a message: its retour (WMO302 … WMO320, JW302 … JW320), or for a 323 the declaratie-antwoord 325.')
    .argument('<file>', 'the received message (- for standard input)')
    .option('--out <file>', 'write the answer to this file instead of stdout')
    .option('--dossier <db>', 'also check levels 3 and 4 against this dossier (SQLite file or postgres:// URL) and record the message there')
    .option('--sources <file>', 'with --dossier: the level-4 lists (CBS gemeenten, product codes, tariffs) as JSON')
    .addOption(new Option('--max-size <bytes>', `without --dossier: largest accepted message in bytes (default ${DEFAULT_BODY_LIMIT}, the 25 MB cap of OP179)`).argParser(positiveInteger))
    .addHelpText('after', examples('iwmo retour start.xml > retour.xml', 'iwmo retour declaratie.xml --out declaratie-antwoord.xml', 'iwmo retour --max-size 100000000 declaratie.xml --out declaratie-antwoord.xml', 'iwmo retour --dossier dossier.db start.xml'))
    .action(async (file: string, options: { out?: string; dossier?: string; sources?: string; maxSize?: number }) => {
      if (options.dossier !== undefined) {
        const { retourWithDossier } = await import('./dossier-action.js');
        return setExitCode(await retourWithDossier(options.dossier, file, options.out, options.sources));
      }
      const { retourCommand } = await import('./message-action.js');
      setExitCode(await retourCommand(file, options.out, options.maxSize !== undefined ? { maxSize: options.maxSize } : {}));
    });

  addGenerateCommand(program, setExitCode);
  addConvertCommand(program, setExitCode);
  addContractCommand(program, setExitCode);
  addDossierCommand(program, setExitCode);
  addExtCommand(program, setExitCode);

  program
    .command('inspect')
    .description('A readable summary: message type, sender and receiver, clients (BSN masked), products, periods, amounts in euro.')
    .argument('<file>', 'the message (- for standard input)')
    .option('--limit <n>', 'items shown per list', positiveInteger, 20)
    .addHelpText('after', examples('iwmo inspect message.xml', 'iwmo inspect --limit 5 declaratie.xml'))
    .action(async (file: string, options: { limit: number }) => {
      const { inspectCommand } = await import('./message-action.js');
      setExitCode(await inspectCommand(file, options));
    });

  program
    .command('serve')
    .description('Start the HTTP validation service with the web page (validation in the browser).')
    .option('--port <port>', 'port to listen on', positiveInteger, Number(process.env.PORT ?? 3000))
    .option('--host <host>', 'interface to listen on', '0.0.0.0')
    .option('--body-limit <bytes>', 'largest accepted body in bytes', positiveInteger, DEFAULT_BODY_LIMIT)
    .option('--dossier <db>', 'the dossiers of /v1/dossiers: a SQLite file (made on first use) or a postgres:// URL', process.env.IWMO_DOSSIER_DB ?? 'iwmo-dossier.db')
    .option('--tokens <file>', 'tenants and their token hashes as JSON (also IWMO_TOKENS=tenant:sha256,…)', process.env.IWMO_TOKENS_FILE)
    .option('--sources <file>', 'the level-4 lists (CBS gemeenten, product codes, tariffs) as JSON', process.env.IWMO_SOURCES_FILE)
    .addHelpText('after', examples('iwmo serve', 'iwmo serve --port 8080 --host 127.0.0.1', 'IWMO_TOKENS=gemeente-0363:<sha256 of the token> iwmo serve --dossier postgres://…'))
    .action(async (options: ServeOptions) => {
      const { serveCommand } = await import('./serve-action.js');
      setExitCode(await serveCommand(options));
    });

  return program;
}

/** Runs the CLI; resolves with the exit code (serve keeps running). */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_ACCEPTED;
  const program = createProgram((code) => {
    exitCode = code;
  });
  // Usage errors of nested commands (`ext validate`, `contract status`, `dossier add`) end here too, as exit 2.
  const overrideExit = (command: Command): void => {
    command.exitOverride();
    for (const sub of command.commands) overrideExit(sub);
  };
  overrideExit(program);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_ACCEPTED : EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}
