/** The documents the rest of iwmo/extensions produces are valid documents: a derived ProviderReport passes validateDocument, in JSON and XML. */
import { describe, expect, it } from 'vitest';
import { deriveProviderReport, documentToXml, validateDocument } from '../../../src/extensions-entry.js';
import { declaratie, goereeProfile, prestatie, start, stop } from '../reports/messages.js';

const A = '999990019';
const B = '999990007';
const messages = [
  start(A, 345001, '2016-03-07', { categorie: '02' }),
  start(B, 345002, '2016-01-11'),
  stop(B, 345002, '2016-01-11', '2016-07-01'),
  declaratie(A, [
    prestatie('AM2', '02', '2016-06-01', '2016-06-30', 4, 40_000),
    // A credit line: net units of the group go below zero in its period.
    prestatie('G9', '09', '2016-07-04', '2016-07-10', 1, 6_000, 'C'),
  ]),
];

describe('derived provider reports', () => {
  it.each(Array.from({ length: 13 }, (_, i) => i + 1))('P%i of the Goeree calendar is a valid ProviderReport, also as XML', (index) => {
    const { report } = deriveProviderReport({ messages, profile: goereeProfile, calendar: { kind: '4-weeks', anchor: '2016-01-04' }, period: { index }, id: `RPT-P${index}`, contractId: 'GO-2016-A', reporter: 'A' });
    expect(validateDocument(report).findings).toEqual([]);
    expect(validateDocument(documentToXml(report)).findings).toEqual([]);
  });
});
