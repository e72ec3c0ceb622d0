/**
 * validateDocument, parseDocument, safeParseDocument: the extension documents
 * checked like the standard's messages, with the same Finding and Report
 * shapes. JSON input gets JSON pointers, XML input XPaths and lines. The schema
 * check is ajv's code generated from the definition at codegen time; the
 * invariants of §3.2 run on a document that passed it.
 */
import { IwmoError, isError, maskBsn, type Finding, type LocalizedText, type Report } from '../../findings.js';
import { DEFAULT_MAX_BYTES } from '../../xml/reader.js';
import * as generated from '../generated/validators.js';
import type { DocumentKind, ExtensionDocument } from '../model.js';
import { STANDARD_MONEY_MAX, definition, documentDef, namedType, objectType, scalarOf, unitOf, xmlName, type FieldDef, type TypeNode } from './definition.js';
import { RULE_LEVEL, checkInvariants, grouped } from './rules.js';
import { decodeDocumentXml, escapePointer, type XmlLocation } from './xml.js';

export type DocumentInput = string | Uint8Array | object;

export interface DocumentReport extends Report {
  /** The document's kind, when it could be told. */
  readonly kind?: DocumentKind;
  /** How the input came: JSON (paths are JSON pointers) or XML (paths are XPaths, with lines). */
  readonly format?: 'json' | 'xml';
}

export type SafeParseDocumentResult =
  | { readonly ok: true; readonly value: ExtensionDocument; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

export interface DocumentOptions {
  /** Largest accepted input in bytes (default 25 MB). */
  readonly maxBytes?: number;
}

type Json = Record<string, unknown>;
interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly propertyName?: string;
}
type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const validators = generated as unknown as Record<string, Validator>;
const KINDS = definition.documents.map((d) => d.kind);

/** Masks every run of nine digits (a possible BSN) in a text shown to people. */
export function maskBsns(text: string): string {
  return text.replace(/(?<![0-9])[0-9]{9}(?![0-9])/g, maskBsn);
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The field (and its type) a JSON pointer leads to in a document. */
function fieldAt(kind: string, doc: unknown, pointer: string): { field?: FieldDef; node?: TypeNode } {
  const def = documentDef(kind);
  if (!def || pointer === '') return {};
  let node: TypeNode = { t: 'ref', name: def.type };
  let field: FieldDef | undefined;
  let value: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = unescapePointer(raw);
    if (node.t === 'array') {
      node = node.item;
    } else if (node.t === 'record') {
      node = node.value;
    } else if (node.t === 'ref') {
      const type = namedType(node.name);
      let objectName: string = node.name;
      if (type.kind === 'union') {
        const tag = (value as Json | undefined)?.[type.discriminator];
        const variant = type.variants.find((v) => objectType(v.type).fields.some((f) => f.name === type.discriminator && f.type.t === 'const' && f.type.value === tag));
        if (!variant) return {};
        objectName = variant.type;
      } else if (type.kind !== 'object') return {};
      field = objectType(objectName).fields.find((f) => f.name === segment);
      if (!field) return {};
      node = field.type;
    } else return {};
    value = value && typeof value === 'object' ? (value as Json)[segment] : undefined;
  }
  return { ...(field ? { field } : {}), node };
}

function valueAt(doc: unknown, pointer: string): unknown {
  let value = doc;
  for (const raw of pointer.split('/').slice(1)) value = value && typeof value === 'object' ? (value as Json)[unescapePointer(raw)] : undefined;
  return value;
}

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { nl: 'tekst', en: 'text' },
  integer: { nl: 'geheel getal', en: 'whole number' },
  number: { nl: 'getal', en: 'number' },
  boolean: { nl: 'true of false', en: 'true or false' },
  object: { nl: 'object', en: 'object' },
  array: { nl: 'lijst', en: 'list' },
};

function typeName(expected: unknown, lang: 'nl' | 'en'): string {
  const list = Array.isArray(expected) ? expected : String(expected).split(',');
  return list.map((t: string) => TYPE_NAMES[t]?.[lang] ?? t).join(lang === 'nl' ? ' of ' : ' or ');
}

/** A short quote of a value for a finding: numbers and short codes only; text is never quoted. */
function quote(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return ` (${grouped(value)})`;
  return '';
}

interface Located {
  readonly rule: string;
  readonly pointer: string;
  readonly message: LocalizedText;
  /** For a missing field: its name in XML, appended to the parent's XPath. */
  readonly missing?: string;
}

