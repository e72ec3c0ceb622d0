/** What `iwmo generate` does, loaded only when it runs: generating pulls in the arbitraries, which the other commands never need. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serialize, type MessageId } from '../index.js';
import { generateMessages } from '../generate-entry.js';
import { describeIoError } from './files.js';
import { EXIT_ACCEPTED, EXIT_USAGE } from './exit-codes.js';

export interface GenerateOptions {
  readonly count: number;
  readonly seed?: number;
  readonly out: string;
}

export async function generateCommand(id: MessageId, options: GenerateOptions): Promise<number> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
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
    return EXIT_USAGE;
  }
  process.stderr.write(`${messages.length} ${id} message${messages.length === 1 ? '' : 's'} written (seed ${seed})\n`);
  return EXIT_ACCEPTED;
}
