/**
 * zod schemas of the typed model, derived from the descriptors at run time.
 * Nothing here is written per message: each schema is built on first use from
 * the same descriptors as the types, the JSON Schemas and the codec, and then
 * cached, so importing this module costs little more than zod itself.
 */
import * as z from 'zod';
import type { ComplexTypeDescriptor, MessageId, SimpleTypeDescriptor, StandardDescriptor } from './descriptor.js';
import type { Message, MessageTypes } from './generated/types.js';
import { DATE_PATTERN, TIME_PATTERN } from './json-schema.js';
import { fixedLiteral, propertyShape, type PropertyShape } from './model.js';
import { ALL_MESSAGE_IDS, standardOf } from './standards.js';
import { compileXsdPattern } from './xsd-regex.js';

/** Length in characters (code points), as XSD counts it; `'😀'.length` is 2 in JavaScript. */
function codePointLength(value: string): number {
  if (!/[\uD800-\uDFFF]/.test(value)) return value.length;
  let n = 0;
  for (const _ of value) n++;
  return n;
}

// Keyed by descriptor: a type of the same name may differ per standard (LDT_ProductCategorie).
const leafCache = new Map<SimpleTypeDescriptor, z.ZodType>();
const objectCache = new Map<ComplexTypeDescriptor, z.ZodObject>();
const messageCache = new Map<MessageId, z.ZodObject>();

function leafSchema(type: SimpleTypeDescriptor): z.ZodType {
  let schema = leafCache.get(type);
  if (!schema) {
    schema = buildLeaf(type);
    leafCache.set(type, schema);
  }
  return schema;
}

function buildLeaf(type: SimpleTypeDescriptor): z.ZodType {
  const literal = fixedLiteral(type);
  if (type.builtin === 'integer') {
    if (literal !== undefined) return z.literal(Number(literal));
    let schema = z.int();
    if (type.minInclusive !== undefined) schema = schema.min(type.minInclusive);
    if (type.maxInclusive !== undefined) schema = schema.max(type.maxInclusive);
    return schema;
  }
  if (literal !== undefined) return z.literal(literal);
  // A code list already fixes every value; its length facets add nothing.
  if (type.enumeration) return z.enum(type.enumeration.map((e) => e.value) as [string, ...string[]]);

  let schema = z.string();
  if (type.builtin === 'date') schema = schema.regex(new RegExp(DATE_PATTERN), { error: 'Expected a date YYYY-MM-DD without time zone' });
  if (type.builtin === 'time') schema = schema.regex(new RegExp(TIME_PATTERN), { error: 'Expected a time HH:MM:SS without time zone' });
  const { minLength, maxLength } = type;
  if (minLength !== undefined) {
    schema = schema.refine((v) => codePointLength(v) >= minLength, { error: `Expected at least ${minLength} characters` });
  }
  if (maxLength !== undefined) {
    schema = schema.refine((v) => codePointLength(v) <= maxLength, { error: `Expected at most ${maxLength} characters` });
  }
  // Patterns within one derivation step are alternatives; every step applies.
  for (const step of type.patterns) {
    const regexes = step.map(compileXsdPattern);
    const shown = step.join(' | ');
    schema = schema.refine((v) => regexes.some((re) => re.test(v)), { error: `Expected a value matching ${shown}` });
  }
  return schema;
}

function shapeSchema(standard: StandardDescriptor, shape: PropertyShape): z.ZodType {
  if (shape.kind === 'wrapper') {
    const child = shape.type.children[0]!;
    return arrayOf(shapeSchema(standard, { ...shape.item, array: false } as PropertyShape), child.minOccurs, child.maxOccurs);
  }
  const one = shape.kind === 'leaf' ? leafSchema(shape.type) : objectSchema(standard, shape.type);
  return shape.array ? arrayOf(one, shape.element.minOccurs, shape.element.maxOccurs) : one;
}

function arrayOf(item: z.ZodType, minOccurs: number, maxOccurs: number | 'unbounded'): z.ZodType {
  // An array that is present holds at least one item: an empty wrapper element is not valid XML for the XSD.
  const schema = z.array(item).min(Math.max(minOccurs, 1));
  return maxOccurs === 'unbounded' ? schema : schema.max(maxOccurs);
}

function objectSchema(standard: StandardDescriptor, type: ComplexTypeDescriptor, extra: Record<string, z.ZodType> = {}): z.ZodObject {
  const cached = Object.keys(extra).length === 0 ? objectCache.get(type) : undefined;
  if (cached) return cached;
  const shape: Record<string, z.ZodType> = { ...extra };
  for (const child of type.children) {
    const schema = shapeSchema(standard, propertyShape(standard, child));
    shape[child.prop] = child.minOccurs > 0 ? schema : schema.optional();
  }
  const schema = z.strictObject(shape);
  if (Object.keys(extra).length === 0) objectCache.set(type, schema);
  return schema;
}

function messageObject(id: MessageId): z.ZodObject {
  let schema = messageCache.get(id);
  if (!schema) {
    const standard = standardOf(id);
    const message = standard.messages[id];
    if (!message) throw new Error(`Unknown message ${String(id)}`);
    const rootType = standard.complexTypes[message.root.complexType!]!;
    schema = objectSchema(standard, rootType, { type: z.literal(id) });
    messageCache.set(id, schema);
  }
  return schema;
}

/**
 * The zod schema of one message's typed model (`WMO301` … `WMO325`, `JW301` … `JW325`): strict
 * objects, facets and code lists as in the XSD, `type` as the discriminator.
 * Built on first use and cached.
 */
export function zodSchemaFor<K extends MessageId>(id: K): z.ZodType<MessageTypes[K]> {
  return messageObject(id) as unknown as z.ZodType<MessageTypes[K]>;
}

/** Any message of either standard: a union discriminated on `type`, built on first use. */
export const messageSchema: z.ZodType<Message> = z.lazy(() =>
  z.discriminatedUnion(
    'type',
    ALL_MESSAGE_IDS.map(messageObject) as unknown as [z.ZodObject, ...z.ZodObject[]],
  ),
) as unknown as z.ZodType<Message>;
