/**
 * JSON ⇄ XML for the extension documents: the XML is the sidecar envelope of
 * spec §3.3 (`Bericht` with `Header`, `Koppeling` where the document links to
 * standard messages, and one body element). Both directions walk the
 * definition; decode(encode(doc)) gives the document back unchanged.
 *
 * Decoding is lenient about values (a wrong value is kept as its text so the
 * schema check can name it) and strict about structure (unknown, repeated or
 * misplaced elements are findings). It records for every JSON pointer the
 * XPath and line it came from, so findings on XML input point into the XML.
 */
import type { Finding, LocalizedText } from '../../findings.js';
import { readXml, type XmlLimits } from '../../xml/reader.js';
import type { ExtensionDocument } from '../model.js';
import {
  definition,
  documentDef,
  envelopeFields,
  namedType,
  objectType,
  variantInfo,
  xmlFields,
  xmlName,
  type DocumentDef,
  type ScalarNode,
  type TypeNode,
} from './definition.js';

const NS = definition.namespace;
const P = definition.prefix;
const NL = '\n';

type Json = Record<string, unknown>;

/** The envelope elements between Header and body, in XSD order (`Koppeling`). */
const ENVELOPE: readonly string[] = [
  ...new Set(definition.documents.flatMap((d) => envelopeFields(d.type).map(xmlName)).filter((name) => name !== 'Header')),
];

// ---- encode ------------------------------------------------------------------

function escapeText(value: string): string {
  // CR as a character reference: a literal one would be read back as LF.
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\r', '&#13;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replaceAll('"', '&quot;').replaceAll('\t', '&#9;').replaceAll('\n', '&#10;');
}

function leafText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function isScalar(node: TypeNode): boolean {
  if (node.t === 'array' || node.t === 'record') return false;
  return node.t !== 'ref' || namedType(node.name).kind === 'scalar';
}

class Writer {
  readonly out: string[] = [];
  line(depth: number, text: string): void {
    this.out.push('\t'.repeat(depth) + text + NL);
  }
}

function writeObject(w: Writer, typeName: string, value: Json, name: string, depth: number, extraAttributes = ''): void {
  const fields = xmlFields(typeName);
  const attributes = extraAttributes + fields.filter((f) => f.attribute && value[f.name] !== undefined).map((f) => ` ${xmlName(f)}="${escapeAttribute(leafText(value[f.name]))}"`).join('');
  const textField = fields.find((f) => f.text);
  if (textField) {
    w.line(depth, `<${P}:${name}${attributes}>${escapeText(leafText(value[textField.name]))}</${P}:${name}>`);
    return;
  }
  const children = fields.filter((f) => !f.attribute && value[f.name] !== undefined);
  if (!children.length) {
    w.line(depth, `<${P}:${name}${attributes}/>`);
    return;
  }
  w.line(depth, `<${P}:${name}${attributes}>`);
  for (const field of children) writeNode(w, field.type, value[field.name], xmlName(field), depth + 1);
  w.line(depth, `</${P}:${name}>`);
}

function writeNode(w: Writer, node: TypeNode, value: unknown, name: string, depth: number): void {
  if (isScalar(node)) {
    w.line(depth, `<${P}:${name}>${escapeText(leafText(value))}</${P}:${name}>`);
    return;
  }
  if (node.t === 'array') {
    const items = value as readonly unknown[];
    if (!items.length) return w.line(depth, `<${P}:${name}/>`);
    w.line(depth, `<${P}:${name}>`);
    for (const item of items) writeNode(w, node.item, item, node.element, depth + 1);
    w.line(depth, `</${P}:${name}>`);
    return;
  }
  if (node.t === 'record') {
    const entries = Object.entries(value as Json);
    if (!entries.length) return w.line(depth, `<${P}:${name}/>`);
    w.line(depth, `<${P}:${name}>`);
    for (const [key, item] of entries) writeObject(w, (node.value as { name: string }).name, item as Json, 'Entry', depth + 1, ` key="${escapeAttribute(key)}"`);
    w.line(depth, `</${P}:${name}>`);
    return;
  }
  const ref = node as { t: 'ref'; name: string };
  const type = namedType(ref.name);
  if (type.kind === 'union') {
    const tag = (value as Json)[type.discriminator];
    const variant = type.variants.find((v) => variantInfo(v.type)?.value === tag);
    if (!variant) throw new TypeError(`No ${ref.name} variant for ${String(tag)}`);
    w.line(depth, `<${P}:${name}>`);
    writeObject(w, variant.type, value as Json, variant.element, depth + 1);
    w.line(depth, `</${P}:${name}>`);
    return;
  }
  writeObject(w, ref.name, value as Json, name, depth);
}

