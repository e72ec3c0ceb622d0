import { describe, expect, it } from 'vitest';
import { decode, encode, parse, safeParse, IwmoError, validate, detect, type WMO305 } from '../../src/index.js';
import { startProduct, wmo305 } from './samples.js';

const xsd = (xml: string) => decode(xml).findings.filter((f) => f.severity !== 'warning');

describe('decode: a valid message', () => {
  it('gives the typed model with the standard element names in camelCase', () => {
    const message = parse(wmo305()) as WMO305;
    expect(message.type).toBe('WMO305');
    expect(message.header.berichtCode).toBe('418');
    expect(message.header.berichtVersie).toBe(3);
    expect(message.header.afzender).toBe('65656055');
    expect(message.header.ontvanger).toBe('0363'); // leading zero kept
    expect(message.client.naam.geslachtsnaam).toEqual({ achternaam: 'Wit', voorvoegsel: 'de' });
    expect(message.client.startProducten).toHaveLength(2);
    expect(message.client.startProducten[1]!.toewijzingNummer).toBe(300202);
    expect(message.client.startProducten[0]!.product).toEqual({ categorie: '01', code: '01A11' });
  });

  it('accepts any prefix and a default namespace', () => {
    const renamed = wmo305()
      .replace(/wmo305:/g, 'x:')
      .replace('xmlns:wmo305=', 'xmlns:x=')
      .replace(/iwmo:/g, 'b:')
      .replace('xmlns:iwmo=', 'xmlns:b=');
    expect(safeParse(renamed).ok).toBe(true);
    const defaultNs = wmo305().replace(/wmo305:/g, '').replace('xmlns:wmo305=', 'xmlns=');
    expect(safeParse(defaultNs).ok).toBe(true);
  });

  it('reads bytes as well as text', () => {
    expect(safeParse(new TextEncoder().encode(wmo305())).ok).toBe(true);
  });

  it('round-trips: decode → encode → decode gives the same value', () => {
    const once = parse(wmo305());
    const xml = encode(once);
    expect(parse(xml)).toEqual(once);
    expect(xml).toContain('\r\n');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\r\n<wmo305:Bericht')).toBe(true);
  });

  it('detects the message from the namespace', () => {
    expect(detect(wmo305())).toMatchObject({ message: 'WMO305', berichtCode: '418' });
    expect(detect('<a/>')).toBeUndefined();
  });
});

