/**
 * Descriptor-driven decode: one streaming pass over the XML events builds the
 * typed message and checks level 1 (the XSD) as it goes, so a 25 MB WMO323 is
 * read once and never held as a tree.
 */
import type { Finding, LocalizedText } from '../findings.js';
import type { ComplexTypeDescriptor, ElementDescriptor, MessageDescriptor, SimpleTypeDescriptor } from '../standard/descriptor.js';
import { STANDARDS, STANDARD_IDS, standardOf } from '../standard/standards.js';
import type { Message } from '../standard/generated/types.js';
import { isRepeated, standardLabel } from '../standard/model.js';
import { NO_ATTRIBUTES, readXml, type XmlEvents, type XmlStartTag } from '../xml/reader.js';
import { describeNamespace, messageForNamespace } from './detect.js';
import { fieldTableOf, rememberLocations, type FieldTable, type NodeInfo } from './locations.js';
import { checkLeaf, isQuotable, leafValueOf, type LeafValue } from './simple-type.js';
import type { DecodeOptions, DecodeResult } from './types.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
/** The standards read, for a finding on a root element none of them has: `iWmo 3.2 of iJw 3.2`. */
const KNOWN = {
  nl: STANDARD_IDS.map((s) => `${standardLabel(STANDARDS[s])} ${STANDARDS[s].release}`).join(' of '),
  en: STANDARD_IDS.map((s) => `${standardLabel(STANDARDS[s])} ${STANDARDS[s].release}`).join(' or '),
};
const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** One child slot of a sequence, with everything decode needs precomputed. */
interface ChildMatcher {
  readonly element: ElementDescriptor;
  readonly uri: string;
  readonly repeated: boolean;
  readonly simpleType: SimpleTypeDescriptor | undefined;
  readonly complexType: ComplexTypeDescriptor | undefined;
  /** The typed model holds this element as an array of its single child. */
  readonly wrapper: boolean;
  readonly quotable: boolean;
  /** The leaf's typed value from its text, undefined when invalid. */
  readonly leafValue: ((raw: string) => LeafValue | undefined) | undefined;
  /** Matchers of the child's own children, resolved on first use. */
  children: ChildMatcher[] | undefined;
  readonly fields: FieldTable | undefined;
  /** Position in the parent's sequence. */
  readonly position: number;
  /**
   * The last start tag found to match (same local name and namespace): a
   * reader that reuses its tag objects is matched by identity, without
   * comparing the namespace's characters again.
   */
  lastTag: XmlStartTag | undefined;
}

const matcherCache = new Map<string, ChildMatcher[]>();
function childMatchers(message: MessageDescriptor, type: ComplexTypeDescriptor): ChildMatcher[] {
  const key = `${message.id}|${type.name}`;
  let m = matcherCache.get(key);
  if (!m) {
    const standard = standardOf(message.id);
    m = type.children.map((element, position) => {
      const simpleType = element.simpleType ? standard.simpleTypes[element.simpleType] : undefined;
      const complexType = element.complexType ? standard.complexTypes[element.complexType] : undefined;
      const repeated = isRepeated(element);
      return {
        element,
        uri: element.ns === 'basis' ? standard.basisNamespace : message.namespace,
        repeated,
        simpleType,
        complexType,
        wrapper: !!complexType?.wrapper && !repeated,
        quotable: simpleType ? isQuotable(simpleType) : false,
        leafValue: simpleType ? leafValueOf(simpleType) : undefined,
        children: undefined,
        fields: complexType ? fieldTableOf(complexType.name) : undefined,
        position,
        lastTag: undefined,
      };
    });
    matcherCache.set(key, m);
  }
  return m;
}

const enum FrameKind {
  Complex,
  Leaf,
  Skip,
}

/**
 * One open element. A class, so every frame has the same shape (monomorphic);
 * frames are pooled per depth because elements open and close strictly LIFO.
 */
