/**
 * Property: for any set of findings on a valid heen-bericht, the answer is
 * there exactly when level 1 is clean, always encodes without a level-1
 * problem, and its header codes follow IV028/IV087. The expectation below is
 * written from those rules, not from the builder.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANTWOORD_BERICHT, berichtNummer, buildRetour, encode, locatorFor, standard, type Finding, type HeenMessageId, type Message, type WMO325 } from '../../src/index.js';
import { classesOf, loadFixture } from './support.js';
import { tr342Problems } from './tr342.js';

const HEEN = Object.keys(ANTWOORD_BERICHT) as HeenMessageId[];
const RETOURCODES = standard.simpleTypes['LDT_RetourCode']!.enumeration!.map((e) => e.value);
const BODY_ROOTS: Record<string, string> = {
  301: '/Bericht/Client',
  305: '/Bericht/Client',
  307: '/Bericht/Client',
  315: '/Bericht/Client',
  317: '/Bericht/Client',
  319: '/Bericht/Antwoord',
  323: '/Bericht/Declaratie',
};
const BODY_ROOT = Object.fromEntries(HEEN.map((id) => [id, BODY_ROOTS[berichtNummer(id)]!])) as Record<HeenMessageId, string>;

/** Every element path of the message as rules would report it, plus a few that point nowhere. */
function pathsOf(message: Message, bodyRoot: string): string[] {
  const locator = locatorFor(message);
  const paths = new Set<string>(['/Bericht', '/Bericht/Header', `${bodyRoot}/Onbekend`, `${bodyRoot}/Onbekend[7]/Element`]);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    paths.add(locator.node(value).path);
    for (const [prop, child] of Object.entries(value)) {
      if (prop === 'type') continue;
      if (typeof child !== 'object') paths.add(locator.field(value, prop).path);
      walk(child);
    }
  };
  walk(message);
  return [...paths];
}

const within = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}/`);

describe.each(HEEN)('the answer to %s, for any findings', (id) => {
  const heen = loadFixture(id);
  const bodyRoot = BODY_ROOT[id];
  const clientCount = heen.type === 'WMO323' || heen.type === 'JW323' ? heen.declaratie.clienten.length : 0;
  /** For a 323: whether the path lies in one of its Clients (else it is on the Declaratie). */
  const inClient = (path: string): boolean =>
    berichtNummer(id) !== '323' || Array.from({ length: clientCount }, (_, i) => `${bodyRoot}/Clienten/Client[${i + 1}]`).some((c) => within(path, c));
  const findingArb: fc.Arbitrary<Finding> = fc.record({
    rule: fc.constant('PROP'),
    level: fc.constantFrom(1, 2, 3, 3, 4, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
    retourcode: fc.oneof(fc.constantFrom(...RETOURCODES), fc.constantFrom(null, 'X999')),
    path: fc.constantFrom(...pathsOf(heen, bodyRoot)),
    message: fc.constant({ nl: 'Willekeurige bevinding.', en: 'Random finding.' }),
    severity: fc.constantFrom(undefined, undefined, 'warning' as const),
  }).map((f) => (f.severity === undefined ? { rule: f.rule, level: f.level, retourcode: f.retourcode, path: f.path, message: f.message } : f));

  it('exists iff level 1 is clean, encodes, and carries the header code the rules call for', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 6 }), (findings) => {
        const answer = buildRetour(heen, findings, { now: new Date(2025, 0, 15) });
        const errors = findings.filter((f) => f.severity !== 'warning');
        if (errors.some((f) => f.level === 1)) {
          expect(answer).toBeUndefined();
          return;
        }
        expect(answer).toBeDefined();
        expect(() => encode(answer!)).not.toThrow();
        const writable = errors.filter((f) => f.level >= 3 && f.retourcode !== null && RETOURCODES.includes(f.retourcode) && f.retourcode !== '0200' && f.retourcode !== '8001');
        const headerCodes = [...new Set(writable.filter((f) => !within(f.path, bodyRoot)).map((f) => f.retourcode))];
        const bodyCodes = writable.filter((f) => within(f.path, bodyRoot)).map((f) => f.retourcode);
        const body = Object.keys(answer!).filter((k) => k !== 'type' && k !== 'header');
        const expected =
          errors.some((f) => f.level === 2) ? ['0001']
          : headerCodes.length ? headerCodes
          : bodyCodes.length || berichtNummer(id) === '323' ? ['0200']
          : undefined;
        expect(answer!.header.retourCodes).toEqual(expected);
        const hasBody = expected !== undefined && expected[0] === '0200';
        expect(body.length).toBe(hasBody ? 1 : 0);
        if (!hasBody) return;
        const classes = classesOf(answer!);
        for (const k of classes) expect(k.retourCodes.length).toBeGreaterThan(0);
        const shown = new Set(classes.flatMap((k) => k.retourCodes));
        // A code on the Declaratie itself rejects the whole declaration: then only those codes come back (IV087).
        const onDeclaratie = writable.filter((f) => within(f.path, bodyRoot) && !inClient(f.path)).map((f) => f.retourcode);
        for (const code of onDeclaratie.length ? onDeclaratie : bodyCodes) expect(shown.has(code!)).toBe(true);
        if (berichtNummer(id) === '323') expect(tr342Problems(answer as WMO325)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
