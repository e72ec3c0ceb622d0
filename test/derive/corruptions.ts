/**
 * Single-field corruptions of a typed message, found by walking it with the
 * descriptors. Each is invalid by construction (not by asking a validator), so
 * every schema derived from the descriptors must reject it.
 */
import type { ComplexTypeDescriptor, MessageId, SimpleTypeDescriptor, StandardDescriptor } from '../../src/standard/descriptor.js';
import { standardOf } from '../../src/standard/standards.js';
import { fixedLiteral, propertyShape, type PropertyShape } from '../../src/standard/model.js';

export type Path = readonly (string | number)[];

/** A place in a message and what the descriptors say belongs there. */
export type Site =
  | { readonly kind: 'object'; readonly path: Path; readonly type: ComplexTypeDescriptor | 'root' }
  | { readonly kind: 'array'; readonly path: Path; readonly maxItems: number | undefined }
  | { readonly kind: 'leaf'; readonly path: Path; readonly type: SimpleTypeDescriptor; readonly value: unknown };

export interface Corruption {
  readonly description: string;
  readonly path: Path;
  /** Where `undefined` means: remove the property or item. */
  readonly value: unknown;
}

function sitesOfShape(standard: StandardDescriptor, shape: PropertyShape, value: unknown, path: Path, out: Site[]): void {
  if (shape.kind === 'wrapper' || shape.array) {
    const child = shape.kind === 'wrapper' ? shape.type.children[0]! : shape.element;
    out.push({ kind: 'array', path, maxItems: child.maxOccurs === 'unbounded' ? undefined : child.maxOccurs });
    const item = shape.kind === 'wrapper' ? ({ ...shape.item, array: false } as PropertyShape) : ({ ...shape, array: false } as PropertyShape);
    (value as unknown[]).forEach((v, i) => sitesOfShape(standard, item, v, [...path, i], out));
    return;
  }
  if (shape.kind === 'leaf') {
    out.push({ kind: 'leaf', path, type: shape.type, value });
    return;
  }
  sitesOfObject(standard, shape.type, value as Record<string, unknown>, path, out);
}

function sitesOfObject(standard: StandardDescriptor, type: ComplexTypeDescriptor, value: Record<string, unknown>, path: Path, out: Site[]): void {
  out.push({ kind: 'object', path, type });
  for (const child of type.children) {
    if (value[child.prop] === undefined) continue;
    sitesOfShape(standard, propertyShape(standard, child), value[child.prop], [...path, child.prop], out);
  }
}

/** Every object, array and leaf of a message, with its descriptor. */
export function sitesOf(message: { type: MessageId }): Site[] {
  const standard = standardOf(message.type);
  const rootType = standard.complexTypes[standard.messages[message.type]!.root.complexType!]!;
  const out: Site[] = [];
  sitesOfObject(standard, rootType, message as unknown as Record<string, unknown>, [], out);
  out[0] = { kind: 'object', path: [], type: 'root' };
  return out;
}

function leafCorruptions(site: Extract<Site, { kind: 'leaf' }>): Corruption[] {
  const { type, path, value } = site;
  const at = (description: string, v: unknown): Corruption => ({ description: `${description} at ${path.join('.')}`, path, value: v });
  const out: Corruption[] = [];
  const literal = fixedLiteral(type);
  out.push(at('wrong JSON type', typeof value === 'number' ? String(value) : 7));
  if (literal !== undefined) out.push(at('other than the fixed value', type.builtin === 'integer' ? Number(literal) + 1 : literal + '0'));
  if (type.enumeration) out.push(at('code outside the code list', 'QZ'));
  if (type.maxLength !== undefined && !type.enumeration && literal === undefined) {
    // Code points, not UTF-16 units: max characters of which one is outside the BMP is still valid, max + 1 is not.
    out.push(at('too long', '9'.repeat(type.maxLength) + '😀'));
  }
  if ((type.minLength ?? 0) >= 1 || type.builtin !== 'string') out.push(at('empty', ''));
  if (type.builtin === 'date') out.push(at('impossible date', '2023-02-29'), at('date with time zone', '2023-02-03Z'), at('date with time', '2023-02-03T10:00:00'));
  if (type.builtin === 'time') out.push(at('impossible time', '24:30:00'), at('time with zone', '10:00:00Z'));
  if (type.builtin === 'integer' && literal === undefined) {
    out.push(at('fraction', 1.5));
    if (type.minInclusive !== undefined) out.push(at('below the minimum', type.minInclusive - 1));
    if (type.maxInclusive !== undefined) out.push(at('above the maximum', type.maxInclusive + 1));
  }
  if (type.patterns.flat().some((p) => /^\[0-9\](\{\d+\}|\*)$/.test(p)) && typeof value === 'string' && value.length > 0) {
    out.push(at('non-digit', 'A' + value.slice(1)));
  }
  if (type.patterns.flat().includes('.*[^\\s].*')) out.push(at('blank', ' \t'));
  return out;
}

/** Every single-field corruption of a message that its schemas must reject. */
export function corruptionsOf(message: { type: MessageId }): Corruption[] {
  const out: Corruption[] = [];
  for (const site of sitesOf(message)) {
    const where = site.path.join('.') || '(root)';
    if (site.kind === 'object') {
      out.push({ description: `unknown property in ${where}`, path: [...site.path, 'onbekend'], value: 'x' });
      out.push({ description: `null instead of ${where}`, path: site.path, value: null });
      if (site.type === 'root') {
        out.push({ description: 'other message type', path: ['type'], value: message.type === 'WMO301' ? 'WMO302' : 'WMO301' });
        out.push({ description: 'no message type', path: ['type'], value: undefined });
        continue;
      }
      for (const child of site.type.children) {
        if (child.minOccurs > 0) out.push({ description: `missing ${where}.${child.prop}`, path: [...site.path, child.prop], value: undefined });
      }
    } else if (site.kind === 'array') {
      out.push({ description: `empty ${where}`, path: site.path, value: [] });
      out.push({ description: `object instead of array ${where}`, path: site.path, value: {} });
    } else {
      out.push(...leafCorruptions(site));
    }
  }
  return out.filter((c) => c.path.length > 0);
}

/** A copy of the message with one value replaced (or removed when `value` is undefined). */
export function applyAt(message: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(message) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(target)) target.splice(last as number, 1);
    else delete target[last];
  } else {
    target[last] = value;
  }
  return copy;
}
