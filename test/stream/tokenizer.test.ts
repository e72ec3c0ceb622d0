/**
 * The byte tokenizer may only accept documents that are well-formed: on
 * damaged fixtures (truncations, byte flips, inserted markup) every input it
 * accepts is accepted by saxes, and by xmllint (well-formedness only, no
 * schema) where xmllint is installed; and it hands the decoder the same
 * events, lines and columns as saxes.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteXmlReader } from '../../src/xml/byte-reader.js';
import { readXml, type XmlEvents } from '../../src/xml/reader.js';
import { loadFixtures } from '../../scripts/lib/fixture-files.js';
import { createRandom } from '../../scripts/lib/mutations.js';
import { tempDir } from '../temp-dir.js';

const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).status === 0;
const MARKUP = ['<', '>', '&', '&amp;', '&#0;', '&#x41;', '&bogus;', ']]>', '<!--', '-->', '<!-- c -->', '<!-- a -- b -->', '<?pi x?>', '<![CDATA[x]]>', '<!DOCTYPE x>', '</a>', '<a/>', '<a>', '\r', '\r\n', '\u0000', '\u0001', 'é', '😀', '\uFFFE', ' xmlns:q="urn:q"', ' xmlns:q=""', ' q:a="1"', ' a="1" a="2"', ' a="<"', '"', "'", '=', ':', '<:a/>', '<a:/>', '<1a/>'];

/** Every event as a line of text, with the position before it. */
function recorder(): { events: XmlEvents; log: string[] } {
  const log: string[] = [];
  let at = '';
  return {
    log,
    events: {
      position: (line, column) => void (at = `${line}:${column}`),
      open: (tag) => void log.push(`${at} <${tag.name} {${tag.uri}}${tag.local} ${Object.values(tag.attributes).map((a) => `${a.name}={${a.uri}}${a.local}`).join(' ')}`),
      text: (text) => void log.push(`text ${JSON.stringify(text)}`),
      close: () => void log.push(`${at} </>`),
    },
  };
}

function damaged(): Uint8Array[] {
  const rng = createRandom(23);
  const out: Uint8Array[] = [];
  for (const fixture of loadFixtures()) {
    const text = new TextDecoder().decode(fixture.bytes);
    for (let k = 0; k < 10; k++) {
      const at = rng.int(text.length + 1);
      const kind = rng.int(3);
      if (kind === 0) out.push(fixture.bytes.subarray(0, at));
      else if (kind === 1) {
        const bytes = Uint8Array.from(fixture.bytes);
        bytes[at % bytes.length] = rng.int(256);
        out.push(bytes);
      } else out.push(new TextEncoder().encode(text.slice(0, at) + MARKUP[rng.int(MARKUP.length)]! + text.slice(at)));
    }
  }
  return out;
}

