/**
 * The mutation corpus: seeded, reproducible random changes to valid messages,
 * for comparing our level-1 verdict with xmllint's. Structural mutations
 * (delete, duplicate, swap, move, rename elements, change namespaces, unknown
 * elements, text in complex elements, attributes) and facet mutations on leaf
 * values (too long, wrong code, bad date or time, non-digits, empty, white
 * space, leading zeros, signs, bounds, time zones, non-ASCII), plus neutral
 * ones that must NOT change the verdict (comments, processing instructions,
 * CDATA, character references).
 *
 * Each mutation that knows its outcome for sure says so (`expected`), which
 * gives the vitest suite an oracle without xmllint; the conformance script
 * uses xmllint as the judge for all of them.
 */
import type { ElementDescriptor, MessageId, SimpleTypeDescriptor } from '../../src/standard/descriptor.js';
import { ALL_MESSAGE_IDS, messageDescriptor, standardOf } from '../../src/standard/standards.js';
import {
  childElements,
  cloneDocument,
  cloneElement,
  element,
  isLeaf,
  listElements,
  parseXml,
  setText,
  text,
  textOf,
  writeXml,
  type Located,
  type XmlDocument,
  type XmlElement,
} from './xml-tree.js';

// ---------------------------------------------------------------------------
// Seeded randomness

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast, and the same sequence on every platform for a seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  // pick on an empty list gives undefined at run time; operators check their candidates first.
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}

// ---------------------------------------------------------------------------
// Schema knowledge for choosing sensible mutations

const basisOf = (message: MessageId): string => standardOf(message).basisNamespace;

/** The element descriptor for a located element, found by walking local names from the root. */
function describeElement(message: MessageId, located: Located, all: readonly Located[]): ElementDescriptor | undefined {
  const chain: XmlElement[] = [];
  let current: Located | undefined = located;
  while (current) {
    chain.unshift(current.element);
    const parent: XmlElement | undefined = current.parent;
    current = parent ? all.find((l) => l.element === parent) : undefined;
  }
  const standard = standardOf(message);
  let descriptor: ElementDescriptor = messageDescriptor(message).root;
  for (const el of chain.slice(1)) {
    const type = descriptor.complexType ? standard.complexTypes[descriptor.complexType] : undefined;
    const child = type?.children.find((c) => c.name === el.local);
    if (!child) return undefined;
    descriptor = child;
  }
  return descriptor;
}

const simpleTypeOf = (message: MessageId, d: ElementDescriptor | undefined): SimpleTypeDescriptor | undefined =>
  d?.simpleType ? standardOf(message).simpleTypes[d.simpleType] : undefined;

/** Every element name of the message's standard. */
const allNames = (message: MessageId): string[] =>
  [...new Set(Object.values(standardOf(message).complexTypes).flatMap((t) => t.children.map((c) => c.name)))].sort();

// ---------------------------------------------------------------------------
// Mutations

export type Expected = 'valid' | 'invalid';

export interface MutationContext {
  readonly message: MessageId;
  readonly rng: Random;
}

interface Applied {
  readonly description: string;
  /** Set only when the outcome is certain from the schema alone. */
  readonly expected?: Expected;
}

type Operator = (doc: XmlDocument, ctx: MutationContext) => Applied | undefined;

function elementsOf(doc: XmlDocument, message: MessageId): { all: Located[]; describe: (l: Located) => ElementDescriptor | undefined } {
  const all = listElements(doc.root);
  return { all, describe: (l) => describeElement(message, l, all) };
}

const nonRoot = (all: Located[]): Located[] => all.filter((l) => l.parent);

/** Exactly one same-named sibling and minOccurs ≥ 1: deleting it is certainly invalid. */
function soleRequired(l: Located, d: ElementDescriptor | undefined): boolean {
  return !!d && d.minOccurs >= 1 && !!l.parent && childElements(l.parent).filter((c) => c.local === l.element.local && c.uri === l.element.uri).length === 1;
}

