/**
 * Builds the JSON Schema (draft 2020-12) of a message's typed model from the
 * descriptors. The codegen writes the result to `schemas/`; nothing here is
 * hand-written per message.
 */
import type { ComplexTypeDescriptor, MessageId, SimpleTypeDescriptor, StandardDescriptor } from './descriptor.js';
import { complexTypeName, fixedLiteral, propertyShape, standardLabel, type PropertyShape } from './model.js';
import { xsdPatternToEcma } from './xsd-regex.js';

type Json = Record<string, unknown>;

/** A Gregorian calendar date with four-digit year (leap years included), as xs:date requires. */
export const DATE_PATTERN =
  '^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';
/** xs:time without fraction digits beyond what the lexical form allows; 24:00:00 is the XSD 1.0 end of day. */
export const TIME_PATTERN = '^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?|24:00:00(?:\\.0+)?)$';

export function simpleTypeSchema(type: SimpleTypeDescriptor): Json {
  const literal = fixedLiteral(type);
  if (type.builtin === 'integer') {
    if (literal !== undefined) return { const: Number(literal) };
    return {
      type: 'integer',
      ...(type.minInclusive !== undefined ? { minimum: type.minInclusive } : {}),
      ...(type.maxInclusive !== undefined ? { maximum: type.maxInclusive } : {}),
    };
  }
  if (literal !== undefined) return { const: literal };
  if (type.enumeration) return { enum: type.enumeration.map((e) => e.value) };
  const base: Json = { type: 'string' };
  if (type.builtin === 'date') base.pattern = DATE_PATTERN;
  if (type.builtin === 'time') base.pattern = TIME_PATTERN;
  if (type.minLength !== undefined) base.minLength = type.minLength;
  if (type.maxLength !== undefined) base.maxLength = type.maxLength;
  const patterns = type.patterns.map((step) =>
    step.length === 1 ? { pattern: xsdPatternToEcma(step[0]!) } : { anyOf: step.map((p) => ({ pattern: xsdPatternToEcma(p) })) },
  );
  if (!patterns.length) return base;
  if (!base.pattern && patterns.length === 1 && 'pattern' in patterns[0]!) return { ...base, ...patterns[0] };
  return { ...base, allOf: patterns };
}

export function buildJsonSchema(standard: StandardDescriptor, id: MessageId): Json {
  const message = standard.messages[id];
  if (!message) throw new Error(`${id} is not a message of ${standard.id}`);
  const defs: Record<string, Json> = {};

  const simpleRef = (type: SimpleTypeDescriptor): Json => {
    if (!type.name.startsWith('LDT_')) return { ...simpleTypeSchema(type) };
    defs[type.name] ??= { ...(type.documentation ? { description: type.documentation } : {}), ...simpleTypeSchema(type) };
    return { $ref: `#/$defs/${type.name}` };
  };
  const complexRef = (type: ComplexTypeDescriptor): Json => {
    const name = complexTypeName(type);
    if (!defs[name]) {
      defs[name] = {}; // placeholder against cycles
      defs[name] = objectSchema(type);
    }
    return { $ref: `#/$defs/${name}` };
  };
  const shapeSchema = (shape: PropertyShape): Json => {
    const one = shape.kind === 'leaf' ? simpleRef(shape.type) : shape.kind === 'object' ? complexRef(shape.type) : undefined;
    if (shape.kind === 'wrapper') {
      const child = shape.type.children[0]!;
      return {
        type: 'array',
        items: shapeSchema({ ...shape.item, array: false } as PropertyShape),
        minItems: Math.max(child.minOccurs, 1),
        ...(child.maxOccurs !== 'unbounded' ? { maxItems: child.maxOccurs } : {}),
      };
    }
    if (shape.array) {
      return {
        type: 'array',
        items: one,
        minItems: Math.max(shape.element.minOccurs, 1),
        ...(shape.element.maxOccurs !== 'unbounded' ? { maxItems: shape.element.maxOccurs } : {}),
      };
    }
    return one!;
  };
  const objectSchema = (type: ComplexTypeDescriptor): Json => {
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    for (const child of type.children) {
      const schema = shapeSchema(propertyShape(standard, child));
      properties[child.prop] = child.documentation && !('$ref' in schema) ? { description: child.documentation, ...schema } : schema;
      if (child.minOccurs > 0) required.push(child.prop);
    }
    return {
      type: 'object',
      ...(type.documentation ? { description: type.documentation } : {}),
      properties,
      required,
      additionalProperties: false,
    };
  };

  const rootType = standard.complexTypes[message.root.complexType!]!;
  const rootSchema = objectSchema(rootType);
  (rootSchema.properties as Record<string, Json>) = { type: { const: id }, ...(rootSchema.properties as Record<string, Json>) };
  (rootSchema.required as string[]).unshift('type');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://iwmo.dev/schemas/${standard.id}/${id}.schema.json`,
    title: `${id} (${standardLabel(standard)} ${standard.release}, BerichtCode ${message.berichtCode})`,
    ...rootSchema,
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
