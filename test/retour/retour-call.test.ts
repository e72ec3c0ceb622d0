/**
 * retour(): from received XML to the answer, through validate. The fixtures
 * are valid heen-berichten, so each gets its header-only answer.
 */
import { describe, expect, it } from 'vitest';
import { ANTWOORD_BERICHT, berichtNummer, decode, retour, type Finding, type HeenMessageId } from '../../src/index.js';
import { fixtureBytes, xmllintComplaint, xmllintTitle, XMLLINT_SKIP_REASON } from './support.js';

const OPTIONS = { now: new Date(2025, 7, 1, 8, 0) };
const HEEN = Object.keys(ANTWOORD_BERICHT) as HeenMessageId[];
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function finding(level: 2 | 3, path: string, retourcode: string): Finding {
  return { rule: `TEST-L${level}`, level, retourcode, path, message: { nl: 'Bevinding voor de test.', en: 'Finding for the test.' } };
}

describe.each(HEEN)('retour() on fixtures/retour/%s.xml', (id) => {
  const answerId = ANTWOORD_BERICHT[id];

  it(`accepts it and answers with a ${answerId} that decodes cleanly`, () => {
    const result = retour(fixtureBytes(id), OPTIONS);
    expect(result.report.message).toBe(id);
    expect(result.report.findings).toEqual([]);
    expect(result.report.accepted).toBe(true);
    expect(result.reason).toBeUndefined();
    expect(result.retour?.type).toBe(answerId);
    const decoded = decode(result.xml!);
    expect(decoded.findings).toEqual([]);
    expect(decoded.value).toEqual(result.retour);
    expect(result.retour!.header.retourCodes).toEqual(berichtNummer(id) === '323' ? ['0200'] : undefined);
  });

  it(xmllintTitle(`answers with XML that passes xmllint --schema ${answerId}.xsd`), { skip: XMLLINT_SKIP_REASON !== undefined }, () => {
    expect(xmllintComplaint(retour(fixtureBytes(id), OPTIONS).xml!, answerId)).toBeUndefined();
  });
});

describe('retour()', () => {
  it('takes additional level-3 findings (from a dossier) into the report and the retour', () => {
    const path = '/Bericht/Client/StartProducten/StartProduct[2]/ToewijzingNummer';
    const result = retour(fixtureBytes('WMO305'), { ...OPTIONS, additionalFindings: [finding(3, path, '9019')] });
    expect(result.report.accepted).toBe(false);
    expect(result.report.findings.map((f) => f.rule)).toEqual(['TEST-L3']);
    const answer = result.retour as Extract<typeof result.retour, { type: 'WMO306' }>;
    expect(answer.header.retourCodes).toEqual(['0200']);
    expect(answer.client!.startProducten.map((p) => p.retourCodes)).toEqual([['0200'], ['9019'], ['0200']]);
    expect(result.xml).toContain('<wmo306:RetourCode>9019</wmo306:RetourCode>');
  });

  it('answers a level-2 error with 0001', () => {
    const result = retour(fixtureBytes('WMO301'), { ...OPTIONS, additionalFindings: [finding(2, '/Bericht/Client/Bsn', '0001')] });
    expect(result.retour?.header.retourCodes).toEqual(['0001']);
    expect(result.xml).not.toContain('<wmo302:Client>');
  });

  it('gives no retour, and says why, when the XML is not well-formed', () => {
    const result = retour(text(fixtureBytes('WMO301')).replace('</wmo301:Bsn>', '</wmo301:Bsm>'), OPTIONS);
    expect(result.retour).toBeUndefined();
    expect(result.xml).toBeUndefined();
    expect(result.report.accepted).toBe(false);
    expect(result.report.findings.some((f) => f.level === 1)).toBe(true);
    expect(result.reason?.nl).toContain('niveau 1');
  });

  it('gives no retour when the message breaks the XSD', () => {
    const result = retour(text(fixtureBytes('WMO307')).replace(/<wmo307:Geslacht>2<\/wmo307:Geslacht>/, ''), OPTIONS);
    expect(result.report.findings.some((f) => f.rule === 'XSD')).toBe(true);
    expect(result.retour).toBeUndefined();
    expect(result.reason?.en).toContain('level 1');
  });

  it('gives no retour on a message that is itself an answer', () => {
    const answer = retour(fixtureBytes('WMO319'), OPTIONS).xml!;
    const result = retour(answer, OPTIONS);
    expect(result.report.message).toBe('WMO320');
    expect(result.report.accepted).toBe(true);
    expect(result.retour).toBeUndefined();
    expect(result.reason?.en).toContain('WMO320');
  });

  it('still answers when validate only warns (a byte order mark)', () => {
    const bytes = fixtureBytes('WMO317');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    const result = retour(withBom, OPTIONS);
    expect(result.report.findings.length).toBeGreaterThan(0);
    expect(result.report.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(result.retour?.type).toBe('WMO318');
    expect(result.retour?.header.retourCodes).toBeUndefined();
  });

  it('writes the answer as asked', () => {
    const result = retour(fixtureBytes('WMO315'), { ...OPTIONS, encode: { newline: '\n' } });
    expect(result.xml).not.toContain('\r');
    expect(retour(fixtureBytes('WMO315'), OPTIONS).xml).toContain('\r\n');
  });
});