class Frame {
  kind = FrameKind.Skip;
  parent: Frame | undefined = undefined;
  name = '';
  index: number | undefined = undefined;
  line = 0;
  /** The slot this element filled in its parent; undefined for the root and skipped elements. */
  slot: ChildMatcher | undefined = undefined;
  /** Child slots of a complex element. */
  matchers: ChildMatcher[] | undefined = undefined;
  /** Model value: an object, or for a wrapper the array its items go into. */
  target: Record<string, unknown> | unknown[] | undefined = undefined;
  info: NodeInfo | undefined = undefined;
  pos = 0;
  count = 0;
  /** A content-model error was reported here; later siblings are not judged again. */
  broken = false;
  textReported = false;
  text = '';
  readonly depth: number;
  constructor(depth: number) {
    this.depth = depth;
  }
}

class FramePool {
  private readonly frames: Frame[] = [];
  at(
    kind: FrameKind,
    parent: Frame | undefined,
    name: string,
    index: number | undefined,
    line: number,
    slot: ChildMatcher | undefined,
    matchers: ChildMatcher[] | undefined,
    target: Record<string, unknown> | unknown[] | undefined,
    info: NodeInfo | undefined,
  ): Frame {
    const depth = parent ? parent.depth + 1 : 0;
    const frame = (this.frames[depth] ??= new Frame(depth));
    frame.kind = kind;
    frame.parent = parent;
    frame.name = name;
    frame.index = index;
    frame.line = line;
    frame.slot = slot;
    frame.matchers = matchers;
    frame.target = target;
    frame.info = info;
    frame.pos = 0;
    frame.count = 0;
    frame.broken = false;
    frame.textReported = false;
    frame.text = '';
    return frame;
  }
}

function framePath(frame: Frame | undefined): string {
  const parts: string[] = [];
  for (let f = frame; f; f = f.parent) parts.push(f.index === undefined ? f.name : `${f.name}[${f.index}]`);
  return '/' + parts.reverse().join('/');
}

function expectedList(matchers: ChildMatcher[], from: number): string {
  const names: string[] = [];
  for (let i = from; i < matchers.length; i++) {
    names.push(matchers[i]!.element.name);
    if (matchers[i]!.element.minOccurs > 0) break;
  }
  return names.length ? names.join(', ') : '(geen / none)';
}

/** What a streaming consumer sees of a decoder while it runs (see `createDecoder`). */
export interface DecoderHooks {
  /**
   * A complex element has closed and its model value is complete. `value` is
   * an object, or the array of a wrapper. Called for every complex element.
   */
  closed?(element: ElementDescriptor, value: Record<string, unknown> | unknown[]): void;
}

export interface Decoder {
  /** The events to feed from a reader. */
  readonly events: XmlEvents;
  /** The message being decoded, once its root is known. */
  readonly message: MessageDescriptor | undefined;
  /** The root of the model being built (a streaming consumer may remove parts it has judged). */
  readonly root: Record<string, unknown> | undefined;
  /** Node infos of the model so far (only with locations). */
  readonly infos: Map<object, NodeInfo>;
  /**
   * Goes on with a new map of node infos holding only `keep` (a streaming
   * consumer drops the parts it has judged this way). A new map, not a
   * cleared one: V8 links a cleared or shrunk map's old table to its new
   * one, so once a table has been promoted each next one would outlive its
   * batch, and every batch's model with it.
   */
  renewInfos(keep: Iterable<readonly [object, NodeInfo]>): void;
  /** No level-1 error has been found so far. */
  readonly clean: boolean;
  /** The result, given the reader's own findings. */
  finish(readerFindings: readonly Finding[]): DecodeResult;
}

/**
 * Decoding through saxes, which reads any well-formed XML (and text input):
 * the reference `decode` (decode-stream.ts) falls back to for what the byte
 * tokenizer leaves, with the same result.
 */
export function decodeWithSaxes(input: string | Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const decoder = createDecoder(options);
  return decoder.finish(readXml(input, decoder.events, options));
}

