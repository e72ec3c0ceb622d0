/** Renders the TypeScript types of the extension documents from the definition (called by codegen:extensions). */
import { definition, type FieldDef, type NamedType, type TypeNode } from '../../../src/extensions/documents/definition.js';

function doc(text: string | undefined, indent = ''): string {
  return text ? `${indent}/** ${text.replace(/\*\//g, '* /')} */\n` : '';
}

function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function typeOf(node: TypeNode): string {
  switch (node.t) {
    case 'ref':
      return node.name;
    case 'string':
    case 'date':
      return 'string';
    case 'integer':
    case 'decimal':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'integer-or-boolean':
      return 'number | boolean';
    case 'const':
      return literal(node.value);
    case 'enum':
      return node.values.map(literal).join(' | ');
    case 'array': {
      const item = typeOf(node.item);
      return `readonly ${/[|&]/.test(item) ? `(${item})` : item}[]`;
    }
    case 'record':
      return `Readonly<Record<string, ${typeOf(node.value)}>>`;
  }
}

function fieldLine(field: FieldDef): string {
  const note = [field.doc, field.standardField ? `Lands in the standard's ${field.standardField}: at most 99 999 999.` : undefined].filter(Boolean).join(' ');
  return `${doc(note || undefined, '  ')}  readonly ${field.name}${field.optional ? '?' : ''}: ${typeOf(field.type)};`;
}

function render(name: string, type: NamedType): string {
  switch (type.kind) {
    case 'scalar':
      return `${doc(type.doc)}export type ${name} = ${typeOf(type.node)};\n`;
    case 'object':
      return `${doc(type.doc)}export interface ${name} {\n${type.fields.map(fieldLine).join('\n')}\n}\n`;
    case 'union':
      return `${doc(type.doc)}export type ${name} = ${type.variants.map((v) => v.type).join(' | ')};\n`;
  }
}

export function renderExtensionTypes(banner: string): string {
  const out = [banner];
  for (const [name, type] of Object.entries(definition.types)) out.push(render(name, type));
  const kinds = definition.documents.map((d) => d.type);
  out.push(`/** Any extension document. */\nexport type ExtensionDocument = ${kinds.join(' | ')};\n`);
  out.push(`/** The \`kind\` of a document. */\nexport type DocumentKind = ExtensionDocument['kind'];\n`);
  return out.join('\n');
}