/** The XML sidecar of a document (UTF-8, tabs, LF). The document must be schema-valid; see `validateDocument`. */
export function documentToXml(document: ExtensionDocument): string {
  const def = documentDef(document.kind);
  if (!def) throw new TypeError(`Unknown document kind ${String(document.kind)}`);
  const doc = document as unknown as Json;
  const w = new Writer();
  w.out.push(`<?xml version="1.0" encoding="UTF-8"?>${NL}`);
  w.line(0, `<${P}:Bericht xmlns:${P}="${NS}">`);
  const header = doc.header as Json | undefined;
  w.line(1, `<${P}:Header>`);
  w.line(2, `<${P}:Type>${def.typeCode}</${P}:Type>`);
  if (header) for (const field of objectType('DocumentHeader').fields) if (header[field.name] !== undefined) writeNode(w, field.type, header[field.name], xmlName(field), 2);
  w.line(1, `</${P}:Header>`);
  const envelope = envelopeFields(def.type);
  for (const name of ENVELOPE) {
    const field = envelope.find((f) => xmlName(f) === name);
    if (field && doc[field.name] !== undefined) writeNode(w, field.type, doc[field.name], name, 1);
  }
  writeObject(w, def.type, doc, def.kind, 1);
  w.line(0, `</${P}:Bericht>`);
  return w.out.join('');
}

// ---- decode ------------------------------------------------------------------

interface XmlElement {
  readonly uri: string;
  readonly local: string;
  readonly attributes: readonly { readonly local: string; readonly uri: string; readonly prefix: string; readonly value: string }[];
  readonly children: XmlElement[];
  text: string;
  readonly line: number;
}

/** Where a JSON pointer's value came from in the XML. */
export interface XmlLocation {
  readonly path: string;
  readonly line: number;
}

export interface DecodedXml {
  /** The document as JSON, when the envelope could be read (values not yet checked). */
  readonly value?: Json;
  /** Structure findings (EXT001) and the reader's own (not well-formed, DTD, size). */
  readonly findings: readonly Finding[];
  readonly kind?: string;
  /** JSON pointer → XPath and line. */
  readonly locations: ReadonlyMap<string, XmlLocation>;
}

function readTree(input: string | Uint8Array, limits?: XmlLimits): { root?: XmlElement; findings: Finding[] } {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let line = 1;
  const findings = readXml(
    input,
    {
      position(l) {
        line = l;
      },
      open(tag) {
        const attributes = Object.values(tag.attributes)
          .filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns')
          .map((a) => ({ local: a.local, uri: a.uri, prefix: a.prefix, value: (a as unknown as { value: string }).value }));
        const el: XmlElement = { uri: tag.uri, local: tag.local, attributes, children: [], text: '', line };
        stack.at(-1)?.children.push(el);
        if (!root) root = el;
        stack.push(el);
      },
      text(text) {
        const top = stack.at(-1);
        if (top) top.text += text;
      },
      close() {
        stack.pop();
      },
    },
    limits,
  );
  return { ...(root ? { root } : {}), findings: findings.map((f) => (f.rule === 'XML' ? { ...f, rule: 'EXT001' } : f)) };
}

export function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

class Decoder {
  readonly findings: Finding[] = [];
  readonly locations = new Map<string, XmlLocation>();

