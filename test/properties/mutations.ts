/**
 * Single mutations of an encoded message, each knowing which element it
 * changed, so a property can check that level 1 reports it at that element
 * (or its parent). Works on the encoder's own output: prefixed elements, no
 * comments, text only in leaves.
 */
import type { ComplexTypeDescriptor, ElementDescriptor, MessageId, SimpleTypeDescriptor } from '../../src/standard/descriptor.js';
import { messageDescriptor, standardOf } from '../../src/standard/standards.js';
import { fixedLiteral, isRepeated } from '../../src/standard/model.js';

interface XmlNode {
  prefix: string;
  name: string;
  attributes: string;
  /** Escaped text of a leaf; undefined for an element with element content. */
  text: string | undefined;
  children: XmlNode[];
  element: ElementDescriptor;
  /** Set for complex elements. */
  type: ComplexTypeDescriptor | undefined;
  /** Set for leaves. */
  simpleType: SimpleTypeDescriptor | undefined;
  path: string;
  parent: XmlNode | undefined;
}

export const MUTATION_KINDS = [
  'delete-required',
  'duplicate-single',
  'swap-siblings',
  'facet',
  'unknown-element',
  'wrong-namespace',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  readonly kind: MutationKind;
  readonly description: string;
  readonly xml: string;
  /** Paths at which a level-1 finding counts as pointing at the mutation. */
  readonly paths: readonly string[];
}

const TAG = /<(\/?)([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)([^>]*?)(\/?)>/g;

function parse(xml: string, id: MessageId): XmlNode {
  const standard = standardOf(id);
  const message = messageDescriptor(id);
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let lastEnd = 0;
  let textSinceOpen = '';
  for (const match of xml.matchAll(TAG)) {
    const [whole, closing, prefix, name, attributes, selfClosing] = match as unknown as [string, string, string, string, string, string];
    const between = xml.slice(lastEnd, match.index);
    lastEnd = match.index + whole.length;
    if (closing) {
      const node = stack.pop()!;
      if (node.simpleType) node.text = textSinceOpen + between;
      textSinceOpen = '';
      continue;
    }
    const parent = stack.at(-1);
    let element: ElementDescriptor;
    if (!parent) element = message.root;
    else {
      const found = parent.type!.children.find((c) => c.name === name);
      if (!found) throw new Error(`Unexpected element ${name} in ${parent.name}`);
      element = found;
    }
    const index = parent && isRepeated(element) ? parent.children.filter((c) => c.name === name).length + 1 : undefined;
    const node: XmlNode = {
      prefix,
      name,
      attributes,
      text: undefined,
      children: [],
      element,
      type: element.complexType ? standard.complexTypes[element.complexType] : undefined,
      simpleType: element.simpleType ? standard.simpleTypes[element.simpleType] : undefined,
      path: `${parent ? parent.path : ''}/${name}${index ? `[${index}]` : ''}`,
      parent,
    };
    if (parent) parent.children.push(node);
    else root = node;
    if (selfClosing) {
      if (node.simpleType) node.text = '';
    } else {
      stack.push(node);
      textSinceOpen = '';
    }
  }
  return root!;
}

function serialize(node: XmlNode): string {
  const open = `<${node.prefix}:${node.name}${node.attributes}>`;
  const content = node.text ?? node.children.map(serialize).join('');
  return `${open}${content}</${node.prefix}:${node.name}>`;
}

function all(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(all)];
}

function clone(node: XmlNode, parent: XmlNode | undefined): XmlNode {
  const copy: XmlNode = { ...node, parent, children: [] };
  copy.children = node.children.map((c) => clone(c, copy));
  return copy;
}

/** The path itself, the path without its last index, and the parent's path. */
function pathsOf(node: XmlNode): string[] {
  const paths = [node.path, node.path.replace(/\[\d+\]$/, '')];
  if (node.parent) paths.push(node.parent.path);
  return paths;
}

interface Candidate {
  readonly description: string;
  readonly apply: () => void;
  readonly paths: string[];
}

