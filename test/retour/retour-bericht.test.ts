/**
 * Retours 302/306/308/316/318/320 built from the fixtures in fixtures/retour:
 * header rules of §2.8 and IV028, codes per berichtklasse, and the XSD shape
 * (encode always; xmllint with the official XSDs where available).
 */
import { describe, expect, it } from 'vitest';
import {
  buildRetour,
  decode,
  encode,
  locatorFor,
  RULESET_VERSION,
  messageDescriptor,
  type Finding,
  type HeenMessage,
  type HeenMessageId,
  type Message,
  type MessageId,
  type WMO301,
  type WMO302,
  type WMO323,
  type JW323,
} from '../../src/index.js';
import { classesOf, loadFixture, withoutRetourCodes, xmllintComplaint, xmllintTitle, XMLLINT_SKIP_REASON } from './support.js';

const OPTIONS = { now: new Date(2025, 5, 10, 12, 0) };

function finding(level: 1 | 2 | 3 | 4, path: string, retourcode: string | null, severity?: 'warning'): Finding {
  return {
    rule: `TEST-L${level}`,
    level,
    retourcode,
    path,
    message: { nl: 'Bevinding voor de test.', en: 'Finding for the test.' },
    ...(severity ? { severity } : {}),
  };
}

interface RetourCase {
  readonly heen: Exclude<HeenMessageId, 'WMO323' | 'JW323'>;
  readonly retour: MessageId;
  /** §2.8: the berichtklassen of the retour, as property paths of the typed model. */
  readonly classes: readonly string[];
  /** The second product-level class of the fixture (the Antwoord for a 319), where the standard's path puts it, and its place in the model. */
  readonly second: (message: Message) => object;
  readonly secondPath: string;
  readonly secondAt: string;
  readonly code: string;
}

const CASES: readonly RetourCase[] = [
  {
    heen: 'WMO301',
    retour: 'WMO302',
    classes: ['client', 'client.relaties[*]', 'client.relaties[*].contact', 'client.contactgegevens[*]', 'client.toegewezenProducten[*]'],
    second: (m) => (m as WMO301).client.toegewezenProducten[1]!,
    secondPath: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]',
    secondAt: 'client.toegewezenProducten[1]',
    code: '9332',
  },
  {
    heen: 'WMO305',
    retour: 'WMO306',
    classes: ['client', 'client.startProducten[*]'],
    second: (m) => (m as Extract<Message, { type: 'WMO305' }>).client.startProducten[1]!,
    secondPath: '/Bericht/Client/StartProducten/StartProduct[2]',
    secondAt: 'client.startProducten[1]',
    code: '9019',
  },
  {
    heen: 'WMO307',
    retour: 'WMO308',
    classes: ['client', 'client.stopProducten[*]'],
    second: (m) => (m as Extract<Message, { type: 'WMO307' }>).client.stopProducten[1]!,
    secondPath: '/Bericht/Client/StopProducten/StopProduct[2]',
    secondAt: 'client.stopProducten[1]',
    code: '9069',
  },
  {
    heen: 'WMO315',
    retour: 'WMO316',
    classes: ['client', 'client.aangevraagdeProducten[*]'],
    second: (m) => (m as Extract<Message, { type: 'WMO315' }>).client.aangevraagdeProducten[1]!,
    secondPath: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]',
    secondAt: 'client.aangevraagdeProducten[1]',
    code: '9359',
  },
  {
    heen: 'WMO317',
    retour: 'WMO318',
    classes: ['client', 'client.verzoek', 'client.verzoek.ongewijzigdeProducten[*]', 'client.verzoek.teWijzigenProducten[*]', 'client.verzoek.nieuweProducten[*]'],
    second: (m) => (m as Extract<Message, { type: 'WMO317' }>).client.verzoek.teWijzigenProducten![1]!,
    secondPath: '/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[2]',
    secondAt: 'client.verzoek.teWijzigenProducten[1]',
    code: '9374',
  },
  {
    heen: 'WMO319',
    retour: 'WMO320',
    classes: ['antwoord'],
    second: (m) => (m as Extract<Message, { type: 'WMO319' }>).antwoord,
    secondPath: '/Bericht/Antwoord',
    secondAt: 'antwoord',
    code: '9355',
  },
];

/** The body of a heen-bericht or retour: everything but type and header. */
function bodyOf(message: Message): Record<string, unknown> {
  return Object.fromEntries(Object.entries(message).filter(([key]) => key !== 'type' && key !== 'header'));
}

/** A level-3 finding on a leaf inside the case's second class, with the path as rules make it. */
function findingOnSecond(c: RetourCase, heen: Message): Finding {
  const target = c.second(heen);
  const firstProp = Object.keys(target)[0]!;
  return finding(3, locatorFor(heen).field(target, firstProp).path, c.code);
}