  structure(path: string, line: number, message: LocalizedText): void {
    this.findings.push({ rule: 'EXT001', level: 1, retourcode: null, path, line, message });
  }

  locate(pointer: string, path: string, line: number): void {
    this.locations.set(pointer, { path, line });
  }

  /** A leaf's text, parsed as far as its type allows; anything else stays text for the schema check to name. */
  leaf(node: ScalarNode, el: XmlElement, pointer: string, path: string): unknown {
    this.locate(pointer, path, el.line);
    for (const child of el.children) {
      this.structure(`${path}/${child.local}`, child.line, { nl: `Element ${child.local} hoort hier niet: ${el.local} bevat alleen een waarde.`, en: `Element ${child.local} is not allowed here: ${el.local} holds a value only.` });
    }
    return parseLeaf(node, el.text);
  }

  node(node: TypeNode, el: XmlElement, pointer: string, path: string): unknown {
    if (node.t === 'array') {
      this.locate(pointer, path, el.line);
      this.noText(el, path);
      const items: unknown[] = [];
      for (const child of el.children) {
        if (!this.ours(child, node.element, path)) continue;
        items.push(this.node(node.item, child, `${pointer}/${items.length}`, `${path}/${node.element}[${items.length + 1}]`));
      }
      return items;
    }
    if (node.t === 'record') {
      this.locate(pointer, path, el.line);
      this.noText(el, path);
      const record: Json = {};
      for (const child of el.children) {
        if (!this.ours(child, 'Entry', path)) continue;
        const key = child.attributes.find((a) => a.local === 'key' && a.uri === '')?.value;
        if (key === undefined) {
          this.structure(`${path}/Entry`, child.line, { nl: 'Een Entry zonder attribuut key.', en: 'An Entry without a key attribute.' });
          continue;
        }
        const entryPath = `${path}/Entry[@key='${key.replaceAll("'", '&apos;')}']`;
        if (Object.hasOwn(record, key)) {
          this.structure(entryPath, child.line, { nl: `De sleutel '${key}' komt twee keer voor.`, en: `The key '${key}' occurs twice.` });
          continue;
        }
        Object.defineProperty(record, key, { value: this.object((node.value as { name: string }).name, child, `${pointer}/${escapePointer(key)}`, entryPath, ['key']), enumerable: true, writable: true, configurable: true });
      }
      return record;
    }
    if (node.t !== 'ref') return this.leaf(node, el, pointer, path);
    const type = namedType(node.name);
    if (type.kind === 'scalar') return this.leaf(type.node, el, pointer, path);
    if (type.kind === 'object') return this.object(node.name, el, pointer, path);
    this.locate(pointer, path, el.line);
    this.noText(el, path);
    const [first, ...rest] = el.children;
    for (const extra of rest) this.structure(`${path}/${extra.local}`, extra.line, { nl: `${el.local} bevat precies één element.`, en: `${el.local} holds exactly one element.` });
    const variant = first && type.variants.find((v) => v.element === first.local && first.uri === NS);
    if (!first || !variant) {
      const names = type.variants.map((v) => v.element).join(', ');
      this.structure(first ? `${path}/${first.local}` : path, first?.line ?? el.line, { nl: `${el.local} bevat één van: ${names}.`, en: `${el.local} holds one of: ${names}.` });
      return {};
    }
    return this.object(variant.type, first, pointer, `${path}/${variant.element}`);
  }