const deleteElement: Operator = (doc, { message, rng }) => {
  const { all, describe } = elementsOf(doc, message);
  if (all.length < 2) return undefined;
  const target = rng.pick(nonRoot(all));
  const certain = soleRequired(target, describe(target));
  target.parent!.children = target.parent!.children.filter((c) => c !== target.element);
  return { description: `delete ${target.path}`, ...(certain ? { expected: 'invalid' as const } : {}) };
};

const duplicateElement: Operator = (doc, { message, rng }) => {
  const { all, describe } = elementsOf(doc, message);
  if (all.length < 2) return undefined;
  const target = rng.pick(nonRoot(all));
  const d = describe(target);
  const siblings = childElements(target.parent!).filter((c) => c.local === target.element.local).length;
  const certain = !!d && d.maxOccurs !== 'unbounded' && siblings + 1 > d.maxOccurs;
  const kids = target.parent!.children;
  kids.splice(kids.indexOf(target.element) + 1, 0, cloneElement(target.element));
  return { description: `duplicate ${target.path}`, ...(certain ? { expected: 'invalid' as const } : {}) };
};

const swapSiblings: Operator = (doc, { message, rng }) => {
  const { all } = elementsOf(doc, message);
  const candidates = nonRoot(all).filter((l) => {
    const sib = childElements(l.parent!);
    return sib.indexOf(l.element) < sib.length - 1;
  });
  if (!candidates.length) return undefined;
  const target = rng.pick(candidates);
  const sib = childElements(target.parent!);
  const other = sib[sib.indexOf(target.element) + 1]!;
  if (other.local === target.element.local && other.uri === target.element.uri) return undefined;
  const kids = target.parent!.children;
  const i = kids.indexOf(target.element);
  const j = kids.indexOf(other);
  kids[i] = other;
  kids[j] = target.element;
  return { description: `swap ${target.path} with next sibling ${other.local}` };
};

/** Moves an element to another position among its siblings, or up into its grandparent. */
const moveElement: Operator = (doc, { message, rng }) => {
  const { all } = elementsOf(doc, message);
  const deep = nonRoot(all).filter((l) => l.depth >= 2);
  if (!deep.length) return undefined;
  const target = rng.pick(deep);
  const parent = target.parent!;
  parent.children = parent.children.filter((c) => c !== target.element);
  if (rng.next() < 0.5) {
    const sib = childElements(parent);
    const at = rng.int(sib.length + 1);
    parent.children.splice(at < sib.length ? parent.children.indexOf(sib[at]!) : parent.children.length, 0, target.element);
    return { description: `move ${target.path} to sibling position ${at + 1}` };
  }
  const grand = all.find((l) => l.element === parent)!.parent!;
  const sib = childElements(grand);
  const at = rng.int(sib.length + 1);
  grand.children.splice(at < sib.length ? grand.children.indexOf(sib[at]!) : grand.children.length, 0, target.element);
  return { description: `move ${target.path} up into its grandparent at position ${at + 1}` };
};

const renameElement: Operator = (doc, { message, rng }) => {
  const { all, describe } = elementsOf(doc, message);
  if (all.length < 2) return undefined;
  const target = rng.pick(nonRoot(all));
  const old = target.element.local;
  const choice = rng.int(3);
  let name: string;
  if (choice === 0) name = old.toLowerCase();
  else if (choice === 1) name = `${old}X`;
  else name = rng.pick(allNames(message).filter((n) => n !== old));
  target.element.local = name;
  const parentType = target.parent && all.find((l) => l.element === target.parent);
  const parentDescriptor = parentType ? describe(parentType) : undefined;
  const known = parentDescriptor?.complexType ? standardOf(message).complexTypes[parentDescriptor.complexType]?.children.some((c) => c.name === name) : true;
  // No iWmo type has wildcards: a name the parent type does not know is always rejected.
  const certain = !known;
  return { description: `rename ${target.path} to ${name}`, ...(certain ? { expected: 'invalid' as const } : {}) };
};

