/** `iwmo generate`: valid random messages of one type, reproducible by seed. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { serialize, type MessageId } from '../index.js';
import { describeIoError } from './files.js';
import { examples, messageId, MESSAGE_IDS, positiveInteger } from './options.js';
import { EXIT_ACCEPTED, EXIT_USAGE } from './validate-command.js';

export function addGenerateCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('generate')
    .description('Write valid random messages of one type (iWmo or iJw) as <out>/<WMO3NN|JW3NN>-<i>.xml (the same seed gives the same messages).')
    .argument('<message>', `message type: ${MESSAGE_IDS.join(', ')}`, messageId)
    .option('--count <n>', 'how many messages', positiveInteger, 1)
    .option('--seed <seed>', 'random seed, to get the same messages again', positiveInteger)
    .option('--out <dir>', 'folder to write to', '.')
    .addHelpText('after', examples('iwmo generate WMO323 --count 10 --seed 42 --out testdata', 'iwmo generate wmo301', 'iwmo generate JW323 --count 10'))
    .action(async (id: MessageId, options: { count: number; seed?: number; out: string }) => {
      const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
      // Loaded only here: generating pulls in the arbitraries, which the other commands never need.
      const { generateMessages } = await import('../generate-entry.js');
      const messages = generateMessages(id, { count: options.count, seed });
      try {
        await mkdir(options.out, { recursive: true });
        for (const [i, message] of messages.entries()) {
          const file = join(options.out, `${id}-${i + 1}.xml`);
          await writeFile(file, serialize(message));
          process.stdout.write(file + '\n');
        }
      } catch (error) {
        process.stderr.write(`iwmo: ${options.out}: ${describeIoError(error)}\n`);
        return setExitCode(EXIT_USAGE);
      }
      process.stderr.write(`${messages.length} ${id} message${messages.length === 1 ? '' : 's'} written (seed ${seed})\n`);
      setExitCode(EXIT_ACCEPTED);
    });
}