/** The decoding state machine behind `decode`, fed by either reader. */
export function createDecoder(options: DecodeOptions = {}, hooks: DecoderHooks = {}): Decoder {
  const findings: Finding[] = [];
  const withLocations = options.locations !== false;
  // A Map, not a WeakMap: it lives exactly as long as the decoded message, and Map.set is far cheaper.
  let infos = new Map<object, NodeInfo>();
  let message: MessageDescriptor | undefined;
  let root: Record<string, unknown> | undefined;
  let top: Frame | undefined;
  let line = 0;
  let column = 0;
  let schemaErrors = 0;
  const pool = new FramePool();
  const skipFrame = (parent: Frame | undefined, name: string, at: number): Frame =>
    pool.at(FrameKind.Skip, parent, name, undefined, at, undefined, undefined, undefined, undefined);

  const xsd = (path: string, text: LocalizedText, at = line): void => {
    schemaErrors++;
    findings.push({ rule: 'XSD', level: 1, retourcode: null, path, line: at, message: text });
  };

  const missing = (frame: Frame, element: ElementDescriptor): void => {
    xsd(`${framePath(frame)}/${element.name}`, {
      nl: `Het verplichte element '${element.name}' ontbreekt in '${frame.name}'.`,
      en: `The required element '${element.name}' is missing from '${frame.name}'.`,
    });
  };

  /** Closes the sequence of a complex frame: every remaining required child is missing. */
  const finishSequence = (frame: Frame): void => {
    if (frame.broken) return;
    const matchers = frame.matchers!;
    for (let i = frame.pos; i < matchers.length; i++) {
      const have = i === frame.pos ? frame.count : 0;
      if (have < matchers[i]!.element.minOccurs) {
        missing(frame, matchers[i]!.element);
        frame.broken = true;
        return;
      }
    }
  };

  const unexpected = (parent: Frame, tag: XmlStartTag): Frame => {
    const matchers = parent.matchers!;
    const path = `${framePath(parent)}/${tag.local}`;
    const known = matchers.find((m) => m.element.name === tag.local && m.uri === tag.uri);
    const foreign = matchers.find((m) => m.element.name === tag.local);
    const next = parent.pos + (parent.count > 0 ? 1 : 0);
    const text: LocalizedText = known
      ? {
          nl: `Het element '${tag.local}' staat op de verkeerde plaats of komt te vaak voor in '${parent.name}'; verwacht: ${expectedList(matchers, next)}.`,
          en: `The element '${tag.local}' is out of order or repeated too often in '${parent.name}'; expected: ${expectedList(matchers, next)}.`,
        }
      : foreign
        ? {
            nl: `Het element '${tag.local}' heeft de verkeerde namespace '${tag.uri}'; verwacht: '${foreign.uri}'.`,
            en: `The element '${tag.local}' has the wrong namespace '${tag.uri}'; expected '${foreign.uri}'.`,
          }
        : {
            nl: `Het element '${tag.local}' is niet toegestaan in '${parent.name}'; verwacht: ${expectedList(matchers, parent.pos)}.`,
            en: `The element '${tag.local}' is not allowed in '${parent.name}'; expected: ${expectedList(matchers, parent.pos)}.`,
          };
    xsd(path, text);
    parent.broken = true;
    return skipFrame(parent, tag.local, line);
  };

  const openChild = (parent: Frame, tag: XmlStartTag): Frame => {
    if (parent.broken) return skipFrame(parent, tag.local, line);
    const matchers = parent.matchers!;
    let found = -1;
    for (let i = parent.pos; i < matchers.length; i++) {
      const m = matchers[i]!;
      if (m.lastTag === tag) {
        found = i;
        break;
      }
      if (m.element.name === tag.local && m.uri === tag.uri) {
        m.lastTag = tag;
        found = i;
        break;
      }
    }
    if (found < 0) return unexpected(parent, tag);
    const slot = matchers[found]!;
    if (found === parent.pos) {
      const max = slot.element.maxOccurs;
      if (max !== 'unbounded' && parent.count >= max) {
        xsd(`${framePath(parent)}/${tag.local}`, {
          nl: `Het element '${tag.local}' komt vaker voor dan toegestaan (maximaal ${max}) in '${parent.name}'.`,
          en: `The element '${tag.local}' occurs more often than allowed (at most ${max}) in '${parent.name}'.`,
        });
        parent.broken = true;
        return skipFrame(parent, tag.local, line);
      }
      parent.count++;
    } else {
      // Skipping ahead in the sequence: everything skipped must be optional.
      for (let i = parent.pos; i < found; i++) {
        const have = i === parent.pos ? parent.count : 0;
        if (have < matchers[i]!.element.minOccurs) {
          missing(parent, matchers[i]!.element);
          parent.broken = true;
          return skipFrame(parent, tag.local, line);
        }
      }
      parent.pos = found;
      parent.count = 1;
    }
    const index = slot.repeated ? parent.count : undefined;
    if (slot.simpleType) return pool.at(FrameKind.Leaf, parent, tag.local, index, line, slot, undefined, undefined, undefined);
    const target: Record<string, unknown> | unknown[] = slot.wrapper ? [] : {};
    // Attach to the parent's model value.
    const parentTarget = parent.target!;
    if (Array.isArray(parentTarget)) parentTarget.push(target);
    else if (slot.repeated) ((parentTarget[slot.element.prop] ??= []) as unknown[]).push(target);
    else parentTarget[slot.element.prop] = target;
    let info: NodeInfo | undefined;
    if (withLocations) {
      // leafLines named up front, so every info has its final shape from the start.
      info = { parent: parent.info, name: tag.local, index, line, column, leafLines: undefined, fields: slot.fields! };
      if (!slot.wrapper) infos.set(target, info);
    }
    const children = (slot.children ??= childMatchers(message!, slot.complexType!));
    return pool.at(FrameKind.Complex, parent, tag.local, index, line, slot, children, target, info);
  };

  const checkAttributes = (tag: XmlStartTag, path: string): void => {
    for (const key in tag.attributes) {
      const attr = tag.attributes[key]!;
      if (attr.uri === XMLNS || attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
      if (attr.uri === XSI && (attr.local === 'schemaLocation' || attr.local === 'noNamespaceSchemaLocation')) continue;
      xsd(path, {
        nl: `Het attribuut '${attr.name}' is niet toegestaan; iWmo-berichten hebben geen attributen.`,
        en: `The attribute '${attr.name}' is not allowed; iWmo messages have no attributes.`,
      });
    }
  };
  const hasAttributes = (tag: XmlStartTag): boolean => {
    if (tag.attributes === NO_ATTRIBUTES) return false;
    for (const _ in tag.attributes) return true;
    return false;
  };

  const openRoot = (tag: XmlStartTag): void => {
    const id = tag.local === 'Bericht' ? messageForNamespace(tag.uri) : undefined;
    if (!id) {
      const ns = describeNamespace(tag.uri);
      const sister = ns && STANDARD_IDS.map((s) => STANDARDS[s]).find((s) => s.standaard === ns.standaard);
      const text: LocalizedText = ns
        ? !sister
          ? {
              nl: `Dit is een ${ns.standaard}-bericht (${ns.bericht}, release ${ns.release}), geen ${KNOWN.nl}-bericht.`,
              en: `This is an ${ns.standaard} message (${ns.bericht}, release ${ns.release}), not an ${KNOWN.en} message.`,
            }
          : {
              nl: `Dit bericht is van ${standardLabel(sister)}-release ${ns.release} (namespace ${tag.uri}); verwacht release ${sister.release}.`,
              en: `This message is ${standardLabel(sister)} release ${ns.release} (namespace ${tag.uri}); expected release ${sister.release}.`,
            }
        : {
            nl: `Het root-element '${tag.name}' (namespace '${tag.uri || 'geen'}') is geen ${KNOWN.nl}-bericht; verwacht 'Bericht' in de namespace van een van die berichten.`,
            en: `The root element '${tag.name}' (namespace '${tag.uri || 'none'}') is not an ${KNOWN.en} message; expected 'Bericht' in the namespace of one of those messages.`,
          };
      xsd(`/${tag.local}`, text);
      top = skipFrame(undefined, tag.local, line);
      return;
    }
    const standard = standardOf(id);
    const descriptor = standard.messages[id]!;
    message = descriptor;
    root = { type: id };
    const complexType = standard.complexTypes[descriptor.root.complexType!]!;
    let info: NodeInfo | undefined;
    if (withLocations) {
      info = { parent: undefined, name: 'Bericht', index: undefined, line, column, leafLines: undefined, fields: fieldTableOf(complexType.name) };
      infos.set(root, info);
    }
    top = pool.at(FrameKind.Complex, undefined, 'Bericht', undefined, line, undefined, childMatchers(descriptor, complexType), root, info);
    checkAttributes(tag, '/Bericht');
  };

  const events: XmlEvents = {
    position(l, c) {
      line = l;
      column = c;
    },
    open(tag) {
      const parent = top;
      if (!parent) {
        // A second root cannot occur: the reader stops on it as not well-formed.
        openRoot(tag);
        return;
      }
      if (parent.kind === FrameKind.Skip) {
        top = skipFrame(parent, tag.local, line);
        return;
      }
      if (parent.kind === FrameKind.Leaf) {
        xsd(`${framePath(parent)}/${tag.local}`, {
          nl: `Het element '${parent.name}' mag geen elementen bevatten, alleen een waarde.`,
          en: `The element '${parent.name}' may not contain elements, only a value.`,
        });
        parent.kind = FrameKind.Skip;
        top = skipFrame(parent, tag.local, line);
        return;
      }
      top = openChild(parent, tag);
      if (top.kind !== FrameKind.Skip && hasAttributes(tag)) checkAttributes(tag, framePath(top));
    },
    text(text) {
      const frame = top;
      if (!frame) return;
      if (frame.kind === FrameKind.Leaf) {
        frame.text = frame.text === '' ? text : frame.text + text;
      } else if (frame.kind === FrameKind.Complex && !frame.textReported && !isWhitespace(text)) {
        frame.textReported = true;
        xsd(framePath(frame), {
          nl: `Het element '${frame.name}' mag alleen elementen bevatten, geen tekst.`,
          en: `The element '${frame.name}' may contain only elements, no text.`,
        });
      }
    },
    close() {
      const frame = top;
      if (!frame) return;
      top = frame.parent;
      if (frame.kind === FrameKind.Complex) {
        finishSequence(frame);
        if (hooks.closed && frame.slot) hooks.closed(frame.slot.element, frame.target!);
        return;
      }
      if (frame.kind !== FrameKind.Leaf) return;
      const slot = frame.slot!;
      const value = slot.leafValue!(frame.text);
      if (value === undefined) {
        const result = checkLeaf(slot.simpleType!, frame.text, !slot.quotable);
        if (!result.ok) xsd(framePath(frame), result.problem, frame.line);
        return;
      }
      const parent = frame.parent!;
      const target = parent.target!;
      const prop = slot.element.prop;
      if (Array.isArray(target)) target.push(value);
      else if (slot.repeated) ((target[prop] ??= []) as unknown[]).push(value);
      else target[prop] = value;
      // Sized once to the parent's sequence: growing it leaf by leaf would allocate again and again.
      if (parent.info) (parent.info.leafLines ??= new Array<number>(parent.matchers!.length))[slot.position] ??= frame.line;
    },
  };

  const finish = (readerFindings: readonly Finding[]): DecodeResult => {
    findings.unshift(...readerFindings);
    const fatal = readerFindings.some((f) => f.severity !== 'warning');
    const result: DecodeResult = {
      ...(message ? { message: message.id, berichtCode: message.berichtCode } : {}),
      findings,
    };
    if (message && root && !fatal) {
      const value = root as unknown as Message;
      if (withLocations) rememberLocations(value, infos);
      return schemaErrors === 0 ? { ...result, value } : { ...result, partial: value };
    }
    return result;
  };

  return {
    events,
    get message() {
      return message;
    },
    get root() {
      return root;
    },
    get infos() {
      return infos;
    },
    renewInfos(keep) {
      infos = new Map(keep);
    },
    get clean() {
      return schemaErrors === 0;
    },
    finish,
  };
}

function isWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}