const changeNamespace: Operator = (doc, { message, rng }) => {
  const { all } = elementsOf(doc, message);
  const target = rng.pick(all);
  const messageUri = messageDescriptor(message).namespace;
  const BASIS = basisOf(message);
  // Another message of the same standard.
  const sameStandard = Object.keys(standardOf(message).messages) as MessageId[];
  const options = [
    target.element.uri === BASIS ? messageUri : BASIS,
    '',
    messageDescriptor(rng.pick(sameStandard)).namespace,
    target.element.uri.replace('/3_2/', '/3_1/') || BASIS.replace('/3_2/', '/3_1/'),
    'urn:example:onbekend',
  ];
  const uri = rng.pick(options);
  if (uri === target.element.uri) return undefined;
  target.element.uri = uri;
  target.element.prefix = uri === '' ? '' : 'mx';
  target.element.attributes = [...target.element.attributes.filter((a) => a.name !== 'xmlns:mx' && a.name !== 'xmlns'), uri === '' ? { name: 'xmlns', value: '' } : { name: 'xmlns:mx', value: uri }];
  // Everything below was declared on the root with its own prefix; an empty default namespace only affects unprefixed children.
  return { description: `namespace of ${target.path} to '${uri || '(none)'}'`, expected: 'invalid' };
};

const insertUnknownElement: Operator = (doc, { message, rng }) => {
  const { all } = elementsOf(doc, message);
  const complex = all.filter((l) => !isLeaf(l.element));
  if (!complex.length) return undefined;
  const target = rng.pick(complex);
  const BASIS = basisOf(message);
  const uri = rng.pick([messageDescriptor(message).namespace, BASIS]);
  const extra = element(uri === BASIS ? 'mb' : 'mm', 'Onbekend', uri, [text('1')], [{ name: uri === BASIS ? 'xmlns:mb' : 'xmlns:mm', value: uri }]);
  const sib = childElements(target.element);
  const at = rng.int(sib.length + 1);
  target.element.children.splice(at < sib.length ? target.element.children.indexOf(sib[at]!) : target.element.children.length, 0, extra);
  return { description: `insert unknown element Onbekend into ${target.path} at position ${at + 1}`, expected: 'invalid' };
};

const textInComplex: Operator = (doc, { message, rng }) => {
  const { all } = elementsOf(doc, message);
  const complex = all.filter((l) => !isLeaf(l.element));
  if (!complex.length) return undefined;
  const target = rng.pick(complex);
  const value = rng.pick(['tekst', '0', '.', '\u00a0']);
  target.element.children.splice(rng.int(target.element.children.length + 1), 0, text(value));
  return { description: `text ${JSON.stringify(value)} inside complex ${target.path}`, expected: 'invalid' };
};

const elementInLeaf: Operator = (doc, { message, rng }) => {
  const { all } = elementsOf(doc, message);
  const leaves = all.filter((l) => l.parent && isLeaf(l.element));
  if (!leaves.length) return undefined;
  const target = rng.pick(leaves);
  const child = cloneElement(target.element);
  target.element.children.push(child);
  return { description: `element inside leaf ${target.path}`, expected: 'invalid' };
};

const addAttribute: Operator = (doc, { message, rng }) => {
  const { all } = elementsOf(doc, message);
  const target = rng.pick(all);
  const attribute = rng.pick([
    { name: 'id', value: '1' },
    { name: 'xml:lang', value: 'nl' },
    { name: 'xsi:nil', value: 'true', declare: { name: 'xmlns:xsi', value: 'http://www.w3.org/2001/XMLSchema-instance' } },
    { name: 'ma:extra', value: 'x', declare: { name: 'xmlns:ma', value: 'urn:example:extra' } },
    { name: 'xsi:type', value: 'xs:string', declare: { name: 'xmlns:xsi', value: 'http://www.w3.org/2001/XMLSchema-instance' }, also: { name: 'xmlns:xs', value: 'http://www.w3.org/2001/XMLSchema' } },
  ]);
  target.element.attributes.push({ name: attribute.name, value: attribute.value });
  if ('declare' in attribute && attribute.declare) target.element.attributes.push({ ...attribute.declare });
  if ('also' in attribute && attribute.also) target.element.attributes.push({ ...attribute.also });
  return { description: `attribute ${attribute.name}="${attribute.value}" on ${target.path}`, expected: 'invalid' };
};

