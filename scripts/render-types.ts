/** Renders the TypeScript types of the typed model from the descriptors (called by codegen). */
import type { MessageId, SimpleTypeDescriptor, StandardDescriptor } from '../src/standard/descriptor.js';
import { complexTypeName, fixedLiteral, propertyShape, type PropertyShape } from '../src/standard/model.js';

function doc(text: string | undefined, indent = ''): string {
  return text ? `${indent}/** ${text.replace(/\*\//g, '* /')} */\n` : '';
}

function simpleTypeRef(type: SimpleTypeDescriptor): string {
  const literal = fixedLiteral(type);
  if (literal !== undefined) return type.builtin === 'integer' ? literal : `'${literal}'`;
  if (type.name.startsWith('LDT_')) return type.name;
  return type.builtin === 'integer' ? 'number' : 'string';
}

function shapeType(shape: PropertyShape): string {
  switch (shape.kind) {
    case 'leaf':
      return simpleTypeRef(shape.type) + (shape.array ? '[]' : '');
    case 'object':
      return complexTypeName(shape.type) + (shape.array ? '[]' : '');
    case 'wrapper': {
      const inner = shapeType({ ...shape.item, array: false } as PropertyShape);
      return `${inner}[]`;
    }
  }
}

export function renderTypes(standard: StandardDescriptor): string {
  const out: string[] = [];
  for (const type of Object.values(standard.simpleTypes)) {
    if (!type.name.startsWith('LDT_')) continue;
    const body = type.enumeration
      ? type.enumeration.map((e) => `'${e.value}'`).join(' | ')
      : type.builtin === 'integer'
        ? 'number'
        : 'string';
    const note = [type.documentation, type.codelist ? `Code list ${type.codelist}.` : undefined].filter(Boolean).join(' ');
    out.push(`${doc(note)}export type ${type.name} = ${body};\n`);
  }
  for (const type of Object.values(standard.complexTypes)) {
    // Wrappers are held as arrays of their child; they have no type of their own.
    if (type.wrapper) continue;
    const lines = type.children.map((child) => {
      const shape = propertyShape(standard, child);
      const optional = child.minOccurs === 0 ? '?' : '';
      return `${doc(child.documentation, '  ')}  ${child.prop}${optional}: ${shapeType(shape)};`;
    });
    const isRoot = /^WMO\d{3}\/Root$/.test(type.name);
    const name = isRoot ? type.name.slice(0, 6) : complexTypeName(type);
    if (isRoot) lines.unshift(`  /** Which message this is (not an element: the typed model's discriminator). */\n  type: '${name}';`);
    out.push(`${doc(type.documentation)}export interface ${name} {\n${lines.join('\n')}\n}\n`);
  }
  const ids = Object.keys(standard.messages) as MessageId[];
  out.push(`/** Any iWmo ${standard.release} message in its typed form. */\nexport type Message = ${ids.join(' | ')};\n`);
  out.push(`/** The typed model of each message by id. */\nexport interface MessageTypes {\n${ids.map((id) => `  ${id}: ${id};`).join('\n')}\n}\n`);
  return out.join('\n');
}
