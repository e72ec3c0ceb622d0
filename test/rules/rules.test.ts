/**
 * Every level-2 rule, one by one: a message that breaks it makes exactly that
 * rule fire (plus the rules the standard ties to the same change) at the
 * element the finding names; a message that keeps it passes all rules. The
 * same cases written as XML and validated give the same findings with lines.
 */
import { describe, expect, it } from 'vitest';
import { validateWhole } from '../../src/api.js';
import { ALL_MESSAGE_IDS, checkRules, describeRule, encode, isError, IwmoError, rules, validate, type Finding } from '../../src/index.js';
import type { MessageId } from '../../src/standard/descriptor.js';
import { bases } from './bases.js';
import { ruleCases, type RuleCase } from './cases.js';

const show = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.rule} ${f.path}: ${f.message.en}`);
const firedRules = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.rule))].sort();

describe('the registry', () => {
  const levelTwo = Object.fromEntries(Object.entries(rules).filter(([, rule]) => rule.level === 2));

  it('holds the 58 rules of the official XSLT 2.10.5 and CS015, CS025 and CS319, and the iJw rules CS318, TR377 and TR409 at level 2', () => {
    expect(Object.keys(levelTwo)).toHaveLength(64);
    for (const id of ['CS015', 'CS025', 'CS319', 'CD041', 'TR101', 'TR416']) expect(rules[id]?.id).toBe(id);
  });

  it('runs the rules CD, CS, TR at level 2 and then levels 3 and 4, each family by number (every id is two letters and three digits)', () => {
    const ids = Object.keys(rules);
    for (const id of ids) expect(id).toMatch(/^[A-Z]{2}\d{3}$/);
    const family = (id: string): number => (rules[id]!.level === 2 ? ['CD', 'CS', 'TR'].indexOf(id.slice(0, 2)) : rules[id]!.level + 1);
    const expected = [...ids].sort((a, b) => family(a) - family(b) || (a < b ? -1 : a > b ? 1 : 0));
    expect(ids).toEqual(expected);
  });

  it('describes every rule as a level-2 rule with retourcode 0001, a Dutch and an English text and the messages it applies to', () => {
    const messageIds = new Set<string>(ALL_MESSAGE_IDS);
    for (const rule of Object.values(levelTwo)) {
      expect(rule.level, rule.id).toBe(2);
      expect(rule.retourcode, rule.id).toBe('0001');
      expect(rule.text.nl.length, rule.id).toBeGreaterThan(10);
      expect(rule.text.en.length, rule.id).toBeGreaterThan(10);
      expect(rule.messages.length, rule.id).toBeGreaterThan(0);
      for (const id of rule.messages) expect(messageIds.has(id), `${rule.id} ${id}`).toBe(true);
      expect(describeRule(rule.id)).toEqual({ id: rule.id, level: 2, messages: rule.messages, retourcode: '0001', text: rule.text });
    }
    expect(describeRule('XX999')).toBeUndefined();
  });

  it('holds the level-3 and level-4 rules after them, each with its own official retourcode (or none where the standard gives none)', () => {
    const later = Object.values(rules).filter((rule) => rule.level > 2);
    expect(Object.values(rules).slice(-later.length)).toEqual(later);
    for (const rule of later) {
      expect(rule.retourcode === null || /^[0-9S]\d{3}$/.test(rule.retourcode), rule.id).toBe(true);
      expect(rule.retourcode, rule.id).not.toBe('0001');
      expect(rule.text.nl.length, rule.id).toBeGreaterThan(10);
      expect(rule.text.en.length, rule.id).toBeGreaterThan(10);
    }
  });

  it('applies no rule to the retour messages, which the XSLT does not check', () => {
    const retours: MessageId[] = ['WMO302', 'WMO306', 'WMO308', 'WMO316', 'WMO318', 'WMO320', 'JW302', 'JW306', 'JW308', 'JW316', 'JW318', 'JW320'];
    for (const rule of Object.values(rules)) for (const id of retours) expect(rule.messages, rule.id).not.toContain(id);
  });

  it('has break and keep cases for every rule, and cases only for rules it holds', () => {
    expect(Object.keys(ruleCases).sort()).toEqual(Object.keys(levelTwo).sort());
    for (const [id, cases] of Object.entries(ruleCases)) {
      expect(cases.breaks.length, id).toBeGreaterThan(0);
      expect(cases.keeps.length, id).toBeGreaterThan(0);
    }
  });
});

describe.each(Object.entries(bases))('the valid base %s', (_, make) => {
  it('passes every rule and level 1', () => {
    expect(show(checkRules(make()))).toEqual([]);
    const report = validate(encode(make()));
    expect(show(report.findings)).toEqual([]);
    expect(report.accepted).toBe(true);
  });
});

const breaking = Object.entries(ruleCases).flatMap(([id, cases]) => cases.breaks.map((c) => [id, c.name, c] as const));
const keeping = Object.entries(ruleCases).flatMap(([id, cases]) => cases.keeps.map((c) => [id, c.name, c] as const));

describe.each(breaking)('%s is broken by: %s', (id, _, c: RuleCase) => {
  it('fires that rule (and only the rules tied to the change) at the offending element', () => {
    const findings = checkRules(c.message);
    expect(firedRules(findings), show(findings).join('\n')).toEqual([id, ...(c.alsoFires ?? [])].sort());
    const own = findings.filter((f) => f.rule === id);
    if (c.path) expect(own.map((f) => f.path)).toContain(c.path);
    for (const f of own) {
      expect(f).toMatchObject({ level: 2, retourcode: '0001' });
      expect(isError(f)).toBe(true);
      expect(f.message.nl).not.toBe(f.message.en);
    }
  });

  it(c.codeOnly ? 'cannot be written as XML: the XSD fixes that value, level 2 only guards values built in code' : 'gives the same findings, with lines, when written as XML and validated', () => {
    if (c.codeOnly) {
      expect(() => encode(c.message)).toThrow(IwmoError);
      return;
    }
    const report = validate(encode(c.message));
    expect(report.findings.filter((f) => f.level === 1)).toEqual([]);
    expect(report.accepted).toBe(false);
    const direct = checkRules(c.message);
    expect(report.findings.map((f) => `${f.rule} ${f.path}`)).toEqual(direct.map((f) => `${f.rule} ${f.path}`));
    for (const f of report.findings) expect(f.line, `${f.rule} ${f.path}`).toBeGreaterThan(0);
  });

  // A value only code can hold cannot be written as XML (the test above): only the others are read back.
  if (!c.codeOnly)
    it('is still found with allLevels when level 1 also fails elsewhere, on every path; without it level 2 does not run', () => {
      const xml = encode(c.message);
      const clean = validate(xml);
      // An element the XSD does not know, on the Header's last line: level 1 fails, no line or path moves.
      const withError = xml.replace(/(<\/[\w]+:Header>)/, '<Onbekend/>$1');
      expect(withError).not.toBe(xml);
      const bytes = new TextEncoder().encode(withError);
      for (const report of [validate(withError, { allLevels: true }), validate(bytes, { allLevels: true }), validateWhole(bytes, { allLevels: true })]) {
        expect(report.findings.filter((f) => f.level === 1).map((f) => f.path)).toEqual([expect.stringMatching(/\/Header\/Onbekend$/)]);
        expect(report.findings.filter((f) => f.level > 1)).toEqual(clean.findings);
      }
      expect(validate(bytes).findings.filter((f) => f.level > 1)).toEqual([]);
    });
});

describe.each(keeping)('%s is kept by: %s', (id, _, c: RuleCase) => {
  it('passes that rule and every other', () => {
    const findings = checkRules(c.message);
    expect(findings.filter((f) => f.rule === id)).toEqual([]);
    expect(show(findings)).toEqual([]);
  });

  it('is a valid message at level 1 too', () => {
    expect(show(validate(encode(c.message)).findings)).toEqual([]);
  });
});
