/**
 * The encoder as it was before the compiled plans of src/codec/encode.ts
 * (commit cd678bb), kept as the oracle of test/codec/encode.test.ts: the fast
 * encoder must write the same bytes and throw the same findings. One change
 * since: both refuse a character XML 1.0 does not allow, here checked code
 * point by code point against the Char production of the XML spec.
 */
import { IwmoError, type Finding } from '../../src/findings.js';
import type { ComplexTypeDescriptor, MessageDescriptor, MessageId } from '../../src/standard/descriptor.js';
import { ALL_MESSAGE_IDS, isMessageId, standardOf } from '../../src/standard/standards.js';
import type { Message } from '../../src/standard/generated/types.js';
import { childShapes, type PropertyShape } from '../../src/standard/model.js';
import { checkLeaf, isQuotable } from '../../src/codec/simple-type.js';
import type { EncodeOptions } from '../../src/codec/encode.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
function escapeText(text: string): string {
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (c) => ESCAPES[c]!) : text;
}

/**
 * Leaf values already found valid, per simple type: dates, codes and amounts
 * repeat throughout a declaratie, and checkLeaf depends on nothing else.
 * Bounded, so an odd message cannot grow it.
 */
const goodValues = new Map<object, Set<string>>();
function knownGood(type: object, raw: string): boolean {
  return goodValues.get(type)?.has(raw) === true;
}
function rememberGood(type: object, raw: string): void {
  let good = goodValues.get(type);
  if (!good) goodValues.set(type, (good = new Set()));
  if (good.size >= 512) good.clear();
  good.add(raw);
}

/** XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** The problem of a value holding a character XML does not allow, undefined when it holds none. */
function notXmlProblem(name: string, raw: string): { nl: string; en: string } | undefined {
  let position = 0;
  // for..of yields a lone surrogate as one code point of its own.
  for (const char of raw) {
    position++;
    const code = char.codePointAt(0)!;
    if (isXmlChar(code)) continue;
    const point = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const [nl, en] = code < 0x20 ? ['een stuurteken', 'a control character'] : code <= 0xdfff ? ['een losse helft van een surrogaatpaar', 'a lone surrogate'] : ['een niet-teken', 'a noncharacter'];
    return {
      nl: `'${name}' bevat op positie ${position} het teken ${point} (${nl}), dat XML niet toestaat.`,
      en: `'${name}' contains the character ${point} (${en}) at position ${position}, which XML does not allow.`,
    };
  }
  return undefined;
}