describe.each(CASES.map((c) => [c.heen, c] as const))('the retour on a %s', (_, c) => {
  const heen = loadFixture<Exclude<HeenMessage, WMO323 | JW323>>(c.heen);

  it('on a clean message is the heen header with the retour fields, sender and receiver not swapped, and nothing else', () => {
    const retour = buildRetour(heen, [], OPTIONS)!;
    const descriptor = messageDescriptor(c.retour);
    expect(retour.type).toBe(c.retour);
    expect(Object.keys(retour).sort()).toEqual(['header', 'type']);
    const header = retour.header;
    expect(header.berichtCode).toBe(descriptor.berichtCode);
    expect(header.berichtVersie).toBe(heen.header.berichtVersie);
    expect(header.berichtSubversie).toBe(heen.header.berichtSubversie);
    expect(header.afzender).toBe(heen.header.afzender);
    expect(header.ontvanger).toBe(heen.header.ontvanger);
    expect(header.afzender).not.toBe(heen.header.ontvanger);
    expect(header.berichtIdentificatie).toEqual(heen.header.berichtIdentificatie);
    expect(header.xsdVersie).toEqual(heen.header.xsdVersie);
    expect(header.identificatieRetour).toMatch(/^R[0-9A-Z]{11}$/);
    expect(header.dagtekeningRetour).toBe('2025-06-10');
    expect(header.xsltVersie).toBe(RULESET_VERSION);
    expect(header.xsdVersieRetour).toEqual({ basisschemaXsdVersie: descriptor.basisschemaXsdVersie, berichtXsdVersie: descriptor.berichtXsdVersie });
    expect('retourCodes' in header).toBe(false);
    // encode throws on any level-1 problem; decoding the result gives the same retour back.
    const decoded = decode(encode(retour));
    expect(decoded.findings).toEqual([]);
    expect(decoded.value).toEqual(retour);
  });

  it('on a level-2 error is the header with RetourCode 0001 and no body, whatever else was found', () => {
    const findings = [finding(3, c.secondPath, c.code), finding(2, `${c.secondPath}/Begindatum`, '0001')];
    const retour = buildRetour(heen, findings, OPTIONS)!;
    expect(retour.header.retourCodes).toEqual(['0001']);
    expect(Object.keys(bodyOf(retour))).toEqual([]);
    expect(() => encode(retour)).not.toThrow();
  });

  it('on a level-3 finding in the second product class: header 0200, body copied, that class carries the code, every other class 0200', () => {
    const target = c.second(heen);
    expect(locatorFor(heen).node(target).path).toBe(c.secondPath);
    const retour = buildRetour(heen, [findingOnSecond(c, heen)], OPTIONS)!;
    expect(retour.header.retourCodes).toEqual(['0200']);
    expect(withoutRetourCodes(bodyOf(retour))).toEqual(bodyOf(heen));
    const classes = classesOf(retour);
    expect([...new Set(classes.map((k) => k.shape))].sort()).toEqual([...c.classes].sort());
    for (const k of classes) expect(k.retourCodes, k.at).toEqual(k.at === c.secondAt ? [c.code] : ['0200']);
    expect(classes.some((k) => k.at === c.secondAt)).toBe(true);
    expect(decode(encode(retour)).value).toEqual(retour);
  });

  it('on a level-3/4 problem with the header is the header with that code and no body', () => {
    const retour = buildRetour(heen, [finding(3, '/Bericht/Header/BerichtIdentificatie/Identificatie', '9056'), finding(4, `${c.secondPath}`, c.code)], OPTIONS)!;
    expect(retour.header.retourCodes).toEqual(['9056']);
    expect(Object.keys(bodyOf(retour))).toEqual([]);
  });

  it('does not exist after a level-1 error, and warnings change nothing', () => {
    expect(buildRetour(heen, [finding(1, '/Bericht/Header', null)], OPTIONS)).toBeUndefined();
    const warned = buildRetour(heen, [finding(1, '/Bericht', null, 'warning'), finding(2, c.secondPath, '0001', 'warning'), finding(3, c.secondPath, c.code, 'warning')], OPTIONS)!;
    expect(warned).toEqual(buildRetour(heen, [], OPTIONS));
  });

  it(xmllintTitle(`passes xmllint --schema ${c.retour}.xsd when clean, after level 2 and with codes per class`), { skip: XMLLINT_SKIP_REASON !== undefined }, () => {
    const variants = [[], [finding(2, c.secondPath, '0001')], [findingOnSecond(c, heen)]];
    for (const findings of variants) {
      const xml = encode(buildRetour(heen, findings, OPTIONS)!);
      expect(xmllintComplaint(xml, c.retour)).toBeUndefined();
    }
  });
});

