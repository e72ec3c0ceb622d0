/**
 * Descriptor-driven encode: walks the typed message in sequence order and
 * writes the XML as text (prefixes wmo3NN and iwmo, CRLF line ends, tabs),
 * checking every leaf against its simple type on the way.
 *
 * The walk follows plans compiled from the descriptors once per message and
 * layout: per element its start and end tags as UTF-8 with indentation and
 * line end already in them, its simple type and its children's plans. Writing
 * an element is then a property read, a check and a few byte copies, with no
 * closures, arrays or strings made per element (2–3× the previous walk on a
 * 24 MB declaratie, same text; docs/architecture.md has the figures).
 *
 * A value holding a character XML 1.0 does not allow (a control character
 * other than tab, LF and CR, a lone surrogate, U+FFFE, U+FFFF) is refused
 * like any other invalid leaf: written, the text would not be well-formed.
 */
import { IwmoError, type Finding, type LocalizedText } from '../findings.js';
import type { ComplexTypeDescriptor, ElementDescriptor, MessageDescriptor, MessageId, SimpleTypeDescriptor, StandardDescriptor } from '../standard/descriptor.js';
import { ALL_MESSAGE_IDS, isMessageId, standardOf } from '../standard/standards.js';
import type { Message } from '../standard/generated/types.js';
import { childShapes, type PropertyShape } from '../standard/model.js';
import { checkLeaf, isQuotable, isValidLeaf, isValidNumber } from './simple-type.js';
import { LONE_SURROGATE_SOURCE, codePointLabel } from '../xml/characters.js';

export interface EncodeOptions {
  /** Line end; OP192 prescribes CRLF. */
  readonly newline?: '\r\n' | '\n';
  /** Indentation per level; a tab by default. Use '' for no indentation (and no line breaks). */
  readonly indent?: string;
  /** Leave out the XML declaration. */
  readonly omitDeclaration?: boolean;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const NEEDS_ESCAPE = /[&<>\r]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>\r]/g, (c) => ESCAPES[c]!) : text;
}

/**
 * Leaf values already found valid, per simple type: dates, codes and amounts
 * repeat throughout a declaratie, and checkLeaf depends on nothing else.
 * Bounded, so an odd message cannot grow it.
 */
const goodValues = new Map<SimpleTypeDescriptor, Set<string>>();
function goodValuesOf(type: SimpleTypeDescriptor): Set<string> {
  let good = goodValues.get(type);
  if (!good) goodValues.set(type, (good = new Set()));
  return good;
}
const GOOD_VALUES_KEPT = 512;

// --- plans

const LEAF = 0;
const OBJECT = 1;
const WRAPPER = 2;

/**
 * How to write one element at one depth in one layout. One class for leaves,
 * objects and wrappers, so every read of a plan in the walk sees one shape.
 */
class Plan {
  /** Children's plans (objects), compiled on first use: a message type may hold types it never uses. */
  private childPlans: readonly Plan[] | undefined;
  readonly integer: boolean;
  /** Whether a problem must not quote the value (names, a Bsn); codes and dates may be quoted. */
  readonly sensitive: boolean;
  /** A leaf's values already found valid (shared by the leaves of one simple type). */
  readonly good: Set<string>;

  constructor(
    readonly layout: Layout,
    readonly kind: typeof LEAF | typeof OBJECT | typeof WRAPPER,
    readonly name: string,
    readonly prop: string,
    readonly minOccurs: number,
    readonly maxOccurs: number | 'unbounded',
    /** Held as an array in the typed model, one element per item (not for wrappers: they are the array). */
    readonly repeated: boolean,
    /** `\t\t<wmo323:Bsn>` as UTF-8, or with the line end for a complex element. */
    readonly open: Uint8Array,
    /** `</wmo323:Bsn>\r\n` as UTF-8, or with the indentation for a complex element. */
    readonly close: Uint8Array,
    /** A leaf's simple type. */
    readonly simpleType: SimpleTypeDescriptor | undefined,
    /** An object's complex type. */
    readonly complexType: ComplexTypeDescriptor | undefined,
    /** Depth of an object's children. */
    readonly depth: number,
    /** A wrapper's one repeated child. */
    readonly item: Plan | undefined,
  ) {
    this.integer = simpleType?.builtin === 'integer';
    this.sensitive = simpleType ? !isQuotable(simpleType) : true;
    this.good = simpleType ? goodValuesOf(simpleType) : new Set();
  }