function translate(kind: string, doc: unknown, error: AjvError): Located | undefined {
  const { keyword, params, instancePath } = error;
  // propertyNames reports each failing key twice (its pattern and itself); keep one.
  if (error.propertyName !== undefined && keyword !== 'propertyNames') return undefined;
  if (keyword === 'if' || keyword === 'oneOf' || keyword === 'anyOf') return undefined;
  const value = valueAt(doc, instancePath);
  const { field, node } = fieldAt(kind, doc, instancePath);
  const name = field?.name ?? (instancePath.split('/').at(-1) || kind);
  switch (keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const missingField = fieldAt(kind, doc, `${instancePath}/${escapePointer(missing)}`).field;
      return {
        rule: 'EXT003',
        pointer: `${instancePath}/${escapePointer(missing)}`,
        message: { nl: `Verplicht veld ${missing} ontbreekt.`, en: `Required field ${missing} is missing.` },
        ...(missingField ? { missing: xmlName(missingField) } : {}),
      };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      return { rule: 'EXT004', pointer: `${instancePath}/${escapePointer(extra)}`, message: { nl: `Veld ${extra} is hier niet toegestaan.`, en: `Field ${extra} is not allowed here.` } };
    }
    case 'propertyNames':
      return { rule: 'EXT006', pointer: instancePath, message: { nl: `Sleutel '${String(params.propertyName)}' is niet toegestaan (letters, cijfers, . _ -).`, en: `Key '${String(params.propertyName)}' is not allowed (letters, digits, . _ -).` } };
    case 'type': {
      const unit = node ? unitOf(node) : undefined;
      if (unit === 'cents' && typeof value === 'number') return { rule: 'EXT010', pointer: instancePath, message: { nl: `${name} is een bedrag in hele eurocenten${quote(value)}.`, en: `${name} is an amount in whole eurocents${quote(value)}.` } };
      if (unit === 'bp' && typeof value === 'number') return { rule: 'EXT012', pointer: instancePath, message: { nl: `${name} is een heel aantal basispunten${quote(value)}.`, en: `${name} is a whole number of basis points${quote(value)}.` } };
      return { rule: 'EXT005', pointer: instancePath, message: { nl: `${name} moet ${typeName(params.type, 'nl')} zijn.`, en: `${name} must be ${typeName(params.type, 'en')}.` } };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = Number(params.limit);
      if (keyword === 'maximum' && limit === STANDARD_MONEY_MAX && node && unitOf(node) === 'cents') {
        const target = field?.standardField ?? 'Budget';
        return {
          rule: 'EXT011',
          pointer: instancePath,
          message: {
            nl: `${name}${quote(value)} komt in het veld ${target} van de standaard en is daarom hooguit 99 999 999 cent (€ 999 999,99).`,
            en: `${name}${quote(value)} lands in the standard's ${target} field and so is at most 99 999 999 cents (€999,999.99).`,
          },
        };
      }
      const bound = keyword.includes('inimum') ? { nl: 'minstens', en: 'at least' } : { nl: 'hooguit', en: 'at most' };
      return { rule: 'EXT006', pointer: instancePath, message: { nl: `${name}${quote(value)} is ${bound.nl} ${limit}.`, en: `${name}${quote(value)} is ${bound.en} ${limit}.` } };
    }
    case 'pattern': {
      const scalar = node ? scalarOf(node) : undefined;
      if (scalar?.t === 'date') return { rule: 'EXT007', pointer: instancePath, message: { nl: `${name} is geen bestaande datum JJJJ-MM-DD.`, en: `${name} is not a real date YYYY-MM-DD.` } };
      const form = node?.t === 'ref' ? namedType(node.name).doc : undefined;
      return { rule: 'EXT006', pointer: instancePath, message: { nl: `${name} heeft niet de juiste vorm${form ? ` (${form})` : ''}.`, en: `${name} does not have the right form${form ? ` (${form})` : ''}.` } };
    }
    case 'const': {
      if (kind === 'ProviderReport' && instancePath === '/containsBsn') {
        return { rule: 'EXT055', pointer: instancePath, message: { nl: 'containsBsn is altijd false: een rapportage bevat geen BSN.', en: 'containsBsn is always false: a report holds no BSN.' } };
      }
      const allowed = JSON.stringify(params.allowedValue);
      return { rule: 'EXT006', pointer: instancePath, message: { nl: `${name} heeft de vaste waarde ${allowed}.`, en: `${name} has the fixed value ${allowed}.` } };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      return { rule: 'EXT006', pointer: instancePath, message: { nl: `${name} is niet één van: ${allowed}.`, en: `${name} is not one of: ${allowed}.` } };
    }
    case 'minLength':
    case 'maxLength': {
      const bound = keyword === 'minLength' ? { nl: 'minstens', en: 'at least' } : { nl: 'hooguit', en: 'at most' };
      return { rule: 'EXT006', pointer: instancePath, message: { nl: `${name} heeft ${bound.nl} ${String(params.limit)} tekens.`, en: `${name} has ${bound.en} ${String(params.limit)} characters.` } };
    }
    default:
      return { rule: 'EXT006', pointer: instancePath, message: { nl: `${name} voldoet niet aan het schema (${keyword}).`, en: `${name} does not satisfy the schema (${keyword}).` } };
  }
}