describe('codes per berichtklasse', () => {
  const heen = loadFixture<WMO301>('WMO301');
  const codesAt = (retour: WMO302 | undefined, at: string): readonly string[] | undefined => classesOf(retour!).find((k) => k.at === at)?.retourCodes;

  it('go to the deepest class that holds the finding: a Relatie’s Contact, the Relatie, the Client', () => {
    const retour = buildRetour(
      heen,
      [
        finding(3, '/Bericht/Client/Relaties/Relatie[1]/Contact/Telefoon/Telefoon01/Telefoonnummer', '9307'),
        finding(3, '/Bericht/Client/Relaties/Relatie[1]/Naam/Geslachtsnaam/Achternaam', '9308'),
        finding(4, '/Bericht/Client/Bsn', '8017'),
        finding(3, '/Bericht/Client/ToegewezenProducten', '9319'),
      ],
      OPTIONS,
    );
    expect(codesAt(retour, 'client.relaties[0].contact')).toEqual(['9307']);
    expect(codesAt(retour, 'client.relaties[0]')).toEqual(['9308']);
    expect(codesAt(retour, 'client')).toEqual(['8017', '9319']);
    expect(codesAt(retour, 'client.contactgegevens[0]')).toEqual(['0200']);
  });

  it('keep the order of the findings and leave out repeats', () => {
    const path = '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[3]';
    const retour = buildRetour(heen, [finding(3, `${path}/Budget`, '9369'), finding(3, `${path}/Einddatum`, '9321'), finding(3, path, '9369')], OPTIONS);
    expect(codesAt(retour, 'client.toegewezenProducten[2]')).toEqual(['9369', '9321']);
  });

  it('do not mix up ToegewezenProduct[1] with a path that only starts the same way', () => {
    const retour = buildRetour(heen, [finding(3, '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[12]/Budget', '9369')], OPTIONS);
    // There is no 12th product: the nearest class that exists is the Client.
    expect(codesAt(retour, 'client')).toEqual(['9369']);
    expect(codesAt(retour, 'client.toegewezenProducten[0]')).toEqual(['0200']);
  });

  it('give 0233 below a rejected class only when asked: by default every class was checked and is 0200', () => {
    const findings = [finding(3, '/Bericht/Client/Bsn', '8017')];
    const byDefault = classesOf(buildRetour(heen, findings, OPTIONS)!);
    const unchecked = classesOf(buildRetour(heen, findings, { ...OPTIONS, belowRejectedClass: '0233' })!);
    for (const k of byDefault) expect(k.retourCodes).toEqual(k.at === 'client' ? ['8017'] : ['0200']);
    for (const k of unchecked) expect(k.retourCodes).toEqual(k.at === 'client' ? ['8017'] : ['0233']);
  });

  it('ignore level-3/4 findings without an official retourcode: they cannot be written in a retour', () => {
    const retour = buildRetour(heen, [finding(3, '/Bericht/Client/Bsn', null), finding(4, '/Bericht/Client/Bsn', 'X123'), finding(3, '/Bericht/Client/Bsn', '0200')], OPTIONS);
    expect(retour).toEqual(buildRetour(heen, [], OPTIONS));
  });

  it('treat a finding on the message as a whole (/Bericht) like one on the header', () => {
    const retour = buildRetour(heen, [finding(4, '/Bericht', '8021')], OPTIONS)!;
    expect(retour.header.retourCodes).toEqual(['8021']);
    expect(retour.client).toBeUndefined();
  });
});

describe('the retour header', () => {
  const heen = loadFixture<WMO301>('WMO301');

  it('gets the same IdentificatieRetour for the same heen-bericht, another for another one, and the given one when asked', () => {
    const first = buildRetour(heen, [], OPTIONS)!.header.identificatieRetour;
    expect(buildRetour(structuredClone(heen), [finding(3, '/Bericht/Client', '8017')], { now: new Date(2030, 0, 1) })!.header.identificatieRetour).toBe(first);
    const other = structuredClone(heen);
    other.header.berichtIdentificatie.identificatie = 'TW2025000102';
    expect(buildRetour(other, [], OPTIONS)!.header.identificatieRetour).not.toBe(first);
    expect(buildRetour(heen, [], { ...OPTIONS, identificatie: 'RET-1' })!.header.identificatieRetour).toBe('RET-1');
  });

  it('takes DagtekeningRetour from the local date of `now`, or as given', () => {
    expect(buildRetour(heen, [], { now: new Date(2025, 11, 31, 23, 59) })!.header.dagtekeningRetour).toBe('2025-12-31');
    expect(buildRetour(heen, [], { now: new Date(2026, 0, 1, 0, 1) })!.header.dagtekeningRetour).toBe('2026-01-01');
    expect(buildRetour(heen, [], { ...OPTIONS, dagtekening: '2025-06-11' })!.header.dagtekeningRetour).toBe('2025-06-11');
  });

  it('leaves the heen-bericht untouched and shares nothing with it', () => {
    const before = structuredClone(heen);
    const retour = buildRetour(heen, [finding(3, '/Bericht/Client/Bsn', '8017')], OPTIONS)!;
    retour.client!.toegewezenProducten[0]!.toewijzingNummer = 1;
    retour.client!.naam.geslachtsnaam.achternaam = 'Anders';
    retour.header.berichtIdentificatie.identificatie = 'X';
    expect(heen).toEqual(before);
  });
});

describe('buildRetour on a message that is itself an answer', () => {
  it('gives no retour', () => {
    const retour = buildRetour(loadFixture<WMO301>('WMO301'), [], OPTIONS)!;
    expect(buildRetour(retour, [], OPTIONS)).toBeUndefined();
  });
});
