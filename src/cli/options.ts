/** Argument parsers and help text shared by the commands. */
import { InvalidArgumentError } from 'commander';
import type { MessageId } from '../standard/descriptor.js';
import { ALL_MESSAGE_IDS } from '../standard/standards.js';

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number.');
  return n;
}

export const MESSAGE_IDS = ALL_MESSAGE_IDS;

/** `WMO301` or `wmo301`, `JW301` or `jw301`. */
export function messageId(value: string): MessageId {
  const id = value.toUpperCase();
  if (!MESSAGE_IDS.includes(id as MessageId)) throw new InvalidArgumentError(`expected one of ${MESSAGE_IDS.join(', ')}.`);
  return id as MessageId;
}
