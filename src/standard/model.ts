/**
 * How the typed model follows from the descriptors. Types, zod schemas, JSON
 * Schemas, the codec and the arbitraries all call these, so the model has one
 * definition.
 */
import type { BerichtNummer, ComplexTypeDescriptor, ElementDescriptor, MessageId, SimpleTypeDescriptor, StandardDescriptor, StandardId } from './descriptor.js';

/** What one property of the typed model holds. */
export type PropertyShape =
  | { kind: 'leaf'; element: ElementDescriptor; type: SimpleTypeDescriptor; array: boolean }
  | { kind: 'object'; element: ElementDescriptor; type: ComplexTypeDescriptor; array: boolean }
  /** A wrapper element held as an array of its single repeated child. */
  | { kind: 'wrapper'; element: ElementDescriptor; type: ComplexTypeDescriptor; item: PropertyShape };

export function isRepeated(element: ElementDescriptor): boolean {
  return element.maxOccurs === 'unbounded' || element.maxOccurs > 1;
}

export function propertyShape(standard: StandardDescriptor, element: ElementDescriptor): PropertyShape {
  if (element.simpleType) {
    const type = standard.simpleTypes[element.simpleType];
    if (!type) throw new Error(`Unknown simple type ${element.simpleType}`);
    return { kind: 'leaf', element, type, array: isRepeated(element) };
  }
  const type = standard.complexTypes[element.complexType ?? ''];
  if (!type) throw new Error(`Unknown complex type ${element.complexType}`);
  if (type.wrapper && !isRepeated(element)) {
    const child = type.children[0]!;
    return { kind: 'wrapper', element, type, item: propertyShape(standard, child) };
  }
  return { kind: 'object', element, type, array: isRepeated(element) };
}

/** A literal value an anonymous type fixes by pattern (BerichtCode `414`, BerichtVersie `3`), if any. */
export function fixedLiteral(type: SimpleTypeDescriptor): string | undefined {
  const last = type.patterns.at(-1);
  if (type.name.startsWith('LDT_') || !last || last.length !== 1) return undefined;
  return /^[0-9A-Za-z]+$/.test(last[0]!) ? last[0] : undefined;
}

/** Name of the TypeScript type for a complex type: `CDT_Adres`, or `WMO301Client` for `WMO301/Client` (`JW301Client`). */
export function complexTypeName(type: ComplexTypeDescriptor): string {
  return type.name.replace('/', '');
}

const shapesCache = new WeakMap<ComplexTypeDescriptor, PropertyShape[]>();
/** The property shapes of a complex type's children, in sequence order (cached per type). */
export function childShapes(standard: StandardDescriptor, type: ComplexTypeDescriptor): readonly PropertyShape[] {
  let shapes = shapesCache.get(type);
  if (!shapes) {
    shapes = type.children.map((child) => propertyShape(standard, child));
    shapesCache.set(type, shapes);
  }
  return shapes;
}

/** How message ids start in each standard (`WMO301`, `JW301`). */
export const MESSAGE_ID_PREFIX: Readonly<Record<StandardId, string>> = { 'iwmo-3.2': 'WMO', 'ijw-3.2': 'JW' };

/** The number a message has in every standard: `301` for WMO301 and JW301. */
export function berichtNummer(id: MessageId): BerichtNummer {
  return id.slice(-3) as BerichtNummer;
}

/** The same message in another standard: `twinMessageId('JW301', 'iwmo-3.2')` is `WMO301`. */
export function twinMessageId(id: MessageId, standard: StandardId): MessageId {
  return `${MESSAGE_ID_PREFIX[standard]}${berichtNummer(id)}` as MessageId;
}

/** A standard id as people write it: `iWmo 3.2`, `iJw 3.2`. */
export function describeStandard(id: StandardId): string {
  const [standaard, release] = id.split('-') as [string, string];
  return `${standardLabel({ standaard })} ${release}`;
}

/** The standard's name as people write it: `iWmo`, `iJw`. */
export function standardLabel(standard: Pick<StandardDescriptor, 'standaard'>): string {
  return `i${standard.standaard.charAt(1).toUpperCase()}${standard.standaard.slice(2)}`;
}