function schemaFindings(kind: string, doc: unknown): Located[] {
  const validate = validators[`validate${kind}`]!;
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const out: Located[] = [];
  for (const error of validate.errors ?? []) {
    const located = translate(kind, doc, error);
    if (!located) continue;
    const key = `${located.rule} ${located.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(located);
  }
  return out;
}

function nearest(locations: ReadonlyMap<string, XmlLocation>, pointer: string): { location?: XmlLocation; exact: boolean } {
  let p = pointer;
  for (;;) {
    const location = locations.get(p);
    if (location) return { location, exact: p === pointer };
    if (p === '') return { exact: false };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

function finding(located: Located, locations: ReadonlyMap<string, XmlLocation> | undefined): Finding {
  const level = RULE_LEVEL.get(located.rule) ?? 1;
  const base = { rule: located.rule, level, retourcode: null } as const;
  const message = { nl: maskBsns(located.message.nl), en: maskBsns(located.message.en) };
  if (!locations) return { ...base, path: maskBsns(located.pointer || '/'), message };
  const { location, exact } = nearest(locations, located.pointer);
  const path = location ? (exact || !located.missing ? location.path : `${location.path}/${located.missing}`) : '/Bericht';
  return { ...base, path: maskBsns(path), ...(location ? { line: location.line } : {}), message };
}

function report(findings: Finding[], format: 'json' | 'xml' | undefined, kind: string | undefined): DocumentReport {
  return {
    ...(kind && KINDS.includes(kind) ? { kind: kind as DocumentKind } : {}),
    ...(format ? { format } : {}),
    accepted: !findings.some(isError),
    findings,
  };
}

function unreadable(nl: string, en: string, line?: number): Finding {
  return { rule: 'EXT001', level: 1, retourcode: null, path: '/', ...(line !== undefined ? { line } : {}), message: { nl, en } };
}

/** `position 42` in a JSON.parse error → the line, without quoting any of the input. */
function jsonErrorLine(text: string, error: unknown): number | undefined {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return undefined;
  return text.slice(0, Number(position)).split('\n').length;
}

/** Checks a document (JSON text, XML text, bytes of either, or a parsed object) against the schema and every invariant. */
export function validateDocument(input: DocumentInput, options: DocumentOptions = {}): DocumentReport {
  return check(input, options).report;
}

function check(input: DocumentInput, options: DocumentOptions): { report: DocumentReport; value?: unknown } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let doc: unknown;
  let format: 'json' | 'xml' | undefined;
  let locations: ReadonlyMap<string, XmlLocation> | undefined;
  const early: Finding[] = [];

  if (typeof input === 'string' || input instanceof Uint8Array) {
    const size = typeof input === 'string' ? input.length : input.byteLength;
    if (size > maxBytes) {
      return { report: report([unreadable(`Het document is groter dan toegestaan (${size} > ${maxBytes} bytes).`, `The document is larger than allowed (${size} > ${maxBytes} bytes).`)], undefined, undefined) };
    }
    const first = firstCharacter(input);
    if (first === '<') {
      format = 'xml';
      const decoded = decodeDocumentXml(input, { maxBytes });
      early.push(...decoded.findings);
      locations = decoded.locations;
      if (!decoded.value) return { report: report(early, format, decoded.kind) };
      doc = decoded.value;
    } else {
      format = 'json';
      let text: string;
      try {
        text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
      } catch {
        return { report: report([unreadable('Het document bevat bytes die geen geldige UTF-8 zijn.', 'The document contains bytes that are not valid UTF-8.')], format, undefined) };
      }
      try {
        doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch (error) {
        const line = jsonErrorLine(text, error);
        return { report: report([unreadable('Het document is geen geldige JSON en geen XML.', 'The document is neither valid JSON nor XML.', line)], format, undefined) };
      }
    }
  } else {
    doc = input;
  }

  const kind = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Json).kind : undefined;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    const located: Located = {
      rule: 'EXT002',
      pointer: doc && typeof doc === 'object' && !Array.isArray(doc) ? '/kind' : '',
      message: { nl: `Het document heeft geen bekende kind (${KINDS.join(', ')}).`, en: `The document has no known kind (${KINDS.join(', ')}).` },
    };
    return { report: report([...early, finding(located, locations)], format, undefined) };
  }
  const findings = [...early, ...schemaFindings(kind, doc).map((l) => finding(l, locations))];
  if (!findings.some(isError)) findings.push(...checkInvariants(doc as Json).map((l) => finding(l, locations)));
  return { report: report(findings, format, kind), value: doc };
}

function firstCharacter(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^[\ufeff\s]+/, '').charAt(0);
  let i = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  while (i < input.length && (input[i] === 0x20 || input[i] === 0x09 || input[i] === 0x0a || input[i] === 0x0d)) i++;
  return i < input.length ? String.fromCharCode(input[i]!) : '';
}

/** Like parseDocument, but returns the findings instead of throwing. */
export function safeParseDocument(input: DocumentInput, options?: DocumentOptions): SafeParseDocumentResult {
  const { report: result, value } = check(input, options ?? {});
  if (result.accepted && value !== undefined) return { ok: true, value: value as ExtensionDocument, findings: result.findings };
  return { ok: false, findings: result.findings };
}

/** Reads and checks a document (JSON or XML); throws IwmoError with every finding when it is not valid. */
export function parseDocument(input: DocumentInput, options?: DocumentOptions): ExtensionDocument {
  const result = safeParseDocument(input, options);
  if (!result.ok) throw new IwmoError(result.findings);
  return result.value;
}
