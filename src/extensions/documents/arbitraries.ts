/**
 * fast-check arbitraries for the extension documents, derived from the
 * definition: `shapeArbitrary` gives schema-valid documents (any value the
 * schema allows, including text XML must escape), `documentArbitrary` makes
 * them coherent so every invariant holds. Not part of the `iwmo/extensions`
 * entry, so browsers that only validate never load fast-check.
 */
import fc from 'fast-check';
import { addDays } from '../../generate/dates.js';
import { passesElfproef } from '../../rules/helpers.js';
import type { DocumentKind, ExtensionDocument } from '../model.js';
import { RECORD_KEY_PATTERN, definition, documentDef, namedType, objectType, type ScalarNode, type TypeNode } from './definition.js';

type Json = Record<string, unknown>;
// Each repair reaches into the fields of one kind; the schema already fixed their types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const LIMIT = 2 ** 40;
/** Text that exercises the codec: markup characters, CR (kept by a character reference), tabs, non-ASCII. */
const textUnit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ-_.,:;/()'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('<', '>', '&', '"', "'", '\r', '\n', '\t', ' ', 'é', '€', 'ë', '😀', ']]>', '0', '7') },
);

const bsnArbitrary = fc
  .integer({ min: 10_000_000, max: 99_999_999 })
  .map((n) => {
    const digits = String(n);
    const weights = [9, 8, 7, 6, 5, 4, 3, 2];
    const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
    return `${digits}${sum % 11}`;
  })
  .filter((bsn) => bsn.length === 9 && passesElfproef(bsn));

function scalarArbitrary(node: ScalarNode, name?: string): fc.Arbitrary<unknown> {
  switch (node.t) {
    case 'string':
      if (name === 'Bsn') return bsnArbitrary;
      if (node.pattern) return fc.stringMatching(new RegExp(node.pattern));
      return fc.string({ unit: textUnit, minLength: 1, maxLength: Math.min(node.maxLength ?? 12, 12) });
    case 'date':
      return fc.integer({ min: Date.UTC(2000, 0, 1) / 864e5, max: Date.UTC(2030, 11, 31) / 864e5 }).map((day) => new Date(day * 864e5).toISOString().slice(0, 10));
    case 'integer':
      return fc.oneof(fc.integer({ min: Math.max(node.min, -1000), max: Math.min(node.max, 1000) }), fc.integer({ min: Math.max(node.min, -LIMIT), max: Math.min(node.max, LIMIT) }));
    case 'decimal':
      return fc.integer({ min: Math.max(node.min * 1000, -LIMIT), max: Math.min(node.max * 1000, LIMIT) }).map((n) => n / 1000);
    case 'boolean':
      return fc.boolean();
    case 'integer-or-boolean':
      return fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.boolean());
    case 'const':
      return fc.constant(node.value);
    case 'enum':
      return fc.constantFrom(...node.values);
  }
}

const cache = new Map<string, fc.Arbitrary<unknown>>();

function nodeArbitrary(node: TypeNode): fc.Arbitrary<unknown> {
  switch (node.t) {
    case 'array':
      return fc.array(nodeArbitrary(node.item), { maxLength: 3 });
    case 'record':
      return fc.dictionary(fc.stringMatching(new RegExp(RECORD_KEY_PATTERN.replace('{0,49}', '{0,8}'))), nodeArbitrary(node.value), { maxKeys: 3 });
    case 'ref': {
      const type = namedType(node.name);
      if (type.kind === 'scalar') {
        if (type.node.t === 'integer') return scalarArbitrary({ t: 'integer', min: node.min ?? type.node.min, max: node.max ?? type.node.max });
        return scalarArbitrary(type.node, node.name);
      }
      return namedArbitrary(node.name);
    }
    default:
      return scalarArbitrary(node);
  }
}

function namedArbitrary(name: string): fc.Arbitrary<unknown> {
  const cached = cache.get(name);
  if (cached) return cached;
  const type = namedType(name);
  let arbitrary: fc.Arbitrary<unknown>;
  if (type.kind === 'union') {
    arbitrary = fc.oneof(...type.variants.map((v) => namedArbitrary(v.type)));
  } else if (type.kind === 'object') {
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of type.fields) shape[field.name] = nodeArbitrary(field.type);
    arbitrary = fc.record(shape, { requiredKeys: type.fields.filter((f) => !f.optional).map((f) => f.name) });
  } else {
    arbitrary = scalarArbitrary(type.node, name);
  }
  cache.set(name, arbitrary);
  return arbitrary;
}