describe('the byte tokenizer', () => {
  const inputs = damaged();
  const accepted: Uint8Array[] = [];
  for (const bytes of inputs) {
    const reader = new ByteXmlReader(recorder().events);
    if (reader.write(bytes) && reader.end()) accepted.push(bytes);
  }

  it('accepts only what saxes accepts, with the same events, lines and columns', () => {
    expect(inputs.length).toBeGreaterThan(1000);
    // Many damaged inputs stay well-formed (a changed letter in a value); many do not.
    expect(accepted.length).toBeGreaterThan(50);
    expect(accepted.length).toBeLessThan(inputs.length);
    for (const bytes of accepted) {
      const ours = recorder();
      const reader = new ByteXmlReader(ours.events);
      reader.write(bytes);
      reader.end();
      const theirs = recorder();
      const findings = readXml(bytes, theirs.events, { maxBytes: Infinity });
      expect(findings.filter((f) => f.severity !== 'warning')).toEqual([]);
      // The tokenizer leaves out whitespace no decoder frame can use; compare everything else.
      const meaningful = (log: string[]): string[] => log.filter((l) => !(l.startsWith('text ') && /^[ \t\n\r]*$/.test(JSON.parse(l.slice(5)) as string)));
      expect(meaningful(ours.log)).toEqual(meaningful(theirs.log));
    }
  });

  it('leaves a declared namespace with spaces around it to saxes, which trims it', () => {
    for (const value of [' urn:q', 'urn:q ', ' ']) {
      const reader = new ByteXmlReader(recorder().events);
      const bytes = new TextEncoder().encode(`<q:a xmlns:q="${value}"/>`);
      expect(reader.write(bytes) && reader.end(), JSON.stringify(value)).toBeFalsy();
    }
  });

  it('gives the same events whatever the chunk size, also when a chunk ends inside a tag or a value', () => {
    const rng = createRandom(5);
    // A whitespace-only value straddling a chunk end right after its `<` must still reach the decoder;
    // a chunk ending between CR and LF in indentation must count one line end, not two.
    const leaf = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?>\n<r xmlns="urn:r"><p>1</p><q>22</q><p>333</p><a>  </a><b>x&amp;y</b><c/>\r\n<d>\té</d>\r\n\t<e/>\r\t\r\n\r\n</r>');
    // Tag names that are each other's prefix, and a repeated sequence broken: the reader guesses each start
    // tag's name from the sequence so far, and must read the actual one whenever the guess is wrong.
    const guesses = new TextEncoder().encode('<r xmlns="urn:r"><ab>1</ab><abc>2</abc><ab>3</ab><abc>4</abc><ab/><abc >5</abc><ab>6</ab><a>7</a><ab>8</ab><abcd>9</abcd><abc/><q>1</q><ab>2</ab><q>3</q><abc>4</abc><q/><a/></r>');
    const crafted: readonly Uint8Array[] = [leaf, guesses];
    const samples = [...crafted, ...accepted.filter((_, i) => i % 10 === 0)];
    for (const bytes of samples) {
      const whole = recorder();
      const one = new ByteXmlReader(whole.events);
      expect(one.write(bytes) && one.end()).toBeTruthy();
      if (crafted.includes(bytes)) {
        // Lines and columns as saxes counts them, lone CRs and CR LFs included.
        const theirs = recorder();
        readXml(bytes, theirs.events, { maxBytes: Infinity });
        const meaningful = (log: string[]): string[] => log.filter((l) => !(l.startsWith('text ') && /^[ \t\n\r]*$/.test(JSON.parse(l.slice(5)) as string)));
        expect(meaningful(whole.log)).toEqual(meaningful(theirs.log));
      }
      const sizes = crafted.includes(bytes) ? Array.from({ length: 40 }, (_, i) => i + 1) : [1 + rng.int(5), 7 + rng.int(60)];
      for (const size of sizes) {
        const chunked = recorder();
        const reader = new ByteXmlReader(chunked.events);
        for (let at = 0; at < bytes.length; at += size) expect(reader.write(bytes.subarray(at, at + size))).toBe(true);
        expect(reader.end()).toBeTruthy();
        expect(chunked.log).toEqual(whole.log);
      }
    }
  });

  it.skipIf(!hasXmllint)('accepts only what xmllint finds well-formed (skipped without xmllint)', () => {
    const dir = tempDir('tokenizer');
    const files = accepted.map((bytes, i) => {
      const file = join(dir, `t${i}.xml`);
      writeFileSync(file, bytes);
      return file;
    });
    for (let i = 0; i < files.length; i += 200) {
      const run = spawnSync('xmllint', ['--noout', ...files.slice(i, i + 200)], { encoding: 'utf8' });
      // Exit 0: all well-formed. xmllint may still warn about a namespace name that is no valid URI (so does nothing else).
      expect(run.stderr.split('\n').filter((l) => /^\/.*:\d+: /.test(l) && !/namespace error : xmlns(:\w+)?: '.*' is not a valid URI/.test(l))).toEqual([]);
      expect(run.status).toBe(0);
    }
  });
});
