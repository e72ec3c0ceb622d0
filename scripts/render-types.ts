/**
 * Renders the TypeScript types of the typed model from the descriptors (called by codegen).
 * The first standard (iWmo) is written out in full; a twin standard (iJw) only where it
 * differs: its types are the iWmo ones with the differing properties replaced (`Twin<…>`).
 */
import type { ComplexTypeDescriptor, MessageId, SimpleTypeDescriptor, StandardDescriptor } from '../src/standard/descriptor.js';
import { complexTypeName, fixedLiteral, propertyShape, standardLabel, twinMessageId, type PropertyShape } from '../src/standard/model.js';

function doc(text: string | undefined, indent = ''): string {
  return text ? `${indent}/** ${text.replace(/\*\//g, '* /')} */\n` : '';
}

function simpleTypeRef(type: SimpleTypeDescriptor): string {
  const literal = fixedLiteral(type);
  if (literal !== undefined) return type.builtin === 'integer' ? literal : `'${literal}'`;
  if (type.name.startsWith('LDT_')) return type.name;
  return type.builtin === 'integer' ? 'number' : 'string';
}

function shapeType(shape: PropertyShape, nameOf: (type: ComplexTypeDescriptor) => string): string {
  switch (shape.kind) {
    case 'leaf':
      return simpleTypeRef(shape.type) + (shape.array ? '[]' : '');
    case 'object':
      return nameOf(shape.type) + (shape.array ? '[]' : '');
    case 'wrapper': {
      const inner = shapeType({ ...shape.item, array: false } as PropertyShape, nameOf);
      return `${inner}[]`;
    }
  }
}

/** An LDT type once for all standards: a code list that differs per standard is the union of the lists. */
function renderSimpleTypes(standards: readonly StandardDescriptor[]): string[] {
  const out: string[] = [];
  const [first, ...others] = standards;
  for (const type of Object.values(first!.simpleTypes)) {
    if (!type.name.startsWith('LDT_')) continue;
    const variants = others.map((s) => ({ s, t: s.simpleTypes[type.name] })).filter((v) => v.t?.enumeration);
    const differing = variants.filter((v) => v.t!.enumeration!.map((e) => e.value).join() !== type.enumeration?.map((e) => e.value).join());
    const values = [...new Set([...(type.enumeration ?? []), ...differing.flatMap((v) => v.t!.enumeration!)].map((e) => e.value))];
    const body = type.enumeration ? values.map((v) => `'${v}'`).join(' | ') : type.builtin === 'integer' ? 'number' : 'string';
    const lists = differing.length
      ? `Code list ${[{ s: first!, t: type }, ...differing].map((v) => `${v.t!.codelist} (${standardLabel(v.s)})`).join(', ')}; which one applies follows from the message's standard.`
      : type.codelist
        ? `Code list ${type.codelist}.`
        : undefined;
    const note = [type.documentation, lists].filter(Boolean).join(' ');
    out.push(`${doc(note)}export type ${type.name} = ${body};\n`);
  }
  return out;
}

function renderInterface(standard: StandardDescriptor, type: ComplexTypeDescriptor, name: string, nameOf: (t: ComplexTypeDescriptor) => string, extra: string[] = []): string {
  const lines = type.children.map((child) => {
    const optional = child.minOccurs === 0 ? '?' : '';
    return `${doc(child.documentation, '  ')}  ${child.prop}${optional}: ${shapeType(propertyShape(standard, child), nameOf)};`;
  });
  return `${doc(type.documentation)}export interface ${name} {\n${[...extra, ...lines].join('\n')}\n}\n`;
}

const discriminator = (id: string) => `  /** Which message this is (not an element: the typed model's discriminator). */\n  type: '${id}';`;

