/** E10's refused 301s (fixtures/extensions/e10) and generated intensity histories through the conversions. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, project, runConversion, type IntensityProjection, type Level, type Profile, type ProviderDeterminedIntensity } from '../../../src/extensions-entry.js';
import type { WMO323 } from '../../../src/index.js';
import { REPO_ROOT } from '../../retour/support.js';
import { addDaysUtc, fixtureJson, rejections } from './support.js';

const E10 = join(REPO_ROOT, 'fixtures/extensions/e10');
const profile = fixtureJson<Profile>('e6-profile.json');

describe('E10: an invalid 301 is never converted', () => {
  const files = readdirSync(E10).filter((f) => f.endsWith('.xml'));
  it.each(files)('%s is refused with the finding of its own rule', (file) => {
    const expected = JSON.parse(readFileSync(join(E10, file.replace('.xml', '.expect.json')), 'utf8')) as { findings: { rule: string }[] };
    const outcome = runConversion({ rule: 'C2', input: readFileSync(join(E10, file), 'utf8'), profile, options: { on: '2025-03-03' } });
    expect(outcome.status).toBe('refused');
    expect(outcome.messages).toEqual([]);
    expect(outcome.findings[0]!.rule).toBe('EXT211');
    expect(outcome.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(expected.findings.map((f) => f.rule)));
  });
});

/** Goeree's profile moved to a year 3.2 can declare. */
const goeree = JSON.parse(JSON.stringify(fixtureJson<Profile>('goeree-2016-profile.json')).replaceAll('"2016-', '"2044-')) as Profile;
const base = fixtureJson<ProviderDeterminedIntensity>('goeree-2016-intensity.json');

/** A mandate inside 2044 with level decisions on any days (not only Mondays). */
const histories = fc
  .record({
    start: fc.integer({ min: 0, max: 300 }),
    length: fc.integer({ min: 7, max: 360 }),
    changes: fc.array(fc.tuple(fc.integer({ min: 1, max: 359 }), fc.constantFrom<Level>('licht', 'midden', 'zwaar')), { maxLength: 4 }),
    first: fc.constantFrom<Level>('licht', 'midden', 'zwaar'),
  })
  .map((r): ProviderDeterminedIntensity => {
    const start = addDaysUtc('2044-01-01', r.start);
    const end = [addDaysUtc(start, r.length), '2044-12-31'].sort()[0]!;
    const days = [...new Set(r.changes.map(([d]) => d))].filter((d) => addDaysUtc(start, d) <= end).sort((a, b) => a - b);
    const levels = new Map(r.changes);
    const decision = (validFrom: string, level: Level, n: number) => ({ id: `D${n}`, validFrom, level, decidedAt: validFrom, decidedBy: '42420001', supportPlanRef: 'OP-1' });
    return {
      ...base,
      mandate: { ...base.mandate, period: { start, end } },
      history: [decision(start, r.first, 0), ...days.map((d, i) => decision(addDaysUtc(start, d), levels.get(d)!, i + 1))],
    };
  });

describe('projection of generated intensity histories', () => {
  it('writes valid 323s whose Prestaties add up to the weekly tariffs of the weeks declared, one Prestatie per code and month', () => {
    fc.assert(
      fc.property(histories, (intensity) => {
        const result = project(intensity, goeree);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const output = result.output as IntensityProjection;
        const declarations = output.messages as WMO323[];
        for (const d of declarations) expect(rejections(d)).toEqual([]);
        const declared = declarations.reduce((s, d) => s + d.declaratie.totaalIngediendBedrag.totaalBedrag, 0);
        expect(declared).toBe(output.totals.amount);
        expect(output.months.flatMap((m) => m.lines).reduce((s, l) => s + l.volume, 0)).toBe(output.totals.weeks);
        for (const d of declarations) {
          const keys = d.declaratie.clienten[0]!.prestaties.map((p) => p.productCode);
          expect(new Set(keys).size).toBe(keys.length);
        }
        expect(result.report.lossless).toBe(result.report.losses.length === 0);
      }),
      { numRuns: 40, seed: 2044 },
    );
  });

  it('C8 back to four-week periods keeps every cent and unit', () => {
    fc.assert(
      fc.property(histories, (intensity) => {
        const result = project(intensity, { ...goeree, reportingCalendar: { kind: '4-weeks', anchor: '2044-01-04' } });
        if (!result.ok) return;
        const declarations = result.output.messages.filter((m): m is WMO323 => m.type === 'WMO323');
        const back = convert('C8', declarations, { ...goeree, reportingCalendar: { kind: '4-weeks', anchor: '2044-01-04' } });
        if (!back.ok || !('periods' in back.output)) throw new Error('C8 refused');
        const lines = back.output.periods.flatMap((p) => p.lines);
        expect(lines.reduce((s, l) => s + l.amount, 0)).toBe((result.output as IntensityProjection).totals.amount);
        expect(lines.reduce((s, l) => s + l.volume, 0)).toBe((result.output as IntensityProjection).totals.weeks);
      }),
      { numRuns: 25, seed: 4 },
    );
  });
});
