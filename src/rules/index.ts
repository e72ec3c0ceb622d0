// Placeholder until the level-2 rule registry lands: no rules yet.
import type { Finding } from '../findings.js';
import type { Message } from '../standard/generated/types.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Profile {}

export function checkRules(_message: Message, _options: { profile?: Profile } = {}): Finding[] {
  return [];
}
