/**
 * Descriptor-driven decode: one streaming pass over the XML events builds the
 * typed message and checks level 1 (the XSD) as it goes, so a 25 MB WMO323 is
 * read once and never held as a tree.
 */
import type { Finding, LocalizedText } from '../findings.js';
import type { ComplexTypeDescriptor, ElementDescriptor, MessageDescriptor, SimpleTypeDescriptor } from '../standard/descriptor.js';
import { standard } from '../standard/generated/descriptors.js';
import type { Message } from '../standard/generated/types.js';
import { isRepeated } from '../standard/model.js';
import { readXml, type XmlEvents, type XmlStartTag } from '../xml/reader.js';
import { describeNamespace, messageForNamespace } from './detect.js';
import { elementNamesOf, rememberLocations, type NodeInfo } from './locations.js';
import { checkLeaf } from './simple-type.js';
import type { DecodeOptions, DecodeResult } from './types.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Leaf types whose values may be quoted in findings: codes, dates, numbers. Names, texts and BSNs never are. */
const QUOTABLE = new Set(['LDT_AgbCode', 'LDT_Gemeente', 'LDT_ProductCode', 'LDT_BerichtCode', 'LDT_Versie', 'LDT_IdentificatieBericht', 'LDT_IdentificatieDeclaratie', 'LDT_ReferentieNummer', 'LDT_Referentie']);
function quotable(type: SimpleTypeDescriptor): boolean {
  if (type.name === 'LDT_BurgerServicenummer') return false;
  return type.builtin !== 'string' || !!type.enumeration || QUOTABLE.has(type.name) || !type.name.startsWith('LDT_');
}

interface ChildMatcher {
  readonly element: ElementDescriptor;
  readonly uri: string;
}

const matcherCache = new Map<string, ChildMatcher[]>();
function childMatchers(message: MessageDescriptor, type: ComplexTypeDescriptor): ChildMatcher[] {
  const key = `${message.id}|${type.name}`;
  let m = matcherCache.get(key);
  if (!m) {
    m = type.children.map((element) => ({ element, uri: element.ns === 'basis' ? standard.basisNamespace : message.namespace }));
    matcherCache.set(key, m);
  }
  return m;
}

const enum FrameKind {
  Complex,
  Leaf,
  Skip,
}

interface Frame {
  kind: FrameKind;
  readonly parent: Frame | undefined;
  readonly name: string;
  readonly index: number | undefined;
  readonly element: ElementDescriptor | undefined;
  // Complex frames
  readonly complexType?: ComplexTypeDescriptor;
  readonly matchers?: ChildMatcher[];
  /** Model value: an object, or for a wrapper the array its items go into. */
  readonly target?: Record<string, unknown> | unknown[];
  readonly info?: NodeInfo;
  pos: number;
  count: number;
  /** A content-model error was reported here; later siblings are not judged again. */
  broken: boolean;
  textReported: boolean;
  // Leaf frames
  readonly simpleType?: SimpleTypeDescriptor;
  text: string;
  readonly line: number;
}

