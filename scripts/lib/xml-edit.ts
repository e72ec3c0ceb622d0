/**
 * Targeted edits on an XmlDocument, addressed by path. Shared by the fixture
 * catalog (one deliberate defect per invalid fixture) and the mutation corpus.
 * Every edit works on a copy and throws when the path does not exist, so a
 * fixture definition cannot silently stop testing what it says.
 */
import { childElements, cloneDocument, cloneElement, findElement, parentOf, text, type XmlDocument, type XmlElement } from './xml-tree.js';

function locate(doc: XmlDocument, path: string): { el: XmlElement; parent: XmlElement } {
  const el = findElement(doc.root, path);
  if (!el) throw new Error(`no element at ${path}`);
  const parent = parentOf(doc.root, el);
  if (!parent) throw new Error(`no parent for ${path}`);
  return { el, parent };
}

export function edit(doc: XmlDocument, change: (copy: XmlDocument) => void): XmlDocument {
  const copy = cloneDocument(doc);
  change(copy);
  return copy;
}

export function removeElement(doc: XmlDocument, path: string): XmlDocument {
  return edit(doc, (copy) => {
    const { el, parent } = locate(copy, path);
    parent.children = parent.children.filter((c) => c !== el);
  });
}

/** Swaps the element with its next element sibling. */
export function swapWithNext(doc: XmlDocument, path: string): XmlDocument {
  return edit(doc, (copy) => {
    const { el, parent } = locate(copy, path);
    const siblings = childElements(parent);
    const next = siblings[siblings.indexOf(el) + 1];
    if (!next) throw new Error(`no next sibling for ${path}`);
    const i = parent.children.indexOf(el);
    const j = parent.children.indexOf(next);
    parent.children[i] = next;
    parent.children[j] = el;
  });
}

/** Inserts a copy of the element right after it. */
export function duplicateElement(doc: XmlDocument, path: string): XmlDocument {
  return edit(doc, (copy) => {
    const { el, parent } = locate(copy, path);
    parent.children.splice(parent.children.indexOf(el) + 1, 0, cloneElement(el));
  });
}

export function setValue(doc: XmlDocument, path: string, value: string): XmlDocument {
  return edit(doc, (copy) => {
    const { el } = locate(copy, path);
    if (childElements(el).length) throw new Error(`${path} is not a leaf`);
    el.children = value === '' ? [] : [text(value)];
  });
}

/** Puts the element (not its children) into another namespace, declared on the element itself. */
export function setNamespace(doc: XmlDocument, path: string, uri: string, prefix = 'nsx'): XmlDocument {
  return edit(doc, (copy) => {
    const { el } = locate(copy, path);
    el.uri = uri;
    el.prefix = uri === '' ? '' : prefix;
    // Declared on the root already (iwmo, wmo3NN): a plain prefix change, no extra declaration.
    const declaredAtRoot = uri !== '' && copy.root.attributes.some((a) => a.name === `xmlns:${prefix}` && a.value === uri);
    if (declaredAtRoot) return;
    el.attributes = [...el.attributes.filter((a) => a.name !== `xmlns:${prefix}` && a.name !== 'xmlns'), uri === '' ? { name: 'xmlns', value: '' } : { name: `xmlns:${prefix}`, value: uri }];
  });
}

/** Inserts a new element as the child at `index` (counted in element children) of the element at `path`. */
export function insertChild(doc: XmlDocument, path: string, index: number, child: XmlElement): XmlDocument {
  return edit(doc, (copy) => {
    const el = findElement(copy.root, path);
    if (!el) throw new Error(`no element at ${path}`);
    const kids = childElements(el);
    const before = kids[index];
    el.children.splice(before ? el.children.indexOf(before) : el.children.length, 0, child);
  });
}

// Text-level defects that no tree can hold.

export const withBom = (xml: string): string => '\uFEFF' + xml;

export function withDoctype(xml: string): string {
  return xml.replace(/(<\?xml[^>]*\?>\r?\n)/, '$1<!DOCTYPE Bericht [\r\n\t<!ENTITY gemeente "0363">\r\n]>\r\n');
}

/** Drops the closing tag of the first element that has the given local name. */
export function dropClosingTag(xml: string, local: string): string {
  const re = new RegExp(`</([A-Za-z0-9_.-]+:)?${local}>`);
  if (!re.test(xml)) throw new Error(`no closing tag ${local}`);
  return xml.replace(re, '');
}

/** Rewrites every iWmo 3.2 namespace to release 3.1. */
export const toRelease31 = (xml: string): string => xml.replaceAll('/iwmo/3_2/', '/iwmo/3_1/');
