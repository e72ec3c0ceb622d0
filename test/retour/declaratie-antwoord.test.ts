/**
 * The declaratie-antwoord 325 on fixtures/retour/WMO323.xml (§2.9, IV087):
 * six Prestaties over three Clients, one of them a credit, 1190,00 ingediend.
 */
import { describe, expect, it } from 'vitest';
import { buildDeclaratieAntwoord, buildRetour, decode, encode, RULESET_VERSION, standard, type Finding, type WMO323, type WMO325 } from '../../src/index.js';
import { loadFixture, withoutRetourCodes, xmllintComplaint, xmllintTitle, XMLLINT_SKIP_REASON } from './support.js';
import { tr342Problems } from './tr342.js';

const OPTIONS = { now: new Date(2025, 6, 10, 9, 30) };
const declaratie = loadFixture<WMO323>('WMO323');

function finding(level: 1 | 2 | 3 | 4, path: string, retourcode: string | null): Finding {
  return { rule: `TEST-L${level}`, level, retourcode, path, message: { nl: 'Bevinding voor de test.', en: 'Finding for the test.' } };
}
const client = (i: number): string => `/Bericht/Declaratie/Clienten/Client[${i}]`;
const prestatie = (i: number, j: number): string => `${client(i)}/Prestaties/Prestatie[${j}]`;

function build(findings: readonly Finding[]): WMO325 {
  const antwoord = buildDeclaratieAntwoord(declaratie, findings, OPTIONS);
  if (!antwoord) throw new Error('expected a 325');
  expect(tr342Problems(antwoord)).toEqual([]);
  return antwoord;
}