  /** Whether the cache is used for this leaf: only while its values repeat (codes, dates), not for a Bsn or a reference. */
  private remembering = true;
  private lookups = 0;
  private hits = 0;

  /**
   * Whether a leaf value is valid for the leaf's type. Values found valid are
   * remembered while they repeat: the hit rate is measured every 1 024 values,
   * and below a quarter the cache is left alone for the next 16 384.
   */
  accepts(raw: string): boolean {
    const type = this.simpleType!;
    if (!this.remembering) {
      if (++this.lookups === 16_384) {
        this.lookups = 0;
        this.remembering = true;
      }
      return isValidLeaf(type, raw);
    }
    const good = this.good;
    let valid = good.has(raw);
    if (valid) this.hits++;
    else if ((valid = isValidLeaf(type, raw))) {
      if (good.size >= GOOD_VALUES_KEPT) good.clear();
      good.add(raw);
    }
    if (++this.lookups === 1_024) {
      this.remembering = this.hits * 4 >= this.lookups;
      this.lookups = this.hits = 0;
    }
    return valid;
  }

  children(): readonly Plan[] {
    return (this.childPlans ??= childShapes(this.layout.standard, this.complexType!).map((shape) => compilePlan(this.layout, shape, this.depth)));
  }
}

/** How one message is written: its prefixes, line end and indentation unit, shared by all plans compiled for it. */
class Layout {
  readonly prefix: Readonly<Record<ElementDescriptor['ns'], string>>;
  /** The plan of the root element's content: the message's complex type, children at depth 1. */
  readonly root: Plan;

  constructor(
    readonly standard: StandardDescriptor,
    message: MessageDescriptor,
    readonly newline: string,
    readonly indentUnit: string,
  ) {
    this.prefix = { message: message.prefix, basis: standard.basisPrefix };
    const none = new Uint8Array(0);
    this.root = new Plan(this, OBJECT, 'Bericht', '', 1, 1, false, none, none, undefined, standard.complexTypes[message.root.complexType!]!, 1, undefined);
  }
}

const layouts = new Map<string, Layout>();
function layoutOf(standard: StandardDescriptor, message: MessageDescriptor, newline: string, indentUnit: string): Layout {
  const key = `${message.id}|${newline}|${indentUnit}`;
  let layout = layouts.get(key);
  if (!layout) {
    // The 28 messages in a few layouts fit; only a caller trying many indentations
    // empties it, and the plans are made again on demand.
    if (layouts.size >= 256) layouts.clear();
    layouts.set(key, (layout = new Layout(standard, message, newline, indentUnit)));
  }
  return layout;
}

function compilePlan(layout: Layout, shape: PropertyShape, depth: number): Plan {
  const element = shape.element;
  const tag = `${layout.prefix[element.ns]}:${element.name}`;
  const pad = layout.indentUnit.repeat(depth);
  const { name, prop, minOccurs, maxOccurs } = element;
  if (shape.kind === 'leaf') {
    const open = utf8.encode(`${pad}<${tag}>`);
    const close = utf8.encode(`</${tag}>${layout.newline}`);
    return new Plan(layout, LEAF, name, prop, minOccurs, maxOccurs, shape.array, open, close, shape.type, undefined, depth, undefined);
  }
  const open = utf8.encode(`${pad}<${tag}>${layout.newline}`);
  const close = utf8.encode(`${pad}</${tag}>${layout.newline}`);
  if (shape.kind === 'object') return new Plan(layout, OBJECT, name, prop, minOccurs, maxOccurs, shape.array, open, close, undefined, shape.type, depth + 1, undefined);
  const item = compilePlan(layout, shape.item, depth + 1);
  return new Plan(layout, WRAPPER, name, prop, minOccurs, maxOccurs, false, open, close, undefined, undefined, depth + 1, item);
}