  object(typeName: string, el: XmlElement, pointer: string, path: string, allowedAttributes: readonly string[] = []): Json {
    this.locate(pointer, path, el.line);
    const fields = xmlFields(typeName);
    const result: Json = {};
    const variant = variantInfo(typeName);
    if (variant) result[variant.discriminator] = variant.value;
    for (const attribute of el.attributes) {
      if (attribute.uri === '' && allowedAttributes.includes(attribute.local)) continue;
      const field = fields.find((f) => f.attribute && attribute.uri === '' && xmlName(f) === attribute.local);
      if (!field) {
        this.structure(`${path}/@${attribute.local}`, el.line, { nl: `Attribuut ${attribute.local} hoort niet bij ${el.local}.`, en: `Attribute ${attribute.local} does not belong to ${el.local}.` });
        continue;
      }
      this.locate(`${pointer}/${field.name}`, `${path}/@${attribute.local}`, el.line);
      result[field.name] = parseLeaf(leafNode(field.type), attribute.value);
    }
    const textField = fields.find((f) => f.text);
    if (textField) {
      this.locate(`${pointer}/${textField.name}`, path, el.line);
      result[textField.name] = parseLeaf(leafNode(textField.type), el.text);
    } else {
      this.noText(el, path);
    }
    const children = fields.filter((f) => !f.attribute && !f.text);
    let last = -1;
    for (const child of el.children) {
      const index = child.uri === NS ? children.findIndex((f) => xmlName(f) === child.local) : -1;
      const childPath = `${path}/${child.local}`;
      if (index < 0) {
        this.structure(childPath, child.line, { nl: `Element ${child.local} hoort niet bij ${el.local}.`, en: `Element ${child.local} does not belong to ${el.local}.` });
        continue;
      }
      const field = children[index]!;
      if (result[field.name] !== undefined) {
        this.structure(childPath, child.line, { nl: `Element ${child.local} komt twee keer voor.`, en: `Element ${child.local} occurs twice.` });
        continue;
      }
      if (index < last) {
        this.structure(childPath, child.line, { nl: `Element ${child.local} staat op de verkeerde plaats (volgorde van het XSD).`, en: `Element ${child.local} is out of order (the XSD's sequence).` });
      }
      last = Math.max(last, index);
      result[field.name] = this.node(field.type, child, `${pointer}/${field.name}`, childPath);
    }
    return result;
  }

  ours(el: XmlElement, name: string, parentPath: string): boolean {
    if (el.uri === NS && el.local === name) return true;
    this.structure(`${parentPath}/${el.local}`, el.line, { nl: `Element ${el.local} hoort hier niet; verwacht: ${name}.`, en: `Element ${el.local} is not allowed here; expected: ${name}.` });
    return false;
  }

  noText(el: XmlElement, path: string): void {
    if (el.text.trim() !== '') this.structure(path, el.line, { nl: `${el.local} bevat tekst waar alleen elementen horen.`, en: `${el.local} holds text where only elements belong.` });
  }
}

function leafNode(node: TypeNode): ScalarNode {
  if (node.t === 'ref') {
    const type = namedType(node.name);
    if (type.kind === 'scalar') return type.node;
  }
  if (node.t === 'array' || node.t === 'record' || node.t === 'ref') throw new Error('not a leaf');
  return node;
}

const INTEGER_TEXT = /^-?(0|[1-9][0-9]*)$/;
const NUMBER_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;

function parseLeaf(node: ScalarNode, text: string): unknown {
  const numeric = (): unknown => (NUMBER_TEXT.test(text) ? Number(text) : text);
  const bool = (): unknown => (text === 'true' ? true : text === 'false' ? false : text);
  switch (node.t) {
    case 'integer':
    case 'decimal':
      return numeric();
    case 'boolean':
      return bool();
    case 'integer-or-boolean':
      return text === 'true' || text === 'false' ? bool() : INTEGER_TEXT.test(text) ? Number(text) : text;
    case 'const':
      return typeof node.value === 'number' ? numeric() : typeof node.value === 'boolean' ? bool() : text;
    default:
      return text;
  }
}

