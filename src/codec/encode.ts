/**
 * Descriptor-driven encode: walks the typed message in sequence order and
 * writes the XML as text (prefixes wmo3NN and iwmo, CRLF line ends, tabs),
 * checking every leaf against its simple type on the way. String building is
 * used instead of a DOM builder because it is ~60× faster on large 323s.
 */
import { IwmoError, type Finding } from '../findings.js';
import type { ComplexTypeDescriptor, MessageDescriptor, MessageId } from '../standard/descriptor.js';
import { ALL_MESSAGE_IDS, isMessageId, standardOf } from '../standard/standards.js';
import type { Message } from '../standard/generated/types.js';
import { childShapes, type PropertyShape } from '../standard/model.js';
import { checkLeaf, isQuotable } from './simple-type.js';

export interface EncodeOptions {
  /** Line end; OP192 prescribes CRLF. */
  readonly newline?: '\r\n' | '\n';
  /** Indentation per level; a tab by default. Use '' for no indentation (and no line breaks). */
  readonly indent?: string;
  /** Leave out the XML declaration. */
  readonly omitDeclaration?: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
function escapeText(text: string): string {
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (c) => ESCAPES[c]!) : text;
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
  const indentUnit = options.indent ?? '\t';
  const prefixOf = { message: descriptor.prefix, basis: standard.basisPrefix } as const;
  const findings: Finding[] = [];
  const parts: string[] = [];
  const indents: string[] = [''];
  const indentAt = (depth: number): string => (indents[depth] ??= indentUnit.repeat(depth));

  const problem = (path: string, text: { nl: string; en: string }): void => {
    findings.push({ rule: 'XSD', level: 1, retourcode: null, path, message: text });
  };

  const writeComplex = (value: Record<string, unknown>, type: ComplexTypeDescriptor, path: string, depth: number): void => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem(path, { nl: `Verwacht een object voor '${type.name}'.`, en: `Expected an object for '${type.name}'.` });
      return;
    }
    const shapes = childShapes(standard, type);
    for (const shape of shapes) {
      const element = shape.element;
      const v = value[element.prop];
      const childPath = `${path}/${element.name}`;
      if (v === undefined || v === null) {
        if (element.minOccurs > 0) {
          problem(childPath, {
            nl: `Het verplichte element '${element.name}' ontbreekt.`,
            en: `The required element '${element.name}' is missing.`,
          });
        }
        continue;
      }
      writeShape(shape, v, childPath, depth);
    }
  };

  const writeOne = (shape: PropertyShape, v: unknown, path: string, depth: number): void => {
    const element = shape.element;
    const tag = `${prefixOf[element.ns]}:${element.name}`;
    const pad = indentAt(depth);
    if (shape.kind === 'leaf') {
      const raw = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(v)) : typeof v === 'string' ? v : undefined;
      if (raw === undefined) {
        problem(path, { nl: `Ongeldige waarde voor '${element.name}'.`, en: `Invalid value for '${element.name}'.` });
        return;
      }
      if (shape.type.builtin === 'integer' && typeof v !== 'number') {
        problem(path, { nl: `'${element.name}' moet een getal zijn.`, en: `'${element.name}' must be a number.` });
        return;
      }
      const check = checkLeaf(shape.type, raw, !isQuotable(shape.type));
      if (!check.ok) problem(path, check.problem);
      parts.push(`${pad}<${tag}>${escapeText(raw)}</${tag}>${nl}`);
      return;
    }
    parts.push(`${pad}<${tag}>${nl}`);
    if (shape.kind === 'object') {
      writeComplex(v as Record<string, unknown>, shape.type, path, depth + 1);
    } else {
      const item = shape.item;
      const items = Array.isArray(v) ? v : [];
      if (!Array.isArray(v)) problem(path, { nl: `'${element.name}' moet een lijst zijn.`, en: `'${element.name}' must be a list.` });
      const child = shape.type.children[0]!;
      if (items.length < child.minOccurs) {
        problem(`${path}/${child.name}`, {
          nl: `'${element.name}' moet minstens ${child.minOccurs} '${child.name}' bevatten.`,
          en: `'${element.name}' must contain at least ${child.minOccurs} '${child.name}'.`,
        });
      }
      items.forEach((entry, i) => writeOne({ ...item } as PropertyShape, entry, `${path}/${child.name}[${i + 1}]`, depth + 1));
    }
    parts.push(`${pad}</${tag}>${nl}`);
  };

  const writeShape = (shape: PropertyShape, v: unknown, path: string, depth: number): void => {
    if (shape.kind !== 'wrapper' && shape.array) {
      const items = Array.isArray(v) ? v : [v];
      const max = shape.element.maxOccurs;
      if (items.length < shape.element.minOccurs || (max !== 'unbounded' && items.length > max)) {
        problem(path, {
          nl: `'${shape.element.name}' komt ${items.length} keer voor; toegestaan ${shape.element.minOccurs}..${max}.`,
          en: `'${shape.element.name}' occurs ${items.length} times; allowed ${shape.element.minOccurs}..${max}.`,
        });
      }
      items.forEach((item, i) => writeOne({ ...shape, array: false } as PropertyShape, item, `${path}[${i + 1}]`, depth));
      return;
    }
    writeOne(shape, v, path, depth);
  };

  const rootTag = `${descriptor.prefix}:Bericht`;
  if (!options.omitDeclaration) parts.push(`<?xml version="1.0" encoding="UTF-8"?>${nl}`);
  parts.push(`<${rootTag} xmlns:${standard.basisPrefix}="${standard.basisNamespace}" xmlns:${descriptor.prefix}="${descriptor.namespace}">${nl}`);
  writeComplex(message as unknown as Record<string, unknown>, standard.complexTypes[descriptor.root.complexType!]!, '/Bericht', 1);
  parts.push(`</${rootTag}>${nl}`);
  if (findings.length) throw new IwmoError(findings);
  return parts.join('');
}
