import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { contractStatus } from '../../src/extensions/index.js';
import { contractChart, niceTicks } from '../../src/web/contract-chart.js';
import { contractWith, goereeContract, goereeReports, report } from '../extensions/status/support.js';

/** Elements of an SVG text with their attributes and text, read by an XML parser (so the text must be well-formed). */
function elements(svg: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const found: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (node) => {
    const element = { name: node.name, attributes: node.attributes as Record<string, string>, text: '' };
    found.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    if (open.length > 0) open[open.length - 1]!.text += text;
  });
  parser.on('closetag', () => void open.pop());
  parser.write(svg).close();
  return found;
}

describe('the contract chart', () => {
  const svg = contractChart(contractStatus(goereeContract, goereeReports), { idPrefix: 'goeree' });
  const all = elements(svg);

  it('is an accessible image: a title and a description that say what it shows', () => {
    expect(all[0]!.attributes).toMatchObject({ role: 'img', 'aria-labelledby': 'goeree-title goeree-desc', viewBox: '0 0 760 520' });
    expect(all.find((e) => e.name === 'title' && e.attributes.id === 'goeree-title')!.text).toBe('Contract goeree-2016-A: gemelde aantallen tegen de bandbreedte, en het budget per periode');
    expect(all.find((e) => e.attributes.id === 'goeree-desc')!.text).toBe(
      '13 periodes, gemeld t/m P07. P07: 106 (+6,00 %), boven de band: budgetwijziging +€ 3.000,00 → € 53.000,00 (voorstel). Budget € 50.000,00 bij de start, € 53.000,00 na de wijzigingen.',
    );
  });

  it('marks each reported value with its band position, the P07 crossing above the band', () => {
    const points = all.filter((e) => e.name === 'circle' && e.attributes['data-period']);
    expect(points.map((p) => [p.attributes['data-period'], p.attributes['data-position']])).toEqual([
      ['1', 'inside'], ['2', 'inside'], ['3', 'inside'], ['4', 'inside'], ['5', 'inside'], ['6', 'inside'], ['7', 'above'],
    ]);
    expect(all.some((e) => e.name === 'text' && e.text === '106 (+6,00 %)')).toBe(true);
    // The band and the points share one scale: 105 (the upper bound) and the point for P05 lie at the same height.
    const band = all.find((e) => e.attributes['data-band'] !== undefined)!.attributes.d!;
    const upperY = Number(/^M[\d.]+,([\d.]+)/.exec(band)![1]);
    expect(Number(points[4]!.attributes.cy)).toBeCloseTo(upperY, 0);
  });

  it('draws the budget line with the proposed amendment at the end of P07', () => {
    const marker = all.findIndex((e) => e.attributes['data-amendment'] === 'goeree-2016-A-band-P07');
    expect(all[marker + 1]).toMatchObject({ name: 'title', text: 'goeree-2016-A-band-P07: +€ 3.000,00 → € 53.000,00 (voorstel)' });
    expect(all.some((e) => e.name === 'text' && e.text === '+€ 3.000,00 → € 53.000,00')).toBe(true);
    expect(all.find((e) => e.attributes['data-budget-line'] !== undefined)!.attributes.d).toMatch(/V[\d.]+L/);
    expect(all.filter((e) => e.attributes['data-spent-period'])).toHaveLength(7);
  });

  it('draws the band of the first rule that applies, its reference moving after a rebasing crossing', () => {
    const rebasing = { ...goereeContract.bands[0]!, rebase: true };
    const status = contractStatus(contractWith({ bands: [{ ...rebasing, reference: 0 }, rebasing] }), [report(3, 110)]);
    const found = elements(contractChart(status));
    expect(found.find((e) => e.name === 'text' && e.text.startsWith('Cliënten'))!.text).toBe('Cliënten (bandbreedte 2 van 2)');
    expect(status.periods.map((p) => p.inForce[0]!.reference)).toEqual([100, 100, 100, ...Array(10).fill(110)]);
    // The dashed reference steps up after P03.
    const reference = found.find((e) => e.attributes['stroke-dasharray'] === '6 4')!.attributes.d!;
    const heights = [...reference.matchAll(/M[\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(heights[2]).toBeGreaterThan(heights[3]!);
  });

  it('escapes what the documents bring in', () => {
    const chart = contractChart(contractStatus({ ...goereeContract, id: 'a<b>&"c' }, []));
    expect(elements(chart).find((e) => e.name === 'title')!.text).toContain('a<b>&"c');
  });

  it('is well-formed with one point per reported period for any set of reports, rules and budgets', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ index: fc.integer({ min: 1, max: 13 }), active: fc.integer({ min: 0, max: 300 }) }), { selector: (r) => r.index, maxLength: 13 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.boolean(),
        (picks, rebase, budget, withBand) => {
          const contract = contractWith({ budget, ...(withBand ? { band: { rebase, effect: 'whole-period' } } : { bands: [] }) });
          // Spending net of credits may be negative.
          const status = contractStatus(contract, picks.map((p) => report(p.index, p.active, { spendYtd: (p.active - 100) * 10_000 })));
          const found = elements(contractChart(status));
          expect(found.filter((e) => e.attributes['data-period']).length).toBe(withBand ? picks.length : 0);
          expect(found.filter((e) => e.attributes['data-amendment']).length).toBe(status.amendments.length);
          for (const e of found) for (const value of Object.values(e.attributes)) expect(value).not.toMatch(/NaN|Infinity|undefined/);
          for (const e of found) for (const size of [e.attributes.width, e.attributes.height, e.attributes.r]) expect(Number(size ?? 0)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('picks round ticks that cover the range', () => {
    expect(niceTicks(0, 5_250_000)).toEqual([0, 2_000_000, 4_000_000, 6_000_000]);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (min, span) => {
        const ticks = niceTicks(min, min + span);
        expect(ticks[0]!).toBeLessThanOrEqual(min + span * 1e-6);
        expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(min + span - span * 1e-6);
        expect(ticks.length).toBeLessThanOrEqual(8);
      }),
    );
  });
});