/** The twin standard's message types, each the first standard's type with what differs replaced. */
function renderTwinStandard(first: StandardDescriptor, standard: StandardDescriptor): string[] {
  const out: string[] = [];
  const firstName = (t: ComplexTypeDescriptor) => complexTypeName(t);
  const resolved = new Map<string, string>();
  // `JW301/Client` is the twin of `WMO301/Client`: same local name in the twin message.
  const twinTypeOf = (type: ComplexTypeDescriptor): ComplexTypeDescriptor | undefined => {
    const slash = type.name.indexOf('/');
    return first.complexTypes[`${twinMessageId(type.name.slice(0, slash) as MessageId, first.id)}${type.name.slice(slash)}`];
  };
  const overridesOf = (type: ComplexTypeDescriptor, twin: ComplexTypeDescriptor, extra: string[]): string[] => {
    const removed = twin.children.filter((c) => !type.children.some((t) => t.name === c.name));
    if (removed.length) throw new Error(`${type.name}: elements missing against ${twin.name} (${removed.map((c) => c.name).join(', ')}) are not supported`);
    const overrides = [...extra];
    for (const child of type.children) {
      const twinChild = twin.children.find((c) => c.name === child.name);
      const rendered = shapeType(propertyShape(standard, child), nameOf);
      const optional = child.minOccurs === 0 ? '?' : '';
      if (twinChild && rendered === shapeType(propertyShape(first, twinChild), firstName) && child.minOccurs === twinChild.minOccurs) continue;
      overrides.push(`${doc(child.documentation, '  ')}  ${child.prop}${optional}: ${rendered};`);
    }
    return overrides;
  };
  function nameOf(type: ComplexTypeDescriptor): string {
    const known = resolved.get(type.name);
    if (known) return known;
    if (type.name.startsWith('CDT_')) return type.name;
    const twin = twinTypeOf(type);
    if (!twin) {
      // A type the first standard lacks (Woonplaatsbeginsel): written in full.
      resolved.set(type.name, complexTypeName(type));
      out.push(renderInterface(standard, type, complexTypeName(type), nameOf));
      return complexTypeName(type);
    }
    const overrides = overridesOf(type, twin, []);
    const name = overrides.length ? complexTypeName(type) : complexTypeName(twin);
    resolved.set(type.name, name);
    if (overrides.length) out.push(`${doc(type.documentation)}export type ${name} = Twin<${complexTypeName(twin)}, {\n${overrides.join('\n')}\n}>;\n`);
    return name;
  }
  for (const id of Object.keys(standard.messages) as MessageId[]) {
    const rootType = standard.complexTypes[standard.messages[id]!.root.complexType!]!;
    const twinId = twinMessageId(id, first.id);
    const overrides = overridesOf(rootType, first.complexTypes[first.messages[twinId]!.root.complexType!]!, [discriminator(id)]);
    out.push(`${doc(rootType.documentation)}export type ${id} = Twin<${twinId}, {\n${overrides.join('\n')}\n}>;\n`);
  }
  return out;
}

export function renderTypes(standards: readonly StandardDescriptor[]): string {
  const [first, ...twins] = standards;
  const out: string[] = renderSimpleTypes(standards);
  for (const type of Object.values(first!.complexTypes)) {
    // Wrappers are held as arrays of their child; they have no type of their own.
    if (type.wrapper) continue;
    const isRoot = /^[A-Z]+\d{3}\/Root$/.test(type.name);
    const name = isRoot ? type.name.slice(0, type.name.indexOf('/')) : complexTypeName(type);
    out.push(renderInterface(first!, type, name, complexTypeName, isRoot ? [discriminator(name)] : []));
  }
  if (twins.length) {
    out.push(
      `/** A twin standard's type: the first standard's type \`T\` with the properties of \`Changes\` replaced or added. */\nexport type Twin<T, Changes> = { [K in keyof T as K extends keyof Changes ? never : K]: T[K] } & Changes;\n`,
    );
  }
  for (const twin of twins) out.push(...renderTwinStandard(first!, twin));
  const idsOf = (s: StandardDescriptor) => Object.keys(s.messages) as MessageId[];
  for (const s of standards) {
    out.push(`/** Any ${standardLabel(s)} ${s.release} message in its typed form. */\nexport type ${s.standaard === 'iwmo' ? 'WmoMessage' : 'JwMessage'} = ${idsOf(s).join(' | ')};\n`);
  }
  const all = standards.flatMap(idsOf);
  out.push(`/** Any message of any standard in its typed form. */\nexport type Message = ${standards.map((s) => (s.standaard === 'iwmo' ? 'WmoMessage' : 'JwMessage')).join(' | ')};\n`);
  out.push(`/** The typed model of each message by id. */\nexport interface MessageTypes {\n${all.map((id) => `  ${id}: ${id};`).join('\n')}\n}\n`);
  return out.join('\n');
}