describe('decode: level-1 findings like xmllint', () => {
  it('reports a missing required element with its path and line', () => {
    const xml = wmo305({ startProducten: startProduct('1', '2025-04-03').replace(/\s*<wmo305:Begindatum>[^<]*<\/wmo305:Begindatum>/, '') });
    const [finding] = xsd(xml);
    expect(finding).toMatchObject({
      rule: 'XSD',
      level: 1,
      retourcode: null,
      path: '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum',
    });
    expect(finding!.message.nl).toContain('Begindatum');
    expect(finding!.message.en).toContain('missing');
    const lines = xml.split('\n');
    expect(lines[finding!.line! - 1]).toMatch(/StatusAanlevering/);
  });

  it('reports elements out of order', () => {
    const xml = wmo305().replace(
      /(<wmo305:Geboortedatum>[\s\S]*?<\/wmo305:Geboortedatum>)(\s*)(<wmo305:Geslacht>1<\/wmo305:Geslacht>)/,
      '$3$2$1',
    );
    expect(xml).not.toBe(wmo305());
    const findings = xsd(xml);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.path).toMatch(/^\/Bericht\/Client\/(Geboortedatum|Geslacht)$/);
  });

  it('reports a repeated non-repeatable element', () => {
    const xml = wmo305().replace('<wmo305:Geslacht>1</wmo305:Geslacht>', '<wmo305:Geslacht>1</wmo305:Geslacht><wmo305:Geslacht>1</wmo305:Geslacht>');
    expect(xsd(xml)[0]).toMatchObject({ path: '/Bericht/Client/Geslacht' });
  });

  it('reports facet and code list violations at the leaf', () => {
    expect(xsd(wmo305().replace('<wmo305:Geslacht>1<', '<wmo305:Geslacht>7<'))[0]).toMatchObject({ path: '/Bericht/Client/Geslacht' });
    expect(xsd(wmo305().replace('>999990019<', '>99999001<'))[0]).toMatchObject({ path: '/Bericht/Client/Bsn' });
    expect(xsd(wmo305().replace('2025-04-03', '2025-02-30'))[0]).toMatchObject({ path: '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum' });
    expect(xsd(wmo305().replace('2025-04-03', '2025-04-03+01:00'))).toHaveLength(1);
    expect(xsd(wmo305().replace('<wmo305:BerichtVersie>3<', '<wmo305:BerichtVersie>03<'))[0]).toMatchObject({ path: '/Bericht/Header/BerichtVersie' });
    expect(xsd(wmo305().replace('<wmo305:BerichtCode>418<', '<wmo305:BerichtCode>414<'))[0]).toMatchObject({ path: '/Bericht/Header/BerichtCode' });
  });

  it('never shows a BSN or a name in a finding', () => {
    const bad = xsd(wmo305().replace('>999990019<', '>99999001X<').replace('>Wit<', `>${'W'.repeat(201)}<`));
    expect(bad).toHaveLength(2);
    expect(JSON.stringify(bad)).not.toContain('99999001X');
    expect(JSON.stringify(bad)).not.toContain('WWWW');
  });

  it('reports an empty element', () => {
    expect(xsd(wmo305().replace('<iwmo:Voorletters>T</iwmo:Voorletters>', '<iwmo:Voorletters/>'))[0]).toMatchObject({
      path: '/Bericht/Client/Naam/Voorletters',
    });
  });

  it('reports an element from the wrong namespace side', () => {
    const xml = wmo305().replace('<iwmo:Achternaam>Wit</iwmo:Achternaam>', '<wmo305:Achternaam>Wit</wmo305:Achternaam>');
    expect(xsd(xml)[0]!.path).toBe('/Bericht/Client/Naam/Geslachtsnaam/Achternaam');
  });

  it('reports text in element-only content and unknown attributes', () => {
    expect(xsd(wmo305().replace('<wmo305:Client>', '<wmo305:Client>hallo'))[0]).toMatchObject({ path: '/Bericht/Client' });
    expect(xsd(wmo305().replace('<wmo305:Client>', '<wmo305:Client id="1">'))[0]).toMatchObject({ path: '/Bericht/Client' });
  });

  it('collects all problems, not only the first', () => {
    const xml = wmo305()
      .replace('<wmo305:Geslacht>1<', '<wmo305:Geslacht>7<')
      .replace('2025-04-04', 'morgen');
    expect(xsd(xml).map((f) => f.path)).toEqual(['/Bericht/Client/Geslacht', '/Bericht/Client/StartProducten/StartProduct[2]/Begindatum']);
  });

  it('parse throws one IwmoError with every finding; safeParse returns them', () => {
    const xml = wmo305().replace('<wmo305:Geslacht>1<', '<wmo305:Geslacht>7<');
    expect(() => parse(xml)).toThrow(IwmoError);
    try {
      parse(xml);
    } catch (error) {
      expect((error as IwmoError).findings).toHaveLength(1);
    }
    const result = safeParse(xml);
    expect(result.ok).toBe(false);
    expect(result.findings[0]!.path).toBe('/Bericht/Client/Geslacht');
    expect(validate(xml)).toMatchObject({ message: 'WMO305', berichtCode: '418', accepted: false });
  });
});