// --- the walk

/** Why a leaf value is refused, in checkLeaf's words (only built for a value found invalid). */
function failure(plan: Plan, raw: string): LocalizedText {
  const check = checkLeaf(plan.simpleType!, raw, plan.sensitive);
  return check.ok ? { nl: `Ongeldige waarde voor '${plan.name}'.`, en: `Invalid value for '${plan.name}'.` } : check.problem;
}

/**
 * Why a value with a character XML does not allow is refused: the character
 * as a code point and where it stands, never the value (it may be a name or
 * a health detail).
 */
function notXmlFailure(plan: Plan, raw: string, at: number): LocalizedText {
  const code = raw.charCodeAt(at);
  const point = codePointLabel(code);
  // The position in characters, as XSD lengths count them: a surrogate pair is one.
  const position = [...raw.slice(0, at)].length + 1;
  const [nl, en] = code < 0x20 ? ['een stuurteken', 'a control character'] : code >= 0xd800 && code <= 0xdfff ? ['een losse helft van een surrogaatpaar', 'a lone surrogate'] : ['een niet-teken', 'a noncharacter'];
  return {
    nl: `'${plan.name}' bevat op positie ${position} het teken ${point} (${nl}), dat XML niet toestaat.`,
    en: `'${plan.name}' contains the character ${point} (${en}) at position ${position}, which XML does not allow.`,
  };
}

const PLAIN = 0;
const ESCAPE = 1;
const NOT_XML = 2;
/** Per ASCII code: how text content writes it: as is, escaped (& < > and CR), or not at all (control characters other than tab and LF). */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) if (c !== 0x09 && c !== 0x0a && c !== 0x0d) ASCII[c] = NOT_XML;
for (const c of '&<>\r') ASCII[c.charCodeAt(0)] = ESCAPE;

/** The characters XML 1.0 does not allow in a JavaScript string: controls, a surrogate without its partner, U+FFFE and U+FFFF. */
const NOT_XML_CHARACTER = new RegExp(`[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|${LONE_SURROGATE_SOURCE}`);

/**
 * Bytes per block: each full block becomes one string. Large enough that its
 * string goes straight to the large-object space instead of being copied by
 * every young-generation collection until the end.
 */
const BLOCK = 1 << 18;
/** The block of the last encode, reused: a buffer per call made the collector run for the buffers. */
let spareBlock: Uint8Array | undefined;

/**
 * One encode call: the text written so far, the problems found, and where
 * the walk is. Text is written as UTF-8 into a block that is turned into a
 * string when full: a declaratie is a million small pieces, and joining them
 * as strings cost more than the rest of the walk.
 */
class Encoding {
  block: Uint8Array;
  length = 0;
  /** Full blocks as text. */
  readonly written: string[] = [];
  readonly findings: Finding[] = [];
  // The path of the element being written, as a stack of names and positions: the
  // string is only built for a problem (building it per element cost more than the XML).
  readonly names: string[] = ['Bericht'];
  readonly positions: number[] = [0];

  constructor() {
    this.block = spareBlock ?? new Uint8Array(BLOCK);
    // Taken, so an encode inside this one (a getter on the message) gets a block of its own.
    spareBlock = undefined;
  }

  /** Room for `more` bytes in the block; full blocks are only ever cut between two writes, so never inside a character. */
  reserve(more: number): Uint8Array {
    if (this.length + more > this.block.length) {
      this.flush();
      if (more > this.block.length) this.block = new Uint8Array(more);
    }
    return this.block;
  }

  flush(): void {
    if (this.length > 0) this.written.push(fromUtf8.decode(this.block.subarray(0, this.length)));
    this.length = 0;
  }

  /** Copies a tag. */
  write(piece: Uint8Array): void {
    const block = this.reserve(piece.length);
    block.set(piece, this.length);
    this.length += piece.length;
  }

