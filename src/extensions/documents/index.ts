// Extension documents: their definition, the XML sidecar codec and validation.
export { definition, STANDARD_MONEY_MAX } from './definition.js';
export type { DocumentDef, ExtensionDefinition, FieldDef, NamedType, ScalarNode, TypeNode } from './definition.js';
export { buildDocumentSchema } from './json-schema.js';
export { documentToXml, decodeDocumentXml } from './xml.js';
export type { DecodedXml, XmlLocation } from './xml.js';
export { EXTENSION_RULES } from './rules.js';
export type { ExtensionRule } from './rules.js';
export { maskBsns, parseDocument, safeParseDocument, validateDocument } from './validate.js';
export type { DocumentInput, DocumentOptions, DocumentReport, SafeParseDocumentResult } from './validate.js';