/** Schema-location hints are allowed on any element by XSD itself; both sides should ignore them. */
const schemaLocationHint: Operator = (doc, { message, rng }) => {
  const { all } = elementsOf(doc, message);
  const target = rng.next() < 0.7 ? all[0]! : rng.pick(all);
  const hint = rng.pick([
    { name: 'xsi:schemaLocation', value: `${messageDescriptor(message).namespace} ${message}.xsd` },
    { name: 'xsi:noNamespaceSchemaLocation', value: 'bericht.xsd' },
  ]);
  target.element.attributes.push({ name: 'xmlns:xsi', value: 'http://www.w3.org/2001/XMLSchema-instance' }, hint);
  return { description: `attribute ${hint.name}="${hint.value}" on ${target.path}` };
};

/** The XML declaration: absent, standalone, lower-case encoding name, version 1.1. */
const changeDeclaration: Operator = (doc, { rng }) => {
  const choice = rng.int(4);
  if (choice === 0) {
    if (!doc.declaration) return undefined;
    doc.declaration = undefined;
    return { description: 'no XML declaration', expected: 'valid' };
  }
  if (choice === 1) {
    doc.declaration = { version: '1.0', encoding: 'UTF-8', standalone: 'yes' };
    return { description: 'standalone="yes" in the XML declaration', expected: 'valid' };
  }
  if (choice === 2) {
    doc.declaration = { version: '1.0', encoding: 'utf-8' };
    return { description: 'encoding="utf-8" in lower case', expected: 'valid' };
  }
  doc.declaration = { version: '1.1', encoding: 'UTF-8' };
  return { description: 'version="1.1" in the XML declaration' };
};

/** Comments, processing instructions, CDATA and character references change nothing at level 1. */
const neutral: Operator = (doc, { message, rng }) => {
  const { all } = elementsOf(doc, message);
  const target = rng.pick(all);
  const kind = rng.int(6);
  if (kind === 4) {
    const leaves = all.filter((l) => isLeaf(l.element) && [...textOf(l.element)].length >= 2);
    if (!leaves.length) return undefined;
    const leaf = rng.pick(leaves);
    const chars = [...textOf(leaf.element)];
    const at = 1 + rng.int(chars.length - 1);
    leaf.element.children = [text(chars.slice(0, at).join('')), { kind: 'comment', text: 'x' }, text(chars.slice(at).join(''))];
    return { description: `comment splitting the value of ${leaf.path}`, expected: 'valid' };
  }
  if (kind === 5) {
    if (target.element.uri === '') return undefined;
    target.element.prefix = 'zz';
    target.element.attributes.push({ name: 'xmlns:zz', value: target.element.uri });
    return { description: `${target.path} with another prefix bound to the same namespace`, expected: 'valid' };
  }
  if (kind === 0) {
    target.element.children.splice(rng.int(target.element.children.length + 1), 0, { kind: 'comment', text: ' opmerking ' });
    return { description: `comment inside ${target.path}`, expected: 'valid' };
  }
  if (kind === 1 && !isLeaf(target.element)) {
    target.element.children.splice(rng.int(target.element.children.length + 1), 0, { kind: 'pi', target: 'verwerking', body: 'stap="1"' });
    return { description: `processing instruction inside ${target.path}`, expected: 'valid' };
  }
  // A value already written raw (with a character reference) is not its own text: a second reference in it would escape the first.
  const leaves = all.filter((l) => isLeaf(l.element) && textOf(l.element) !== '' && !l.element.children.some((c) => c.kind === 'text' && 'raw' in c && c.raw));
  if (!leaves.length) return undefined;
  const leaf = rng.pick(leaves);
  const value = textOf(leaf.element);
  if (kind === 2) {
    leaf.element.children = [{ kind: 'text', text: value, cdata: true }];
    return { description: `CDATA around the value of ${leaf.path}`, expected: 'valid' };
  }
  const chars = [...value];
  const i = rng.int(chars.length);
  const escaped = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  leaf.element.children = [{ kind: 'text', text: `${escaped(chars.slice(0, i).join(''))}&#${chars[i]!.codePointAt(0)};${escaped(chars.slice(i + 1).join(''))}`, raw: true }];
  return { description: `character reference for character ${i + 1} of ${leaf.path}`, expected: 'valid' };
};

