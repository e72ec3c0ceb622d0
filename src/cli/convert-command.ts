/**
 * `iwmo convert` and `iwmo project`: conversions between funding forms (C1–C10)
 * and projections of extension documents, written as DIR/<WMO3NN>-<n>.xml with
 * DIR/report.json beside them (the audit trail). Exit 0 lossless, 3 converted
 * with losses (listed on stderr), 1 refused, 2 usage or I/O error.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CONVERSION_ALIASES, CONVERSION_RULES, conversionRuleOf, maskBsns, runConversion, runProjection, type ConversionOutcome } from '../extensions-entry.js';
import { describeIoError } from './files.js';
import { examples, positiveInteger } from './options.js';
import { EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE } from './validate-command.js';

/** Converted, but something was lost: the report says what. */
export const EXIT_LOSSY = 3;

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
  return value;
}

function ruleName(value: string): string {
  if (!conversionRuleOf(value)) throw new InvalidArgumentError(`expected one of ${CONVERSION_RULES.join(', ')} or ${Object.keys(CONVERSION_ALIASES).join(', ')}.`);
  return value;
}

/** Messages and documents are passed on as text (XML, JSON or the XML sidecar): the conversion reads and checks them. */
async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`iwmo: ${file}: ${describeIoError(error)}\n`);
    return undefined;
  }
}


/** Findings as the validate command shows them, with any BSN in a text masked. */
function findingLines(outcome: ConversionOutcome): string[] {
  return outcome.findings.map((f) => `  ${f.severity === 'warning' ? 'warning' : 'error'} ${f.rule} ${f.path}\n    nl: ${maskBsns(f.message.nl)}\n    en: ${maskBsns(f.message.en)}`);
}

