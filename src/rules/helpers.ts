/**
 * Small tools the rule families share: dates as the official XSLT compares
 * them, the 11-proef, duplicate detection, and wording helpers.
 */
import type { Finding, LocalizedText } from '../findings.js';
import type { NodeLocation } from '../codec/locations.js';
import type { BerichtNummer, MessageId, StandardId } from '../standard/descriptor.js';
import type { Message, MessageTypes } from '../standard/generated/types.js';
import { berichtNummer, twinMessageId } from '../standard/model.js';
import { STANDARD_IDS, standardIdOf } from '../standard/standards.js';
import type { Rule, RuleContext } from './rule.js';

// ---------------------------------------------------------------------------
// Defining standard rules

/** The heen-berichten of iWmo 3.2, in message order (with their iJw twins where a rule lists them). */
export const HEEN_BERICHTEN: readonly MessageId[] = ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO319', 'WMO323'];

/** The same message in the other standard, as a type: `TwinOf<'WMO301'>` is `'JW301'`. */
export type TwinOf<Id extends MessageId> = Id extends `WMO${infer N}` ? `JW${N}` : Id extends `JW${infer N}` ? `WMO${N}` : never;
type MessageOf<Id extends MessageId> = Extract<Message, { type: Id }>;

/** A message with the number `n` in either standard: `isBericht(m, '323')` for a WMO323 or JW323. */
export function isBericht<N extends BerichtNummer>(message: Message, n: N): message is MessageTypes[`WMO${N}` | `JW${N}`] {
  return berichtNummer(message.type) === n;
}

/** The standard of the message a rule checks (iWmo 3.2 or iJw 3.2), for the few rules that differ. */
export function standardOfMessage(message: Message): StandardId {
  return standardIdOf(message.type);
}

/**
 * The part of a rule that spans the Clients of a declaratie (keys, totals,
 * references), as state carried from one batch of Clients to the next: a
 * streamed declaratie is judged without keeping its Clients, and a whole one
 * by one call with all of them, so both give the same findings in the same order.
 */
export interface ClientStream {
  /** The next Clients in document order; `firstOrdinal` is the 1-based position of the first among all. */
  clients(clienten: readonly object[], firstOrdinal: number): void;
  /** After the last Client. */
  end(): void;
}

/** Starts a rule's ClientStream on a message whose Clients will follow. */
export type ClientStreamStart = (message: Message, context: RuleContext) => ClientStream;

/**
 * The parts of a Client a ClientStream reads, as a tree of property names
 * (`true` for a leaf). A declaratie split over threads sends only these parts
 * of its Clients to the thread that judges the rules spanning them.
 */
export interface ClientFields {
  readonly [prop: string]: true | ClientFields;
}

/** ClientFields checked against a Client type, so a misspelt part does not compile. */
export type FieldsOf<T> = {
  readonly [K in keyof T]?: NonNullable<T[K]> extends readonly (infer Item)[] ? (Item extends object ? FieldsOf<Item> : true) : NonNullable<T[K]> extends object ? FieldsOf<NonNullable<T[K]>> : true;
};

/** How a rule spanning the Clients is judged streaming, and what of each Client it reads. */
export interface ClientStreamDefinition {
  readonly start: ClientStreamStart;
  readonly reads: ClientFields;
}

const clientStreams = new WeakMap<Rule['check'], ClientStreamDefinition>();

/** The ClientStream of a rule, when its check is a standard one that has one (an overridden check has none). */
export function clientStreamOf(rule: Rule): ClientStreamStart | undefined {
  return clientStreams.get(rule.check)?.start;
}

/** What of each Client the rule's ClientStream reads (undefined when it has none). */
export function clientFieldsOf(rule: Rule): ClientFields | undefined {
  return clientStreams.get(rule.check)?.reads;
}

/** Both trees in one: what either reads. */
export function mergeClientFields(a: ClientFields, b: ClientFields): ClientFields {
  const merged: Record<string, true | ClientFields> = { ...a };
  for (const [prop, sub] of Object.entries(b)) {
    const mine = merged[prop];
    merged[prop] = mine === undefined || mine === true ? sub : sub === true ? mine : mergeClientFields(mine, sub);
  }
  return merged;
}