// --- leaf values

interface LeafValueChange {
  readonly value: string;
  readonly label: string;
  readonly expected?: Expected;
}

function valueChanges(type: SimpleTypeDescriptor | undefined, current: string, rng: Random): LeafValueChange[] {
  const changes: LeafValueChange[] = [
    { value: '', label: 'empty', ...(type && ((type.minLength ?? 0) > 0 || type.enumeration || type.builtin !== 'string') ? { expected: 'invalid' as const } : {}) },
    { value: ` ${current}`, label: 'leading space' },
    { value: `${current} `, label: 'trailing space' },
    { value: `\n\t${current}\n`, label: 'surrounded by newlines' },
    { value: '   ', label: 'only spaces' },
    { value: current.length > 1 ? `${current.slice(0, 1)} ${current.slice(1)}` : `${current} x`, label: 'inner space' },
    { value: current + 'X'.repeat(Math.max(1, (type?.maxLength ?? 40) + 1 - [...current].length)), label: 'too long', ...(type?.maxLength !== undefined ? { expected: 'invalid' as const } : {}) },
    { value: current.replace(/[0-9]/, 'a') === current ? `${current}1` : current.replace(/[0-9]/, 'a'), label: 'non-digit' },
    { value: `${current}\u00e9`, label: 'appended é' },
    { value: `${current.slice(0, Math.max(0, current.length - 1))}\u{1F600}`, label: 'emoji (one character, two UTF-16 units)' },
    { value: `\u00a0${current}`, label: 'leading no-break space' },
    { value: '\u00a0', label: 'only a no-break space' },
    { value: current.toLowerCase() === current ? current.toUpperCase() : current.toLowerCase(), label: 'case changed' },
  ];
  if (type?.enumeration) {
    const codes = type.enumeration.map((e) => e.value);
    const wrong = ['99', '00', 'X', '0', '9', `0${codes[0]}`].filter((c) => !codes.includes(c));
    changes.push({ value: rng.pick(wrong), label: 'code not in the list', expected: 'invalid' });
    changes.push({ value: rng.pick(codes), label: 'another code from the list', expected: 'valid' });
  }
  if (type?.builtin === 'integer') {
    // Every iWmo integer type is bounded (min 0, a max) or fixed by a pattern.
    const bounded = (type.minInclusive ?? -1) >= 0 || type.patterns.length > 0;
    const capped = type.maxInclusive !== undefined || type.patterns.length > 0;
    changes.push(
      { value: `00${current}`, label: 'leading zeros' },
      { value: `+${current}`, label: 'plus sign' },
      { value: '-0', label: 'minus zero' },
      { value: `-${current === '0' ? '1' : current}`, label: 'negative', ...(bounded ? { expected: 'invalid' as const } : {}) },
      { value: `${current}.0`, label: 'decimal point', expected: 'invalid' },
      { value: '1e3', label: 'exponent', expected: 'invalid' },
      { value: String((type.maxInclusive ?? 1e9) + 1), label: 'maximum + 1', ...(capped ? { expected: 'invalid' as const } : {}) },
      { value: String(type.maxInclusive ?? 1e9), label: 'maximum' },
      { value: '99999999999999999999999', label: 'far beyond any bound', ...(capped ? { expected: 'invalid' as const } : {}) },
    );
  }
  if (type?.builtin === 'date') {
    changes.push(
      { value: '2025-02-29', label: 'no leap day in 2025', expected: 'invalid' },
      { value: '2024-02-29', label: 'leap day 2024', expected: 'valid' },
      { value: '1900-02-29', label: 'no leap day in 1900', expected: 'invalid' },
      { value: '2000-02-29', label: 'leap day 2000', expected: 'valid' },
      { value: '2025-04-31', label: 'day 31 in April', expected: 'invalid' },
      { value: '2025-13-01', label: 'month 13', expected: 'invalid' },
      { value: '2025-1-01', label: 'one-digit month', expected: 'invalid' },
      { value: '20250101', label: 'no separators', expected: 'invalid' },
      { value: `${current}Z`, label: 'timezone Z', expected: 'invalid' },
      { value: `${current}+01:00`, label: 'timezone +01:00', expected: 'invalid' },
      { value: `${current}T10:00:00`, label: 'with a time', expected: 'invalid' },
      { value: '0000-01-01', label: 'year 0000' },
      { value: '-2025-01-01', label: 'negative year' },
      { value: '12025-01-01', label: 'five-digit year' },
      { value: '0999-01-01', label: 'year 0999' },
    );
  }
  if (type?.builtin === 'time') {
    changes.push(
      { value: '24:00:00', label: 'midnight as 24:00:00' },
      { value: '10:00', label: 'no seconds', expected: 'invalid' },
      { value: '10:00:00.5', label: 'fraction of a second' },
      { value: '25:00:00', label: 'hour 25', expected: 'invalid' },
      { value: '10:60:00', label: 'minute 60', expected: 'invalid' },
      { value: '10:00:60', label: 'second 60' },
      { value: '10:00:00Z', label: 'timezone Z', expected: 'invalid' },
      { value: '10:00:00+01:00', label: 'timezone +01:00', expected: 'invalid' },
      { value: '9:00:00', label: 'one-digit hour', expected: 'invalid' },
    );
  }
  if (type?.patterns.some((p) => p.some((x) => x.includes('[0-9]')))) {
    changes.push({ value: current.replace(/[0-9]$/, ''), label: 'one digit fewer' }, { value: `${current}0`, label: 'one digit more' });
  }
  // Unicode white space that is not XML white space (JavaScript's trim and \s treat it as space, XSD does not).
  changes.push(
    { value: `\u2003${current} `, label: 'em space before, space after' },
    { value: `${current}\u3000 `, label: 'ideographic space and a space after' },
    { value: `\ufeff${current}`, label: 'zero-width no-break space before' },
    { value: `${current}\u2028`, label: 'line separator U+2028 after' },
    { value: `${current}\u0085 `, label: 'next line U+0085 and a space after' },
    { value: current.length > 1 ? `${current.slice(0, 1)}\r${current.slice(1)}` : `${current}\r`, label: 'carriage return (as &#13;) inside' },
    { value: current.length > 1 ? `${current.slice(0, 1)}\t${current.slice(1)}` : `${current}\t`, label: 'tab inside' },
    { value: current.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))), label: 'Arabic-Indic digits' },
  );
  changes.push({ value: 'a\u0001b', label: 'control character U+0001 (not allowed in XML 1.0)', expected: 'invalid' });
  return changes;
}

