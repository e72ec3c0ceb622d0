/**
 * `iwmo ext validate`: extension documents (JSON or the XML sidecar) checked
 * against their schema and every invariant, printed like `iwmo validate`.
 */
import { Option, type Command } from 'commander';
import { examples } from './options.js';

export function addExtCommand(program: Command, setExitCode: (code: number) => void): void {
  const ext = program.command('ext').description('Extension documents beside the standard messages: profiles, result agreements, intensity decisions, lump-sum contracts, provider reports.');
  ext
    .command('validate')
    .description('Validate extension documents (JSON or the XML sidecar): schema, then every invariant (rules EXT001 …). Folders are searched for *.json and *.xml.')
    .argument('<paths...>', 'files or folders')
    .addOption(new Option('--format <format>', 'output for people (text) or machines (json)').choices(['text', 'json']).default('text'))
    .addHelpText('after', examples('iwmo ext validate contract.json', 'iwmo ext validate fixtures/extensions/goeree-2016 --format json'))
    .action(async (paths: string[], options: { format: 'text' | 'json' }) => {
      const { extValidateCommand } = await import('./ext-action.js');
      setExitCode(await extValidateCommand(paths, options));
    });
}
