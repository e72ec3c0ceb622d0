import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractStatus, formatBp, formatCents, formatDelta, statusTable } from '../../../src/extensions/index.js';
import { contractWith, goereeContract, goereeReports, report } from './support.js';

/** Reads a formatted amount back: `−€ 1.384,62` → -138462. */
function parseCents(text: string): number {
  const match = /^(−?)€ ([\d.]+),(\d\d)$/.exec(text)!;
  return (match[1] ? -1 : 1) * (Number(match[2]!.replaceAll('.', '')) * 100 + Number(match[3]));
}

describe('status text', () => {
  it('formats amounts exactly, with Dutch grouping, and back', () => {
    expect(formatCents(5_138_462)).toBe('€ 51.384,62');
    expect(formatCents(5)).toBe('€ 0,05');
    expect(formatDelta(-138_462)).toBe('−€ 1.384,62');
    expect(formatBp(-1000, true)).toBe('−10,00 %');
    expect(formatBp(0, true)).toBe('0,00 %');
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        expect(parseCents(formatCents(cents)) + 0).toBe(cents);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (bp) => {
        expect(Math.round(Number(formatBp(bp, true).replace(/[+ %]/g, '').replace('−', '-').replace(',', '.')) * 100) + 0).toBe(bp);
      }),
    );
  });

  it('has one row per period, in Dutch or English, with the band position of each', () => {
    const status = contractStatus(goereeContract, goereeReports);
    const nl = statusTable(status, 'nl');
    expect(nl.columns.map((c) => c.heading)).toEqual(['Periode', 'Van … t/m', 'Cliënten', 'Afwijking', 'Band', 'Budget', 'Besteed t/m', 'Besteed', 'Verstreken', 'Budgetwijziging']);
    expect(nl.rows).toHaveLength(13);
    expect(nl.rows[6]).toEqual({ period: 7, position: 'above', cells: ['P07', '2016-06-20 … 2016-07-17', '106', '+6,00 %', 'boven', '€ 50.000,00', '€ 28.000,00', '56,00 %', '54,37 %', '+€ 3.000,00 → € 53.000,00 (voorstel)'] });
    expect(statusTable(status, 'en').rows[7]!.cells).toEqual(['P08', '2016-07-18 … 2016-08-14', '-', '-', '-', '€ 53.000,00', '-', '-', '-', '-']);
  });

  it('gives a second band rule a row of its own under the period', () => {
    const contract = contractWith({ bands: [goereeContract.bands[0]!, { ...goereeContract.bands[0]!, metric: 'units', reference: 80 }] });
    const table = statusTable(contractStatus(contract, [report(1, 100)]), 'en');
    expect(table.columns[2]!.heading).toBe('Reported');
    expect(table.rows.slice(0, 2).map((r) => r.cells.slice(0, 5))).toEqual([
      ['P01', '2016-01-04 … 2016-01-31', '100', '0,00 %', 'inside'],
      ['', '', '80', '0,00 %', 'inside'],
    ]);
  });
});