const changeLeafValue: Operator = (doc, { message, rng }) => {
  const { all, describe } = elementsOf(doc, message);
  const leaves = all.filter((l) => l.parent && isLeaf(l.element));
  if (!leaves.length) return undefined;
  const target = rng.pick(leaves);
  const type = simpleTypeOf(message, describe(target));
  const current = textOf(target.element);
  const change = rng.pick(valueChanges(type, current, rng));
  if (change.value === current) return undefined;
  setText(target.element, change.value);
  // The oracle only holds when this leaf's element is still where the schema puts it.
  return { description: `value of ${target.path}${type ? ` (${type.name})` : ''}: ${change.label} ${JSON.stringify(change.value)}`, ...(type && change.expected ? { expected: change.expected } : {}) };
};

const OPERATORS: readonly (readonly [Operator, number, string])[] = [
  [deleteElement, 10, 'delete'],
  [duplicateElement, 8, 'duplicate'],
  [swapSiblings, 7, 'swap'],
  [moveElement, 4, 'move'],
  [renameElement, 5, 'rename'],
  [changeNamespace, 5, 'namespace'],
  [insertUnknownElement, 3, 'unknown-element'],
  [textInComplex, 3, 'text-in-complex'],
  [elementInLeaf, 2, 'element-in-leaf'],
  [addAttribute, 3, 'attribute'],
  [schemaLocationHint, 1, 'schema-location'],
  [changeDeclaration, 2, 'declaration'],
  [neutral, 5, 'neutral'],
  [changeLeafValue, 45, 'value'],
];
const TOTAL_WEIGHT = OPERATORS.reduce((s, [, w]) => s + w, 0);

