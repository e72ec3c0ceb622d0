/** Answers to iJw 3.2 messages: the same builder, the iJw answer, the iJw XSD versions unless told otherwise. */
import { describe, expect, it } from 'vitest';
import { buildRetour, encode, validate, type Finding, type JW319, type JW320, type JW323 } from '../../src/index.js';
import { loadFixture } from './support.js';

const OPTIONS = { now: new Date(2025, 5, 10, 12, 0) };
const level3 = (path: string, retourcode: string): Finding => ({ rule: 'TEST-L3', level: 3, retourcode, path, message: { nl: 'Bevinding voor de test.', en: 'Finding for the test.' } });

describe('the answer to an iJw message', () => {
  it('returns a rejected JW319 Antwoord with its Woonplaatsbeginsel as a berichtklasse of its own (0200 when the finding is elsewhere)', () => {
    const heen = loadFixture<JW319>('JW319');
    const rejected: JW319 = { ...heen, antwoord: { ...heen.antwoord, redenAfwijzingVerzoek: '8', woonplaatsbeginsel: { gemeente: '1916' } } };
    const retour = buildRetour(rejected, [level3('/Bericht/Antwoord/ReferentieAanbieder', '9355')], OPTIONS) as JW320;
    expect(retour.type).toBe('JW320');
    expect(retour.header.berichtCode).toBe('489');
    expect(retour.antwoord!.retourCodes).toEqual(['9355']);
    expect(retour.antwoord!.woonplaatsbeginsel).toEqual({ gemeente: '1916', retourCodes: ['0200'] });
    expect(validate(encode(retour))).toMatchObject({ message: 'JW320', standard: 'ijw-3.2', accepted: true });
  });

  it('takes a code on the Woonplaatsbeginsel itself', () => {
    const heen = loadFixture<JW319>('JW319');
    const rejected: JW319 = { ...heen, antwoord: { ...heen.antwoord, redenAfwijzingVerzoek: '8', woonplaatsbeginsel: { gemeente: '1916' } } };
    const retour = buildRetour(rejected, [level3('/Bericht/Antwoord/Woonplaatsbeginsel/Gemeente', 'S300')], OPTIONS) as JW320;
    expect(retour.antwoord!.woonplaatsbeginsel!.retourCodes).toEqual(['S300']);
    expect(retour.antwoord!.retourCodes).toEqual(['0200']);
  });

  it('names the XSD versions of the iJw XSDs in use, or those the caller states (iJw spec §1.2)', () => {
    const heen = loadFixture<JW323>('JW323');
    const answer = buildRetour(heen, [], OPTIONS)!;
    expect(answer.type).toBe('JW325');
    expect(answer.header.xsdVersie).toEqual({ basisschemaXsdVersie: '0.1.0', berichtXsdVersie: '0.1.0' });
    const stated = buildRetour(heen, [], { ...OPTIONS, xsdVersie: { basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0' } })!;
    expect(stated.header.xsdVersie).toEqual({ basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0' });
  });
});
