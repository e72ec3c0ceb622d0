/**
 * iJw 3.2 at level 2 (and, by the registry, levels 3 and 4): one registry serves both standards. Every rule case of
 * iWmo, sent as its iJw twin, gives the same findings at the same paths, except
 * where the iJw rule set differs (iJw spec §4.2); and the test vectors of
 * iJw spec §4.3 give exactly the rules the spec names.
 */
import { describe, expect, it } from 'vitest';
import { checkRules, encode, rules, validate, type Finding, type JW301, type JW319, type Message, type WMO301 } from '../../src/index.js';
import { base301, base319, edit, relatie, toegewezenProduct } from './bases.js';
import { ruleCases } from './cases.js';
import { editJw, jwTwin } from './twin.js';

const fired = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.rule))].sort();
const firedAt = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.rule} ${f.path}`);

/** Cases whose outcome the iJw rule set changes, with what it gives instead (iJw spec §4.2). */
const DIFFERS: Readonly<Record<string, readonly string[]>> = {
  // CS050 allows 6 without a Partnernaam in iJw; CS318 forbids it for the client.
  'CS050 without Partnernaam, NaamGebruik 6 (XSLT 2.10.5)': ['CS318'],
  // No hulpmiddelen exemption in iJw: the overlap rules fire (the twin's categories are 50–53).
  'TR302 hulpmiddelen (categorie 12) overlapping a generiek one': ['TR302'],
  'TR386 hulpmiddelen (categorie 14) may overlap': ['TR386'],
};
const IJW_ONLY = new Set(['CS318', 'TR377', 'TR409']);

const iwmoCases = Object.entries(ruleCases)
  .filter(([id]) => !IJW_ONLY.has(id))
  .flatMap(([id, cases]) => [...cases.breaks.map((c) => ({ id, c, breaks: true })), ...cases.keeps.map((c) => ({ id, c, breaks: false }))])
  // A case the XSD already forbids cannot be written as XML, so it has no twin.
  .filter(({ c }) => !c.codeOnly);

describe('one registry for both standards', () => {
  it('applies every shared rule of levels 2–4 to a message and its twin, and the iJw-only rules to iJw messages only', () => {
    const levels = new Set(Object.values(rules).map((r) => r.level));
    expect([...levels].sort()).toEqual([2, 3, 4]);
    for (const rule of Object.values(rules)) {
      const wmo = rule.messages.filter((id) => id.startsWith('WMO'));
      const jw = rule.messages.filter((id) => id.startsWith('JW'));
      if (IJW_ONLY.has(rule.id)) {
        expect(wmo, rule.id).toEqual([]);
        expect(jw.length, rule.id).toBeGreaterThan(0);
      } else expect(jw, rule.id).toEqual(wmo.map((id) => id.replace('WMO', 'JW')));
    }
  });
});

describe.each(iwmoCases.map((x) => [`${x.id} ${x.c.name}`, x] as const))('the iJw twin of %s', (label, { id, c, breaks }) => {
  it(DIFFERS[label] ? `gives ${DIFFERS[label]!.join(', ')} as the iJw rule set does` : 'gives the same findings at the same paths', () => {
    const twin = jwTwin(c.message);
    const findings = checkRules(twin);
    if (DIFFERS[label]) {
      expect(fired(findings)).toEqual([...DIFFERS[label]!].sort());
      return;
    }
    expect(firedAt(findings)).toEqual(firedAt(checkRules(c.message)));
    if (breaks) expect(fired(findings)).toContain(id);
    else expect(findings).toEqual([]);
  });
});

describe('the test vectors of iJw spec §4.3', () => {
  const wmo301 = (change: (m: WMO301) => void): { iwmo: Message; ijw: JW301 } => {
    const iwmo = edit(base301, change);
    return { iwmo, ijw: jwTwin(iwmo) as JW301 };
  };
  /** The same product as the base's, open-ended from the last day of the base's period (as the TR302 case). */
  const OPEN_ENDED = { toewijzingNummer: 1002, ingangsdatum: '2025-12-31', einddatum: undefined, omvang: { volume: 1, eenheid: '04', frequentie: '4' } } as const;
  const orgName = { geslachtsnaam: { achternaam: 'Stichting Voogdij' }, naamGebruik: '6' } as const;

  it.each([
    ['301 Client NaamGebruik 6, no Partnernaam', wmo301((m) => (m.client.naam.naamGebruik = '6')), ['CS050'], ['CS318']],
    ['301 Relatie NaamGebruik 6, no Partnernaam', wmo301((m) => (m.client.relaties = [relatie({ naam: { ...orgName } })])), ['CS050'], []],
    ['301 Relatie NaamGebruik 6 with Partnernaam', wmo301((m) => (m.client.relaties = [relatie({ naam: { ...orgName, partnernaam: { achternaam: 'Visser' } } })])), ['CS050'], ['CS050']],
    [
      '301 two ToegewezenProducten, same Categorie and Code, overlapping',
      wmo301((m) => m.client.toegewezenProducten.push(toegewezenProduct({ ...OPEN_ENDED }))),
      ['TR302'],
      ['TR302'],
    ],
  ] as const)('%s', (_, { iwmo, ijw }, inIwmo, inIjw) => {
    expect(fired(checkRules(iwmo))).toEqual(inIwmo);
    expect(fired(checkRules(ijw))).toEqual(inIjw);
    // The same as XML: level 1 clean, level 2 as above.
    const report = validate(encode(ijw));
    expect(report.message).toBe('JW301');
    expect(fired(report.findings)).toEqual(inIjw);
  });

  it('301 overlapping products of category 11: exempt in iWmo, TR302 in iJw (where 11 is no category: the rule itself, in code)', () => {
    const { iwmo, ijw } = wmo301((m) => {
      m.client.toegewezenProducten.push(toegewezenProduct({ ...OPEN_ENDED }));
      for (const p of m.client.toegewezenProducten) p.product = { categorie: '11', code: '11A01' };
    });
    expect(fired(checkRules(iwmo))).toEqual([]);
    const jw = structuredClone(ijw);
    for (const p of jw.client.toegewezenProducten) if (p.product) p.product.categorie = '11';
    expect(fired(checkRules(jw))).toEqual(['TR302']);
  });

  const jw319 = (antwoord: Partial<JW319['antwoord']>, woonplaatsbeginsel: boolean): JW319 =>
    editJw(jwTwin(base319()) as JW319, (m) => {
      Object.assign(m.antwoord, antwoord);
      for (const key of Object.keys(m.antwoord) as (keyof JW319['antwoord'])[]) if (m.antwoord[key] === undefined) delete m.antwoord[key];
      if (woonplaatsbeginsel) m.antwoord.woonplaatsbeginsel = { gemeente: '1916' };
    });

  it.each([
    ['VerzoekAntwoord 1, reason 8, no Woonplaatsbeginsel', jw319({ verzoekAntwoord: '1', redenAfwijzingVerzoek: '8' }, false), ['TR377']],
    ['VerzoekAntwoord 1, reason 3, with Woonplaatsbeginsel', jw319({ verzoekAntwoord: '1', redenAfwijzingVerzoek: '3' }, true), ['TR409']],
    ['VerzoekAntwoord 2, reason 8, with Woonplaatsbeginsel', jw319({ verzoekAntwoord: '2', redenAfwijzingVerzoek: '8' }, true), ['CD086']],
    ['VerzoekAntwoord 2, no reason, with Woonplaatsbeginsel (the gap)', jw319({ verzoekAntwoord: '2', redenAfwijzingVerzoek: undefined }, true), []],
    ['VerzoekAntwoord 1, no reason, with Woonplaatsbeginsel', jw319({ verzoekAntwoord: '1', redenAfwijzingVerzoek: undefined }, true), ['CD085']],
  ] as const)('319 %s', (_, message, expected) => {
    expect(fired(checkRules(message))).toEqual(expected);
    const report = validate(encode(message));
    expect(report.findings.filter((f) => f.level === 1)).toEqual([]);
    expect(fired(report.findings)).toEqual(expected);
  });
});
