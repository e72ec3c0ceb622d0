/**
 * `iwmo inspect`: a readable summary of a message. Walks the typed message with
 * the descriptors, so it works for all messages of both standards; BSNs are masked and names,
 * contact details and free text are left out.
 */
import {
  ALL_MESSAGE_IDS,
  berichtNummer,
  childShapes,
  maskBsn,
  standardIdOf,
  standardLabel,
  standardOf,
  type BerichtNummer,
  type ComplexTypeDescriptor,
  type Message,
  type MessageId,
  type PropertyShape,
  type SimpleTypeDescriptor,
  type StandardDescriptor,
  type StandardId,
} from '../index.js';

/** What each standard supports; `{zorg}` in a message name. */
const ZORG: Readonly<Record<StandardId, string>> = { 'iwmo-3.2': 'Wmo-ondersteuning', 'ijw-3.2': 'Jeugdhulp' };
const NAMES: Readonly<Record<BerichtNummer, string>> = {
  301: 'Toewijzing {zorg}',
  302: 'Retour toewijzing',
  305: 'Start {zorg}',
  306: 'Retour start',
  307: 'Stop {zorg}',
  308: 'Retour stop',
  315: 'Verzoek om toewijzing',
  316: 'Retour verzoek om toewijzing',
  317: 'Verzoek om wijziging',
  318: 'Retour verzoek om wijziging',
  319: 'Antwoordbericht',
  320: 'Retour antwoordbericht',
  323: 'Declaratie {zorg}',
  325: 'Declaratie-antwoord',
};
export const MESSAGE_NAMES = Object.fromEntries(
  ALL_MESSAGE_IDS.map((id) => [id, NAMES[berichtNummer(id)].replace('{zorg}', ZORG[standardIdOf(id)])]),
) as Readonly<Record<MessageId, string>>;

/** Personal details a summary does not need. */
const PRIVATE_PROPS = new Set(['naam', 'relaties', 'contactgegevens', 'commentaar', 'communicatie']);
/** Header fields the title line already states. */
const TITLE_PROPS = new Set(['berichtCode', 'berichtVersie', 'berichtSubversie']);
const AMOUNT_TYPES = new Set(['LDT_Bedrag', 'LDT_Budget', 'LDT_TotaalBedrag']);

const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
export function euro(cents: number): string {
  return euroFormat.format(cents / 100).replace(/\u00a0/g, ' ');
}

export interface InspectOptions {
  /** Items shown per list before "… and N more" (default 20). */
  readonly limit?: number;
}

export function inspectMessage(message: Message, options: InspectOptions = {}): string {
  const standard = standardOf(message.type);
  const descriptor = standard.messages[message.type]!;
  const state = { standard, limit: options.limit ?? 20, hidden: false };
  const lines = [`${message.type} ${MESSAGE_NAMES[message.type]}, BerichtCode ${descriptor.berichtCode}, ${standardLabel(standard)} ${descriptor.release}`];
  renderComplex(message as unknown as Record<string, unknown>, standard.complexTypes[descriptor.root.complexType!]!, '', lines, state);
  if (state.hidden) lines.push('', '(names, contact details and comments are not shown)');
  return lines.join('\n');
}

interface RenderState {
  readonly standard: StandardDescriptor;
  readonly limit: number;
  hidden: boolean;
}

function renderComplex(value: Record<string, unknown>, type: ComplexTypeDescriptor, indent: string, lines: string[], state: RenderState): void {
  for (const shape of childShapes(state.standard, type)) {
    const prop = shape.element.prop;
    const v = value[prop];
    if (v === undefined || v === null || TITLE_PROPS.has(prop)) continue;
    if (PRIVATE_PROPS.has(prop)) {
      state.hidden = true;
      continue;
    }
    renderProperty(shape, v, indent, lines, state);
  }
}

function renderProperty(shape: PropertyShape, v: unknown, indent: string, lines: string[], state: RenderState): void {
  const label = shape.element.name;
  if (shape.kind === 'leaf') {
    const values = shape.array && Array.isArray(v) ? v : [v];
    lines.push(`${indent}${label}: ${values.map((x) => leafText(shape.type, x)).join(', ')}`);
    return;
  }
  if (shape.kind === 'object' && !shape.array) {
    renderObject(label, shape.type, v as Record<string, unknown>, indent, lines, state);
    return;
  }
  // A list: a wrapper's items, or a repeated element.
  const item = shape.kind === 'wrapper' ? shape.item : { ...shape, array: false };
  const items = Array.isArray(v) ? v : [v];
  if (item.kind === 'leaf') {
    lines.push(`${indent}${item.element.name}: ${items.map((x) => leafText(item.type, x)).join(', ')}`);
    return;
  }
  if (item.kind !== 'object') return;
  items.slice(0, state.limit).forEach((entry, i) => renderObject(`${item.element.name} ${i + 1}`, item.type, entry as Record<string, unknown>, indent, lines, state));
  if (items.length > state.limit) lines.push(`${indent}… and ${items.length - state.limit} more ${item.element.name}`);
}

function renderObject(label: string, type: ComplexTypeDescriptor, value: Record<string, unknown>, indent: string, lines: string[], state: RenderState): void {
  const inline = inlineText(type, value, state);
  if (inline !== undefined) {
    lines.push(`${indent}${label}: ${inline}`);
    return;
  }
  lines.push(`${indent}${label}`);
  renderComplex(value, type, indent + '  ', lines, state);
}

/** One line for amounts, periods and any type made of leaves only (Product, Omvang, BerichtIdentificatie, …). */
function inlineText(type: ComplexTypeDescriptor, value: Record<string, unknown>, state: RenderState): string | undefined {
  switch (type.name) {
    case 'CDT_BedragMetDC':
    case 'CDT_TotaalBedragMetDC': {
      const cents = Number(value.bedrag ?? value.totaalBedrag);
      return `${euro(cents)} ${value.debetCredit === 'C' ? 'credit' : 'debet'}`;
    }
    case 'CDT_GeslotenPeriode':
    case 'CDT_OpenPeriode':
      return value.einddatum ? `${String(value.begindatum)} t/m ${String(value.einddatum)}` : `vanaf ${String(value.begindatum)}`;
  }
  const shapes = childShapes(state.standard, type);
  if (!shapes.every((s) => s.kind === 'leaf' && !s.array)) return undefined;
  const parts: string[] = [];
  for (const shape of shapes) {
    const v = value[shape.element.prop];
    if (v === undefined || v === null || shape.kind !== 'leaf') continue;
    if (PRIVATE_PROPS.has(shape.element.prop)) {
      state.hidden = true;
      continue;
    }
    parts.push(`${shape.element.name} ${leafText(shape.type, v)}`);
  }
  return parts.join(', ');
}

function leafText(type: SimpleTypeDescriptor, value: unknown): string {
  const text = String(value);
  if (type.name === 'LDT_BurgerServicenummer') return maskBsn(text);
  if (AMOUNT_TYPES.has(type.name) && typeof value === 'number') return euro(value);
  if (type.name === 'LDT_Gemeente') return `${text} (gemeente)`;
  if (type.name === 'LDT_AgbCode') return `${text} (AGB-code)`;
  const meaning = type.enumeration?.find((e) => e.value === text)?.meaning;
  return meaning ? `${text} (${meaning})` : text;
}
