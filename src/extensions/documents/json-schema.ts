/**
 * The JSON Schema (draft 2020-12) of each extension document, built from the
 * definition. The codegen writes them to `schemas/extensions/`; the validator
 * compiles the same objects.
 */
import { DATE_PATTERN } from '../../standard/json-schema.js';
import { RECORD_KEY_PATTERN, XML_TEXT_PATTERN, definition, documentDef, namedType, type FieldDef, type NamedType, type ScalarNode, type TypeNode } from './definition.js';

type Json = Record<string, unknown>;

export function scalarSchema(node: ScalarNode): Json {
  switch (node.t) {
    case 'string':
      return {
        type: 'string',
        minLength: 1,
        ...(node.maxLength !== undefined ? { maxLength: node.maxLength } : {}),
        // A pattern of its own already excludes what XML cannot carry.
        pattern: node.pattern ?? XML_TEXT_PATTERN,
      };
    case 'date':
      return { type: 'string', pattern: DATE_PATTERN };
    case 'integer':
      return { type: 'integer', minimum: node.min, maximum: node.max };
    case 'decimal':
      return { type: 'number', minimum: node.min, maximum: node.max };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer-or-boolean':
      return { type: ['integer', 'boolean'] };
    case 'const':
      return { const: node.value };
    case 'enum':
      return { enum: [...node.values] };
  }
}

function nodeSchema(node: TypeNode, use: (name: string) => void): Json {
  switch (node.t) {
    case 'ref': {
      use(node.name);
      const bounds = { ...(node.min !== undefined ? { minimum: node.min } : {}), ...(node.max !== undefined ? { maximum: node.max } : {}) };
      return { $ref: `#/$defs/${node.name}`, ...bounds };
    }
    case 'array':
      return { type: 'array', items: nodeSchema(node.item, use) };
    case 'record':
      return { type: 'object', propertyNames: { pattern: RECORD_KEY_PATTERN }, additionalProperties: nodeSchema(node.value, use) };
    default:
      return scalarSchema(node);
  }
}

function describe(field: FieldDef, schema: Json): Json {
  const notes = [field.doc, field.standardField ? `Lands in the standard's ${field.standardField}: at most 99 999 999.` : undefined].filter(Boolean).join(' ');
  return notes ? { description: notes, ...schema } : schema;
}

function objectSchema(fields: readonly FieldDef[], use: (name: string) => void): Json {
  const properties: Record<string, Json> = {};
  for (const field of fields) properties[field.name] = describe(field, nodeSchema(field.type, use));
  return { type: 'object', properties, required: fields.filter((f) => !f.optional).map((f) => f.name), additionalProperties: false };
}

function namedSchema(type: NamedType, use: (name: string) => void): Json {
  const doc = type.doc ? { description: type.doc } : {};
  switch (type.kind) {
    case 'scalar':
      return { ...doc, ...scalarSchema(type.node) };
    case 'object':
      return { ...doc, ...objectSchema(type.fields, use) };
    case 'union':
      return {
        ...doc,
        oneOf: type.variants.map((v) => {
          use(v.type);
          return { $ref: `#/$defs/${v.type}` };
        }),
      };
  }
}

export function documentSchemaId(kind: string): string {
  return `https://iwmo.dev/schemas/extensions/${kind}.schema.json`;
}

/** The JSON Schema of one document kind (`LumpsumContract`, …). */
export function buildDocumentSchema(kind: string): Json {
  const document = documentDef(kind);
  if (!document) throw new Error(`Unknown document kind ${kind}`);
  const defs = new Map<string, Json>();
  const use = (name: string): void => {
    if (defs.has(name)) return;
    defs.set(name, {}); // placeholder against cycles
    defs.set(name, namedSchema(namedType(name), use));
  };
  const root = namedType(document.type);
  if (root.kind !== 'object') throw new Error(`${kind} is not an object type`);
  const body = objectSchema(root.fields, use);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: documentSchemaId(kind),
    title: `${kind} (iwmo extension document, format ${definition.formatVersion})`,
    ...(root.doc ? { description: root.doc } : {}),
    ...body,
    $defs: Object.fromEntries([...defs].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

export const COMBINED_SCHEMA_ID = 'https://iwmo.dev/schemas/extensions/all.schema.json';

/**
 * All named types in one schema, without descriptions: what the validator is
 * compiled from (one function per type instead of one copy per document).
 */
export function buildCombinedSchema(): Json {
  const defs: Record<string, Json> = {};
  const use = (): void => {};
  for (const [name, type] of Object.entries(definition.types)) defs[name] = namedSchema(type, use);
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key, inner]) => !(key === 'description' && typeof inner === 'string'))
          .map(([key, inner]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(inner as Json).map(([k, v]) => [k, strip(v)])) : strip(inner)]),
      );
    }
    return value;
  };
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: COMBINED_SCHEMA_ID, $defs: strip(defs) };
}
