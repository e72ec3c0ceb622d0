/** validateDocument and friends: every valid fixture accepted, every broken one refused by its rule at its field. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IwmoError } from '../../../src/findings.js';
import { documentArbitrary } from '../../../src/extensions/documents/arbitraries.js';
import { definition } from '../../../src/extensions/documents/definition.js';
import { EXTENSION_RULES, documentToXml, parseDocument, safeParseDocument, validateDocument } from '../../../src/extensions/index.js';
import type { DocumentKind, LumpsumContract, ProviderDeterminedIntensity, ProviderReport } from '../../../src/extensions/model.js';
import { brokenCases, root, validFixtureFiles } from './support.js';

const kinds = definition.documents.map((d) => d.kind as DocumentKind);

describe('valid fixtures', () => {
  it.each(validFixtureFiles().map((f) => [f.slice(root.length)]))('%s is accepted without findings', (file) => {
    const report = validateDocument(readFileSync(join(root, file)));
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ accepted: true, format: file.endsWith('.xml') ? 'xml' : 'json' });
  });
});

describe('broken fixtures', () => {
  const cases = brokenCases();
  it.each(cases.flatMap((c) => c.files.map((f) => [f.file.slice(root.length), f.findings] as const)))('%s is refused by its rule at its field', (file, expected) => {
    const report = validateDocument(readFileSync(join(root, file)));
    expect(report.accepted).toBe(false);
    for (const want of expected) expect(report.findings).toContainEqual(expect.objectContaining({ rule: want.rule, level: want.level, path: want.path, retourcode: null }));
    // One defect each: nothing else is reported.
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(expected.map((w) => w.rule)));
    for (const finding of report.findings) {
      expect(finding.message.nl.length).toBeGreaterThan(10);
      expect(finding.message.en.length).toBeGreaterThan(10);
      if (file.endsWith('.xml') && finding.path !== '/') expect(finding.line).toBeGreaterThan(0);
    }
  });

  it('cover every rule', () => {
    const covered = new Set(cases.flatMap((c) => c.files.flatMap((f) => f.findings.map((w) => w.rule))));
    expect(EXTENSION_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('match the rule table in docs/extensions.md', () => {
    const doc = readFileSync(join(root, 'docs/extensions.md'), 'utf8');
    const listed = [...doc.matchAll(/^\| (EXT\d{3}) \| ([12]) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(listed).toEqual(EXTENSION_RULES.map((r) => [r.id, r.level]));
  });
});

describe('properties', () => {
  it.each(kinds)('every %s generated from the definition is valid, in JSON and in XML', (kind) => {
    fc.assert(
      fc.property(documentArbitrary(kind), (doc) => {
        expect(validateDocument(doc).findings).toEqual([]);
        expect(validateDocument(documentToXml(doc)).findings).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('one basis point more on a share is caught by EXT021 at /shares', () => {
    fc.assert(
      fc.property(documentArbitrary('LumpsumContract'), fc.nat(), (doc, pick) => {
        const contract = structuredClone(doc) as LumpsumContract & { shares: { partyId: string; bp: number }[] };
        const share = contract.shares[pick % contract.shares.length]!;
        share.bp += 1;
        const report = validateDocument(contract);
        // A share of 10 000 bp plus one leaves the schema's range instead (EXT006).
        expect(report.findings.map((f) => `${f.rule} ${f.path}`)).toContain(share.bp > 10_000 ? `EXT006 /shares/${contract.shares.indexOf(share)}/bp` : 'EXT021 /shares');
      }),
      { numRuns: 60 },
    );
  });

  it('a decision moved before its predecessor is caught by EXT030 (or EXT031 on the same day)', () => {
    fc.assert(
      fc.property(
        documentArbitrary('ProviderDeterminedIntensity').filter((d) => (d as ProviderDeterminedIntensity).history.length >= 2),
        (doc) => {
          const pdi = structuredClone(doc) as ProviderDeterminedIntensity & { history: { validFrom: string }[] };
          const last = pdi.history.length - 1;
          pdi.history[last]!.validFrom = pdi.history[last - 1]!.validFrom;
          expect(validateDocument(pdi).findings.map((f) => `${f.rule} ${f.path}`)).toContain(`EXT031 /history/${last}/validFrom`);
          pdi.history[last]!.validFrom = pdi.mandate.period.start;
          pdi.history[last - 1]!.validFrom = pdi.mandate.period.end;
          expect(validateDocument(pdi).findings.map((f) => f.rule)).toContain(pdi.mandate.period.start === pdi.mandate.period.end ? 'EXT031' : 'EXT030');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a BSN written anywhere in a report is caught by EXT056, and masked in the finding', () => {
    fc.assert(
      fc.property(documentArbitrary('ProviderReport'), (doc) => {
        const report = { ...structuredClone(doc), reporter: 'party 999990019' } as ProviderReport;
        const result = validateDocument(report);
        expect(result.findings).toEqual([expect.objectContaining({ rule: 'EXT056', path: '/reporter' })]);
        expect(JSON.stringify(result)).not.toContain('999990019');
      }),
      { numRuns: 30 },
    );
  });
});

describe('the API', () => {
  const contractFile = join(root, 'fixtures/extensions/goeree-2016/contract.json');
  const contract = JSON.parse(readFileSync(contractFile, 'utf8')) as LumpsumContract;

  it('takes JSON text, bytes, XML and parsed objects alike', () => {
    expect(validateDocument(readFileSync(contractFile, 'utf8')).accepted).toBe(true);
    expect(validateDocument(readFileSync(contractFile)).accepted).toBe(true);
    expect(validateDocument(documentToXml(contract)).accepted).toBe(true);
    expect(validateDocument(contract)).toEqual({ kind: 'LumpsumContract', accepted: true, findings: [] });
  });

  it('parseDocument gives the document or throws one IwmoError with every finding; safeParseDocument returns them', () => {
    expect(parseDocument(documentToXml(contract))).toEqual(contract);
    const broken = { ...contract, budget: -1, period: { start: '2016-02-30', end: '2016-12-31' } };
    expect(() => parseDocument(broken)).toThrow(IwmoError);
    const result = safeParseDocument(broken);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.rule)).toEqual(['EXT007', 'EXT006']);
  });

  it('never crashes on bad input: anything gives a report with Dutch and English text', () => {
    for (const input of ['', '   ', 'null', '[]', '42', '{"kind":"Profile"}', '<', '<a/>', new Uint8Array([0xff, 0xfe]), { kind: 'LumpsumContract', parties: 'x' }, { kind: { toString: 1 } }]) {
      const report = validateDocument(input as string);
      expect(report.accepted).toBe(false);
      expect(report.findings[0]!.message.nl).toBeTruthy();
      expect(report.findings[0]!.message.en).toBeTruthy();
    }
  });

  it('masks BSNs in every finding text and path', () => {
    const report = validateDocument({ ...contract, 999990019: 'x', id: 'C-999990019-0' });
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'EXT004', path: '/*****0019' })]);
    expect(JSON.stringify(report)).not.toContain('999990019');
  });

  it('E1 band, E8 shares and the money limit of the standard fields hold in the fixtures', () => {
    expect(contract.bands[0]).toEqual({ metric: 'clients', reference: 100, upper: { bp: 500, inclusive: false }, lower: { bp: -1_000, inclusive: true }, adjustment: 'proportional', effect: 'whole-period', rebase: false });
    const alphen = JSON.parse(readFileSync(join(root, 'fixtures/extensions/alphen/contract.json'), 'utf8')) as LumpsumContract;
    expect(alphen.budget).toBe(850_000_000);
    expect(alphen.shares.map((s) => s.bp)).toEqual([2_500, 2_000, 1_500, 1_500, 800, 700, 500, 500]);
    // A contract budget is no standard field: 850 000 000 is fine here, and would be refused in a ResultAgreement.
    const agreement = JSON.parse(readFileSync(join(root, 'fixtures/extensions/sittard/result-agreement.json'), 'utf8'));
    expect(validateDocument({ ...agreement, budget: 850_000_000 }).findings).toEqual([expect.objectContaining({ rule: 'EXT011', path: '/budget' })]);
    expect(validateDocument({ ...agreement, budget: 99_999_999 }).accepted).toBe(true);
  });

  it('accepts a correction as a new event, and its correction in turn', () => {
    const pdi = JSON.parse(readFileSync(join(root, 'fixtures/extensions/goeree-2016/intensity.json'), 'utf8')) as ProviderDeterminedIntensity;
    const base = { decidedBy: '42420001', supportPlanRef: 'OP-7781' };
    const corrected = {
      ...pdi,
      history: [
        ...pdi.history,
        { ...base, id: 'D4', validFrom: '2016-04-11', level: 'midden', decidedAt: '2016-04-20', corrects: 'D2' },
        { ...base, id: 'D5', validFrom: '2016-04-14', level: 'midden', decidedAt: '2016-04-22', corrects: 'D4' },
      ],
    };
    expect(validateDocument(corrected).findings).toEqual([]);
    // The correction may not move a decision past the next one.
    const late = { ...corrected, history: [...corrected.history.slice(0, 4), { ...corrected.history[4]!, validFrom: '2016-09-05' }] };
    expect(validateDocument(late).findings).toEqual([expect.objectContaining({ rule: 'EXT031', path: '/history/4/validFrom' })]);
  });
});