/** Values that break a leaf's simple type by construction (not by asking the codec). */
function facetBreakers(type: SimpleTypeDescriptor, current: string): { description: string; text: string }[] {
  const out: { description: string; text: string }[] = [];
  const literal = fixedLiteral(type);
  if (literal !== undefined) out.push({ description: 'other value than the fixed one', text: literal === '999' ? '998' : '999' });
  if (type.enumeration) {
    const codes = new Set(type.enumeration.map((e) => e.value));
    out.push({ description: 'code not in the code list', text: ['QZ', 'Q', 'QQZZ'].find((c) => !codes.has(c))! });
  }
  if (type.maxLength !== undefined && !type.enumeration) {
    const filler = type.patterns.flat().some((p) => p.startsWith('[0-9]')) ? '1' : 'x';
    out.push({ description: 'too long', text: filler.repeat(type.maxLength + 1) });
  }
  if (type.builtin === 'date') out.push({ description: 'date that does not exist', text: '2023-02-30' }, { description: 'date with time zone', text: '2023-02-03Z' });
  if (type.builtin === 'time') out.push({ description: 'hour 25', text: '25:10:00' });
  if (type.builtin === 'integer') {
    out.push({ description: 'not an integer', text: '12a' });
    if (type.maxInclusive !== undefined && literal === undefined) out.push({ description: 'above the maximum', text: String(type.maxInclusive + 1) });
  }
  if (type.patterns.flat().some((p) => /^\[0-9\](\{\d+\}|\*)$/.test(p)) && current.length > 0) {
    out.push({ description: 'non-digit in a digit pattern', text: 'A' + current.slice(1) });
  }
  const emptyInvalid = (type.minLength ?? 0) >= 1 || type.enumeration !== undefined || type.builtin !== 'string' || literal !== undefined;
  if (emptyInvalid) out.push({ description: 'empty element', text: '' });
  return out;
}

function candidates(kind: MutationKind, root: XmlNode, id: MessageId, choice: number): Candidate[] {
  const nodes = all(root);
  const standard = standardOf(id);
  const messagePrefix = messageDescriptor(id).prefix;
  switch (kind) {
    case 'delete-required':
      return nodes
        .filter((n) => n.parent && n.element.minOccurs >= 1 && n.parent.children.filter((c) => c.name === n.name).length <= n.element.minOccurs)
        .map((n) => ({
          description: `delete required ${n.path}`,
          apply: () => n.parent!.children.splice(n.parent!.children.indexOf(n), 1),
          paths: pathsOf(n),
        }));
    case 'duplicate-single':
      return nodes
        .filter((n) => n.parent && n.element.maxOccurs === 1)
        .map((n) => ({
          description: `duplicate ${n.path}`,
          apply: () => n.parent!.children.splice(n.parent!.children.indexOf(n) + 1, 0, clone(n, n.parent)),
          paths: pathsOf(n),
        }));
    case 'swap-siblings':
      return nodes.flatMap((n) =>
        n.children.slice(1).flatMap((b, i) => {
          const a = n.children[i]!;
          if (a.name === b.name) return [];
          return [
            {
              description: `swap ${a.path} and ${b.path}`,
              apply: () => n.children.splice(i, 2, b, a),
              paths: [...pathsOf(a), ...pathsOf(b)],
            },
          ];
        }),
      );
    case 'facet':
      return nodes
        .filter((n) => n.simpleType)
        .flatMap((n) => {
          const breakers = facetBreakers(n.simpleType!, n.text ?? '');
          if (!breakers.length) return [];
          const breaker = breakers[choice % breakers.length]!;
          return [{ description: `${breaker.description} at ${n.path}`, apply: () => void (n.text = breaker.text), paths: [n.path] }];
        });
    case 'unknown-element':
      return nodes
        .filter((n) => n.type)
        .map((n) => {
          const at = choice % (n.children.length + 1);
          const unknown: XmlNode = {
            ...n,
            prefix: messagePrefix,
            name: 'Onbekend',
            attributes: '',
            text: 'x',
            children: [],
            type: undefined,
            path: `${n.path}/Onbekend`,
            parent: n,
          };
          return { description: `unknown element in ${n.path}`, apply: () => n.children.splice(at, 0, unknown), paths: [unknown.path, n.path] };
        });
    case 'wrong-namespace':
      return nodes.map((n) => ({
        description: `wrong namespace on ${n.path}`,
        apply: () => void (n.prefix = n.prefix === messagePrefix ? standard.basisPrefix : messagePrefix),
        paths: pathsOf(n),
      }));
  }
}

/**
 * Applies one mutation to encoded XML. `kind` and `target` pick it; when a kind
 * has no candidate in this message the next kind is used.
 */
export function mutate(xml: string, id: MessageId, kindIndex: number, target: number): Mutation {
  const declaration = xml.startsWith('<?xml') ? xml.slice(0, xml.indexOf('?>') + 2) : '';
  for (let k = 0; k < MUTATION_KINDS.length; k++) {
    const kind = MUTATION_KINDS[(kindIndex + k) % MUTATION_KINDS.length]!;
    const root = parse(xml, id);
    const found = candidates(kind, root, id, target);
    if (!found.length) continue;
    const candidate = found[target % found.length]!;
    candidate.apply();
    return { kind, description: candidate.description, xml: declaration + serialize(root), paths: candidate.paths };
  }
  throw new Error('No mutation applies');
}

/** Reads encoded XML back into the tree and writes it again: the mutation harness's own round trip. */
export function reserialize(xml: string, id: MessageId): string {
  return serialize(parse(xml, id));
}