function pickOperator(rng: Random): readonly [Operator, number, string] {
  let r = rng.next() * TOTAL_WEIGHT;
  for (const op of OPERATORS) {
    r -= op[1];
    if (r < 0) return op;
  }
  return OPERATORS[OPERATORS.length - 1]!;
}

/** Applies one random mutation in place; undefined when the chosen operator did not apply (try again). */
export function mutateOnce(doc: XmlDocument, ctx: MutationContext): (Applied & { readonly operator: string }) | undefined {
  const [operator, , name] = pickOperator(ctx.rng);
  const applied = operator(doc, ctx);
  return applied ? { ...applied, operator: name } : undefined;
}

// ---------------------------------------------------------------------------
// The corpus

export interface MutationSource {
  /** Where the source came from (`example:WMO301`, `fixture:WMO301/generiek`). */
  readonly name: string;
  readonly message: MessageId;
  readonly xml: string;
}

export interface Mutant {
  /** `m0001` … in generation order. */
  readonly id: string;
  readonly source: string;
  /** The XSD to judge it by: the message its root namespace names, else the source's. */
  readonly message: MessageId;
  readonly operators: readonly string[];
  readonly description: string;
  /** Known outcome at level 1 where the mutation alone decides it. */
  readonly expected?: Expected;
  readonly xml: string;
}

export interface CorpusOptions {
  readonly count: number;
  readonly seed: number;
  /** Share of mutants with two mutations instead of one (default 0.15). */
  readonly doubleShare?: number;
}

const byNamespace = new Map(ALL_MESSAGE_IDS.map((id) => [messageDescriptor(id).namespace, id] as const));

export function buildMutationCorpus(sources: readonly MutationSource[], options: CorpusOptions): Mutant[] {
  if (!sources.length) return [];
  const rng = createRandom(options.seed);
  const parsed = sources.map((s) => ({ source: s, doc: parseXml(s.xml) }));
  const seen = new Set<string>(sources.map((s) => s.xml));
  const mutants: Mutant[] = [];
  let attempts = 0;
  while (mutants.length < options.count && attempts < options.count * 20) {
    attempts++;
    const { source, doc } = parsed[rng.int(parsed.length)]!;
    const copy = cloneDocument(doc);
    const ctx: MutationContext = { message: source.message, rng };
    const rounds = rng.next() < (options.doubleShare ?? 0.15) ? 2 : 1;
    const applied: (Applied & { operator: string })[] = [];
    for (let i = 0; i < rounds; i++) {
      const a = mutateOnce(copy, ctx);
      if (a) applied.push(a);
    }
    if (!applied.length) continue;
    // Two mutations can undo each other (rename back, namespace back, a valid code after an empty one):
    // a pair is only labelled when both are neutral.
    const expected: Expected | undefined = applied.length === 1 ? applied[0]!.expected : applied.every((a) => a.expected === 'valid') ? 'valid' : undefined;
    const xml = writeXml(copy);
    if (seen.has(xml)) continue;
    seen.add(xml);
    mutants.push({
      id: `m${String(mutants.length + 1).padStart(4, '0')}`,
      source: source.name,
      message: byNamespace.get(copy.root.uri) ?? source.message,
      operators: applied.map((a) => a.operator),
      description: applied.map((a) => a.description).join('; '),
      ...(expected ? { expected } : {}),
      xml,
    });
  }
  return mutants;
}