/** Encodes a typed message to XML text; throws IwmoError listing every level-1 problem in it. */
export function referenceEncode(message: Message, options: EncodeOptions = {}): string {
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
  const indentUnit = options.indent ?? '\t';
  const prefixOf = { message: descriptor.prefix, basis: standard.basisPrefix } as const;
  const findings: Finding[] = [];
  const parts: string[] = [];
  // Small pieces are joined in blocks: kept until the end, 400 000 of them would all
  // outlive the young generation and cost the garbage collector more than the writing.
  const pending: string[] = [];
  const write = (piece: string): void => {
    pending.push(piece);
    if (pending.length === 4096) {
      parts.push(pending.join(''));
      pending.length = 0;
    }
  };
  const indents: string[] = [''];
  const indentAt = (depth: number): string => (indents[depth] ??= indentUnit.repeat(depth));

  const problem = (path: string, text: { nl: string; en: string }): void => {
    findings.push({ rule: 'XSD', level: 1, retourcode: null, path, message: text });
  };

  // The path of the element being written, as a stack of names and positions: the
  // string is only built for a problem (building it per element cost more than the XML).
  const names: string[] = ['Bericht'];
  const positions: number[] = [0];
  const here = (): string => {
    let path = '';
    for (let i = 0; i < names.length; i++) path += positions[i] ? `/${names[i]}[${positions[i]}]` : `/${names[i]}`;
    return path;
  };
  const tags = new Map<object, string>();
  const tagOf = (element: PropertyShape['element']): string => {
    let tag = tags.get(element);
    if (tag === undefined) {
      tag = `${prefixOf[element.ns]}:${element.name}`;
      tags.set(element, tag);
    }
    return tag;
  };

  const writeComplex = (value: Record<string, unknown>, type: ComplexTypeDescriptor, depth: number): void => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem(here(), { nl: `Verwacht een object voor '${type.name}'.`, en: `Expected an object for '${type.name}'.` });
      return;
    }
    const shapes = childShapes(standard, type);
    for (const shape of shapes) {
      const element = shape.element;
      const v = value[element.prop];
      names.push(element.name);
      positions.push(0);
      if (v === undefined || v === null) {
        if (element.minOccurs > 0) {
          problem(here(), {
            nl: `Het verplichte element '${element.name}' ontbreekt.`,
            en: `The required element '${element.name}' is missing.`,
          });
        }
      } else writeShape(shape, v, depth);
      names.pop();
      positions.pop();
    }
  };

  const writeOne = (shape: PropertyShape, v: unknown, depth: number): void => {
    const element = shape.element;
    const tag = tagOf(element);
    const pad = indentAt(depth);
    if (shape.kind === 'leaf') {
      const raw = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : undefined;
      if (raw === undefined) {
        problem(here(), { nl: `Ongeldige waarde voor '${element.name}'.`, en: `Invalid value for '${element.name}'.` });
        return;
      }
      if (shape.type.builtin === 'integer' && typeof v !== 'number') {
        problem(here(), { nl: `'${element.name}' moet een getal zijn.`, en: `'${element.name}' must be a number.` });
        return;
      }
      const notXml = notXmlProblem(element.name, raw);
      if (notXml) problem(here(), notXml);
      else if (!knownGood(shape.type, raw)) {
        const check = checkLeaf(shape.type, raw, !isQuotable(shape.type));
        if (!check.ok) problem(here(), check.problem);
        else rememberGood(shape.type, raw);
      }
      write(`${pad}<${tag}>${escapeText(raw)}</${tag}>${nl}`);
      return;
    }
    write(`${pad}<${tag}>${nl}`);
    if (shape.kind === 'object') {
      writeComplex(v as Record<string, unknown>, shape.type, depth + 1);
    } else {
      const item = shape.item;
      const items = Array.isArray(v) ? v : [];
      if (!Array.isArray(v)) problem(here(), { nl: `'${element.name}' moet een lijst zijn.`, en: `'${element.name}' must be a list.` });
      const child = shape.type.children[0]!;
      names.push(child.name);
      positions.push(0);
      if (items.length < child.minOccurs) {
        problem(here(), {
          nl: `'${element.name}' moet minstens ${child.minOccurs} '${child.name}' bevatten.`,
          en: `'${element.name}' must contain at least ${child.minOccurs} '${child.name}'.`,
        });
      }
      for (let i = 0; i < items.length; i++) {
        positions[positions.length - 1] = i + 1;
        writeOne(item, items[i], depth + 1);
      }
      names.pop();
      positions.pop();
    }
    write(`${pad}</${tag}>${nl}`);
  };

  const writeShape = (shape: PropertyShape, v: unknown, depth: number): void => {
    if (shape.kind !== 'wrapper' && shape.array) {
      const items = Array.isArray(v) ? v : [v];
      const max = shape.element.maxOccurs;
      if (items.length < shape.element.minOccurs || (max !== 'unbounded' && items.length > max)) {
        problem(here(), {
          nl: `'${shape.element.name}' komt ${items.length} keer voor; toegestaan ${shape.element.minOccurs}..${max}.`,
          en: `'${shape.element.name}' occurs ${items.length} times; allowed ${shape.element.minOccurs}..${max}.`,
        });
      }
      const one = { ...shape, array: false } as PropertyShape;
      for (let i = 0; i < items.length; i++) {
        positions[positions.length - 1] = i + 1;
        writeOne(one, items[i], depth);
      }
      positions[positions.length - 1] = 0;
      return;
    }
    writeOne(shape, v, depth);
  };

  const rootTag = `${descriptor.prefix}:Bericht`;
  if (!options.omitDeclaration) parts.push(`<?xml version="1.0" encoding="UTF-8"?>${nl}`);
  parts.push(`<${rootTag} xmlns:${standard.basisPrefix}="${standard.basisNamespace}" xmlns:${descriptor.prefix}="${descriptor.namespace}">${nl}`);
  writeComplex(message as unknown as Record<string, unknown>, standard.complexTypes[descriptor.root.complexType!]!, 1);
  write(`</${rootTag}>${nl}`);
  parts.push(pending.join(''));
  if (findings.length) throw new IwmoError(findings);
  return parts.join('');
}