/** Reads a sidecar into its JSON form, with structure findings and where every value came from. */
export function decodeDocumentXml(input: string | Uint8Array, limits?: XmlLimits): DecodedXml {
  const { root, findings } = readTree(input, limits);
  const decoder = new Decoder();
  const done = (value?: Json, kind?: string): DecodedXml => ({
    ...(value ? { value } : {}),
    ...(kind ? { kind } : {}),
    findings: [...findings, ...decoder.findings],
    locations: decoder.locations,
  });
  if (!root || findings.some((f) => f.severity !== 'warning')) return done();
  if (root.uri !== NS || root.local !== 'Bericht') {
    decoder.structure(`/${root.local}`, root.line, {
      nl: `Het root-element is geen Bericht in namespace ${NS}.`,
      en: `The root element is not a Bericht in namespace ${NS}.`,
    });
    return done();
  }
  const children = root.children;
  const header = children[0];
  if (!header || header.uri !== NS || header.local !== 'Header') {
    decoder.structure('/Bericht/Header', header?.line ?? root.line, { nl: 'Het Bericht begint met een Header.', en: 'The Bericht starts with a Header.' });
    return done();
  }
  const body = children.at(-1);
  const def: DocumentDef | undefined = body && body !== header && body.uri === NS ? documentDef(body.local) : undefined;
  if (!body || !def) {
    const kinds = definition.documents.map((d) => d.kind).join(', ');
    decoder.structure(body && body !== header ? `/Bericht/${body.local}` : '/Bericht', body?.line ?? root.line, {
      nl: `Het Bericht eindigt met één document: ${kinds}.`,
      en: `The Bericht ends with one document: ${kinds}.`,
    });
    return done();
  }
  const doc: Json = { kind: def.kind };
  decoder.locate('', `/Bericht/${def.kind}`, body.line);
  decoder.locate('/kind', `/Bericht/${def.kind}`, body.line);

  // Header: Type first, then the document header's fields; a Type alone means the document has no header.
  const typeEl = header.children[0];
  if (!typeEl || typeEl.uri !== NS || typeEl.local !== 'Type') {
    decoder.structure('/Bericht/Header/Type', header.line, { nl: 'De Header begint met Type.', en: 'The Header starts with Type.' });
  } else if (typeEl.text !== def.typeCode) {
    decoder.structure('/Bericht/Header/Type', typeEl.line, {
      nl: `Type '${typeEl.text}' past niet bij het document ${def.kind} (verwacht ${def.typeCode}).`,
      en: `Type '${typeEl.text}' does not match the document ${def.kind} (expected ${def.typeCode}).`,
    });
  }
  const headerRest: XmlElement = { ...header, children: header.children.slice(typeEl?.local === 'Type' ? 1 : 0) };
  const envelope = envelopeFields(def.type);
  const headerField = envelope.find((f) => xmlName(f) === 'Header');
  if (headerRest.children.length) {
    if (headerField) doc[headerField.name] = decoder.object('DocumentHeader', headerRest, `/${headerField.name}`, '/Bericht/Header');
  } else {
    decoder.locate('/header', '/Bericht/Header', header.line);
  }

  // The envelope fields between Header and body, in order.
  let last = -1;
  for (const el of children.slice(1, -1)) {
    const index = el.uri === NS ? ENVELOPE.indexOf(el.local) : -1;
    const field = envelope.find((f) => xmlName(f) === el.local);
    if (index < 0 || !field) {
      decoder.structure(`/Bericht/${el.local}`, el.line, {
        nl: `Element ${el.local} hoort niet in het Bericht van een ${def.kind}.`,
        en: `Element ${el.local} does not belong in the Bericht of a ${def.kind}.`,
      });
      continue;
    }
    if (index <= last) decoder.structure(`/Bericht/${el.local}`, el.line, { nl: `Element ${el.local} komt twee keer voor of staat verkeerd.`, en: `Element ${el.local} occurs twice or is out of order.` });
    last = index;
    doc[field.name] = decoder.node(field.type, el, `/${field.name}`, `/Bericht/${el.local}`);
  }
  Object.assign(doc, decoder.object(def.type, body, '', `/Bericht/${def.kind}`));
  // Keep the definition's field order, so the JSON reads like the documentation.
  const ordered: Json = {};
  for (const field of objectType(def.type).fields) if (doc[field.name] !== undefined) ordered[field.name] = doc[field.name];
  return done(ordered, def.kind);
}
