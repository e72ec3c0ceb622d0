/**
 * A small, lossless-enough XML tree for test tooling: parse a well-formed
 * document (saxes, namespace-aware), change it, write it back. Used to build
 * fixtures, to mutate messages for the conformance corpus, and to compare
 * documents as canonical trees. Not part of the library: the library never
 * holds a message as a tree.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface XmlAttribute {
  /** Qualified name as written (`xmlns:iwmo`, `xsi:nil`, `foo`). */
  readonly name: string;
  value: string;
}

export interface XmlElement {
  readonly kind: 'element';
  prefix: string;
  local: string;
  /** Namespace URI the element is in ('' for none). */
  uri: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
}

export interface XmlText {
  readonly kind: 'text';
  text: string;
  /** Written as a CDATA section. */
  cdata?: boolean;
  /** Written as-is, unescaped (holds character references such as `&#48;`). */
  raw?: boolean;
}

export interface XmlComment {
  readonly kind: 'comment';
  text: string;
}

export interface XmlProcessingInstruction {
  readonly kind: 'pi';
  target: string;
  body: string;
}

export type XmlNode = XmlElement | XmlText | XmlComment | XmlProcessingInstruction;

export interface XmlDocument {
  /** The XML declaration's pseudo-attributes; undefined when the document has none. */
  declaration: { version: string; encoding?: string; standalone?: string } | undefined;
  root: XmlElement;
}

export function element(prefix: string, local: string, uri: string, children: XmlNode[] = [], attributes: XmlAttribute[] = []): XmlElement {
  return { kind: 'element', prefix, local, uri, attributes, children };
}

export function text(value: string): XmlText {
  return { kind: 'text', text: value };
}

export function qualifiedName(el: XmlElement): string {
  return el.prefix ? `${el.prefix}:${el.local}` : el.local;
}

