/**
 * A large declaratie split over two threads (node/validate-parts.ts): a clean
 * answer only when the whole message is clean, the one-pass report in every
 * other case, wherever the split falls.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateWhole } from '../../src/api.js';
import { encode, type WMO323 } from '../../src/index.js';
import { PARTS_FROM_BYTES, validateFile } from '../../src/node/validate-file.js';
import { validateInParts } from '../../src/node/validate-parts.js';
import { buildDeclaratie } from '../../bench/lib/declaratie.js';
import { mutators } from './declaratie-mutators.js';
// The total again, so that only the planted key breaks a rule.
import { retotal } from '../rules/bases.js';
import { tempDir } from '../temp-dir.js';

const dir = tempDir('parts');

let files = 0;
function fileOf(xml: string): { file: string; size: number; bytes: Uint8Array } {
  const bytes = new TextEncoder().encode(xml);
  const file = join(dir, `declaratie-${files++}.xml`);
  writeFileSync(file, bytes);
  return { file, size: bytes.length, bytes };
}

const base = buildDeclaratie(700);
const names = Object.keys(mutators);
// Workers start from the TypeScript sources here, which takes a while.
const SLOW = 120_000;

describe('a declaratie validated in two parts', () => {
  it('is what validateFile does with parts: true from 4 MB on, clean or not', { timeout: SLOW }, async () => {
    const large = buildDeclaratie(2800);
    const broken = structuredClone(large);
    broken.declaratie.clienten[2500]!.bsn = broken.declaratie.clienten[10]!.bsn;
    for (const message of [large, broken]) {
      const { file, size, bytes } = fileOf(encode(message));
      expect(size).toBeGreaterThanOrEqual(PARTS_FROM_BYTES);
      const whole = validateWhole(bytes);
      expect(await validateFile(file, { parts: true })).toEqual(whole);
    }
  });

  it('answers a clean declaratie from the parts, with the one-pass report', { timeout: SLOW }, async () => {
    const { file, size, bytes } = fileOf(encode(base));
    const whole = validateWhole(bytes);
    expect(whole.findings).toEqual([]);
    for (const share of [0.1, 0.5, 0.9]) expect(await validateInParts(file, size, {}, share)).toEqual(whole);
  });

  it('leaves every declaratie with a finding to one pass, whichever part or rule it is in', { timeout: SLOW }, async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...names), fc.nat(699), fc.nat(699)), { minLength: 1, maxLength: 3 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        async (changes, share) => {
          const message = structuredClone(base);
          for (const [name, i, j] of changes) mutators[name]!(message, i, j);
          const { file, size, bytes } = fileOf(encode(message));
          const whole = validateWhole(bytes);
          const parts = await validateInParts(file, size, {}, share);
          if (whole.findings.length > 0) expect(parts).toBeUndefined();
          else expect(parts).toEqual(whole);
          for (const f of whole.findings) seen.add(f.rule);
        },
      ),
      { numRuns: 8, seed: 7 },
    );
    // Rules that span the two parts were among them: a part alone cannot see these.
    for (const rule of ['TR101', 'TR315', 'TR358']) expect(seen).toContain(rule);
  });

  it('judges the rules that span Clients over both parts', { timeout: SLOW }, async () => {
    const plants: Record<string, (m: WMO323) => void> = {
      TR101: (m) => {
        m.declaratie.clienten[600]!.bsn = m.declaratie.clienten[100]!.bsn;
      },
      TR315: (m) => {
        for (const k of [100, 600]) {
          const p = m.declaratie.clienten[k]!.prestaties.at(-1)!;
          p.productReferentie.vorigReferentieNummer = 'F000000001';
          p.ingediendBedrag.debetCredit = 'C';
        }
        retotal(m);
      },
      TR316: (m) => {
        const p = m.declaratie.clienten[600]!.prestaties[0]!;
        p.productReferentie.vorigReferentieNummer = m.declaratie.clienten[100]!.prestaties[0]!.productReferentie.referentieNummer;
        p.ingediendBedrag.debetCredit = 'C';
        retotal(m);
      },
      TR358: (m) => {
        m.declaratie.clienten[600]!.prestaties[0]!.ingediendBedrag.bedrag += 1;
      },
    };
    for (const [rule, plant] of Object.entries(plants)) {
      const message = structuredClone(base);
      plant(message);
      const { file, size, bytes } = fileOf(encode(message));
      const whole = validateWhole(bytes);
      expect(whole.findings.map((f) => f.rule), rule).toContain(rule);
      expect(await validateInParts(file, size, {}, 0.5), rule).toBeUndefined();
    }
  });

  it('is not fooled by a split inside a comment, or by Clients a comment hides', { timeout: SLOW }, async () => {
    const xml = encode(base);
    const starts = [...xml.matchAll(/<[\w]*:?Client>/g)].map((m) => m.index);
    const ends = [...xml.matchAll(/<\/[\w]*:?Client>/g)].map((m) => m.index + m[0].length);
    // Clients 300–399 become a comment: the sequential reading has 600 Clients and a total that no longer adds up.
    const hidden = xml.slice(0, starts[300]) + '<!--' + xml.slice(starts[300], ends[399]).replaceAll('--', '') + '-->' + xml.slice(ends[399]);
    const { file, size, bytes } = fileOf(hidden);
    const whole = validateWhole(bytes);
    expect(whole.findings.map((f) => f.rule)).toContain('TR358');
    for (const share of [0.3, 0.45, 0.5, 0.55]) expect(await validateInParts(file, size, {}, share)).toBeUndefined();
  });

  it('leaves level-1 errors, damaged bytes and warnings to one pass', { timeout: SLOW }, async () => {
    const xml = encode(base);
    const middle = xml.indexOf('<', Math.floor(xml.length * 0.7));
    const cases = {
      'an element out of place in the second part': xml.slice(0, middle) + '<Onbekend/>' + xml.slice(middle),
      'a truncated file': xml.slice(0, Math.floor(xml.length * 0.8)),
      'a byte order mark (a warning)': '\uFEFF' + xml,
      'a second root after the message': xml + '<Bericht/>',
    };
    for (const [name, damaged] of Object.entries(cases)) {
      const { file, size, bytes } = fileOf(damaged);
      const whole = validateWhole(bytes);
      expect(whole.findings.length, name).toBeGreaterThan(0);
      expect(await validateInParts(file, size), name).toBeUndefined();
    }
  });
});
