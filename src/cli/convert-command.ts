/**
 * `iwmo convert` and `iwmo project`: conversions between funding forms (C1–C10)
 * and projections of extension documents, written as DIR/<WMO3NN>-<n>.xml with
 * DIR/report.json beside them (the audit trail). Exit 0 lossless, 3 converted
 * with losses (listed on stderr), 1 refused, 2 usage or I/O error.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CONVERSION_ALIASES, CONVERSION_RULES, conversionRuleOf } from '../extensions/conversions/report.js';
import { examples, positiveInteger } from './options.js';
import type { ConvertOptions, ProjectOptions } from './convert-action.js';

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
  return value;
}

function ruleName(value: string): string {
  if (!conversionRuleOf(value)) throw new InvalidArgumentError(`expected one of ${CONVERSION_RULES.join(', ')} or ${Object.keys(CONVERSION_ALIASES).join(', ')}.`);
  return value;
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
      const { convertCommand } = await import('./convert-action.js');
      setExitCode(await convertCommand(rule, file, options));
    });

  program
    .command('project')
    .description('Project an extension document into iWmo 3.2 messages: a ProviderDeterminedIntensity as an aspecific 301 and monthly 323s per level code, a ResultAgreement by C7.')
    .argument('<document>', 'the extension document (JSON)')
    .requiredOption('--profile <profile.json>', "the gemeente's Profile document")
    .option('--assignment <message.xml>', "the client's current 301, into which the projected assignment is written")
    .option('--out <dir>', 'folder to write to', '.')
    .addHelpText('after', examples('iwmo project intensiteit.json --profile profiel.json --out projectie', 'iwmo project afspraak.json --profile profiel.json --assignment toewijzing.xml --out projectie'))
    .action(async (file: string, options: ProjectOptions) => {
      const { projectCommand } = await import('./convert-action.js');
      setExitCode(await projectCommand(file, options));
    });
}
