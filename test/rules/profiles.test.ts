/**
 * Profiles decide which rules run: the national profile is the standard as
 * is; a gemeente switches rules off, adjusts or replaces them, adds its own
 * and sets options. checkRules runs them in a stable order, reports all
 * findings and never throws.
 */
import { describe, expect, it } from 'vitest';
import { checkRules, defineProfile, describeRule, encode, nationalProfile, rules, validate, type Rule } from '../../src/index.js';
import type * as T from '../../src/standard/generated/types.js';
import { base301, base323, edit, toegewezenProduct } from './bases.js';
import { ruleCases } from './cases.js';

const breakOf = (id: string): T.Message => ruleCases[id]!.breaks[0]!.message;

/** A gemeente's own rule: a Budget of at most € 10.000,00 (level 4, no official retourcode). */
const maxBudget: Rule = {
  id: 'G0363-BUDGET',
  level: 4,
  messages: ['WMO301'],
  retourcode: null,
  text: { nl: 'Budget is ten hoogste € 10.000,00.', en: 'A Budget is at most € 10,000.00.' },
  check(context) {
    if (context.message.type !== 'WMO301') return [];
    return context.message.client.toegewezenProducten
      .filter((p) => (p.budget ?? 0) > 1_000_000)
      .map((p) => context.finding(context.locator.field(p, 'budget'), { nl: `Budget ${p.budget} is te hoog.`, en: `Budget ${p.budget} is too high.` }));
  },
};

const highBudget = (): T.WMO301 => edit(base301, (m) => (m.client.toegewezenProducten = [toegewezenProduct({ product: { categorie: '02' }, omvang: undefined, budget: 2_000_000 })]));

/** A message that breaks several rules at once, for order. */
const manyDefects = (): T.WMO301 =>
  edit(base301, (m) => {
    m.client.bsn = '123456789'; // CS002
    m.client.naam.naamGebruik = '2'; // CS050
    m.client.toegewezenProducten[0]!.toewijzingsdatum = '2025-02-01'; // TR134
    delete m.client.toegewezenProducten[0]!.omvang; // CD041
  });

describe('the national profile', () => {
  it('is the default and runs every rule of the registry in registry order: CD, CS, TR', () => {
    expect(nationalProfile.rules.map((r) => r.id)).toEqual(Object.keys(rules));
    expect(nationalProfile.options.lenientCs050).toBe(false);
    expect(checkRules(manyDefects(), { profile: nationalProfile })).toEqual(checkRules(manyDefects()));
    expect(checkRules(manyDefects()).map((f) => f.rule)).toEqual(['CD041', 'CS002', 'CS050', 'TR134']);
  });

  it('reports the same findings every time (stable order)', () => {
    const once = checkRules(breakOf('TR302'));
    expect(checkRules(breakOf('TR302'))).toEqual(once);
    expect(once.map((f) => f.path)).toEqual(['/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]', '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]']);
  });
});

