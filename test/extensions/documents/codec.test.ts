/** JSON ⇄ XML: lossless for every schema-valid document, and strict about the envelope. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapeArbitrary } from '../../../src/extensions/documents/arbitraries.js';
import { definition } from '../../../src/extensions/documents/definition.js';
import { decodeDocumentXml, documentToXml, parseDocument, validateDocument } from '../../../src/extensions/index.js';
import type { DocumentKind, EigenBijdrageFeed } from '../../../src/extensions/model.js';
import { validFixtureFiles } from './support.js';

const kinds = definition.documents.map((d) => d.kind as DocumentKind);

describe('JSON ⇄ XML', () => {
  it.each(kinds)('decode(encode(doc)) is doc for every schema-valid %s', (kind) => {
    fc.assert(
      fc.property(shapeArbitrary(kind), (doc) => {
        const decoded = decodeDocumentXml(documentToXml(doc));
        expect(decoded.findings).toEqual([]);
        expect(decoded.value).toEqual(doc);
      }),
      { numRuns: 150 },
    );
  });

  it('each XML fixture is its JSON twin', () => {
    for (const file of validFixtureFiles().filter((f) => f.endsWith('.json'))) {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      const xml = readFileSync(file.replace(/\.json$/, '.xml'), 'utf8');
      expect(parseDocument(xml), file).toEqual(json);
      expect(documentToXml(json), file).toBe(xml);
    }
  });

  it('writes the §3.3 envelope: Header with Type first, Koppeling before the body', () => {
    const xml = readFileSync(validFixtureFiles().find((f) => f.endsWith('goeree-2016/intensity.xml'))!, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<x:Bericht xmlns:x="urn:iwmo:extensions:1.0">\n\t<x:Header>\n\t\t<x:Type>INTENSITEITSBESLUIT<\/x:Type>\n\t\t<x:Versie>1.0.0<\/x:Versie>\n\t\t<x:IWmoRelease>3.2<\/x:IWmoRelease>\n\t\t<x:Afzender rol="aanbieder">42420001<\/x:Afzender>/);
    expect(xml.indexOf('<x:Koppeling>')).toBeGreaterThan(xml.indexOf('</x:Header>'));
    expect(xml.indexOf('<x:ProviderDeterminedIntensity>')).toBeGreaterThan(xml.indexOf('</x:Koppeling>'));
  });

  it('keeps a document without header without one (the XML header then holds only Type)', () => {
    const feed: EigenBijdrageFeed = { kind: 'EigenBijdrageFeed', bsn: '999990019', start: '2020-01-01', source: 'WMO301', regime: { regime: 'abonnementstarief', monthly: 1_900 } };
    const xml = documentToXml(feed);
    expect(xml).toContain('<x:Header>\n\t\t<x:Type>EIGENBIJDRAGE</x:Type>\n\t</x:Header>');
    expect(parseDocument(xml)).toEqual(feed);
  });

  it('keeps carriage returns, markup characters and tabs in text', () => {
    const feed = { kind: 'ResultAgreement', ...JSON.parse(readFileSync(validFixtureFiles().find((f) => f.endsWith('sittard/result-agreement.json'))!, 'utf8')) };
    feed.goals[0].label = 'a\r\nb <c> & "d"\t\'e\' ]]> €';
    expect(parseDocument(documentToXml(feed))).toEqual(feed);
  });
});

describe('reading XML', () => {
  const contract = readFileSync(validFixtureFiles().find((f) => f.endsWith('goeree-2016/contract.xml'))!, 'utf8');
  const first = (xml: string) => validateDocument(xml).findings[0];

  it('refuses a DOCTYPE without expanding it', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x:Bericht xmlns:x="urn:iwmo:extensions:1.0">&b;</x:Bericht>`;
    expect(first(bomb)).toMatchObject({ rule: 'EXT001', level: 1, message: { en: expect.stringContaining('DOCTYPE') } });
  });

  it('refuses nesting deeper than the reader allows', () => {
    expect(first(`<x:Bericht xmlns:x="urn:iwmo:extensions:1.0">${'<x:a>'.repeat(100)}${'</x:a>'.repeat(100)}</x:Bericht>`)).toMatchObject({ rule: 'EXT001', level: 1 });
  });

  it('refuses another namespace, an unknown element and a repeated one, with XPath and line', () => {
    expect(first(contract.replace('urn:iwmo:extensions:1.0', 'urn:other'))).toMatchObject({ rule: 'EXT001', path: '/Bericht' });
    const unknown = contract.replace('\t\t<x:Budget>', '\t\t<x:Notitie>n.v.t.</x:Notitie>\n\t\t<x:Budget>');
    expect(first(unknown)).toMatchObject({ rule: 'EXT001', path: '/Bericht/LumpsumContract/Notitie', line: 21 });
    const repeated = contract.replace('\t\t<x:Budget>5000000</x:Budget>', '\t\t<x:Budget>5000000</x:Budget>\n\t\t<x:Budget>5000000</x:Budget>');
    expect(first(repeated)).toMatchObject({ rule: 'EXT001', path: '/Bericht/LumpsumContract/Budget', line: 22 });
  });

  it('names a wrong value by its XPath and line (schema rules on XML input)', () => {
    const report = validateDocument(contract.replace('<x:Budget>5000000</x:Budget>', '<x:Budget>5000000.5</x:Budget>'));
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'EXT010', level: 1, path: '/Bericht/LumpsumContract/Budget', line: 21 })]);
  });
});
