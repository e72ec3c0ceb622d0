/**
 * Guards on the standard messages a conversion reads and writes: nothing
 * foreign rides inside them, and every message written passes levels 1 and 2.
 */
import { serialize, validate } from '../../api.js';
import { IwmoError, isError, type Finding } from '../../findings.js';
import { standard } from '../../standard/generated/descriptors.js';
import { childShapes } from '../../standard/model.js';
import type { ComplexTypeDescriptor } from '../../standard/descriptor.js';
import type { Message } from '../../standard/generated/types.js';
import { extFinding } from './findings.js';

/**
 * Properties the standard has no element for. The XSDs are closed (§1.9) and
 * the encoder would drop such a property without a word, so extension data
 * put inside a typed message is refused instead of lost.
 */
export function foreignProperties(message: Message): Finding[] {
  const descriptor = standard.messages[message.type];
  const root = descriptor ? standard.complexTypes[descriptor.root.complexType!] : undefined;
  if (!root) return [extFinding('EXT211', '/Bericht', `Onbekend berichttype ${String(message.type)}.`, `Unknown message type ${String(message.type)}.`)];
  const findings: Finding[] = [];
  const walk = (value: unknown, type: ComplexTypeDescriptor, path: string): void => {
    if (typeof value !== 'object' || value === null) return;
    const shapes = childShapes(standard, type);
    const known = new Set(shapes.map((s) => s.element.prop));
    for (const key of Object.keys(value)) {
      if (path === '/Bericht' && key === 'type') continue;
      if (!known.has(key)) {
        findings.push(
          extFinding(
            'EXT210',
            `${path}/${key}`,
            `'${key}' is geen element van iWmo 3.2: de XSD's zijn gesloten, extensiegegevens horen in een apart document (sidecar), niet in het standaardbericht.`,
            `'${key}' is no iWmo 3.2 element: the XSDs are closed, extension data belongs in a separate document (sidecar), not in the standard message.`,
          ),
        );
      }
    }
    for (const shape of shapes) {
      const child = (value as Record<string, unknown>)[shape.element.prop];
      if (child === undefined || shape.kind === 'leaf') continue;
      const childPath = `${path}/${shape.element.name}`;
      if (shape.kind === 'wrapper') {
        const item = shape.item;
        if (item.kind === 'object' && Array.isArray(child)) child.forEach((c, i) => walk(c, item.type, `${childPath}/${item.element.name}[${i + 1}]`));
      } else if (Array.isArray(child)) {
        child.forEach((c, i) => walk(c, shape.type, `${childPath}[${i + 1}]`));
      } else {
        walk(child, shape.type, childPath);
      }
    }
  };
  walk(message, root, '/Bericht');
  return findings;
}

/** Levels 1 and 2 of a typed message, as `validate(serialize(m))`; the findings when it fails. */
export function standardFindings(message: Message): Finding[] {
  let xml: string;
  try {
    xml = serialize(message);
  } catch (error) {
    if (error instanceof IwmoError) return [...error.findings];
    throw error;
  }
  const report = validate(xml);
  return report.findings.filter(isError);
}

/** Refusal findings when any written message fails levels 1 or 2; empty when all pass. */
export function checkWritten(messages: readonly Message[]): Finding[] {
  const findings: Finding[] = [];
  messages.forEach((message, i) => {
    const problems = standardFindings(message);
    if (problems.length === 0) return;
    findings.push(
      extFinding(
        'EXT207',
        `/${message.type}[${i + 1}]`,
        `Het ${message.type}-bericht dat de omzetting zou schrijven haalt niveau 1 of 2 niet (${problems.map((p) => p.rule).join(', ')}); er wordt niets geschreven.`,
        `The ${message.type} message the conversion would write fails level 1 or 2 (${problems.map((p) => p.rule).join(', ')}); nothing is written.`,
      ),
      ...problems,
    );
  });
  return findings;
}
