/**
 * encode refuses a value holding a character XML 1.0 does not allow (control
 * characters other than tab, LF and CR; a lone surrogate; U+FFFE, U+FFFF)
 * with a level-1 finding at the leaf that names the character as a code
 * point and never the value. What it does write is well-formed and reads back
 * the same.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_MESSAGE_IDS, childShapes, decode, encode, isError, IwmoError, parse, serialize, standardOf, type ComplexTypeDescriptor, type Message, type WMO305, type WMO315 } from '../../src/index.js';
import { messageArbitrary } from '../../src/generate/index.js';
import { REPO_ROOT } from '../../scripts/lib/fixture-files.js';
import { wmo305 } from './samples.js';

const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).status === 0;

const pointOf = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every character XML 1.0 does not allow that a JavaScript string can hold, by class. */
const CONTROLS = Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d);
const NOT_XML: readonly { readonly char: string; readonly point: string; readonly kind: string }[] = [
  ...CONTROLS.map((c) => ({ char: String.fromCharCode(c), point: pointOf(c), kind: 'a control character' })),
  ...[0xd800, 0xdbff, 0xdc00, 0xdfff].map((c) => ({ char: String.fromCharCode(c), point: pointOf(c), kind: 'a lone surrogate' })),
  ...[0xfffe, 0xffff].map((c) => ({ char: String.fromCharCode(c), point: pointOf(c), kind: 'a noncharacter' })),
];

/** What XML does allow next to them; text leaves keep each of them. */
const ALLOWED = 'a\tb\nc\rd\u007F\u0080\u0085\u009F\u00A0\uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}😀 &<>]]>"\'';

const ACHTERNAAM = '/Bericht/Client/Naam/Geslachtsnaam/Achternaam';
const COMMENTAAR = '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Commentaar';

function withAchternaam(achternaam: string): WMO305 {
  const message = parse(wmo305()) as WMO305;
  message.client.naam.geslachtsnaam.achternaam = achternaam;
  return message;
}

/** A WMO315 whose second AangevraagdProduct has a Commentaar: free text, whose pattern only asks for one non-space. */
function withCommentaar(commentaar: string): WMO315 {
  const message = parse(readFileSync(join(REPO_ROOT, 'fixtures/retour/WMO315.xml'))) as WMO315;
  message.client.aangevraagdeProducten[1]!.commentaar = commentaar;
  return message;
}

function refusal(write: () => string): IwmoError {
  try {
    write();
  } catch (error) {
    if (error instanceof IwmoError) return error;
    throw error;
  }
  throw new Error('the message was written');
}

describe('encode refuses characters XML does not allow', () => {
  it.each(NOT_XML)('$point ($kind), wherever it stands in the value, naming only the code point', ({ char, point, kind }) => {
    for (const value of [`Jansen${char}Smit`, `Privé${char}Smit`, `${char}Privé`, `Smit😀${char}`]) {
      const error = refusal(() => encode(withAchternaam(value)));
      expect(error.findings, JSON.stringify(value)).toEqual([{ rule: 'XSD', level: 1, retourcode: null, path: ACHTERNAAM, message: { nl: expect.stringContaining(point), en: expect.stringContaining(point) } }]);
      expect(error.findings[0]!.message.en).toContain(kind);
      // The value may be a name or a health detail: no part of it in any text.
      for (const text of [error.message, error.findings[0]!.message.nl, error.findings[0]!.message.en]) expect(text).not.toMatch(/Jansen|Smit|Privé|😀/);
    }
  });

  it('a surrogate pair in the wrong order, as two lone surrogates', () => {
    expect(refusal(() => encode(withAchternaam('a\uDE00\uD83Db'))).findings[0]!.message.en).toContain('U+DE00');
  });

  it('says where the character stands, counting a pair outside the BMP as one character', () => {
    expect(refusal(() => encode(withAchternaam('😀a\u0001'))).findings[0]!.message).toEqual({
      nl: "'Achternaam' bevat op positie 3 het teken U+0001 (een stuurteken), dat XML niet toestaat.",
      en: "'Achternaam' contains the character U+0001 (a control character) at position 3, which XML does not allow.",
    });
    expect(refusal(() => encode(withAchternaam('ab\uFFFFc\u0002'))).findings[0]!.message.en).toContain('U+FFFF (a noncharacter) at position 3');
  });

  it('in free text, in every layout, and through serialize', () => {
    const message = withCommentaar('Begeleiding\u000Bbij verhuizing');
    for (const options of [{}, { indent: '' }, { newline: '\n' as const, omitDeclaration: true }]) {
      expect(refusal(() => encode(message, options)).findings).toMatchObject([{ rule: 'XSD', level: 1, path: COMMENTAAR, message: { en: expect.stringContaining('U+000B') } }]);
    }
    expect(refusal(() => serialize(message)).findings).toMatchObject([{ path: COMMENTAAR }]);
  });

  it('one finding per leaf, the character before the pattern it also breaks, and the other problems still listed', () => {
    const message = withAchternaam('Wit\u0000');
    message.client.bsn = '12345\u0007';
    message.header.afzender = '1234';
    const findings = refusal(() => encode(message)).findings;
    expect(findings.map((f) => [f.path, f.message.en.match(/U\+[0-9A-F]{4}/)?.[0]])).toEqual([
      ['/Bericht/Header/Afzender', undefined],
      ['/Bericht/Client/Bsn', 'U+0007'],
      [ACHTERNAAM, 'U+0000'],
    ]);
    expect(findings.map((f) => f.message.en).join(' ')).not.toContain('12345');
  });

  it('after the same value was written once without the character (the cache of checked values does not let it through)', () => {
    expect(encode(withAchternaam('Wit'))).toContain('>Wit<');
    expect(refusal(() => encode(withAchternaam('Wit\u0001'))).findings).toHaveLength(1);
    expect(encode(withAchternaam('Wit'))).toContain('>Wit<');
  });
});

