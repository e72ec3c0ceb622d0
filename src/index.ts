// The public API of iwmo; nothing else is exported from the package root.
export { parse, safeParse, validate, serialize, detect } from './api.js';
export type { XmlInput, SafeParseResult, ValidateOptions } from './api.js';
export { IwmoError, isError, maskBsn } from './findings.js';
export type { Finding, Report, ControlLevel, LocalizedText } from './findings.js';
export { decode } from './codec/decode.js';
export { encode } from './codec/encode.js';
export type { EncodeOptions } from './codec/encode.js';
export type { DecodeOptions, DecodeResult, ReaderLimits } from './codec/types.js';
export type { Detection } from './codec/detect.js';
export { locatorFor } from './codec/locations.js';
export type { Locator, NodeLocation } from './codec/locations.js';
export { standard } from './standard/generated/descriptors.js';
export { propertyShape } from './standard/model.js';
export type { PropertyShape } from './standard/model.js';
export type * from './standard/descriptor.js';
export type * from './standard/generated/types.js';
export { checkRules } from './rules/index.js';
export type { Profile } from './rules/index.js';
