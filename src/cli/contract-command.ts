/**
 * `iwmo contract status`: a lump-sum contract and its providers' reports, per
 * reporting period — band position, budget used against time elapsed, and the
 * budget amendment a band crossing triggers. Exit codes: 0 computed, 1 the
 * inputs are invalid (findings on stderr), 2 usage or I/O error.
 */
import { Option, type Command } from 'commander';
import { examples, positiveInteger } from './options.js';
import type { ContractStatusCommandOptions } from './contract-action.js';

export function addContractCommand(program: Command, setExitCode: (code: number) => void): void {
  const contract = program
    .command('contract')
    .description('Lump-sum contracts beside the standard messages: their status over the reporting periods.')
    // The subcommand is made before the program's exit handling is set: it takes it over when it runs.
    .hook('preSubcommand', (parent, sub) => void sub.copyInheritedSettings(parent));

  contract
    .command('status')
    .description('Per reporting period: the reported clients or units against the band, budget used against time elapsed, and the budget amendment a band crossing triggers. Documents in JSON or XML, validated first as by iwmo ext validate.')
    .argument('<contract>', 'the LumpsumContract document (.json or .xml)')
    .argument('[reports...]', 'its ProviderReport documents (.json or .xml); several reporters of one period add up')
    .addOption(new Option('--format <format>', 'output for people (text) or machines (json)').choices(['text', 'json']).default('text'))
    .option('--threshold <bp>', 'flag a period when budget used runs this many basis points ahead of time elapsed (a profile\'s utilisationThresholdBp)', positiveInteger)
    .addHelpText('after', `\nExit codes: 0 computed, 1 invalid inputs (findings on stderr; the status of the rest is still shown), 2 usage or I/O error.` + examples('iwmo contract status contract.json report-P*.json', 'iwmo contract status --format json --threshold 1000 contract.xml report-P07.xml'))
    .action(async (contractFile: string, reportFiles: string[], options: ContractStatusCommandOptions) => {
      const { contractStatusCommand } = await import('./contract-action.js');
      setExitCode(await contractStatusCommand(contractFile, reportFiles, options));
    });
}