/** Schema-valid documents of one kind (the invariants need not hold). */
export function shapeArbitrary(kind: DocumentKind): fc.Arbitrary<ExtensionDocument> {
  const def = documentDef(kind);
  if (!def) throw new Error(`Unknown document kind ${kind}`);
  return namedArbitrary(def.type) as fc.Arbitrary<ExtensionDocument>;
}

/** Schema-valid documents of any kind. */
export function anyShapeArbitrary(): fc.Arbitrary<ExtensionDocument> {
  return fc.oneof(...definition.documents.map((d) => shapeArbitrary(d.kind as DocumentKind)));
}

// ---- coherence: make a schema-valid document satisfy every invariant -------------

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

function fixGeneric(node: TypeNode, value: unknown): void {
  if (node.t === 'array') {
    const items = value as Loose[];
    items.forEach((item) => fixGeneric(node.item, item));
    if (node.item.t === 'ref' && namedType(node.item.name).kind === 'object' && objectType(node.item.name).fields.some((f) => f.name === 'id')) {
      items.forEach((item, i) => (item.id = `${String(item.id).slice(0, 90)}#${i}`));
    }
  } else if (node.t === 'record') {
    for (const item of Object.values(value as Json)) fixGeneric(node.value, item);
  } else if (node.t === 'ref') {
    const type = namedType(node.name);
    if (type.kind === 'scalar') return;
    const object = value as Loose;
    if (node.name === 'Period' && object.start > object.end) [object.start, object.end] = [object.end, object.start];
    const typeName = type.kind === 'union' ? type.variants.find((v) => objectType(v.type).fields.some((f) => f.type.t === 'const' && f.type.value === object[type.discriminator]))!.type : node.name;
    for (const field of objectType(typeName).fields) if (object[field.name] !== undefined) fixGeneric(field.type, object[field.name]);
  }
}

function fixContract(d: Loose): void {
  if (!d.parties.length) d.parties.push({ id: 'P#0', name: 'Partij', role: 'hoofdaannemer' });
  const main = d.parties.find((p: Loose) => p.role === 'hoofdaannemer');
  for (const p of d.parties) {
    if (p.role === 'onderaannemer') {
      if (main) p.parentId = main.id;
      else {
        p.role = 'combinant';
        delete p.parentId;
      }
    } else delete p.parentId;
  }
  const n = d.parties.length;
  d.shares = d.parties.map((p: Loose, i: number) => ({ partyId: p.id, bp: Math.floor(10_000 / n) + (i < 10_000 % n ? 1 : 0) }));
  let budget: number | undefined;
  d.amendments.sort((a: Loose, b: Loose) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const a of d.amendments) {
    if (budget === undefined) budget = a.newBudget;
    else {
      if (budget + a.delta < 0) a.delta = -budget;
      a.newBudget = budget + a.delta;
      budget = a.newBudget;
    }
  }
  if (budget !== undefined) d.budget = budget;
  const lots: Loose[] = d.lots ?? [];
  const unmerged = new Set(lots.filter((l) => l.mergedInto === undefined).map((l) => l.id));
  for (const lot of lots) if (lot.mergedInto !== undefined && (!unmerged.has(lot.mergedInto) || lot.mergedInto === lot.id)) delete lot.mergedInto;
  for (const lot of lots) {
    const parts = lots.filter((l) => l.mergedInto === lot.id);
    if (parts.length) lot.budget = parts.reduce((s, l) => s + l.budget, 0);
  }
  for (const band of d.bands) {
    band.lower.bp = -Math.min(Math.abs(band.lower.bp) + 1, 1_000_000);
    band.upper.bp = Math.min(Math.abs(band.upper.bp) + 1, 1_000_000);
  }
  if (d.nacalculatie) d.nacalculatie.quality = d.kpis.length ? d.nacalculatie.quality.map((q: Loose, i: number) => ({ ...q, kpiId: d.kpis[i % d.kpis.length].id })) : [];
  for (const c of d.ceilings) {
    if (c.scope.lotId === undefined) continue;
    if (lots.length) c.scope.lotId = lots[0]!.id;
    else delete c.scope.lotId;
  }
}