describe('encode keeps the characters XML allows', () => {
  it('tab, LF, CR (as &#13;), DEL, C1 controls, the edges of the ranges and pairs outside the BMP, read back unchanged', () => {
    const xml = encode(withCommentaar(ALLOWED));
    expect(xml).toContain('a\tb\nc&#13;d');
    expect(xml).toContain('&amp;&lt;&gt;]]&gt;');
    const back = decode(xml);
    expect(back.findings.filter(isError)).toEqual([]);
    expect((back.value as WMO315).client.aangevraagdeProducten[1]!.commentaar).toBe(ALLOWED);
  });
});

describe('the reader agrees: what encode refuses is not well-formed', () => {
  it.skipIf(!hasXmllint)('xmllint refuses each refused value written raw, and accepts the allowed ones (skipped without xmllint)', () => {
    const xmllint = (bytes: Uint8Array) => spawnSync('xmllint', ['--noout', '-'], { input: bytes, encoding: 'utf8' });
    const placeholder = 'PLAATSHOUDER';
    const [before, after] = encode(withAchternaam(placeholder)).split(placeholder) as [string, string];
    const utf8 = new TextEncoder();
    // A lone surrogate has no UTF-8 form: a TextEncoder would quietly write U+FFFD (changed data,
    // which is why encode refuses it); written unit by unit, as a writer that does not check would, it is
    // three bytes that are no UTF-8.
    const raw = (char: string): Uint8Array => {
      const c = char.charCodeAt(0);
      return c >= 0xd800 && c <= 0xdfff ? new Uint8Array([0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]) : utf8.encode(char);
    };
    for (const { char, point } of NOT_XML) {
      const bytes = new Uint8Array([...utf8.encode(`${before}Wit`), ...raw(char), ...utf8.encode(after)]);
      expect(xmllint(bytes).status, point).not.toBe(0);
      expect(decode(bytes).findings[0], point).toMatchObject({ rule: 'XML', level: 1 });
    }
    const allowed = xmllint(utf8.encode(encode(withCommentaar(ALLOWED))));
    expect(allowed.stderr).toBe('');
    expect(allowed.status).toBe(0);
  });
});

/** A string leaf of a typed message: where it is held, and its path as findings name it. */
interface TextLeaf {
  readonly holder: Record<string | number, unknown>;
  readonly key: string | number;
  readonly path: string;
}

