/**
 * The standards the engine reads, as data: iWmo 3.2 and its twin iJw 3.2.
 * Everything that works per message finds its standard here, by message id or
 * by namespace, so no module is written per standard.
 */
import type { ComplexTypeDescriptor, MessageDescriptor, MessageId, StandardDescriptor, StandardId } from './descriptor.js';
import { ijwStandard, standard as iwmoStandard } from './generated/descriptors.js';
import { MESSAGE_ID_PREFIX } from './model.js';

export const STANDARDS: Readonly<Record<StandardId, StandardDescriptor>> = {
  'iwmo-3.2': iwmoStandard,
  'ijw-3.2': ijwStandard,
};

export const STANDARD_IDS = Object.keys(STANDARDS) as StandardId[];

/** Every message id of every standard: WMO301 … WMO325, JW301 … JW325. */
export const ALL_MESSAGE_IDS: readonly MessageId[] = STANDARD_IDS.flatMap((s) => Object.keys(STANDARDS[s].messages) as MessageId[]);

export function isMessageId(value: string): value is MessageId {
  return (ALL_MESSAGE_IDS as readonly string[]).includes(value);
}

/** The standard a message id belongs to: `JW301` → iJw 3.2. */
export function standardIdOf(id: MessageId): StandardId {
  return id.startsWith(MESSAGE_ID_PREFIX['ijw-3.2']) ? 'ijw-3.2' : 'iwmo-3.2';
}

export function standardOf(id: MessageId): StandardDescriptor {
  return STANDARDS[standardIdOf(id)];
}

export function messageDescriptor(id: MessageId): MessageDescriptor {
  const message = STANDARDS[standardIdOf(id)].messages[id];
  if (!message) throw new Error(`Unknown message ${id}`);
  return message;
}

/** A complex type by its name in any standard (`JW301/Client`); the CDT_ types are the same in all. */
export function complexTypeNamed(name: string): ComplexTypeDescriptor | undefined {
  for (const id of STANDARD_IDS) {
    const type = STANDARDS[id].complexTypes[name];
    if (type) return type;
  }
  return undefined;
}
