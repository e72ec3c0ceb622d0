/**
 * The generator itself: reproducible by seed, bounded repetition, and the
 * repairs that make generated data meaningful (checked here independently of
 * the rule registry).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_MESSAGE_IDS, decode, encode, type JW323, type JW325, type WMO323, type WMO325 } from '../../src/index.js';
import { generateMessages, messageArbitrary, withElfproef } from '../../src/generate/index.js';
import { makeCoherent } from '../../src/generate/coherence.js';

// Both standards: iWmo 3.2 and iJw 3.2.
const ids = ALL_MESSAGE_IDS;

/** CS002 written out again: Σ dᵢ·wᵢ with weights 9…2 and −1 is a multiple of 11. */
function passesElfproef(bsn: string): boolean {
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  return /^[0-9]{9}$/.test(bsn) && weights.reduce((sum, w, i) => sum + w * Number(bsn[i]), 0) % 11 === 0;
}

/** Every value under `key` anywhere in a message. */
function valuesOf(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesOf(v, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === key ? [v] : valuesOf(v, key)));
  }
  return [];
}

function longestArray(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestArray));
  if (value && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestArray));
  return 0;
}

describe('generateMessages', () => {
  it('gives the same messages for the same seed and others for another seed', () => {
    const first = generateMessages('WMO301', { count: 5, seed: 2024 });
    expect(first).toHaveLength(5);
    expect(generateMessages('WMO301', { count: 5, seed: 2024 })).toEqual(first);
    expect(generateMessages('WMO301', { count: 5, seed: 2025 })).not.toEqual(first);
    expect(generateMessages('WMO323', { count: 0, seed: 1 })).toEqual([]);
    expect(() => generateMessages('WMO323', { count: -1, seed: 1 })).toThrow(RangeError);
  });

  it.each(ids)('%s: repeated elements stay within maxRepeat', (id) => {
    for (const message of generateMessages(id, { count: 20, seed: 7, maxRepeat: 1 })) expect(longestArray(message)).toBeLessThanOrEqual(1);
    const wide = generateMessages(id, { count: 40, seed: 7, maxRepeat: 5 });
    expect(Math.max(...wide.map(longestArray))).toBeLessThanOrEqual(5);
  });

  it('uses optional elements sometimes, not always', () => {
    const messages = generateMessages('WMO301', { count: 60, seed: 11 });
    const withCommentaar = messages.filter((m) => m.client.commentaar !== undefined).length;
    expect(withCommentaar).toBeGreaterThan(0);
    expect(withCommentaar).toBeLessThan(60);
  });
});

describe('repairs', () => {
  it.each(ids)('%s: the repair works on a copy and leaves the generated value as it was (fast-check may use it again when shrinking)', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id, { coherent: false }), (message) => {
        const before = structuredClone(message);
        const repaired = makeCoherent(message);
        expect(message).toEqual(before);
        expect(repaired).not.toBe(message);
      }),
      { numRuns: 30 },
    );
  });

  it('withElfproef gives a BSN that passes the 11-proef', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), (digits) => {
        expect(passesElfproef(withElfproef(digits))).toBe(true);
      }),
    );
    expect(withElfproef('000000000')).not.toBe('000000000');
  });

  it.each(['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO323', 'WMO325', 'JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW323', 'JW325'] as const)('%s: every Bsn passes the 11-proef (CS002)', (id) => {
    fc.assert(fc.property(messageArbitrary(id), (message) => valuesOf(message, 'bsn').every((bsn) => passesElfproef(bsn as string))));
  });

  it.each(['WMO323', 'JW323'] as const)('%s: one whole month, Σ debet − Σ credit as total, credits name their debet (CS340, TR358, CD060)', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id), (message: WMO323 | JW323) => {
        const { declaratiePeriode, totaalIngediendBedrag, clienten } = message.declaratie;
        expect(declaratiePeriode.begindatum.endsWith('-01')).toBe(true);
        const next = new Date(`${declaratiePeriode.einddatum}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(next.getUTCDate()).toBe(1);
        expect(declaratiePeriode.begindatum.slice(0, 7)).toBe(declaratiePeriode.einddatum.slice(0, 7));
        const prestaties = clienten.flatMap((c) => c.prestaties);
        const sum = prestaties.reduce((s, p) => s + (p.ingediendBedrag.debetCredit === 'C' ? -1 : 1) * p.ingediendBedrag.bedrag, 0);
        expect(totaalIngediendBedrag.totaalBedrag).toBe(Math.abs(sum));
        expect(totaalIngediendBedrag.debetCredit).toBe(sum < 0 ? 'C' : 'D');
        for (const p of prestaties) {
          expect(p.productReferentie.vorigReferentieNummer !== undefined).toBe(p.ingediendBedrag.debetCredit === 'C');
          expect(p.productPeriode.einddatum <= declaratiePeriode.einddatum).toBe(true);
          if (p.eenheid === '83') expect([p.productTarief, p.ingediendBedrag.bedrag]).toEqual([undefined, p.geleverdVolume]);
          else expect(p.ingediendBedrag.bedrag).toBe(p.geleverdVolume * p.productTarief!);
        }
      }),
      { numRuns: 60 },
    );
  });

  it.each(['WMO325', 'JW325'] as const)('%s: the returned Prestaties account for Ingediend − Toegekend (TR342)', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id), (message: WMO325 | JW325) => {
        const antwoord = message.declaratieAntwoord;
        if (!antwoord) return;
        const signed = (t: { totaalBedrag: number; debetCredit: string }) => (t.debetCredit === 'C' ? -t.totaalBedrag : t.totaalBedrag);
        const returned = (antwoord.clienten ?? [])
          .flatMap((c) => c.prestaties)
          .reduce((s, p) => s + (p.ingediendBedrag.debetCredit === 'C' ? -1 : 1) * p.ingediendBedrag.bedrag, 0);
        if (antwoord.retourCodes.every((c) => c === '0200' || c === '8001')) {
          expect(signed(antwoord.totaalIngediendBedrag) - signed(antwoord.totaalToegekendBedrag)).toBe(returned);
        } else {
          expect(antwoord.totaalToegekendBedrag.totaalBedrag).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it.each(ids)('%s with coherent: false is still valid at level 1', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id, { coherent: false }), (message) => {
        const result = decode(encode(message));
        expect(result.findings).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