/** A copy of `value` with only the parts in `fields` (arrays element by element): plain data a thread can be sent. */
export function pickClientFields(value: unknown, fields: ClientFields): unknown {
  if (Array.isArray(value)) return value.map((item) => pickClientFields(item, fields));
  if (value === null || typeof value !== 'object') return value;
  const picked: Record<string, unknown> = {};
  for (const prop in fields) {
    const sub = fields[prop]!;
    const part = (value as Record<string, unknown>)[prop];
    if (part !== undefined) picked[prop] = sub === true ? part : pickClientFields(part, sub);
  }
  return picked;
}

/** Runs a ClientStream over all Clients of a whole message at once. */
export function streamAll(start: ClientStreamStart, message: Message, context: RuleContext, clienten: readonly object[]): void {
  const stream = start(message, context);
  stream.clients(clienten, 1);
  stream.end();
}

/**
 * A level-2 rule of the standard (retourcode 0001). The rules of iWmo and iJw
 * are the same but for a few (iJw spec §4), so a rule is written once: it
 * applies to the listed messages and their twins in every standard of
 * `standards` (both by default). `check` receives only those messages.
 */
export function standardRule<const Ids extends readonly MessageId[]>(definition: {
  id: string;
  messages: Ids;
  /** The standards whose rule set has the rule; both unless said otherwise. */
  standards?: readonly StandardId[];
  text: LocalizedText;
  check: (message: MessageOf<Ids[number] | TwinOf<Ids[number]>>, context: RuleContext) => void;
  /** For a rule that spans the Clients of a declaratie: how it is judged streaming (its check must use the same start). */
  clientStream?: ClientStreamDefinition;
}): Rule {
  const standards = definition.standards ?? STANDARD_IDS;
  const messages: readonly MessageId[] = standards.flatMap((s) => [...new Set(definition.messages.map((id) => twinMessageId(id, s)))]);
  const rule: Rule = {
    id: definition.id,
    level: 2,
    messages,
    retourcode: '0001',
    text: definition.text,
    check(context) {
      const found: Finding[] = [];
      if (!messages.includes(context.message.type)) return found;
      definition.check(context.message as MessageOf<Ids[number] | TwinOf<Ids[number]>>, collectingContext(context, found));
      return found;
    },
  };
  if (definition.clientStream) clientStreams.set(rule.check, definition.clientStream);
  return rule;
}

/** The context a rule's check sees: the same as `context`, with every finding it makes also pushed onto `found`. */
export function collectingContext(context: RuleContext, found: Finding[]): RuleContext {
  return {
    message: context.message,
    options: context.options,
    ...(context.dossier ? { dossier: context.dossier } : {}),
    ...(context.sources ? { sources: context.sources } : {}),
    // A getter, so the locator is still only made when a finding needs it.
    get locator() {
      return context.locator;
    },
    finding(at, message) {
      const finding = context.finding(at, message);
      found.push(finding);
      return finding;
    },
  };
}

/** `/a/Client[3]` → `/a/Client`: the path of a repeated element without its position. */
export function withoutPosition(path: string): string {
  return path.endsWith(']') ? path.slice(0, path.lastIndexOf('[')) : path;
}

/**
 * Where the child `prop` of `owner` stands: its own element (with its own
 * line) when it is a present class, else the field's path, which the locator
 * gives even for an absent child (with the owner's line). A repeated child
 * gets the path of its wrapper and the line of its first element.
 */
export function locate(context: RuleContext, owner: object, prop: string): NodeLocation {
  const value: unknown = (owner as Record<string, unknown>)[prop];
  const field = context.locator.field(owner, prop);
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    const line = first !== null && typeof first === 'object' ? context.locator.node(first).line : undefined;
    return line === undefined ? field : { path: field.path, line };
  }
  return value !== null && typeof value === 'object' ? context.locator.node(value) : field;
}

/** Both languages at once. */
export function say(nl: string, en: string): LocalizedText {
  return { nl, en };
}

// ---------------------------------------------------------------------------
// Dates, compared as the official XSLT compares them: as the number YYYYMMDD

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})/;

