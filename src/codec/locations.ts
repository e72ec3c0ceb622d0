/**
 * Where each part of a typed message stands in the XML: its XPath and line.
 * Decode records lines; for a message built in code the paths are derived by
 * walking the model with the descriptors, so rules can always point at an element.
 */
import { complexTypeNamed, isMessageId, standardOf } from '../standard/standards.js';
import { propertyShape, type PropertyShape } from '../standard/model.js';
import type { Message } from '../standard/generated/types.js';

export interface NodeLocation {
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
}

/** Per object in the typed model: where its element stands. */
export interface NodeInfo {
  readonly parent: NodeInfo | undefined;
  /** Element name. */
  readonly name: string;
  /** 1-based position among its repeated siblings; undefined for elements that cannot repeat. */
  readonly index: number | undefined;
  readonly line?: number;
  readonly column?: number;
  /** Line of each leaf child by its position in the sequence (first occurrence). */
  leafLines?: number[];
  /** Element name and position of each property, for paths to leaves and missing children. */
  readonly fields: FieldTable;
}

export interface FieldTable {
  readonly names: Readonly<Record<string, string>>;
  readonly positions: Readonly<Record<string, number>>;
}

/** Where the node info of an object is looked up (a map, or a view on the maps a streaming decoder renews). */
export interface NodeInfoLookup {
  get(object: object): NodeInfo | undefined;
}

const decoded = new WeakMap<object, NodeInfoLookup>();

/** Called by decode: remembers the node infos of a decoded message. */
export function rememberLocations(message: object, infos: NodeInfoLookup): void {
  decoded.set(message, infos);
}

export function pathOf(info: NodeInfo): string {
  const parts: string[] = [];
  for (let n: NodeInfo | undefined = info; n; n = n.parent) parts.push(n.index === undefined ? n.name : `${n.name}[${n.index}]`);
  return '/' + parts.reverse().join('/');
}

export interface Locator {
  /** The element that holds this object (`/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]`). */
  node(object: object): NodeLocation;
  /** A child of that element by property name; the path is given even when the child is absent. */
  field(object: object, prop: string, index?: number): NodeLocation;
}

/** A locator for a message: with lines when it came from decode, paths only otherwise. */
export function locatorFor(message: Message): Locator {
  const infos = decoded.get(message) ?? indexModel(message);
  const infoOf = (object: object): NodeInfo | undefined => infos.get(object);
  return {
    node(object) {
      const info = infoOf(object);
      if (!info) return { path: '/Bericht' };
      return { path: pathOf(info), ...(info.line !== undefined ? { line: info.line, column: info.column } : {}) };
    },
    field(object, prop, index) {
      const info = infoOf(object);
      if (!info) return { path: '/Bericht' };
      const name = info.fields.names[prop] ?? prop;
      const path = `${pathOf(info)}/${name}${index !== undefined ? `[${index}]` : ''}`;
      const position = info.fields.positions[prop];
      const line = (position !== undefined ? info.leafLines?.[position] : undefined) ?? info.line;
      return { path, ...(line !== undefined ? { line } : {}) };
    },
  };
}

const fieldsCache = new Map<string, FieldTable>();
export function fieldTableOf(complexType: string): FieldTable {
  let table = fieldsCache.get(complexType);
  if (!table) {
    const children = complexTypeNamed(complexType)!.children;
    table = {
      names: Object.fromEntries(children.map((c) => [c.prop, c.name])),
      positions: Object.fromEntries(children.map((c, i) => [c.prop, i])),
    };
    fieldsCache.set(complexType, table);
  }
  return table;
}

/** Walks a typed message (not decoded) and gives every object its path. */
function indexModel(message: Message): Map<object, NodeInfo> {
  const infos = new Map<object, NodeInfo>();
  const id: string = message.type;
  if (!isMessageId(id)) return infos;
  const standard = standardOf(id);
  const rootElement = standard.messages[id]!.root;
  const visit = (value: Record<string, unknown>, info: NodeInfo, complexType: string): void => {
    infos.set(value, info);
    for (const child of standard.complexTypes[complexType]!.children) {
      const v = value[child.prop];
      if (v === undefined) continue;
      const shape: PropertyShape = propertyShape(standard, child);
      if (shape.kind === 'leaf') continue;
      if (shape.kind === 'object') {
        const items = shape.array ? (v as Record<string, unknown>[]) : [v as Record<string, unknown>];
        items.forEach((item, i) =>
          visit(item, { parent: info, name: child.name, index: shape.array ? i + 1 : undefined, fields: fieldTableOf(shape.type.name) }, shape.type.name),
        );
      } else {
        const wrapperInfo: NodeInfo = { parent: info, name: child.name, index: undefined, fields: fieldTableOf(shape.type.name) };
        const item = shape.item;
        if (item.kind !== 'object') continue;
        (v as Record<string, unknown>[]).forEach((entry, i) =>
          visit(entry, { parent: wrapperInfo, name: item.element.name, index: i + 1, fields: fieldTableOf(item.type.name) }, item.type.name),
        );
      }
    }
  };
  visit(message as unknown as Record<string, unknown>, { parent: undefined, name: 'Bericht', index: undefined, fields: fieldTableOf(rootElement.complexType!) }, rootElement.complexType!);
  return infos;
}
