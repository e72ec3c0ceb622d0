/**
 * A decoded message's level-2 findings carry the line of the element they
 * name, so a user can go straight to it. The fixtures in fixtures/level2 are
 * written out once; their lines are fixed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRules, decode, validate } from '../../src/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/level2');
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** Rule, path, line, and a piece of the text on that line: the element itself, or the class holding a missing one. */
type Expected = readonly [rule: string, path: string, line: number, onLine: string];

const expectations: Record<string, readonly Expected[]> = {
  'WMO301-regels.xml': [
    ['CD041', '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[3]/Omvang', 75, '<wmo301:ToegewezenProduct>'],
    ['CS089', '/Bericht/Client/Contactgegevens/Contact[1]/Adres/Postcode', 37, '<iwmo:Postcode>1234 AB</iwmo:Postcode>'],
    ['TR302', '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]', 43, '<wmo301:ToegewezenProduct>'],
    ['TR302', '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]', 59, '<wmo301:ToegewezenProduct>'],
  ],
  'WMO323-regels.xml': [
    ['CD087', '/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]/ProductTarief', 76, '<wmo323:Prestatie>'],
    ['CS002', '/Bericht/Declaratie/Clienten/Client[2]/Bsn', 74, '<wmo323:Bsn>123456789</wmo323:Bsn>'],
    ['CS337', '/Bericht/Declaratie/Clienten/Client[3]/Prestaties/Prestatie[1]/ProductPeriode/Einddatum', 108, '<iwmo:Einddatum>2025-02-10</iwmo:Einddatum>'],
    ['TR137', '/Bericht/Declaratie/Clienten/Client[3]/Prestaties/Prestatie[1]/ProductPeriode/Einddatum', 108, '<iwmo:Einddatum>2025-02-10</iwmo:Einddatum>'],
    ['TR319', '/Bericht/Declaratie/Clienten/Client[3]/Prestaties/Prestatie[1]/ProductPeriode/Einddatum', 108, '<iwmo:Einddatum>2025-02-10</iwmo:Einddatum>'],
    ['TR358', '/Bericht/Declaratie/TotaalIngediendBedrag', 25, '<wmo323:TotaalIngediendBedrag>'],
    ['TR416', '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]', 52, '<wmo323:Prestatie>'],
  ],
};

describe.each(Object.entries(expectations))('%s', (name, expected) => {
  const xml = read(name);
  const lines = xml.split(/\r?\n/);

  it('is valid at level 1 and rejected at level 2 with findings on the lines of their elements', () => {
    const report = validate(xml);
    expect(report.findings.filter((f) => f.level === 1)).toEqual([]);
    expect(report.accepted).toBe(false);
    expect(report.findings.map((f) => [f.rule, f.path, f.line])).toEqual(expected.map(([rule, path, line]) => [rule, path, line]));
    for (const [, , line, onLine] of expected) expect(lines[line - 1]).toContain(onLine);
  });

  it('gives the same rules and paths for the value without lines, built in code', () => {
    const decoded = decode(xml).value!;
    const copy = structuredClone(decoded);
    const withLines = checkRules(decoded);
    const withoutLines = checkRules(copy);
    expect(withoutLines.map((f) => [f.rule, f.path])).toEqual(withLines.map((f) => [f.rule, f.path]));
    expect(withoutLines.every((f) => f.line === undefined)).toBe(true);
  });

  it('never shows a whole BSN', () => {
    for (const finding of validate(xml).findings) expect(`${finding.message.nl} ${finding.message.en}`).not.toMatch(/\d{9}/);
  });
});