function fixIntensity(d: Loose): void {
  const { period } = d.mandate;
  const days = Math.round((Date.parse(period.end) - Date.parse(period.start)) / 864e5);
  d.history = d.history.slice(0, days + 1);
  d.history.forEach((h: Loose, i: number) => {
    h.validFrom = addDays(period.start, i);
    delete h.corrects;
  });
  d.mandate.allowedLevels = [...new Set([...d.mandate.allowedLevels, ...d.history.map((h: Loose) => h.level)])];
}

function fixAgreement(d: Loose): void {
  const main = d.goals.find((g: Loose) => g.kind === 'hoofddoel');
  for (const g of d.goals) {
    if (g.kind === 'subdoel' && main) g.parentId = main.id;
    else {
      g.kind = 'hoofddoel';
      delete g.parentId;
    }
  }
  d.indicators = d.goals.length ? d.indicators.map((ind: Loose, i: number) => ({ ...ind, goalId: d.goals[i % d.goals.length].id })) : [];
  const measured = d.indicators.map((ind: Loose) => ind.goalId);
  d.outcomes = measured.length ? d.outcomes.map((o: Loose, i: number) => ({ ...o, indicatorGoalId: measured[i % measured.length] })) : [];
  d.outcomes.sort((a: Loose, b: Loose) => (a.measuredAt < b.measuredAt ? -1 : a.measuredAt > b.measuredAt ? 1 : 0));
}

function fixProfile(d: Loose): void {
  const types: Loose[] = d.arrangementTypes ?? [];
  if (!d.tariffs.length) delete d.arrangementTypes;
  else types.forEach((t, i) => (t.tariffId = d.tariffs[i % d.tariffs.length].id));
  const typeIds = (d.arrangementTypes ?? []).map((t: Loose) => t.id);
  for (const t of d.arrangementTypes ?? []) if (t.collapsesTo !== undefined) t.collapsesTo = typeIds[0];
  for (const t of d.tariffs) {
    if (t.arrangementTypeId === undefined) continue;
    if (typeIds.length) t.arrangementTypeId = typeIds[0];
    else delete t.arrangementTypeId;
  }
  for (const key of Object.keys(d.levelCodes)) if (!Object.hasOwn(d.variantPerProductGroup, key)) delete d.levelCodes[key];
}

function fixReport(d: Loose): void {
  const { calendar } = d.period;
  d.period.index = ((d.period.index - 1) % 40) + 1;
  const n = d.period.index - 1;
  const months = calendar.kind === 'maand' ? 1 : calendar.kind === 'kwartaal' ? 3 : 12;
  d.period.range =
    calendar.kind === '4-weeks' ? { start: addDays(calendar.anchor, 28 * n), end: addDays(calendar.anchor, 28 * n + 27) } : { start: addMonths(calendar.anchor, months * n), end: addDays(addMonths(calendar.anchor, months * (n + 1)), -1) };
  if (d.spendYtd < d.spend) d.spendYtd = d.spend;
  for (const k of d.kpis) if (k.numerator > k.denominator) [k.numerator, k.denominator] = [k.denominator, k.numerator];
  // Nothing in a report may look like a BSN: change the last digit of any nine that pass the elfproef.
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(/(?<![0-9])[0-9]{9}(?![0-9])/g, (run) => (passesElfproef(run) ? run.slice(0, 8) + String((Number(run[8]) + 1) % 10) : run));
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
    return value;
  };
  Object.assign(d, scrub({ ...d }));
}

/** Repairs a schema-valid document so every invariant of §3.2 holds. */
export function makeCoherent(document: ExtensionDocument): ExtensionDocument {
  const d = structuredClone(document) as unknown as Loose;
  const def = documentDef(d.kind)!;
  fixGeneric({ t: 'ref', name: def.type }, d);
  if (d.kind === 'EigenBijdrageFeed' && d.stop !== undefined && d.stop < d.start) [d.start, d.stop] = [d.stop, d.start];
  if (d.kind === 'LumpsumContract') fixContract(d);
  if (d.kind === 'ProviderDeterminedIntensity') fixIntensity(d);
  if (d.kind === 'ResultAgreement') fixAgreement(d);
  if (d.kind === 'Profile') fixProfile(d);
  if (d.kind === 'ProviderReport') fixReport(d);
  return d as unknown as ExtensionDocument;
}

/** Valid documents of one kind: schema-valid and every invariant holds. */
export function documentArbitrary(kind: DocumentKind): fc.Arbitrary<ExtensionDocument> {
  return shapeArbitrary(kind).map(makeCoherent);
}