  /**
   * Writes text content, escaped; ASCII directly, anything else through the
   * TextEncoder. Returns where the first character XML does not allow stands,
   * -1 when there is none; such a value is not written.
   */
  text(value: string): number {
    const n = value.length;
    // An escape is five bytes for one character.
    const block = this.reserve(n * 5);
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) return this.other(value);
      // The table that picks out the escapes also picks out the controls, so plain ASCII costs no extra test.
      const how = ASCII[c];
      if (how === PLAIN) block[at++] = c;
      else if (how === ESCAPE) at = this.escape(block, at, c);
      else return i;
    }
    this.length = at;
    return -1;
  }

  escape(block: Uint8Array, at: number, c: number): number {
    const entity = ESCAPES[String.fromCharCode(c)]!;
    for (let i = 0; i < entity.length; i++) block[at++] = entity.charCodeAt(i);
    return at;
  }

  /** Text with characters outside ASCII; as `text`, where a character XML does not allow stands, or -1. */
  other(value: string): number {
    // One search for all classes: it also finds a control before the first non-ASCII character.
    const notXml = value.search(NOT_XML_CHARACTER);
    if (notXml >= 0) return notXml;
    const escaped = escapeText(value);
    const block = this.reserve(escaped.length * 3);
    this.length += utf8.encodeInto(escaped, block.subarray(this.length)).written;
    return -1;
  }

  /** The text written. */
  finish(): string {
    this.flush();
    return this.written.length === 1 ? this.written[0]! : this.written.join('');
  }

  /** Gives the block back for the next call. */
  release(): void {
    if (this.block.length === BLOCK) spareBlock = this.block;
  }

  /** The path of the element being written, and of its child `name` (at `position` when repeated) if given. */
  here(name?: string, position = 0): string {
    let path = '';
    for (let i = 0; i < this.names.length; i++) path += this.positions[i] ? `/${this.names[i]}[${this.positions[i]}]` : `/${this.names[i]}`;
    if (name !== undefined) path += position ? `/${name}[${position}]` : `/${name}`;
    return path;
  }

  problem(text: LocalizedText, name?: string, position = 0): void {
    this.findings.push({ rule: 'XSD', level: 1, retourcode: null, path: this.here(name, position), message: text });
  }

  complex(value: unknown, plan: Plan): void {
    const type = plan.complexType!;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problem({ nl: `Verwacht een object voor '${type.name}'.`, en: `Expected an object for '${type.name}'.` });
      return;
    }
    const record = value as Record<string, unknown>;
    const children = plan.children();
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const v = record[child.prop];
      if (v === undefined || v === null) {
        if (child.minOccurs > 0) this.problem({ nl: `Het verplichte element '${child.name}' ontbreekt.`, en: `The required element '${child.name}' is missing.` }, child.name);
      } else if (child.repeated) this.repeated(child, v);
      else this.element(child, v, 0);
    }
  }

  repeated(plan: Plan, v: unknown): void {
    const items = Array.isArray(v) ? (v as unknown[]) : [v];
    const max = plan.maxOccurs;
    if (items.length < plan.minOccurs || (max !== 'unbounded' && items.length > max)) {
      this.problem(
        {
          nl: `'${plan.name}' komt ${items.length} keer voor; toegestaan ${plan.minOccurs}..${max}.`,
          en: `'${plan.name}' occurs ${items.length} times; allowed ${plan.minOccurs}..${max}.`,
        },
        plan.name,
      );
    }
    for (let i = 0; i < items.length; i++) this.element(plan, items[i], i + 1);
  }

  /** One element; `position` counts from 1 among repeated siblings, 0 when it is not repeated. */
  element(plan: Plan, v: unknown, position: number): void {
    if (plan.kind === LEAF) {
      this.leaf(plan, v, position);
      return;
    }
    // Only complex elements go on the path: a leaf's problem names the leaf itself.
    this.names.push(plan.name);
    this.positions.push(position);
    this.write(plan.open);
    if (plan.kind === OBJECT) this.complex(v, plan);
    else this.wrapper(plan, v);
    this.write(plan.close);
    this.names.pop();
    this.positions.pop();
  }

  leaf(plan: Plan, v: unknown, position: number): void {
    if (typeof v === 'number' && plan.integer) {
      // Integers are checked as numbers and written without a string in between.
      if (!isValidNumber(plan.simpleType!, v)) this.problem(failure(plan, String(v)), plan.name, position);
      this.write(plan.open);
      if (v >= 0 && v <= 0x7fffffff && Number.isInteger(v)) this.digits(v);
      else this.text(String(v));
      this.write(plan.close);
      return;
    }
    const raw = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : undefined;
    if (raw === undefined) {
      this.problem({ nl: `Ongeldige waarde voor '${plan.name}'.`, en: `Invalid value for '${plan.name}'.` }, plan.name, position);
      return;
    }
    if (plan.integer) {
      this.problem({ nl: `'${plan.name}' moet een getal zijn.`, en: `'${plan.name}' must be a number.` }, plan.name, position);
      return;
    }
    const valid = plan.accepts(raw);
    this.write(plan.open);
    // Checked while writing: the loop reads every character anyway. One finding per leaf; an
    // unwritable character says more than the pattern it also breaks.
    const notXml = this.text(raw);
    if (notXml >= 0) this.problem(notXmlFailure(plan, raw, notXml), plan.name, position);
    else if (!valid) this.problem(failure(plan, raw), plan.name, position);
    this.write(plan.close);
  }

  /** A non-negative 32-bit integer in decimal, as String() writes it. */
  digits(value: number): void {
    let width = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) width++;
    const block = this.reserve(width);
    let at = this.length + width;
    this.length = at;
    let rest = value;
    do {
      block[--at] = 48 + (rest % 10);
      rest = (rest / 10) | 0;
    } while (rest > 0);
  }

  wrapper(plan: Plan, v: unknown): void {
    const item = plan.item!;
    if (!Array.isArray(v)) this.problem({ nl: `'${plan.name}' moet een lijst zijn.`, en: `'${plan.name}' must be a list.` });
    const items = Array.isArray(v) ? (v as unknown[]) : [];
    if (items.length < item.minOccurs) {
      this.problem(
        {
          nl: `'${plan.name}' moet minstens ${item.minOccurs} '${item.name}' bevatten.`,
          en: `'${plan.name}' must contain at least ${item.minOccurs} '${item.name}'.`,
        },
        item.name,
      );
    }
    for (let i = 0; i < items.length; i++) this.element(item, items[i], i + 1);
  }
}

