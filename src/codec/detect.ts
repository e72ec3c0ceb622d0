/**
 * Detects the message type from the root element's namespace without a full
 * parse: a cheap look at the first start tag, for routing and the CLI.
 */
import type { MessageId } from '../standard/descriptor.js';
import { ALL_MESSAGE_IDS, messageDescriptor, standardIdOf } from '../standard/standards.js';
import type { StandardId } from '../standard/descriptor.js';

export interface Detection {
  readonly message: MessageId;
  /** Which standard the namespace belongs to (iWmo 3.2, iJw 3.2). */
  readonly standard: StandardId;
  readonly berichtCode: string;
  readonly namespace: string;
}

const byNamespace = new Map<string, MessageId>(ALL_MESSAGE_IDS.map((id) => [messageDescriptor(id).namespace, id]));

export function messageForNamespace(namespace: string): MessageId | undefined {
  return byNamespace.get(namespace);
}

/** Release and standard named by an istandaarden namespace, for a clear finding on a wrong release. */
export function describeNamespace(namespace: string): { standaard: string; release: string; bericht: string } | undefined {
  const m = /^http:\/\/www\.istandaarden\.nl\/([a-z]+)\/(\d+)_(\d+)\/([a-z0-9]+)\/schema$/.exec(namespace);
  return m ? { standaard: m[1]!, release: `${m[2]}.${m[3]}`, bericht: m[4]! } : undefined;
}

export function detectMessage(xml: string | Uint8Array): Detection | undefined {
  const head = typeof xml === 'string' ? xml.slice(0, 4096) : new TextDecoder().decode(xml.subarray(0, 4096));
  // The first start tag that is not a declaration, comment or processing instruction.
  const tag = /<([A-Za-z_][\w.-]*:)?Bericht\b([^>]*)>/.exec(head);
  if (!tag) return undefined;
  const prefix = tag[1] ? tag[1].slice(0, -1) : '';
  const attr = prefix ? `xmlns:${prefix}` : 'xmlns';
  const ns = new RegExp(`${attr.replace('.', '\\.')}\\s*=\\s*["']([^"']*)["']`).exec(tag[2] ?? '');
  const id = ns ? messageForNamespace(ns[1]!) : undefined;
  if (!id || !ns) return undefined;
  return { message: id, standard: standardIdOf(id), berichtCode: messageDescriptor(id).berichtCode, namespace: ns[1]! };
}
