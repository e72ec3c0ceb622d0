// `iwmo/zod`: zod schemas of every message, derived from the descriptors. A subpath of
// its own so that importing `iwmo` does not load zod (≈ 90 ms).
export { zodSchemaFor, messageSchema } from './standard/zod.js';