function frameAt(parent: Frame | undefined, init: Partial<Frame> & Pick<Frame, 'kind' | 'name' | 'line'>): Frame {
  return {
    parent,
    index: undefined,
    element: undefined,
    pos: 0,
    count: 0,
    broken: false,
    textReported: false,
    text: '',
    ...init,
  };
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

export function decode(input: string | Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const findings: Finding[] = [];
  const withLocations = options.locations !== false;
  const infos = new WeakMap<object, NodeInfo>();
  let message: MessageDescriptor | undefined;
  let root: Record<string, unknown> | undefined;
  let top: Frame | undefined;
  let line = 0;
  let column = 0;
  let schemaErrors = 0;

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
      const min = matchers[i]!.element.minOccurs;
      const have = i === frame.pos ? frame.count : 0;
      if (have < min) {
        missing(frame, matchers[i]!.element);
        frame.broken = true;
        return;
      }
    }
  };

  const openChild = (parent: Frame, tag: XmlStartTag): Frame => {
    const matchers = parent.matchers!;
    let found = -1;
    if (!parent.broken) {
      for (let i = parent.pos; i < matchers.length; i++) {
        const m = matchers[i]!;
        if (m.element.name === tag.local && m.uri === tag.uri) {
          found = i;
          break;
        }
      }
    }
    const path = `${framePath(parent)}/${tag.local}`;
    if (parent.broken) return frameAt(parent, { kind: FrameKind.Skip, name: tag.local, line });
    if (found < 0) {
      const known = matchers.find((m) => m.element.name === tag.local && m.uri === tag.uri);
      const foreign = matchers.find((m) => m.element.name === tag.local);
      const text: LocalizedText = known
        ? {
            nl: `Het element '${tag.local}' staat op de verkeerde plaats of komt te vaak voor in '${parent.name}'; verwacht: ${expectedList(matchers, parent.pos + (parent.count > 0 ? 1 : 0))}.`,
            en: `The element '${tag.local}' is out of order or repeated too often in '${parent.name}'; expected: ${expectedList(matchers, parent.pos + (parent.count > 0 ? 1 : 0))}.`,
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
      return frameAt(parent, { kind: FrameKind.Skip, name: tag.local, line });
    }
    if (found === parent.pos) {
      const max = matchers[found]!.element.maxOccurs;
      if (max !== 'unbounded' && parent.count >= max) {
        xsd(path, {
          nl: `Het element '${tag.local}' komt vaker voor dan toegestaan (maximaal ${max}) in '${parent.name}'.`,
          en: `The element '${tag.local}' occurs more often than allowed (at most ${max}) in '${parent.name}'.`,
        });
        parent.broken = true;
        return frameAt(parent, { kind: FrameKind.Skip, name: tag.local, line });
      }
      parent.count++;
    } else {
      // Skipping ahead in the sequence: everything skipped must be optional.
      for (let i = parent.pos; i < found; i++) {
        const have = i === parent.pos ? parent.count : 0;
        if (have < matchers[i]!.element.minOccurs) {
          missing(parent, matchers[i]!.element);
          parent.broken = true;
          return frameAt(parent, { kind: FrameKind.Skip, name: tag.local, line });
        }
      }
      parent.pos = found;
      parent.count = 1;
    }
    const element = matchers[found]!.element;
    const repeated = isRepeated(element);
    const index = repeated ? parent.count : undefined;
    if (element.simpleType) {
      return frameAt(parent, { kind: FrameKind.Leaf, name: tag.local, index, element, simpleType: standard.simpleTypes[element.simpleType]!, line });
    }
    const complexType = standard.complexTypes[element.complexType!]!;
    const isWrapper = complexType.wrapper && !repeated;
    const target: Record<string, unknown> | unknown[] = isWrapper ? [] : {};
    // Attach to the parent's model value.
    const parentTarget = parent.target!;
    if (Array.isArray(parentTarget)) parentTarget.push(target);
    else if (repeated) ((parentTarget[element.prop] ??= []) as unknown[]).push(target);
    else parentTarget[element.prop] = target;
    const info: NodeInfo | undefined = withLocations
      ? { parent: parent.info, name: tag.local, index, line, column, elementNames: elementNamesOf(complexType.name) }
      : undefined;
    if (info && !isWrapper) infos.set(target, info);
    return frameAt(parent, {
      kind: FrameKind.Complex,
      name: tag.local,
      index,
      element,
      complexType,
      matchers: childMatchers(message!, complexType),
      target,
      ...(info ? { info } : {}),
      line,
    });
  };

  const checkAttributes = (tag: XmlStartTag, path: string): void => {
    for (const attr of tag.attributes) {
      if (attr.uri === XMLNS || attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
      if (attr.uri === XSI && (attr.local === 'schemaLocation' || attr.local === 'noNamespaceSchemaLocation')) continue;
      xsd(path, {
        nl: `Het attribuut '${attr.name}' is niet toegestaan; iWmo-berichten hebben geen attributen.`,
        en: `The attribute '${attr.name}' is not allowed; iWmo messages have no attributes.`,
      });
    }
  };

  const events: XmlEvents = {
    position(l, c) {
      line = l;
      column = c;
    },
    open(tag) {
      if (!top) {
        if (message || root) {
          return;
        }
        const id = tag.local === 'Bericht' ? messageForNamespace(tag.uri) : undefined;
        if (!id) {
          const ns = describeNamespace(tag.uri);
          const text: LocalizedText = ns
            ? ns.standaard !== 'iwmo'
              ? {
                  nl: `Dit is een ${ns.standaard}-bericht (${ns.bericht}, release ${ns.release}), geen iWmo ${standard.release}-bericht.`,
                  en: `This is an ${ns.standaard} message (${ns.bericht}, release ${ns.release}), not an iWmo ${standard.release} message.`,
                }
              : {
                  nl: `Dit bericht is van iWmo-release ${ns.release} (namespace ${tag.uri}); verwacht release ${standard.release}.`,
                  en: `This message is iWmo release ${ns.release} (namespace ${tag.uri}); expected release ${standard.release}.`,
                }
            : {
                nl: `Het root-element '${tag.name}' (namespace '${tag.uri || 'geen'}') is geen iWmo ${standard.release}-bericht; verwacht 'Bericht' in een iWmo-namespace.`,
                en: `The root element '${tag.name}' (namespace '${tag.uri || 'none'}') is not an iWmo ${standard.release} message; expected 'Bericht' in an iWmo namespace.`,
              };
          xsd(`/${tag.local}`, text);
          top = frameAt(undefined, { kind: FrameKind.Skip, name: tag.local, line });
          return;
        }
        message = standard.messages[id];
        root = { type: id };
        const complexType = standard.complexTypes[message.root.complexType!]!;
        const info: NodeInfo | undefined = withLocations
          ? { parent: undefined, name: 'Bericht', index: undefined, line, column, elementNames: elementNamesOf(complexType.name) }
          : undefined;
        if (info) infos.set(root, info);
        top = frameAt(undefined, {
          kind: FrameKind.Complex,
          name: 'Bericht',
          element: message.root,
          complexType,
          matchers: childMatchers(message, complexType),
          target: root,
          ...(info ? { info } : {}),
          line,
        });
        checkAttributes(tag, '/Bericht');
        return;
      }
      const parent = top;
      if (parent.kind === FrameKind.Skip) {
        top = frameAt(parent, { kind: FrameKind.Skip, name: tag.local, line });
        return;
      }
      if (parent.kind === FrameKind.Leaf) {
        xsd(`${framePath(parent)}/${tag.local}`, {
          nl: `Het element '${parent.name}' mag geen elementen bevatten, alleen een waarde.`,
          en: `The element '${parent.name}' may not contain elements, only a value.`,
        });
        parent.kind = FrameKind.Skip;
        top = frameAt(parent, { kind: FrameKind.Skip, name: tag.local, line });
        return;
      }
      top = openChild(parent, tag);
      if (top.kind !== FrameKind.Skip && tag.attributes.length) checkAttributes(tag, framePath(top));
    },
    text(text) {
      const frame = top;
      if (!frame) return;
      if (frame.kind === FrameKind.Leaf) {
        frame.text += text;
      } else if (frame.kind === FrameKind.Complex && !frame.textReported && /[^ \t\r\n]/.test(text)) {
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
        return;
      }
      if (frame.kind !== FrameKind.Leaf) return;
      const type = frame.simpleType!;
      const result = checkLeaf(type, frame.text, !quotable(type));
      if (!result.ok) {
        xsd(framePath(frame), result.problem, frame.line);
        return;
      }
      const parent = frame.parent!;
      const element = frame.element!;
      const target = parent.target!;
      if (Array.isArray(target)) target.push(result.value);
      else if (isRepeated(element)) ((target[element.prop] ??= []) as unknown[]).push(result.value);
      else target[element.prop] = result.value;
      if (parent.info) (parent.info.leafLines ??= {})[element.prop] ??= frame.line;
    },
  };

  const readerFindings = readXml(input, events, options);
  findings.unshift(...readerFindings);
  if (!message && !findings.length) {
    findings.push({
      rule: 'XML',
      level: 1,
      retourcode: null,
      path: '/',
      message: { nl: 'Het document bevat geen root-element.', en: 'The document has no root element.' },
    });
  }
  const fatal = readerFindings.some((f) => f.severity !== 'warning');
  const result: DecodeResult = {
    ...(message ? { message: message.id, berichtCode: message.berichtCode } : {}),
    findings,
  };
  if (message && root && !fatal && schemaErrors === 0) {
    const value = root as unknown as Message;
    if (withLocations) rememberLocations(value, infos);
    return { ...result, value };
  }
  return result;
}
