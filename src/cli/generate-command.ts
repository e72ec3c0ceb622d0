/** `iwmo generate`: valid random messages of one type, reproducible by seed. */
import type { Command } from 'commander';
import type { MessageId } from '../standard/descriptor.js';
import { examples, messageId, MESSAGE_IDS, positiveInteger } from './options.js';
import type { GenerateOptions } from './generate-action.js';

export function addGenerateCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('generate')
    .description('Write valid random messages of one type (iWmo or iJw) as <out>/<WMO3NN|JW3NN>-<i>.xml (the same seed gives the same messages).')
    .argument('<message>', `message type: ${MESSAGE_IDS.join(', ')}`, messageId)
    .option('--count <n>', 'how many messages', positiveInteger, 1)
    .option('--seed <seed>', 'random seed, to get the same messages again', positiveInteger)
    .option('--out <dir>', 'folder to write to', '.')
    .addHelpText('after', examples('iwmo generate WMO323 --count 10 --seed 42 --out testdata', 'iwmo generate wmo301', 'iwmo generate JW323 --count 10'))
    .action(async (id: MessageId, options: GenerateOptions) => {
      const { generateCommand } = await import('./generate-action.js');
      setExitCode(await generateCommand(id, options));
    });
}
