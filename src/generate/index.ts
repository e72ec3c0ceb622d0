/**
 * Message generation for tests, demos and load: fast-check arbitraries derived
 * from the descriptors, valid at level 1 and (after repair) at level 2.
 * Exposed as the `iwmo/generate` subpath so validation alone never loads fast-check.
 */
import * as fc from 'fast-check';
import type { MessageId } from '../standard/descriptor.js';
import type { MessageTypes } from '../standard/generated/types.js';
import { messageArbitrary } from './arbitraries.js';

export { messageArbitrary } from './arbitraries.js';
export type { ArbitraryOptions } from './arbitraries.js';
export { withElfproef } from './coherence.js';

export interface GenerateOptions {
  /** How many messages. */
  readonly count: number;
  /** The same seed gives the same messages. */
  readonly seed: number;
  /** Most items per repeated element (3 by default). */
  readonly maxRepeat?: number;
}

/** Generates `count` valid messages of one type, reproducible by `seed`. */
export function generateMessages<K extends MessageId>(id: K, options: GenerateOptions): MessageTypes[K][] {
  const count = Math.floor(options.count);
  if (!(count >= 0)) throw new RangeError(`count must be a non-negative number, got ${options.count}`);
  if (count === 0) return [];
  const arbitrary = messageArbitrary(id, options.maxRepeat !== undefined ? { maxRepeat: options.maxRepeat } : {});
  return fc.sample(arbitrary, { seed: options.seed, numRuns: count });
}
