// The `iwmo/extensions` entry: documents beside the standard messages, contract arithmetic and conversions.
export * from './extensions/index.js';
