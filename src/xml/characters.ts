/** The characters XML 1.0 does not allow in a JavaScript string, in one place for the reader and the writer. */

/** A UTF-16 surrogate without its partner, as the source of a regular expression (no `u` flag: it looks at code units). */
export const LONE_SURROGATE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

export const LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);

/** False when the text surely holds no lone surrogate: `isWellFormed` (ES2024) answers at native speed where there is one. */
export function mayHoldLoneSurrogate(text: string): boolean {
  const wellFormed = (text as { isWellFormed?: () => boolean }).isWellFormed?.call(text);
  return wellFormed === undefined ? LONE_SURROGATE.test(text) : !wellFormed;
}

/** A UTF-16 code unit as people write a code point: `U+0001`, `U+D800`. */
export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