/** Parses a well-formed document; throws on anything saxes rejects (sources are known to be well-formed). */
export function parseXml(xml: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: true });
  let declaration: XmlDocument['declaration'];
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  const append = (node: XmlNode): void => {
    const top = stack[stack.length - 1];
    if (top) top.children.push(node);
  };
  parser.on('xmldecl', (decl) => {
    declaration = {
      version: decl.version ?? '1.0',
      ...(decl.encoding !== undefined ? { encoding: decl.encoding } : {}),
      ...(decl.standalone !== undefined ? { standalone: decl.standalone } : {}),
    };
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes = Object.values(tag.attributes).map((a) => ({ name: a.name, value: a.value }));
    const el = element(tag.prefix, tag.local, tag.uri, [], attributes);
    if (stack.length === 0) root = el;
    else append(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (value) => {
    if (stack.length) append(text(value));
  });
  parser.on('cdata', (value) => append({ kind: 'text', text: value, cdata: true }));
  parser.on('comment', (value) => append({ kind: 'comment', text: value }));
  parser.on('processinginstruction', (pi) => append({ kind: 'pi', target: pi.target, body: pi.body }));
  parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  if (!root) throw new Error('document without a root element');
  return { declaration, root };
}

export function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface WriteOptions {
  /** Re-indent element-only content (whitespace-only text in it is dropped). */
  readonly pretty?: { readonly indent: string; readonly newline: string };
  /** Line end after the XML declaration and at the end of the document. */
  readonly newline?: string;
}

function writeDeclaration(doc: XmlDocument): string {
  const d = doc.declaration;
  if (!d) return '';
  return `<?xml version="${d.version}"${d.encoding !== undefined ? ` encoding="${d.encoding}"` : ''}${d.standalone !== undefined ? ` standalone="${d.standalone}"` : ''}?>`;
}

function isElementOnly(el: XmlElement): boolean {
  return el.children.some((c) => c.kind === 'element') && el.children.every((c) => c.kind !== 'text' || /^[ \t\r\n]*$/.test(c.text));
}

export function writeXml(doc: XmlDocument, options: WriteOptions = {}): string {
  const parts: string[] = [];
  const pretty = options.pretty;
  const newline = options.newline ?? pretty?.newline ?? '\n';
  const declaration = writeDeclaration(doc);
  if (declaration) parts.push(declaration, newline);

  const writeNode = (node: XmlNode, depth: number): void => {
    switch (node.kind) {
      case 'text':
        parts.push(node.cdata ? `<![CDATA[${node.text}]]>` : node.raw ? node.text : escapeText(node.text));
        return;
      case 'comment':
        parts.push(`<!--${node.text}-->`);
        return;
      case 'pi':
        parts.push(`<?${node.target}${node.body ? ' ' + node.body : ''}?>`);
        return;
      case 'element':
        writeElement(node, depth);
    }
  };

  const writeElement = (el: XmlElement, depth: number): void => {
    const name = qualifiedName(el);
    const attrs = el.attributes.map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
    if (el.children.length === 0) {
      parts.push(`<${name}${attrs}></${name}>`);
      return;
    }
    parts.push(`<${name}${attrs}>`);
    if (pretty && isElementOnly(el)) {
      const pad = pretty.indent.repeat(depth + 1);
      for (const child of el.children) {
        if (child.kind === 'text') continue;
        parts.push(pretty.newline, pad);
        writeNode(child, depth + 1);
      }
      parts.push(pretty.newline, pretty.indent.repeat(depth));
    } else {
      for (const child of el.children) writeNode(child, depth + 1);
    }
    parts.push(`</${name}>`);
  };

  writeElement(doc.root, 0);
  parts.push(newline);
  return parts.join('');
}

export function cloneElement(el: XmlElement): XmlElement {
  return {
    kind: 'element',
    prefix: el.prefix,
    local: el.local,
    uri: el.uri,
    attributes: el.attributes.map((a) => ({ ...a })),
    children: el.children.map((c) => (c.kind === 'element' ? cloneElement(c) : { ...c })),
  };
}

export function cloneDocument(doc: XmlDocument): XmlDocument {
  return { declaration: doc.declaration ? { ...doc.declaration } : undefined, root: cloneElement(doc.root) };
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** A leaf: an element without element children (its text is its value). */
export function isLeaf(el: XmlElement): boolean {
  return !el.children.some((c) => c.kind === 'element');
}

export function textOf(el: XmlElement): string {
  return el.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
}

export function setText(el: XmlElement, value: string): void {
  el.children = value === '' ? [] : [text(value)];
}

export interface Located {
  readonly element: XmlElement;
  readonly parent: XmlElement | undefined;
  /** Path in the standard's style: `[n]` on an element that has same-named siblings (or always, with `indexAll`). */
  readonly path: string;
  readonly depth: number;
}

/**
 * Every element with its parent and path. The `[n]` index counts same-named
 * element siblings; it is written when `repeated(parentPath, local)` says the
 * element is a repeatable one (so paths match the library's), else only when
 * there actually are several.
 */
export function listElements(root: XmlElement, repeated?: (path: string, local: string) => boolean): Located[] {
  const out: Located[] = [];
  const visit = (el: XmlElement, parent: XmlElement | undefined, path: string, depth: number): void => {
    out.push({ element: el, parent, path, depth });
    const kids = childElements(el);
    const seen = new Map<string, number>();
    for (const kid of kids) {
      const n = (seen.get(kid.local) ?? 0) + 1;
      seen.set(kid.local, n);
      const many = kids.filter((k) => k.local === kid.local).length > 1;
      const indexed = many || (repeated?.(path, kid.local) ?? false);
      visit(kid, el, `${path}/${kid.local}${indexed ? `[${n}]` : ''}`, depth + 1);
    }
  };
  visit(root, undefined, `/${root.local}`, 0);
  return out;
}

/** Finds an element by a path like `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang` (local names; `[n]` counts same-named siblings, default 1). */
export function findElement(root: XmlElement, path: string): XmlElement | undefined {
  const steps = path.split('/').filter(Boolean);
  const first = /^([^[]+)/.exec(steps[0] ?? '')?.[1];
  if (first !== root.local) return undefined;
  let current: XmlElement | undefined = root;
  for (const step of steps.slice(1)) {
    const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m || !current) return undefined;
    const same: XmlElement[] = childElements(current).filter((c) => c.local === m[1]);
    current = same[Number(m[2] ?? '1') - 1];
  }
  return current;
}

export function parentOf(root: XmlElement, target: XmlElement): XmlElement | undefined {
  for (const child of childElements(root)) {
    if (child === target) return root;
    const found = parentOf(child, target);
    if (found) return found;
  }
  return undefined;
}

/**
 * The document as a canonical value for comparison: elements by namespace URI
 * and local name, in order; whitespace-only text between elements, comments
 * and processing instructions dropped; leaf text kept exactly.
 */
export type CanonicalNode = { readonly name: string; readonly text?: string; readonly children?: readonly CanonicalNode[] };

export function canonicalTree(el: XmlElement): CanonicalNode {
  const name = `{${el.uri}}${el.local}`;
  if (isLeaf(el)) return { name, text: textOf(el) };
  const stray = el.children.filter((c): c is XmlText => c.kind === 'text' && !/^[ \t\r\n]*$/.test(c.text));
  return {
    name,
    ...(stray.length ? { text: stray.map((t) => t.text).join('') } : {}),
    children: childElements(el).map(canonicalTree),
  };
}

/** First difference between two canonical trees, as a readable path and reason; undefined when equal. */
export function firstDifference(a: CanonicalNode, b: CanonicalNode, path = ''): string | undefined {
  const here = `${path}/${a.name.replace(/^\{[^}]*\}/, '')}`;
  if (a.name !== b.name) return `${here}: element ${a.name} vs ${b.name}`;
  if ((a.text ?? '') !== (b.text ?? '')) return `${here}: text differs`;
  const ac = a.children ?? [];
  const bc = b.children ?? [];
  for (let i = 0; i < Math.min(ac.length, bc.length); i++) {
    const d = firstDifference(ac[i]!, bc[i]!, here);
    if (d) return d;
  }
  if (ac.length !== bc.length) return `${here}: ${ac.length} vs ${bc.length} child elements`;
  return undefined;
}