describe('the 325 on a 323', () => {
  it('has its own header from gemeente to aanbieder, linked to the 323 by DeclaratieIdentificatie and XsdVersieDeclaratie', () => {
    const { header } = build([]);
    const descriptor = standard.messages.WMO325;
    expect(header.berichtCode).toBe('485');
    expect(header.afzender).toBe(declaratie.header.ontvanger);
    expect(header.ontvanger).toBe(declaratie.header.afzender);
    expect(header.afzender).toBe('0363');
    expect(header.berichtIdentificatie.identificatie).toMatch(/^A[0-9A-Z]{11}$/);
    expect(header.berichtIdentificatie.identificatie).not.toBe(declaratie.header.berichtIdentificatie.identificatie);
    expect(header.berichtIdentificatie.dagtekening).toBe('2025-07-10');
    expect(header.xsdVersie).toEqual({ basisschemaXsdVersie: descriptor.basisschemaXsdVersie, berichtXsdVersie: descriptor.berichtXsdVersie });
    expect(header.declaratieIdentificatie).toEqual(declaratie.header.berichtIdentificatie);
    expect(header.xsltVersie).toBe(RULESET_VERSION);
    expect(header.xsdVersieDeclaratie).toEqual(declaratie.header.xsdVersie);
    const given = buildDeclaratieAntwoord(declaratie, [], { identificatie: 'DA-0001', dagtekening: '2025-07-11' })!;
    expect(given.header.berichtIdentificatie).toEqual({ identificatie: 'DA-0001', dagtekening: '2025-07-11' });
  });

  it('awards everything on a clean 323: header 0200, DeclaratieAntwoord 8001, toegekend = ingediend, no Clienten', () => {
    const antwoord = build([]);
    expect(antwoord.header.retourCodes).toEqual(['0200']);
    expect(antwoord.declaratieAntwoord).toEqual({
      declaratieNummer: 'D202506A',
      totaalIngediendBedrag: { totaalBedrag: 119000, debetCredit: 'D' },
      totaalToegekendBedrag: { totaalBedrag: 119000, debetCredit: 'D' },
      retourCodes: ['8001'],
    });
    expect(buildRetour(declaratie, [], OPTIONS)).toEqual(antwoord);
  });

  it('is a header with 0001 and no DeclaratieAntwoord after a level-2 error', () => {
    const antwoord = build([finding(2, `${prestatie(1, 1)}/ProductTarief`, '0001'), finding(3, prestatie(1, 2), '9341')]);
    expect(antwoord.header.retourCodes).toEqual(['0001']);
    expect(antwoord.declaratieAntwoord).toBeUndefined();
  });

  it('is a header with the code and no DeclaratieAntwoord after a level-3 problem with the header', () => {
    const antwoord = build([finding(3, '/Bericht/Header/BerichtIdentificatie/Identificatie', '9056')]);
    expect(antwoord.header.retourCodes).toEqual(['9056']);
    expect(antwoord.declaratieAntwoord).toBeUndefined();
  });

  it('does not exist after a level-1 error', () => {
    expect(buildDeclaratieAntwoord(declaratie, [finding(1, '/Bericht/Declaratie', null)], OPTIONS)).toBeUndefined();
  });

  it('returns only the rejected Prestaties, copied with their codes, and awards the rest (a rejected credit raises the award)', () => {
    const antwoord = build([finding(3, `${prestatie(1, 2)}/GeleverdVolume`, '9341'), finding(3, `${prestatie(1, 3)}/ProductReferentie/VorigReferentieNummer`, '9390'), finding(4, prestatie(3, 1), '0611')]);
    const da = antwoord.declaratieAntwoord!;
    expect(antwoord.header.retourCodes).toEqual(['0200']);
    expect(da.retourCodes).toEqual(['0200']);
    // 1190,00 ingediend − (360,00 debet − 500,00 credit + 100,00 debet) rejected
    expect(da.totaalToegekendBedrag).toEqual({ totaalBedrag: 123000, debetCredit: 'D' });
    expect(da.clienten!.map((c) => [c.bsn, c.retourCodes, c.prestaties.map((p) => [p.productReferentie.referentieNummer, p.retourCodes])])).toEqual([
      ['999900006', ['0200'], [['RN202506002', ['9341']], ['RN202506003', ['9390']]]],
      ['999900031', ['0200'], [['RN202506006', ['0611']]]],
    ]);
    const source = declaratie.declaratie.clienten;
    expect(withoutRetourCodes(da.clienten![0]!.prestaties)).toEqual([source[0]!.prestaties[1], source[0]!.prestaties[2]]);
  });

  it('returns a rejected Client with its code and all its Prestaties, 0233 where they have no code of their own', () => {
    const antwoord = build([finding(4, `${client(2)}/Bsn`, '8017'), finding(3, prestatie(2, 2), '9341')]);
    const da = antwoord.declaratieAntwoord!;
    expect(da.totaalToegekendBedrag).toEqual({ totaalBedrag: 119000 - 45000 - 18000, debetCredit: 'D' });
    expect(da.clienten).toHaveLength(1);
    expect(da.clienten![0]!.retourCodes).toEqual(['8017']);
    expect(da.clienten![0]!.prestaties.map((p) => p.retourCodes)).toEqual([['0233'], ['9341']]);
  });

  it('awards nothing when the Declaratie itself is rejected: its code on the DeclaratieAntwoord, toegekend 0 debet, no Clienten', () => {
    const antwoord = build([finding(3, '/Bericht/Declaratie/DeclaratieNummer', '9333'), finding(3, prestatie(1, 1), '9341')]);
    expect(antwoord.header.retourCodes).toEqual(['0200']);
    expect(antwoord.declaratieAntwoord).toEqual({
      declaratieNummer: 'D202506A',
      totaalIngediendBedrag: { totaalBedrag: 119000, debetCredit: 'D' },
      totaalToegekendBedrag: { totaalBedrag: 0, debetCredit: 'D' },
      retourCodes: ['9333'],
    });
  });

  it('writes a negative award as a credit total', () => {
    const debets = [prestatie(1, 1), prestatie(1, 2), prestatie(2, 1), prestatie(2, 2), prestatie(3, 1)];
    const antwoord = build(debets.map((path) => finding(3, path, '9341')));
    // Only the 500,00 credit is approved.
    expect(antwoord.declaratieAntwoord!.totaalToegekendBedrag).toEqual({ totaalBedrag: 50000, debetCredit: 'C' });
  });

  it('round-trips through encode and decode', () => {
    for (const findings of [[], [finding(3, prestatie(1, 2), '9341'), finding(4, `${client(2)}/Bsn`, '8017')]]) {
      const antwoord = build(findings);
      const decoded = decode(encode(antwoord));
      expect(decoded.findings).toEqual([]);
      expect(decoded.value).toEqual(antwoord);
    }
  });

  it(xmllintTitle('passes xmllint --schema WMO325.xsd: clean, level 2, header, partly rejected, Client rejected, Declaratie rejected'), { skip: XMLLINT_SKIP_REASON !== undefined }, () => {
    const variants: Finding[][] = [
      [],
      [finding(2, prestatie(1, 1), '0001')],
      [finding(3, '/Bericht/Header/Afzender', '9056')],
      [finding(3, prestatie(1, 2), '9341'), finding(3, prestatie(1, 3), '9390')],
      [finding(4, `${client(2)}/Bsn`, '8017')],
      [finding(3, '/Bericht/Declaratie/DeclaratiePeriode', '9333')],
    ];
    for (const findings of variants) expect(xmllintComplaint(encode(build(findings)), 'WMO325'), JSON.stringify(findings.map((f) => f.path))).toBeUndefined();
  });
});