/** Every leaf of XSD type string that holds a value, found by walking the message with the descriptors. */
function textLeaves(message: Message): TextLeaf[] {
  const standard = standardOf(message.type);
  const leaves: TextLeaf[] = [];
  const visit = (value: Record<string, unknown>, type: ComplexTypeDescriptor, path: string): void => {
    for (const shape of childShapes(standard, type)) {
      const v = value[shape.element.prop];
      const name = shape.element.name;
      if (v === undefined || v === null) continue;
      if (shape.kind === 'leaf') {
        if (shape.type.builtin !== 'string') continue;
        if (shape.array) (v as unknown[]).forEach((_, i) => leaves.push({ holder: v as unknown[] as Record<number, unknown>, key: i, path: `${path}/${name}[${i + 1}]` }));
        else leaves.push({ holder: value, key: shape.element.prop, path: `${path}/${name}` });
      } else if (shape.kind === 'object') {
        if (shape.array) (v as Record<string, unknown>[]).forEach((item, i) => visit(item, shape.type, `${path}/${name}[${i + 1}]`));
        else visit(v as Record<string, unknown>, shape.type, `${path}/${name}`);
      } else {
        const item = shape.item;
        const items = v as unknown[];
        items.forEach((entry, i) => {
          const at = `${path}/${name}/${item.element.name}[${i + 1}]`;
          if (item.kind === 'object') visit(entry as Record<string, unknown>, item.type, at);
          else if (item.kind === 'leaf' && item.type.builtin === 'string') leaves.push({ holder: items as Record<number, unknown>, key: i, path: at });
        });
      }
    }
  };
  visit(message as unknown as Record<string, unknown>, standard.complexTypes[standard.messages[message.type]!.root.complexType!]!, '/Bericht');
  return leaves;
}

/** Characters XML allows, among them those the encoder escapes or that are whitespace to XSD. */
const allowedCharacter = fc.constantFrom('a', 'Z', '0', '9', ' ', '\t', '\n', '\r', '&', '<', '>', 'é', '😀', '\u007F', '\u0085', '\u00A0', '\uFFFD');
/** Any character, with every class XML refuses well represented. */
const anyCharacter = fc.oneof(
  { weight: 3, arbitrary: allowedCharacter },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('\uFFFE', '\uFFFF') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
/**
 * A new value for a leaf: its valid value or a text of allowed characters,
 * with up to two characters of any kind put in (also between the halves of
 * a pair), so that both outcomes come up often.
 */
const newValue = fc.record({
  text: fc.option(fc.string({ unit: allowedCharacter, maxLength: 12 }), { nil: undefined, freq: 2 }),
  inserts: fc.array(fc.tuple(fc.nat(), anyCharacter), { maxLength: 2 }),
});
function changed(old: string, { text, inserts }: { text: string | undefined; inserts: [number, string][] }): string {
  let value = text ?? old;
  for (const [at, char] of inserts) {
    const i = at % (value.length + 1);
    value = value.slice(0, i) + char + value.slice(i);
  }
  return value;
}
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const FIRST_NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('any string in a text leaf of a valid message', () => {
  // How often each outcome came up: the property says little if one of them never does.
  const outcomes = { written: 0, refusedForCharacter: 0, refusedOtherwise: 0 };
  afterAll(() => {
    if (outcomes.written + outcomes.refusedForCharacter + outcomes.refusedOtherwise < 200) return; // only some messages were run
    expect(outcomes.written).toBeGreaterThan(20);
    expect(outcomes.refusedForCharacter).toBeGreaterThan(20);
  });

  it.each(ALL_MESSAGE_IDS)('%s: is refused with one finding at that leaf, or written well-formed and read back the same', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id, { coherent: false }), fc.nat(), newValue, (generated, pick, change) => {
        // A copy: fast-check shrinks from the generated value.
        const message = structuredClone(generated);
        const leaves = textLeaves(message);
        expect(leaves.length).toBeGreaterThan(0);
        const leaf = leaves[pick % leaves.length]!;
        const text = changed(leaf.holder[leaf.key] as string, change);
        leaf.holder[leaf.key] = text;
        const notXml = text.match(FIRST_NOT_XML);
        let xml: string;
        try {
          xml = encode(message);
        } catch (error) {
          expect(error).toBeInstanceOf(IwmoError);
          outcomes[notXml ? 'refusedForCharacter' : 'refusedOtherwise']++;
          const findings = (error as IwmoError).findings;
          expect(findings.map((f) => f.path)).toEqual([leaf.path]);
          if (notXml) expect(findings[0]!.message.en).toContain(pointOf(notXml[0]!.charCodeAt(0)));
          return;
        }
        outcomes.written++;
        expect(notXml).toBeNull();
        const back = decode(xml);
        expect(back.findings.filter(isError)).toEqual([]);
        expect(back.value).toEqual(message);
      }),
      { numRuns: 30 },
    );
  });
});