async function writeOutcome(outcome: ConversionOutcome, out: string, setExitCode: (code: number) => void): Promise<void> {
  const label = outcome.rule ?? 'conversion';
  const report =
    outcome.status === 'refused'
      ? { rule: outcome.rule ?? null, refused: true, findings: outcome.findings }
      : { ...outcome.report!, messages: outcome.messages.map((m) => m.name), findings: outcome.findings };
  try {
    await mkdir(out, { recursive: true });
    for (const message of outcome.messages) {
      const file = join(out, message.name);
      await writeFile(file, message.xml);
      process.stdout.write(file + '\n');
    }
    if (outcome.data) await writeFile(join(out, 'output.json'), JSON.stringify(outcome.data, null, 2) + '\n');
    await writeFile(join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  } catch (error) {
    process.stderr.write(`iwmo: ${out}: ${describeIoError(error)}\n`);
    return setExitCode(EXIT_USAGE);
  }
  if (outcome.status === 'refused') {
    process.stderr.write(`${label}: refused\n${findingLines(outcome).join('\n')}\n`);
    return setExitCode(EXIT_REJECTED);
  }
  const warnings = findingLines(outcome);
  if (warnings.length) process.stderr.write(`${warnings.join('\n')}\n`);
  if (outcome.status === 'lossy') {
    const losses = outcome.report!.losses.map((l) => `  ${l.code}: ${maskBsns(l.detail)}`);
    process.stderr.write(`${label}: converted with ${losses.length} loss${losses.length === 1 ? '' : 'es'} (see ${join(out, 'report.json')})\n${losses.join('\n')}\n`);
    return setExitCode(EXIT_LOSSY);
  }
  setExitCode(EXIT_ACCEPTED);
}

interface ConvertOptions {
  profile: string;
  out: string;
  on?: string;
  toewijzingNummer?: number;
  firstToewijzingNummer?: number;
  dagtekening?: string;
  horizon?: string;
  form?: 'aspecifiek' | 'generiek';
  productCode?: string;
  eenheid?: '01' | '04' | '84';
  intensity?: string;
  assignment?: string;
}

export function addConvertCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('convert')
    .description('Convert between funding forms by rule C1–C10 (docs/conversions.md): new messages as <out>/<WMO3NN>-<n>.xml, the loss report as <out>/report.json. Exit 0 lossless, 3 with losses, 1 refused.')
    .argument('<rule>', `${CONVERSION_RULES.join(', ')} or a name: ${Object.entries(CONVERSION_ALIASES).map(([name, id]) => `${name} (${id})`).join(', ')}`, ruleName)
    .argument('<input>', 'a WMO301 (or WMO323) message.xml, or an extension document.json')
    .requiredOption('--profile <profile.json>', "the gemeente's Profile document (tariffs, codes, calendar)")
    .option('--on <date>', 'switch date: the new assignment starts that day, the old one ends the day before', isoDate)
    .option('--out <dir>', 'folder to write to', '.')
    .option('--toewijzing-nummer <n>', 'convert only this assignment', positiveInteger)
    .option('--first-toewijzing-nummer <n>', 'first new ToewijzingNummer (IV066); default the highest in the message + 1', positiveInteger)
    .option('--dagtekening <date>', 'Dagtekening of the new 301', isoDate)
    .option('--horizon <date>', 'Einddatum for open-ended assignments where the new form needs one (CD075)', isoDate)
    .addOption(new Option('--form <form>', 'C2: aspecific (keeps the category) or generic').choices(['aspecifiek', 'generiek']))
    .option('--product-code <code>', 'C1/C3: the product code of the new specific assignment')
    .addOption(new Option('--eenheid <unit>', 'C3: volume in minutes (01), hours (04) or pieces at a weekly tariff (84)').choices(['01', '04', '84']))
    .option('--intensity <document.json>', 'C3: the provider’s level decisions (ProviderDeterminedIntensity)')
    .addHelpText(
      'after',
      examples(
        'iwmo convert C2 toewijzing.xml --profile profiel.json --on 2025-03-03 --out omgezet',
        'iwmo convert specific-to-budget toewijzing.xml --profile profiel.json --form generiek --out omgezet',
        'iwmo convert C7 afspraak.json --profile profiel.json --out projectie',
      ),
    )
    .action(async (rule: string, file: string, options: ConvertOptions) => {
      const input = await readText(file);
      if (input === undefined) return setExitCode(EXIT_USAGE);
      const profile = await readText(options.profile);
      if (profile === undefined) return setExitCode(EXIT_USAGE);
      let intensity: unknown;
      if (options.intensity !== undefined) {
        intensity = await readText(options.intensity);
        if (intensity === undefined) return setExitCode(EXIT_USAGE);
      }
      const { profile: _p, out, intensity: _i, assignment: _a, ...rest } = options;
      const outcome = runConversion({ rule, input, profile, options: { ...rest, ...(intensity !== undefined ? { intensity } : {}) } });
      await writeOutcome(outcome, out, setExitCode);
    });

  program
    .command('project')
    .description('Project an extension document into iWmo 3.2 messages: a ProviderDeterminedIntensity as an aspecific 301 and monthly 323s per level code, a ResultAgreement by C7.')
    .argument('<document>', 'the extension document (JSON)')
    .requiredOption('--profile <profile.json>', "the gemeente's Profile document")
    .option('--assignment <message.xml>', "the client's current 301, into which the projected assignment is written")
    .option('--out <dir>', 'folder to write to', '.')
    .addHelpText('after', examples('iwmo project intensiteit.json --profile profiel.json --out projectie', 'iwmo project afspraak.json --profile profiel.json --assignment toewijzing.xml --out projectie'))
    .action(async (file: string, options: { profile: string; out: string; assignment?: string }) => {
      const document = await readText(file);
      if (document === undefined) return setExitCode(EXIT_USAGE);
      const profile = await readText(options.profile);
      if (profile === undefined) return setExitCode(EXIT_USAGE);
      let assignment: string | undefined;
      if (options.assignment !== undefined) {
        assignment = await readText(options.assignment);
        if (assignment === undefined) return setExitCode(EXIT_USAGE);
      }
      const outcome = runProjection({ document, profile, options: assignment !== undefined ? { assignment } : {} });
      await writeOutcome(outcome, options.out, setExitCode);
    });
}
