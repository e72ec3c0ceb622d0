/**
 * Renders the XSD of the sidecar envelope (spec §3.3) from the definition: the
 * `Bericht` with its `Header` (Type first), the envelope fields (`Koppeling`)
 * and one body element per document kind.
 */
import {
  DECIMAL_TEXT,
  definition,
  envelopeFields,
  namedType,
  objectType,
  xmlFields,
  xmlName,
  RECORD_KEY_PATTERN,
  type FieldDef,
  type ScalarNode,
  type TypeNode,
} from '../../../src/extensions/documents/definition.js';

const p = definition.prefix;

function escapeAttr(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

/** `^a$|^b$` → `a|b`: XSD patterns are anchored already. */
function xsdPattern(pattern: string): string {
  return pattern
    .split('|')
    .map((part) => part.replace(/^\^/, '').replace(/\$$/, ''))
    .join('|');
}

function facets(base: string, lines: string[], indent: string): string {
  if (!lines.length) return `${indent}<xs:restriction base="${base}"/>\n`;
  return `${indent}<xs:restriction base="${base}">\n${lines.map((l) => `${indent}\t${l}\n`).join('')}${indent}</xs:restriction>\n`;
}

function scalarRestriction(node: ScalarNode, indent: string): string {
  switch (node.t) {
    case 'string':
      return facets(
        'xs:string',
        ['<xs:minLength value="1"/>', ...(node.maxLength !== undefined ? [`<xs:maxLength value="${node.maxLength}"/>`] : []), ...(node.pattern ? [`<xs:pattern value="${escapeAttr(xsdPattern(node.pattern))}"/>`] : [])],
        indent,
      );
    case 'date':
      return facets('xs:date', ['<xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}"/>'], indent);
    case 'integer':
      return facets('xs:long', [`<xs:minInclusive value="${node.min}"/>`, `<xs:maxInclusive value="${node.max}"/>`, '<xs:pattern value="-?(0|[1-9][0-9]*)"/>'], indent);
    case 'decimal':
      return facets('xs:decimal', [`<xs:minInclusive value="${node.min}"/>`, `<xs:maxInclusive value="${node.max}"/>`, `<xs:pattern value="${xsdPattern(DECIMAL_TEXT.source)}"/>`], indent);
    case 'boolean':
      return facets('xs:boolean', ['<xs:pattern value="true|false"/>'], indent);
    case 'integer-or-boolean':
      return facets('xs:string', ['<xs:pattern value="true|false|-?(0|[1-9][0-9]*)"/>'], indent);
    case 'const':
      if (typeof node.value === 'boolean') return facets('xs:boolean', [`<xs:pattern value="${node.value}"/>`], indent);
      if (typeof node.value === 'number') return facets('xs:integer', [`<xs:pattern value="${node.value}"/>`], indent);
      return facets('xs:string', [`<xs:enumeration value="${escapeAttr(node.value)}"/>`], indent);
    case 'enum':
      return facets('xs:string', node.values.map((v) => `<xs:enumeration value="${escapeAttr(v)}"/>`), indent);
  }
}

/** A simple type: `type="x:Name"`, or an anonymous restriction inside the element. */
function simpleTypeOf(node: TypeNode): { ref?: string; inline?: (indent: string) => string } | undefined {
  if (node.t === 'ref') {
    const type = namedType(node.name);
    if (type.kind !== 'scalar') return undefined;
    if (node.min === undefined && node.max === undefined) return { ref: `${p}:${node.name}` };
    const lines = [...(node.min !== undefined ? [`<xs:minInclusive value="${node.min}"/>`] : []), ...(node.max !== undefined ? [`<xs:maxInclusive value="${node.max}"/>`] : [])];
    return { inline: (indent) => `${indent}<xs:simpleType>\n${facets(`${p}:${node.name}`, lines, indent + '\t')}${indent}</xs:simpleType>\n` };
  }
  if (node.t === 'array' || node.t === 'record') return undefined;
  return { inline: (indent) => `${indent}<xs:simpleType>\n${scalarRestriction(node, indent + '\t')}${indent}</xs:simpleType>\n` };
}

function occurs(field: FieldDef): string {
  return field.optional ? ' minOccurs="0"' : '';
}

function element(name: string, node: TypeNode, extra: string, indent: string): string {
  const simple = simpleTypeOf(node);
  if (simple?.ref) return `${indent}<xs:element name="${name}" type="${simple.ref}"${extra}/>\n`;
  if (simple?.inline) return `${indent}<xs:element name="${name}"${extra}>\n${simple.inline(indent + '\t')}${indent}</xs:element>\n`;
  if (node.t === 'ref') return `${indent}<xs:element name="${name}" type="${p}:${node.name}"${extra}/>\n`;
  if (node.t === 'array') {
    return (
      `${indent}<xs:element name="${name}"${extra}>\n${indent}\t<xs:complexType>\n${indent}\t\t<xs:sequence>\n` +
      element(node.element, node.item, ' minOccurs="0" maxOccurs="unbounded"', indent + '\t\t\t') +
      `${indent}\t\t</xs:sequence>\n${indent}\t</xs:complexType>\n${indent}</xs:element>\n`
    );
  }
  if (node.t === 'record') {
    if (node.value.t !== 'ref') throw new Error('record values are named object types');
    const i = indent + '\t\t\t\t';
    return (
      `${indent}<xs:element name="${name}"${extra}>\n${indent}\t<xs:complexType>\n${indent}\t\t<xs:sequence>\n` +
      `${indent}\t\t\t<xs:element name="Entry" minOccurs="0" maxOccurs="unbounded">\n${i}<xs:complexType>\n${i}\t<xs:complexContent>\n` +
      `${i}\t\t<xs:extension base="${p}:${node.value.name}">\n${i}\t\t\t<xs:attribute name="key" use="required">\n${i}\t\t\t\t<xs:simpleType>\n` +
      facets('xs:string', [`<xs:pattern value="${xsdPattern(RECORD_KEY_PATTERN)}"/>`], i + '\t\t\t\t\t') +
      `${i}\t\t\t\t</xs:simpleType>\n${i}\t\t\t</xs:attribute>\n${i}\t\t</xs:extension>\n${i}\t</xs:complexContent>\n${i}</xs:complexType>\n` +
      `${indent}\t\t\t</xs:element>\n${indent}\t\t</xs:sequence>\n${indent}\t</xs:complexType>\n${indent}</xs:element>\n`
    );
  }
  throw new Error('unreachable');
}

function attribute(field: FieldDef, indent: string): string {
  const simple = simpleTypeOf(field.type);
  const use = field.optional ? '' : ' use="required"';
  if (simple?.ref) return `${indent}<xs:attribute name="${xmlName(field)}" type="${simple.ref}"${use}/>\n`;
  return `${indent}<xs:attribute name="${xmlName(field)}"${use}>\n${simple!.inline!(indent + '\t')}${indent}</xs:attribute>\n`;
}

function complexType(name: string, fields: readonly FieldDef[], doc: string | undefined, lead = ''): string {
  const attributes = fields.filter((f) => f.attribute);
  const textField = fields.find((f) => f.text);
  const children = fields.filter((f) => !f.attribute && !f.text);
  const annotation = doc ? `\t\t<xs:annotation>\n\t\t\t<xs:documentation>${doc.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</xs:documentation>\n\t\t</xs:annotation>\n` : '';
  if (textField) {
    const simple = simpleTypeOf(textField.type);
    if (!simple?.ref) throw new Error(`${name}: a text field needs a named simple type`);
    return `\t<xs:complexType name="${name}">\n${annotation}\t\t<xs:simpleContent>\n\t\t\t<xs:extension base="${simple.ref}">\n${attributes.map((a) => attribute(a, '\t\t\t\t')).join('')}\t\t\t</xs:extension>\n\t\t</xs:simpleContent>\n\t</xs:complexType>\n`;
  }
  const sequence = lead + children.map((f) => element(xmlName(f), f.type, occurs(f), '\t\t\t')).join('');
  return `\t<xs:complexType name="${name}">\n${annotation}\t\t<xs:sequence>\n${sequence}\t\t</xs:sequence>\n${attributes.map((a) => attribute(a, '\t\t')).join('')}\t</xs:complexType>\n`;
}

export function renderExtensionXsd(comment: string): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(`<!-- ${comment} -->\n`);
  out.push(
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:${p}="${definition.namespace}" targetNamespace="${definition.namespace}" elementFormDefault="qualified" attributeFormDefault="unqualified" version="${definition.formatVersion}">\n`,
  );
  out.push(`\t<xs:element name="Bericht" type="${p}:Bericht"/>\n`);

  // The envelope: Header, the envelope fields of any document (Koppeling), then one body.
  const envelope = new Map<string, FieldDef>();
  for (const doc of definition.documents) for (const f of envelopeFields(doc.type)) if (xmlName(f) !== 'Header') envelope.set(xmlName(f), f);
  out.push(`\t<xs:complexType name="Bericht">\n\t\t<xs:sequence>\n\t\t\t<xs:element name="Header" type="${p}:Header"/>\n`);
  for (const [name, f] of envelope) out.push(element(name, f.type, ' minOccurs="0"', '\t\t\t'));
  out.push('\t\t\t<xs:choice>\n');
  for (const doc of definition.documents) out.push(`\t\t\t\t<xs:element name="${doc.kind}" type="${p}:${doc.type}"/>\n`);
  out.push('\t\t\t</xs:choice>\n\t\t</xs:sequence>\n\t</xs:complexType>\n');

  // Header: Type, then the document header's fields; all optional, because a JSON document without a header has only a Type.
  const headerFields = objectType('DocumentHeader').fields.map((f) => ({ ...f, optional: true }));
  const typeField: FieldDef = { name: 'type', xml: 'Type', type: { t: 'enum', values: definition.documents.map((d) => d.typeCode) } };
  out.push(complexType('Header', headerFields, 'Type names the document kind; Versie and IWmoRelease are present whenever the document has a header.', element('Type', typeField.type, '', '\t\t\t')));

  for (const [name, type] of Object.entries(definition.types)) {
    if (type.kind === 'scalar') {
      out.push(`\t<xs:simpleType name="${name}">\n${scalarRestriction(type.node, '\t\t')}\t</xs:simpleType>\n`);
    } else if (type.kind === 'object') {
      if (name === 'DocumentHeader') continue; // written as Header above
      out.push(complexType(name, xmlFields(name), type.doc));
    } else {
      const choice = type.variants.map((v) => `\t\t\t\t<xs:element name="${v.element}" type="${p}:${v.type}"/>\n`).join('');
      out.push(`\t<xs:complexType name="${name}">\n\t\t<xs:sequence>\n\t\t\t<xs:choice>\n${choice}\t\t\t</xs:choice>\n\t\t</xs:sequence>\n\t</xs:complexType>\n`);
    }
  }
  out.push('</xs:schema>\n');
  return out.join('');
}