/** `2025-01-15` → 20250115; NaN when it is not a date, so every comparison with it is false. */
export function dateNumber(date: string | undefined): number {
  if (date === undefined) return Number.NaN;
  // The common case, a plain YYYY-MM-DD, without a regex: a large declaratie holds hundreds of thousands of dates.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    let n = 0;
    for (let i = 0; i < 10; i++) {
      if (i === 4 || i === 7) continue;
      const digit = date.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return Number.NaN;
      n = n * 10 + digit;
    }
    return n;
  }
  const m = DATE.exec(date);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  return Math.sign(year || 1) * (Math.abs(year) * 10_000 + Number(m[2]) * 100 + Number(m[3]));
}

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function parts(date: string): Ymd | undefined {
  const m = DATE.exec(date);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

function format({ year, month, day }: Ymd): string {
  const y = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fromUtc(time: number): Ymd {
  const d = new Date(time);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function utc(year: number, monthIndex: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}

/** The date `days` later (earlier when negative); undefined when `date` is not a date. */
export function addDays(date: string, days: number): string | undefined {
  const p = parts(date);
  return p ? format(fromUtc(utc(p.year, p.month - 1, p.day + days))) : undefined;
}

/** `months` later, a day that does not exist carrying into the next month (31 January + 1 month = 3 March), as the XSLT does. */
export function addMonthsCarrying(date: string, months: number): string | undefined {
  const p = parts(date);
  return p ? format(fromUtc(utc(p.year, p.month - 1 + months, p.day))) : undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate();
}

/** `years` earlier, 29 February becoming 28 February in a common year (the XSLT truncates). */
export function subtractYears(date: string, years: number): string | undefined {
  const p = parts(date);
  if (!p) return undefined;
  const year = p.year - years;
  return format({ year, month: p.month, day: Math.min(p.day, daysInMonth(year, p.month)) });
}

/** Year and month of a date (`2025-01`), for the calendar-month rules. */
export function yearMonth(date: string): string | undefined {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) return date.slice(0, 7);
  const p = parts(date);
  return p ? format({ ...p, day: 1 }).slice(0, -3) : undefined;
}

export function dayOf(date: string): number | undefined {
  return parts(date)?.day;
}

// ---------------------------------------------------------------------------
// BSN

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/**
 * CS002, the 11-proef: Σ dᵢ·wᵢ with weights 9…2, −1 (left to right) is a
 * multiple of 11. Like the XSLT, which reads the number, a value that is no
 * number fails and a shorter one counts as padded with leading zeros.
 */
export function passesElfproef(bsn: string): boolean {
  const trimmed = bsn.trim();
  if (!/^\d+$/.test(trimmed)) return false;
  const digits = trimmed.padStart(9, '0').slice(-9);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * Number(digits[i]);
  return sum % 11 === 0;
}

// ---------------------------------------------------------------------------
// Duplicates

/**
 * For every item whose key an earlier item already had: that item and the
 * first one with the key. One pass with a map, so linear in the items.
 */
export function laterDuplicates<T>(items: readonly T[], key: (item: T) => string): { item: T; first: T }[] {
  const firsts = new Map<string, T>();
  const duplicates: { item: T; first: T }[] = [];
  for (const item of items) {
    const k = key(item);
    const first = firsts.get(k);
    if (first === undefined) firsts.set(k, item);
    else duplicates.push({ item, first });
  }
  return duplicates;
}

/**
 * A map key of several values in which an absent value differs from every
 * present one. U+0000 and U+0001 cannot occur in XML text, so they separate
 * and mark absence safely.
 */
export function keyOf(...values: readonly (string | number | undefined)[]): string {
  let key = '';
  for (const v of values) key += (v === undefined ? '\u0001' : String(v)) + '\u0000';
  return key;
}

// ---------------------------------------------------------------------------
// Amounts

/** An amount with its DebetCredit as a signed number of eurocent (credit negative). */
export function signed(amount: number, debetCredit: string): number {
  return debetCredit === 'C' ? -amount : amount;
}

/** `12345` → `€ 123,45`; the standard's amounts are eurocent (IV024). */
export function euro(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(cents);
  return `${sign}€ ${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A signed amount as the message writes it: the absolute value and D or C. */
export function asDebetCredit(cents: number): string {
  return `${Math.abs(cents)} ${cents < 0 ? 'C' : 'D'}`;
}