/** Encodes a typed message to XML text; throws IwmoError listing every level-1 problem in it. */
export function encode(message: Message, options: EncodeOptions = {}): string {
  const id = (message as { type?: string }).type as MessageId | undefined;
  const standard = id && isMessageId(id) ? standardOf(id) : undefined;
  const descriptor: MessageDescriptor | undefined = id ? standard?.messages[id] : undefined;
  if (!descriptor || !standard) {
    throw new IwmoError([
      {
        rule: 'XSD',
        level: 1,
        retourcode: null,
        path: '/Bericht',
        message: {
          nl: `Onbekend berichttype '${String(id)}'; verwacht een van ${ALL_MESSAGE_IDS.join(', ')}.`,
          en: `Unknown message type '${String(id)}'; expected one of ${ALL_MESSAGE_IDS.join(', ')}.`,
        },
      },
    ]);
  }
  const nl = options.indent === '' ? '' : (options.newline ?? '\r\n');
  const layout = layoutOf(standard, descriptor, nl, options.indent ?? '\t');
  const rootTag = `${descriptor.prefix}:Bericht`;
  const encoding = new Encoding();
  if (!options.omitDeclaration) encoding.write(utf8.encode(`<?xml version="1.0" encoding="UTF-8"?>${nl}`));
  encoding.write(utf8.encode(`<${rootTag} xmlns:${standard.basisPrefix}="${standard.basisNamespace}" xmlns:${descriptor.prefix}="${descriptor.namespace}">${nl}`));
  encoding.complex(message, layout.root);
  encoding.write(utf8.encode(`</${rootTag}>${nl}`));
  encoding.release();
  if (encoding.findings.length) throw new IwmoError(encoding.findings);
  return encoding.finish();
}