describe('defineProfile', () => {
  it('switches rules off by id', () => {
    const profile = defineProfile({ name: 'zonder CD041', disable: ['CD041'] });
    expect(checkRules(breakOf('CD041'), { profile })).toEqual([]);
    expect(checkRules(manyDefects(), { profile }).map((f) => f.rule)).toEqual(['CS002', 'CS050', 'TR134']);
    expect(profile.rules).toHaveLength(Object.keys(rules).length - 1);
  });

  it('adjusts a rule: a warning never rejects a message', () => {
    const profile = defineProfile({ name: 'CD041 als waarschuwing', override: [{ id: 'CD041', severity: 'warning' }] });
    const [finding] = checkRules(breakOf('CD041'), { profile });
    expect(finding).toMatchObject({ rule: 'CD041', level: 2, retourcode: '0001', severity: 'warning' });
    const report = validate(encode(breakOf('CD041')), { profile });
    expect(report.findings.map((f) => f.rule)).toEqual(['CD041']);
    expect(report.accepted).toBe(true);
  });

  it('replaces a rule in place: its findings carry the new level and retourcode', () => {
    const stricter = defineProfile({
      name: 'TR002 streng',
      override: [
        {
          id: 'TR002',
          level: 3,
          retourcode: null,
          check(context) {
            if (context.message.type !== 'WMO301') return [];
            const g = context.message.client.geboortedatum;
            return g.datum < '1925-01-01' ? [context.finding(context.locator.field(g, 'datum'), { nl: 'Ouder dan 100.', en: 'Older than 100.' })] : [];
          },
        },
      ],
    });
    const m = edit(base301, (x) => (x.client.geboortedatum.datum = '1920-05-05'));
    expect(checkRules(m)).toEqual([]);
    expect(checkRules(m, { profile: stricter })).toEqual([
      { rule: 'TR002', level: 3, retourcode: null, path: '/Bericht/Client/Geboortedatum/Datum', message: { nl: 'Ouder dan 100.', en: 'Older than 100.' } },
    ]);
    expect(stricter.rules.map((r) => r.id)).toEqual(Object.keys(rules));
  });

  it('adds local rules with their own level and retourcode, run after the national ones', () => {
    const profile = defineProfile({ name: 'gemeente 0363', add: [maxBudget] });
    const m = edit(highBudget, (x) => (x.client.bsn = '123456789'));
    expect(checkRules(m, { profile })).toEqual([
      expect.objectContaining({ rule: 'CS002', level: 2, retourcode: '0001' }),
      expect.objectContaining({ rule: 'G0363-BUDGET', level: 4, retourcode: null, path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Budget' }),
    ]);
    expect(checkRules(m).map((f) => f.rule)).toEqual(['CS002']);
    // A local rule runs only on its own messages.
    expect(checkRules(base323(), { profile })).toEqual([]);
    expect(describeRule('G0363-BUDGET', profile)).toMatchObject({ id: 'G0363-BUDGET', level: 4, retourcode: null, messages: ['WMO301'] });
    expect(describeRule('G0363-BUDGET')).toBeUndefined();
  });

  it('gives decoded messages their lines in local rules too', () => {
    const profile = defineProfile({ name: 'gemeente 0363', add: [maxBudget] });
    const report = validate(encode(highBudget()), { profile });
    const finding = report.findings.find((f) => f.rule === 'G0363-BUDGET');
    expect(finding?.line).toBeGreaterThan(0);
    expect(report.accepted).toBe(false);
  });

  it('builds on another profile', () => {
    const gemeente = defineProfile({ name: 'gemeente 0363', add: [maxBudget], disable: ['CS050'] });
    const contract = defineProfile({ name: 'contract', base: gemeente, disable: ['G0363-BUDGET'], options: { lenientCs050: true } });
    expect(contract.rules.map((r) => r.id)).toEqual(Object.keys(rules).filter((id) => id !== 'CS050'));
    expect(contract.options.lenientCs050).toBe(true);
    expect(checkRules(highBudget(), { profile: contract })).toEqual([]);
  });

  it('sets lenientCs050: NaamGebruik 6 without a Partnernaam passes, other values still fail', () => {
    const lenient = defineProfile({ name: 'lenient', options: { lenientCs050: true } });
    const six = edit(base301, (m) => (m.client.naam.naamGebruik = '6'));
    const two = edit(base301, (m) => (m.client.naam.naamGebruik = '2'));
    expect(checkRules(six).map((f) => f.rule)).toEqual(['CS050']);
    expect(checkRules(six, { profile: lenient })).toEqual([]);
    expect(checkRules(two, { profile: lenient }).map((f) => f.rule)).toEqual(['CS050']);
    expect(checkRules(two, { profile: lenient })[0]!.message.nl).toContain('1 of 6');
  });

  it('refuses ids it cannot mean', () => {
    expect(() => defineProfile({ name: 'x', disable: ['CD999'] })).toThrow(RangeError);
    expect(() => defineProfile({ name: 'x', override: [{ id: 'TR999', severity: 'warning' }] })).toThrow(RangeError);
    expect(() => defineProfile({ name: 'x', add: [{ ...maxBudget, id: 'CD041' }] })).toThrow(RangeError);
    expect(() => defineProfile({ name: 'x', add: [maxBudget, maxBudget] })).toThrow(RangeError);
  });
});

describe('checkRules never throws', () => {
  it('turns a local rule that fails into a finding of that rule, and runs the others', () => {
    const broken: Rule = { ...maxBudget, id: 'G0363-BROKEN', check: () => { throw new Error('bug'); } };
    const profile = defineProfile({ name: 'buggy', add: [broken, maxBudget] });
    const findings = checkRules(highBudget(), { profile });
    expect(findings.map((f) => `${f.rule} ${f.path}`)).toEqual(['G0363-BROKEN /Bericht', 'G0363-BUDGET /Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Budget']);
    expect(findings[0]!.message.en).toContain('could not run');
  });

  it('reports, instead of throwing, on a value built in code that lacks mandatory parts', () => {
    const incomplete = { type: 'WMO301', header: base301().header, client: { bsn: '123456782' } } as unknown as T.WMO301;
    const findings = checkRules(incomplete);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f).toMatchObject({ level: 2, retourcode: '0001', path: '/Bericht' });
  });

  it('applies nothing to a retour message', () => {
    // No rule applies, so not even the message's parts are read.
    expect(checkRules({ type: 'WMO320' } as unknown as T.Message)).toEqual([]);
  });
});
