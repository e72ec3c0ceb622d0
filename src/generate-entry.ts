// The `iwmo/generate` subpath: message generation, kept apart so validation never loads fast-check.
export * from './generate/index.js';
