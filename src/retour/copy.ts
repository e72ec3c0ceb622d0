/**
 * Copies a part of a heen-bericht into the shape of its answer by walking the
 * answer's descriptors: every berichtklasse (a complex type whose last child
 * is RetourCodes, §2.8) gets an empty RetourCodes list to be filled, and its
 * path is noted so findings can be matched to it.
 */
import type { ComplexTypeDescriptor, StandardDescriptor } from '../standard/descriptor.js';
import { propertyShape } from '../standard/model.js';

const RETOUR_CODES = 'RetourCodes';

/** A berichtklasse of a retour: a complex type whose last child is RetourCodes (the Header aside). */
export function isBerichtklasse(type: ComplexTypeDescriptor): boolean {
  return type.children.at(-1)?.name === RETOUR_CODES;
}

export interface ClassSlot {
  readonly path: string;
  readonly target: Record<string, unknown>;
  readonly prop: string;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * Copies `value` into the shape of the retour's complex type `type`, leaving
 * an empty RetourCodes list on each berichtklasse and noting where it stands.
 * Paths follow the standard's style: repeated elements always carry `[n]`.
 */
export function copyInto(standard: StandardDescriptor, value: unknown, type: ComplexTypeDescriptor, path: string, classes: ClassSlot[]): Record<string, unknown> {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const target: Record<string, unknown> = {};
  const klasse = isBerichtklasse(type);
  type.children.forEach((child, position) => {
    if (klasse && position === type.children.length - 1) {
      target[child.prop] = [];
      classes.push({ path, target, prop: child.prop });
      return;
    }
    const v = source[child.prop];
    if (v === undefined || v === null) return;
    const shape = propertyShape(standard, child);
    const childPath = `${path}/${child.name}`;
    if (shape.kind === 'leaf') {
      target[child.prop] = shape.array ? [...asList(v)] : v;
    } else if (shape.kind === 'object') {
      target[child.prop] = shape.array
        ? asList(v).map((item, i) => copyInto(standard, item, shape.type, `${childPath}[${i + 1}]`, classes))
        : copyInto(standard, v, shape.type, childPath, classes);
    } else {
      const item = shape.item;
      const itemPath = `${childPath}/${item.element.name}`;
      target[child.prop] = asList(v).map((entry, i) => (item.kind === 'leaf' ? entry : copyInto(standard, entry, item.type, `${itemPath}[${i + 1}]`, classes)));
    }
  });
  return target;
}