describe('the hardened reader', () => {
  const first = (xml: string | Uint8Array, options = {}) => decode(xml, options).findings[0];

  it('refuses a DOCTYPE and never expands entities', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` + wmo305().replace(/^<\?xml[^>]*>/, '').replace('>Wit<', '>&lol2;<');
    const started = Date.now();
    const finding = first(bomb);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(finding).toMatchObject({ rule: 'XML', level: 1 });
    expect(finding!.message.en).toContain('DOCTYPE');
    expect(decode(bomb).value).toBeUndefined();
  });

  it('refuses undeclared entities and external references as not well-formed', () => {
    const finding = first(wmo305().replace('>Wit<', '>&xxe;<'));
    expect(finding).toMatchObject({ rule: 'XML', level: 1 });
  });

  it('refuses a character XML does not allow, written or as a character reference, as not well-formed', () => {
    const refused = ['&#0;', '&#1;', '&#x1;', '&#x01;', '&#8;', '&#x1F;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#xFFFF;', '&#x110000;', '\u0001', '\u001F', '\uFFFE', '\uFFFF'];
    for (const text of refused) {
      const result = decode(wmo305().replace('>Wit<', `>W${text}it<`));
      expect(result.findings[0], JSON.stringify(text)).toMatchObject({ rule: 'XML', level: 1 });
      expect(result.value, JSON.stringify(text)).toBeUndefined();
    }
    // Their neighbours are characters: read, and the name then holds them.
    for (const [text, char] of [['&#9;', '\t'], ['&#x7F;', '\u007F'], ['&#xFFFD;', '\uFFFD'], ['&#x10FFFF;', '\u{10FFFF}']]) {
      const result = decode(wmo305().replace('>Wit<', `>W${text}it<`));
      expect(result.findings.filter((f) => f.rule === 'XML'), text).toEqual([]);
      expect((result.value as WMO305).client.naam.geslachtsnaam.achternaam, text).toBe(`W${char}it`);
    }
  });

  it('names a lone surrogate in text input, where it stands, instead of what it would break', () => {
    const xml = wmo305();
    const line = xml.slice(0, xml.indexOf('>Wit<')).split('\n').length;
    for (const lone of ['\uD800', '\uDBFF', '\uDC00', '\uDFFF']) {
      // Before `<`: paired with it, the tag would vanish and the report would be about a close tag.
      const finding = first(xml.replace('>Wit<', `>Wit${lone}<`));
      expect(finding, JSON.stringify(lone)).toMatchObject({ rule: 'XML', level: 1, line });
      expect(finding!.message.en).toContain(`lone surrogate (U+${lone.charCodeAt(0).toString(16).toUpperCase()})`);
      expect(finding!.message.nl).toContain('surrogaathelft');
      const lineText = xml.split('\n')[line - 1]!;
      expect(finding!.column).toBe(lineText.indexOf('>Wit<') + 5);
    }
    // A whole pair is one character, and a name may hold it.
    const paired = decode(xml.replace('>Wit<', '>Wit\u{1F600}<'));
    expect((paired.value as WMO305).client.naam.geslachtsnaam.achternaam).toBe('Wit\u{1F600}');
  });

  it('reports malformed XML with the line', () => {
    const finding = first(wmo305().replace('</wmo305:Geslacht>', '</wmo305:Geslachtt>'));
    expect(finding).toMatchObject({ rule: 'XML', level: 1 });
    expect(finding!.line).toBeGreaterThan(1);
  });

  it('bounds size and depth', () => {
    expect(first(wmo305(), { maxBytes: 100 })!.message.en).toContain('larger than allowed');
    const deep = wmo305().replace('<wmo305:Client>', '<wmo305:Client>' + '<a>'.repeat(40) + '</a>'.repeat(40));
    expect(first(deep)!.message.en).toContain('nested deeper');
  });

  it('warns about a BOM without rejecting', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(wmo305())]);
    const result = validate(bytes);
    expect(result.accepted).toBe(true);
    expect(result.findings[0]).toMatchObject({ rule: 'XML', severity: 'warning' });
  });

  it('rejects other encodings and invalid UTF-8', () => {
    expect(first(wmo305().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'))!.message.en).toContain('UTF-8');
    const bytes = new TextEncoder().encode(wmo305());
    const broken = new Uint8Array([...bytes.slice(0, 400), 0xff, ...bytes.slice(400)]);
    expect(first(broken)!.message.en).toContain('UTF-8');
  });

  it('names a wrong release or a sister standard it does not read', () => {
    const v31 = wmo305().replaceAll('iwmo/3_2', 'iwmo/3_1');
    expect(first(v31)!.message.en).toContain('release 3.1');
    // iJw is read (as JW305: its BerichtCode is then wrong); iJz is not.
    const ijw = wmo305().replaceAll('iwmo/3_2/wmo305', 'ijw/3_2/jw305');
    expect(validate(ijw).message).toBe('JW305');
    expect(first(ijw)!.message.en).toContain("'438'");
    const ijz = wmo305().replaceAll('iwmo/3_2/wmo305', 'ijz/3_2/jz305');
    expect(first(ijz)!.message.en).toContain('ijz');
    expect(first(ijz)!.message.en).toContain('not an iWmo 3.2 or iJw 3.2 message');
    expect(first('<html/>')!.message.en).toContain('not an iWmo');
  });

  it('reads an XML 1.1 declaration as 1.0 with a warning, as xmllint does', () => {
    const result = validate(wmo305().replace('version="1.0"', 'version="1.1"'));
    expect(result.accepted).toBe(true);
    expect(result.findings[0]).toMatchObject({ rule: 'XML', severity: 'warning' });
  });

  it('collapses only XML whitespace in integers and dates, never Unicode spaces', () => {
    expect(decode(wmo305().replace('>300201<', '> 300201\n<')).value).toBeDefined();
    expect(xsd(wmo305().replace('>300201<', '>\u2003300201 <'))[0]).toMatchObject({ path: '/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer' });
    expect(xsd(wmo305().replace('>2025-04-03<', '>2025-04-03\ufeff <'))).toHaveLength(1);
  });

  it('never throws on garbage', () => {
    for (const input of ['', ' ', '<', '<<>>', '\u0000', '<?xml version="1.0"?>', new Uint8Array([0, 1, 2])]) {
      const result = decode(input);
      expect(result.findings.length).toBeGreaterThan(0);
      expect(result.value).toBeUndefined();
    }
  });
});
