/**
 * The hardened XML reader: a streaming, namespace-aware, well-formedness
 * checking parser (saxes) behind a small event interface. It refuses DTDs and
 * entity declarations (never expands them), bounds size and depth, insists on
 * UTF-8, and reports every refusal as a level-1 finding instead of throwing.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Finding, LocalizedText, Report } from '../findings.js';
import { LONE_SURROGATE, codePointLabel, mayHoldLoneSurrogate } from './characters.js';

export interface XmlAttribute {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
}

export interface XmlStartTag {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  /** Attributes by qualified name (saxes' own record, passed through without copying). */
  readonly attributes: Readonly<Record<string, XmlAttribute>>;
}

/** The attributes of a start tag that has none, shared, so a consumer can tell without enumerating. */
export const NO_ATTRIBUTES: Readonly<Record<string, XmlAttribute>> = Object.freeze({});

export interface XmlEvents {
  /** Called before open and close with the parser's position (1-based line). */
  position(line: number, column: number): void;
  open(tag: XmlStartTag): void;
  text(text: string): void;
  close(): void;
}

export interface XmlLimits {
  readonly maxBytes?: number;
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 32;
const CHUNK = 1 << 20;

class Abort extends Error {}

function xmlFinding(text: LocalizedText, line?: number, column?: number, severity?: 'warning'): Finding {
  return {
    rule: 'XML',
    level: 1,
    retourcode: null,
    path: '/',
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    message: text,
    ...(severity ? { severity } : {}),
  };
}

/** The report on a message over the size cap, for callers that know its size without reading it (a file, a counted stream). */
export function tooLargeReport(size: number, maxBytes: number): Report {
  return { accepted: false, findings: [tooLarge(size, maxBytes)] };
}

/** The finding for a message over the size cap (also given by readers that know the size before reading). */
export function tooLarge(size: number, maxBytes: number): Finding {
  return xmlFinding({
    nl: `Het bericht is groter dan toegestaan (${size} > ${maxBytes} bytes; OP179).`,
    en: `The message is larger than allowed (${size} > ${maxBytes} bytes; OP179).`,
  });
}

/** UTF-8 byte length of a string without allocating an encoded copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The input's size in UTF-8 bytes, or a number over `max` as soon as it is sure to exceed it. */
export function sizeOf(input: string | Uint8Array, max: number): number {
  if (typeof input !== 'string') return input.byteLength;
  if (input.length > max) return input.length; // at least this many bytes
  if (input.length * 3 <= max) return input.length; // cannot exceed the cap
  return utf8Length(input);
}

/**
 * The first half of a surrogate pair without its other half, in a string
 * given as input (bytes cannot hold one: they fail as UTF-8). Saxes would
 * pair it with the next character and report whatever that breaks.
 */
function loneSurrogate(input: string): { readonly code: number; readonly line: number; readonly column: number } | undefined {
  if (!mayHoldLoneSurrogate(input)) return undefined;
  const at = LONE_SURROGATE.exec(input)?.index;
  if (at === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = input.indexOf('\n'); i >= 0 && i < at; i = input.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { code: input.charCodeAt(at), line, column: at - lineStart + 1 };
}

/** Streams the document through saxes into `events`; returns the reader's own findings. */
export function readXml(input: string | Uint8Array, events: XmlEvents, limits: XmlLimits = {}): Finding[] {
  const findings: Finding[] = [];
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;

  const size = sizeOf(input, maxBytes);
  if (size > maxBytes) {
    findings.push(tooLarge(size, maxBytes));
    return findings;
  }

  const lone = typeof input === 'string' ? loneSurrogate(input) : undefined;
  if (lone) {
    const code = codePointLabel(lone.code);
    findings.push(
      xmlFinding(
        {
          nl: `Het bericht is geen goedgevormde XML: het bevat een losse surrogaathelft (${code}), geen teken dat XML toestaat.`,
          en: `The message is not well-formed XML: it contains a lone surrogate (${code}), not a character XML allows.`,
        },
        lone.line,
        lone.column,
      ),
    );
    return findings;
  }

  const bom =
    typeof input === 'string'
      ? input.charCodeAt(0) === 0xfeff
      : input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  if (bom) {
    findings.push(
      xmlFinding(
        {
          nl: 'Het bericht begint met een byte order mark (BOM); OP192 schrijft UTF-8 zonder BOM voor.',
          en: 'The message starts with a byte order mark (BOM); OP192 requires UTF-8 without a BOM.',
        },
        1,
        1,
        'warning',
      ),
    );
  }

  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let sawRoot = false;
  const fail = (text: LocalizedText): never => {
    findings.push(xmlFinding(text, parser.line, parser.column));
    throw new Abort();
  };

  parser.on('doctype', () => {
    fail({
      nl: 'Een DOCTYPE (DTD) is niet toegestaan; entiteiten worden nooit uitgebreid.',
      en: 'A DOCTYPE (DTD) is not allowed; entities are never expanded.',
    });
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (depth > maxDepth) {
      fail({
        nl: `Het bericht is dieper genest dan toegestaan (${maxDepth} niveaus).`,
        en: `The message is nested deeper than allowed (${maxDepth} levels).`,
      });
    }
    if (!sawRoot) {
      sawRoot = true;
      // Read off the parsed declaration rather than via an 'xmldecl' handler: every extra
      // handler property pushes saxes' parser object into slow dictionary mode (5× slower).
      const { encoding, version } = parser.xmlDecl;
      if (version && version !== '1.0') {
        // A warning, as xmllint gives: the chain reads it as XML 1.0 and so do we, mostly
        // (saxes applies 1.1 line ends; OP192 prescribes 1.0 anyway).
        findings.push(
          xmlFinding(
            {
              nl: `XML-versie '${version}' wordt gelezen als XML 1.0; iWmo-berichten zijn XML 1.0 (OP192).`,
              en: `XML version '${version}' is read as XML 1.0; iWmo messages are XML 1.0 (OP192).`,
            },
            parser.line,
            parser.column,
            'warning',
          ),
        );
      }
      if (encoding && !/^utf-?8$/i.test(encoding)) {
        fail({
          nl: `De tekenset '${encoding}' is niet toegestaan; iWmo-berichten zijn UTF-8 (OP192).`,
          en: `The encoding '${encoding}' is not allowed; iWmo messages are UTF-8 (OP192).`,
        });
      }
    }
    events.position(parser.line, parser.column);
    events.open(tag as XmlStartTag);
  });
  parser.on('text', (text) => events.text(text));
  parser.on('cdata', (text) => events.text(text));
  parser.on('closetag', () => {
    depth--;
    events.position(parser.line, parser.column);
    events.close();
  });
  try {
    if (typeof input === 'string') {
      parser.write(bom ? input.slice(1) : input);
    } else {
      // Decode in chunks: the document is never held as one (possibly two-byte) string.
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      for (let offset = 0; offset < input.length; offset += CHUNK) {
        let text: string;
        try {
          text = decoder.decode(input.subarray(offset, offset + CHUNK), { stream: offset + CHUNK < input.length });
        } catch {
          fail({
            nl: 'Het bericht bevat bytes die geen geldige UTF-8 zijn (OP192).',
            en: 'The message contains bytes that are not valid UTF-8 (OP192).',
          });
          return findings;
        }
        parser.write(text);
      }
    }
    parser.close();
  } catch (error) {
    if (!(error instanceof Abort)) {
      // Without an 'error' handler (see above) saxes throws its well-formedness errors.
      if (!(error instanceof Error)) throw error;
      const detail = error.message.replace(/^[^:]*:\d+:\d+: /, '');
      findings.push(
        xmlFinding(
          { nl: `Het bericht is geen goedgevormde XML: ${detail}`, en: `The message is not well-formed XML: ${detail}` },
          parser.line,
          parser.column,
        ),
      );
    }
  }
  if (!sawRoot && !findings.some((f) => f.severity !== 'warning')) {
    findings.push(xmlFinding({ nl: 'Het document bevat geen root-element.', en: 'The document has no root element.' }));
  }
  return findings;
}
