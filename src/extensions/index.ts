// The `iwmo/extensions` entry: the extension model, its documents, contract arithmetic and conversions.
export type * from './model.js';
export * from './documents/index.js';
export * from './arithmetic/index.js';
export * from './conversions/index.js';
export * from './reports/index.js';
export * from './status/index.js';
