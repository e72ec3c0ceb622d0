/**
 * Generated messages must pass level 2 as well: the in-message rules of the
 * standard (CD, CS, TR; spec §5.2–5.4), as implemented by the rule registry.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_MESSAGE_IDS, checkRules, encode, validate } from '../../src/index.js';
import { messageArbitrary } from '../../src/generate/index.js';

// Both standards: iWmo 3.2 and iJw 3.2.
const ids = ALL_MESSAGE_IDS;

describe('generated messages and the level-2 rules', () => {
  it.each(ids)('%s: no level-2 finding, neither on the decoded message nor on the value itself', (id) => {
    fc.assert(
      // Longer lists make more keys, periods and amounts that must not clash.
      fc.property(fc.oneof(messageArbitrary(id), messageArbitrary(id, { maxRepeat: 6 })), (message) => {
        const report = validate(encode(message));
        const broken = report.findings.filter((f) => f.level === 2).map((f) => `${f.rule} at ${f.path}`);
        expect(broken).toEqual([]);
        expect(report.accepted).toBe(true);
        const direct = checkRules(message).filter((f) => f.level === 2).map((f) => `${f.rule} at ${f.path}`);
        expect(direct).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});
