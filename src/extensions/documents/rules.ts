/**
 * The rules of the extension documents: their ids, what each checks, and the
 * invariants of spec §3.2 beyond what a JSON Schema can say. Schema rules
 * (EXT001–EXT013) come from the schema check; the others run on a document
 * that passed it, so every value here has the type the definition gives it.
 */
import type { LocalizedText } from '../../findings.js';
import { passesElfproef } from '../../rules/helpers.js';
import { DECIMAL_TEXT, documentDef, namedType, objectType, type TypeNode } from './definition.js';

export interface ExtensionRule {
  readonly id: string;
  /** Control level as in the standard: 1 for the form (schema), 2 for what one document must hold together. */
  readonly level: 1 | 2;
  readonly kinds: 'all' | readonly string[];
  readonly description: LocalizedText;
}

const rule = (id: string, level: 1 | 2, kinds: ExtensionRule['kinds'], nl: string, en: string): ExtensionRule => ({ id, level, kinds, description: { nl, en } });

/** Every rule, in the order of its id; docs/extensions.md lists the same table. */
export const EXTENSION_RULES: readonly ExtensionRule[] = [
  rule('EXT001', 1, 'all', 'Het document is leesbaar: geldige JSON, of goedgevormde XML met de envelop van het XSD (Bericht, Header met het juiste Type, elementen in volgorde).', 'The document is readable: valid JSON, or well-formed XML with the envelope of the XSD (Bericht, Header with the right Type, elements in order).'),
  rule('EXT002', 1, 'all', 'Het document noemt een bekende kind.', 'The document names a known kind.'),
  rule('EXT003', 1, 'all', 'Elk verplicht veld is aanwezig.', 'Every required field is present.'),
  rule('EXT004', 1, 'all', 'Er zijn geen velden die het schema niet kent.', 'There are no fields the schema does not know.'),
  rule('EXT005', 1, 'all', 'Elk veld heeft het juiste type (tekst, getal, ja/nee, lijst, object).', 'Every field has the right type (text, number, yes/no, list, object).'),
  rule('EXT006', 1, 'all', 'Elke waarde is toegestaan: codelijst, vaste waarde, patroon, lengte en bereik.', 'Every value is allowed: code list, fixed value, pattern, length and range.'),
  rule('EXT007', 1, 'all', 'Elke datum is een bestaande kalenderdatum JJJJ-MM-DD.', 'Every date is a real calendar date YYYY-MM-DD.'),
  rule('EXT008', 1, 'all', 'Decimale aantallen hebben hooguit drie decimalen.', 'Decimal quantities have at most three decimals.'),
  rule('EXT010', 1, 'all', 'Geldbedragen zijn hele eurocenten.', 'Amounts of money are whole eurocents.'),
  rule('EXT011', 1, 'all', 'Een bedrag dat in een veld van de standaard terechtkomt (Budget, Volume bij Eenheid 83, ProductTarief) is hooguit 99 999 999 cent.', 'An amount that lands in a field of the standard (Budget, Volume with Eenheid 83, ProductTarief) is at most 99 999 999 cents.'),
  rule('EXT012', 1, 'all', 'Percentages zijn hele basispunten.', 'Percentages are whole basis points.'),
  rule('EXT013', 2, 'all', 'Een BSN voldoet aan de elfproef.', 'A BSN passes the elfproef.'),
  rule('EXT020', 2, 'all', 'Elke periode begint niet na haar einde (ook start/stop).', 'Every period starts no later than it ends (start/stop too).'),
  rule('EXT021', 2, ['LumpsumContract'], 'De aandelen tellen op tot precies 10 000 basispunten.', 'The shares sum to exactly 10 000 basis points.'),
  rule('EXT022', 2, ['LumpsumContract'], 'Elk aandeel noemt een bestaande partij.', 'Every share names an existing party.'),
  rule('EXT023', 2, ['LumpsumContract'], 'Elke partij heeft een aandeel.', 'Every party has a share.'),
  rule('EXT024', 2, ['LumpsumContract'], 'Een partij heeft hooguit één aandeel.', 'A party has at most one share.'),
  rule('EXT025', 2, ['LumpsumContract'], 'Een onderaannemer noemt met parentId een bestaande hoofdaannemer; alleen een onderaannemer heeft een parentId.', 'An onderaannemer names an existing hoofdaannemer with parentId; only an onderaannemer has a parentId.'),
  rule('EXT030', 2, ['ProviderDeterminedIntensity'], 'De besluiten staan op volgorde van validFrom (na toepassen van correcties).', 'The decisions are ordered by validFrom (after applying corrections).'),
  rule('EXT031', 2, ['ProviderDeterminedIntensity'], 'Besluiten overlappen niet: geen twee geldende besluiten met dezelfde validFrom.', 'Decisions do not overlap: no two effective decisions with the same validFrom.'),
  rule('EXT032', 2, ['ProviderDeterminedIntensity'], 'Elk besluit valt binnen mandate.period.', 'Every decision lies inside mandate.period.'),
  rule('EXT033', 2, ['ProviderDeterminedIntensity'], 'Elk niveau staat in mandate.allowedLevels.', 'Every level is in mandate.allowedLevels.'),
  rule('EXT034', 2, ['ProviderDeterminedIntensity'], 'Een correctie (corrects) noemt een eerder besluit in de historie.', 'A correction (corrects) names an earlier decision in the history.'),
  rule('EXT035', 2, ['ProviderDeterminedIntensity'], 'Een besluit wordt hooguit één keer gecorrigeerd.', 'A decision is corrected at most once.'),
  rule('EXT040', 2, ['LumpsumContract'], 'Budgetwijzigingen staan op datumvolgorde.', 'Budget amendments are in date order.'),
  rule('EXT041', 2, ['LumpsumContract'], 'Budgetwijzigingen sluiten aan: newBudget = vorige newBudget + delta.', 'Budget amendments chain: newBudget = previous newBudget + delta.'),
  rule('EXT042', 2, ['LumpsumContract'], 'Het budget van het contract is de newBudget van de laatste wijziging.', "The contract's budget is the last amendment's newBudget."),
  rule('EXT045', 2, ['LumpsumContract'], 'mergedInto noemt een ander bestaand perceel, dat zelf niet is samengevoegd.', 'mergedInto names another existing lot that is not merged itself.'),
  rule('EXT046', 2, ['LumpsumContract'], 'Het budget van een samengevoegd perceel is de som van de percelen die erin opgaan.', 'The budget of a merged lot is the sum of the lots merged into it.'),
  rule('EXT050', 2, ['LumpsumContract'], 'Een bandbreedte heeft lower.bp < 0 < upper.bp.', 'A band has lower.bp < 0 < upper.bp.'),
  rule('EXT055', 1, ['ProviderReport'], 'containsBsn is de vaste waarde false.', 'containsBsn is the literal false.'),
  rule('EXT056', 2, ['ProviderReport'], 'Een rapportage bevat nergens een BSN (geen negen cijfers die de elfproef doorstaan).', 'A report holds no BSN anywhere (no nine digits that pass the elfproef).'),
  rule('EXT057', 2, ['ProviderReport'], 'De periode (range) is periode index van de kalender.', 'The period range is period index of the calendar.'),
  rule('EXT058', 2, ['ProviderReport'], 'spendYtd is niet kleiner dan spend.', 'spendYtd is not less than spend.'),
  rule('EXT059', 2, ['ProviderReport'], 'Bij een KPI is de teller niet groter dan de noemer.', "A KPI's numerator is not greater than its denominator."),
  rule('EXT060', 2, 'all', 'Id’s zijn uniek binnen hun lijst.', 'Ids are unique within their list.'),
  rule('EXT061', 2, ['ResultAgreement'], 'Verwijzingen kloppen: indicator → doel, uitkomst → indicator, subdoel → hoofddoel.', 'References resolve: indicator → goal, outcome → indicator, subdoel → hoofddoel.'),
  rule('EXT062', 2, ['Profile'], 'Verwijzingen kloppen: arrangementtype → tarief, collapsesTo → arrangementtype, tarief → arrangementtype, levelCodes → productgroep.', 'References resolve: arrangement type → tariff, collapsesTo → arrangement type, tariff → arrangement type, levelCodes → product group.'),
  rule('EXT063', 2, ['LumpsumContract'], 'Verwijzingen kloppen: kwaliteit → KPI, plafond → perceel.', 'References resolve: quality → KPI, ceiling → lot.'),
  rule('EXT065', 2, ['ResultAgreement'], 'Uitkomstmetingen staan op volgorde van measuredAt (alleen toevoegen).', 'Outcome measurements are ordered by measuredAt (append-only).'),
];

export const RULE_LEVEL: ReadonlyMap<string, 1 | 2> = new Map(EXTENSION_RULES.map((r) => [r.id, r.level]));

export interface Violation {
  readonly rule: string;
  /** JSON pointer of the value the violation is about. */
  readonly pointer: string;
  readonly message: LocalizedText;
}

type Json = Record<string, unknown>;
const say = (nl: string, en: string): LocalizedText => ({ nl, en });
/** 850000000 → `850 000 000`: grouped, so an amount is never mistaken for (or masked as) a BSN. */
export function grouped(value: unknown): string {
  return typeof value === 'number' && Number.isInteger(value) ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : String(value);
}

/** Every value with its definition node and JSON pointer, depth first. */
function walk(typeName: string, value: Json, pointer: string, visit: (node: TypeNode, value: unknown, pointer: string) => void): void {
  for (const field of objectType(typeName).fields) {
    const inner = value[field.name];
    if (inner !== undefined) walkNode(field.type, inner, `${pointer}/${field.name}`, visit);
  }
}

function walkNode(node: TypeNode, value: unknown, pointer: string, visit: (node: TypeNode, value: unknown, pointer: string) => void): void {
  visit(node, value, pointer);
  if (node.t === 'array') (value as unknown[]).forEach((item, i) => walkNode(node.item, item, `${pointer}/${i}`, visit));
  else if (node.t === 'record') for (const [key, item] of Object.entries(value as Json)) walkNode(node.value, item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, visit);
  else if (node.t === 'ref') {
    const type = namedType(node.name);
    if (type.kind === 'object') walk(node.name, value as Json, pointer, visit);
    else if (type.kind === 'union') {
      const tag = (value as Json)[type.discriminator];
      const variant = type.variants.find((v) => objectType(v.type).fields.some((f) => f.name === type.discriminator && f.type.t === 'const' && f.type.value === tag));
      if (variant) walk(variant.type, value as Json, pointer, visit);
    }
  }
}

const isRef = (node: TypeNode, name: string): boolean => node.t === 'ref' && node.name === name;

/** Calendar arithmetic in UTC; `undefined` past year 9999, where a date has no four-digit form. */
function shift(date: string | undefined, months: number, days: number): string | undefined {
  if (date === undefined) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const time = Date.UTC(y, m - 1 + months, d + days);
  const text = Number.isNaN(time) ? '' : new Date(time).toISOString();
  return /^\d{4}-/.test(text) ? text.slice(0, 10) : undefined;
}
const addDays = (date: string | undefined, days: number): string | undefined => shift(date, 0, days);
const addMonths = (date: string | undefined, months: number): string | undefined => shift(date, months, 0);

/** Nine digits in a row that pass the elfproef: what a BSN looks like. */
export function findBsnLike(text: string): string | undefined {
  for (const match of text.matchAll(/(?<![0-9])[0-9]{9}(?![0-9])/g)) if (passesElfproef(match[0]) && match[0] !== '000000000') return match[0];
  return undefined;
}

/** The invariants of §3.2 on a schema-valid document. */
export function checkInvariants(doc: Json): Violation[] {
  const kind = doc.kind as string;
  const def = documentDef(kind)!;
  const out: Violation[] = [];
  const v = (rule: string, pointer: string, nl: string, en: string): void => {
    out.push({ rule, pointer, message: say(nl, en) });
  };

  // Generic: periods, BSNs, decimals, unique ids in lists.
  walk(def.type, doc, '', (node, value, pointer) => {
    if (isRef(node, 'Period')) {
      const { start, end } = value as { start: string; end: string };
      if (start > end) v('EXT020', `${pointer}/end`, `De periode eindigt (${end}) voor ze begint (${start}).`, `The period ends (${end}) before it starts (${start}).`);
    } else if (isRef(node, 'Bsn')) {
      if (!passesElfproef(value as string)) v('EXT013', pointer, 'Het BSN voldoet niet aan de elfproef.', 'The BSN does not pass the elfproef.');
    } else if (node.t === 'decimal') {
      if (!DECIMAL_TEXT.test(String(value))) v('EXT008', pointer, `Het aantal ${String(value)} heeft meer dan drie decimalen.`, `The quantity ${String(value)} has more than three decimals.`);
    } else if (node.t === 'array' && node.item.t === 'ref' && namedType(node.item.name).kind === 'object' && objectType(node.item.name).fields.some((f) => f.name === 'id')) {
      const seen = new Set<string>();
      (value as Json[]).forEach((item, i) => {
        const id = item.id as string;
        if (seen.has(id)) v('EXT060', `${pointer}/${i}/id`, `Id '${id}' komt al eerder voor in deze lijst.`, `Id '${id}' already occurs earlier in this list.`);
        seen.add(id);
      });
    }
  });
  if (kind === 'EigenBijdrageFeed' && typeof doc.stop === 'string' && doc.stop < (doc.start as string)) {
    v('EXT020', '/stop', `De stopdatum (${doc.stop}) ligt voor de startdatum (${String(doc.start)}).`, `The stop date (${doc.stop}) is before the start date (${String(doc.start)}).`);
  }

  if (kind === 'LumpsumContract') checkContract(doc, v);
  if (kind === 'ProviderDeterminedIntensity') checkIntensity(doc, v);
  if (kind === 'ResultAgreement') checkResultAgreement(doc, v);
  if (kind === 'Profile') checkProfile(doc, v);
  if (kind === 'ProviderReport') checkReport(doc, v);
  return out;
}

type Emit = (rule: string, pointer: string, nl: string, en: string) => void;

interface Party {
  id: string;
  role: string;
  parentId?: string;
}

function checkContract(doc: Json, v: Emit): void {
  const parties = doc.parties as Party[];
  const shares = doc.shares as { partyId: string; bp: number }[];
  const byId = new Map(parties.map((p) => [p.id, p]));
  const total = shares.reduce((sum, s) => sum + s.bp, 0);
  if (total !== 10_000) v('EXT021', '/shares', `De aandelen tellen op tot ${grouped(total)} basispunten, niet 10 000.`, `The shares sum to ${grouped(total)} basis points, not 10 000.`);
  const shared = new Set<string>();
  shares.forEach((s, i) => {
    if (!byId.has(s.partyId)) v('EXT022', `/shares/${i}/partyId`, `Aandeel ${i + 1} noemt partij '${s.partyId}', die niet bestaat.`, `Share ${i + 1} names party '${s.partyId}', which does not exist.`);
    if (shared.has(s.partyId)) v('EXT024', `/shares/${i}/partyId`, `Partij '${s.partyId}' heeft al een aandeel.`, `Party '${s.partyId}' already has a share.`);
    shared.add(s.partyId);
  });
  parties.forEach((p, i) => {
    if (!shared.has(p.id)) v('EXT023', `/parties/${i}`, `Partij '${p.id}' heeft geen aandeel.`, `Party '${p.id}' has no share.`);
    if (p.role === 'onderaannemer') {
      const parent = p.parentId === undefined ? undefined : byId.get(p.parentId);
      if (p.parentId === undefined) v('EXT025', `/parties/${i}/parentId`, `Onderaannemer '${p.id}' noemt geen hoofdaannemer (parentId).`, `Onderaannemer '${p.id}' names no hoofdaannemer (parentId).`);
      else if (parent?.role !== 'hoofdaannemer') v('EXT025', `/parties/${i}/parentId`, `Onderaannemer '${p.id}' noemt '${p.parentId}', geen bestaande hoofdaannemer.`, `Onderaannemer '${p.id}' names '${p.parentId}', not an existing hoofdaannemer.`);
    } else if (p.parentId !== undefined) {
      v('EXT025', `/parties/${i}/parentId`, `Alleen een onderaannemer heeft een parentId; '${p.id}' is ${p.role}.`, `Only an onderaannemer has a parentId; '${p.id}' is ${p.role}.`);
    }
  });

  const amendments = doc.amendments as { at: string; delta: number; newBudget: number }[];
  amendments.forEach((a, i) => {
    const previous = amendments[i - 1];
    if (!previous) return;
    if (a.at < previous.at) v('EXT040', `/amendments/${i}/at`, `Wijziging ${i + 1} (${a.at}) ligt voor de vorige (${previous.at}).`, `Amendment ${i + 1} (${a.at}) is before the previous one (${previous.at}).`);
    if (previous.newBudget + a.delta !== a.newBudget) {
      v('EXT041', `/amendments/${i}/newBudget`, `newBudget ${grouped(a.newBudget)} is niet de vorige ${grouped(previous.newBudget)} plus delta ${grouped(a.delta)}.`, `newBudget ${grouped(a.newBudget)} is not the previous ${grouped(previous.newBudget)} plus delta ${grouped(a.delta)}.`);
    }
  });
  const last = amendments.at(-1);
  if (last && last.newBudget !== doc.budget) v('EXT042', '/budget', `Het budget ${grouped(doc.budget)} is niet de newBudget ${grouped(last.newBudget)} van de laatste wijziging.`, `The budget ${grouped(doc.budget)} is not the last amendment's newBudget ${grouped(last.newBudget)}.`);

  const lots = (doc.lots ?? []) as { id: string; budget: number; mergedInto?: string }[];
  const lotIds = new Map(lots.map((l) => [l.id, l]));
  lots.forEach((lot, i) => {
    if (lot.mergedInto === undefined) return;
    const target = lotIds.get(lot.mergedInto);
    if (!target || target === lot || target.mergedInto !== undefined) {
      v('EXT045', `/lots/${i}/mergedInto`, `Perceel '${lot.id}' gaat op in '${lot.mergedInto}', geen ander bestaand, niet-samengevoegd perceel.`, `Lot '${lot.id}' is merged into '${lot.mergedInto}', not another existing lot that is not merged itself.`);
    }
  });
  lots.forEach((lot, i) => {
    const parts = lots.filter((l) => l.mergedInto === lot.id && l !== lot);
    if (!parts.length || lot.mergedInto !== undefined) return;
    const sum = parts.reduce((s, l) => s + l.budget, 0);
    if (sum !== lot.budget) v('EXT046', `/lots/${i}/budget`, `Perceel '${lot.id}' heeft budget ${grouped(lot.budget)}; de percelen die erin opgaan tellen op tot ${grouped(sum)}.`, `Lot '${lot.id}' has budget ${grouped(lot.budget)}; the lots merged into it sum to ${grouped(sum)}.`);
  });

  (doc.bands as { lower: { bp: number }; upper: { bp: number } }[]).forEach((band, i) => {
    if (!(band.lower.bp < 0)) v('EXT050', `/bands/${i}/lower/bp`, `De ondergrens ${band.lower.bp} bp is niet negatief.`, `The lower bound ${band.lower.bp} bp is not negative.`);
    if (!(band.upper.bp > 0)) v('EXT050', `/bands/${i}/upper/bp`, `De bovengrens ${band.upper.bp} bp is niet positief.`, `The upper bound ${band.upper.bp} bp is not positive.`);
  });

  const kpis = new Set((doc.kpis as { id: string }[]).map((k) => k.id));
  const quality = ((doc.nacalculatie as { quality?: { kpiId: string }[] } | undefined)?.quality ?? []);
  quality.forEach((q, i) => {
    if (!kpis.has(q.kpiId)) v('EXT063', `/nacalculatie/quality/${i}/kpiId`, `Kwaliteitskoppeling noemt KPI '${q.kpiId}', die niet bestaat.`, `Quality link names KPI '${q.kpiId}', which does not exist.`);
  });
  (doc.ceilings as { scope: { lotId?: string } }[]).forEach((c, i) => {
    if (c.scope.lotId !== undefined && !lotIds.has(c.scope.lotId)) v('EXT063', `/ceilings/${i}/scope/lotId`, `Plafond noemt perceel '${c.scope.lotId}', dat niet bestaat.`, `Ceiling names lot '${c.scope.lotId}', which does not exist.`);
  });
}

interface Decision {
  id: string;
  validFrom: string;
  level: string;
  corrects?: string;
}

function checkIntensity(doc: Json, v: Emit): void {
  const mandate = doc.mandate as { period: { start: string; end: string }; allowedLevels: string[] };
  const history = doc.history as Decision[];
  const index = new Map<string, number>();
  const correctedBy = new Map<string, number>();
  history.forEach((d, i) => {
    if (d.corrects !== undefined) {
      const target = index.get(d.corrects);
      if (target === undefined) {
        v('EXT034', `/history/${i}/corrects`, `Besluit '${d.id}' corrigeert '${d.corrects}', maar dat is geen eerder besluit.`, `Decision '${d.id}' corrects '${d.corrects}', which is not an earlier decision.`);
      } else if (correctedBy.has(d.corrects)) {
        v('EXT035', `/history/${i}/corrects`, `Besluit '${d.corrects}' is al gecorrigeerd; corrigeer de correctie.`, `Decision '${d.corrects}' is corrected already; correct the correction.`);
      } else {
        correctedBy.set(d.corrects, i);
      }
    }
    if (!index.has(d.id)) index.set(d.id, i);
    if (d.validFrom < mandate.period.start || d.validFrom > mandate.period.end) {
      v('EXT032', `/history/${i}/validFrom`, `Besluit '${d.id}' geldt vanaf ${d.validFrom}, buiten het mandaat ${mandate.period.start} … ${mandate.period.end}.`, `Decision '${d.id}' takes effect on ${d.validFrom}, outside the mandate ${mandate.period.start} … ${mandate.period.end}.`);
    }
    if (!mandate.allowedLevels.includes(d.level)) {
      v('EXT033', `/history/${i}/level`, `Niveau '${d.level}' is niet toegestaan door het mandaat (${mandate.allowedLevels.join(', ')}).`, `Level '${d.level}' is not allowed by the mandate (${mandate.allowedLevels.join(', ')}).`);
    }
  });
  // The effective history: each correction takes the place of the decision it corrects.
  const effective: { decision: Decision; at: number }[] = [];
  history.forEach((d, i) => {
    const slot = d.corrects !== undefined && correctedBy.get(d.corrects) === i ? effective.findIndex((e) => e.decision.id === d.corrects) : -1;
    if (slot >= 0) effective[slot] = { decision: d, at: i };
    else effective.push({ decision: d, at: i });
  });
  effective.forEach(({ decision, at }, k) => {
    const before = effective[k - 1];
    if (!before) return;
    const previous = before.decision;
    // Blame the later event: the earlier one was fine until it came.
    const blame = Math.max(at, before.at);
    if (decision.validFrom === previous.validFrom) {
      v('EXT031', `/history/${blame}/validFrom`, `Besluit '${decision.id}' en '${previous.id}' gelden allebei vanaf ${decision.validFrom}.`, `Decisions '${decision.id}' and '${previous.id}' both take effect on ${decision.validFrom}.`);
    } else if (decision.validFrom < previous.validFrom) {
      v('EXT030', `/history/${blame}/validFrom`, `Besluit '${decision.id}' (vanaf ${decision.validFrom}) staat na '${previous.id}' (vanaf ${previous.validFrom}).`, `Decision '${decision.id}' (from ${decision.validFrom}) comes after '${previous.id}' (from ${previous.validFrom}).`);
    }
  });
}

function checkResultAgreement(doc: Json, v: Emit): void {
  const goals = doc.goals as { id: string; kind: string; parentId?: string }[];
  const goalById = new Map(goals.map((g) => [g.id, g]));
  goals.forEach((g, i) => {
    if (g.kind === 'subdoel' && (g.parentId === undefined || goalById.get(g.parentId)?.kind !== 'hoofddoel')) {
      v('EXT061', `/goals/${i}/parentId`, `Subdoel '${g.id}' noemt geen bestaand hoofddoel.`, `Subdoel '${g.id}' names no existing hoofddoel.`);
    } else if (g.kind === 'hoofddoel' && g.parentId !== undefined) {
      v('EXT061', `/goals/${i}/parentId`, `Hoofddoel '${g.id}' heeft geen parentId.`, `Hoofddoel '${g.id}' has no parentId.`);
    }
  });
  const indicators = doc.indicators as { goalId: string }[];
  indicators.forEach((ind, i) => {
    if (!goalById.has(ind.goalId)) v('EXT061', `/indicators/${i}/goalId`, `Indicator noemt doel '${ind.goalId}', dat niet bestaat.`, `Indicator names goal '${ind.goalId}', which does not exist.`);
  });
  const measured = new Set(indicators.map((i) => i.goalId));
  const outcomes = doc.outcomes as { indicatorGoalId: string; measuredAt: string }[];
  outcomes.forEach((o, i) => {
    if (!measured.has(o.indicatorGoalId)) v('EXT061', `/outcomes/${i}/indicatorGoalId`, `Uitkomst noemt '${o.indicatorGoalId}', waarvoor geen indicator bestaat.`, `Outcome names '${o.indicatorGoalId}', for which no indicator exists.`);
    const previous = outcomes[i - 1];
    if (previous && o.measuredAt < previous.measuredAt) v('EXT065', `/outcomes/${i}/measuredAt`, `Meting ${i + 1} (${o.measuredAt}) ligt voor de vorige (${previous.measuredAt}).`, `Measurement ${i + 1} (${o.measuredAt}) is before the previous one (${previous.measuredAt}).`);
  });
}

function checkProfile(doc: Json, v: Emit): void {
  const tariffs = doc.tariffs as { id: string; arrangementTypeId?: string }[];
  const tariffIds = new Set(tariffs.map((t) => t.id));
  const types = (doc.arrangementTypes ?? []) as { id: string; tariffId: string; collapsesTo?: string }[];
  const typeIds = new Set(types.map((t) => t.id));
  types.forEach((t, i) => {
    if (!tariffIds.has(t.tariffId)) v('EXT062', `/arrangementTypes/${i}/tariffId`, `Arrangementtype '${t.id}' noemt tarief '${t.tariffId}', dat niet bestaat.`, `Arrangement type '${t.id}' names tariff '${t.tariffId}', which does not exist.`);
    if (t.collapsesTo !== undefined && !typeIds.has(t.collapsesTo)) v('EXT062', `/arrangementTypes/${i}/collapsesTo`, `Arrangementtype '${t.id}' gaat op in '${t.collapsesTo}', dat niet bestaat.`, `Arrangement type '${t.id}' collapses into '${t.collapsesTo}', which does not exist.`);
  });
  tariffs.forEach((t, i) => {
    if (t.arrangementTypeId !== undefined && !typeIds.has(t.arrangementTypeId)) v('EXT062', `/tariffs/${i}/arrangementTypeId`, `Tarief '${t.id}' noemt arrangementtype '${t.arrangementTypeId}', dat niet bestaat.`, `Tariff '${t.id}' names arrangement type '${t.arrangementTypeId}', which does not exist.`);
  });
  const groups = doc.variantPerProductGroup as Json;
  for (const group of Object.keys(doc.levelCodes as Json)) {
    if (!Object.hasOwn(groups, group)) v('EXT062', `/levelCodes/${group.replaceAll('~', '~0').replaceAll('/', '~1')}`, `levelCodes noemt productgroep '${group}', die niet in variantPerProductGroup staat.`, `levelCodes names product group '${group}', which is not in variantPerProductGroup.`);
  }
}

function checkReport(doc: Json, v: Emit): void {
  const find = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') {
      if (findBsnLike(value)) v('EXT056', pointer, 'Een rapportage bevat geen BSN; deze waarde heeft er de vorm van (negen cijfers, elfproef).', 'A report holds no BSN; this value has its form (nine digits, elfproef).');
    } else if (Array.isArray(value)) value.forEach((item, i) => find(item, `${pointer}/${i}`));
    else if (value && typeof value === 'object') for (const [k, inner] of Object.entries(value)) find(inner, `${pointer}/${k}`);
  };
  find(doc, '');
  const period = doc.period as { calendar: { kind: string; anchor: string }; index: number; range: { start: string; end: string } };
  const { kind, anchor } = period.calendar;
  const n = period.index - 1;
  const [start, end] =
    kind === '4-weeks'
      ? [addDays(anchor, 28 * n), addDays(anchor, 28 * n + 27)]
      : (() => {
          const months = kind === 'maand' ? 1 : kind === 'kwartaal' ? 3 : 12;
          return [addMonths(anchor, months * n), addDays(addMonths(anchor, months * (n + 1)), -1)];
        })();
  if (start === undefined || end === undefined) {
    v('EXT057', '/period/index', `Periode ${period.index} van de kalender (${kind}, vanaf ${anchor}) valt na het jaar 9999.`, `Period ${period.index} of the calendar (${kind}, from ${anchor}) lies beyond the year 9999.`);
  } else if (period.range.start !== start || period.range.end !== end) {
    v('EXT057', '/period/range', `Periode ${period.index} van de kalender (${kind}, vanaf ${anchor}) is ${start} … ${end}, niet ${period.range.start} … ${period.range.end}.`, `Period ${period.index} of the calendar (${kind}, from ${anchor}) is ${start} … ${end}, not ${period.range.start} … ${period.range.end}.`);
  }
  if ((doc.spendYtd as number) < (doc.spend as number)) v('EXT058', '/spendYtd', `spendYtd ${grouped(doc.spendYtd)} is kleiner dan spend ${grouped(doc.spend)}.`, `spendYtd ${grouped(doc.spendYtd)} is less than spend ${grouped(doc.spend)}.`);
  (doc.kpis as { kpiId: string; numerator: number; denominator: number }[]).forEach((k, i) => {
    if (k.numerator > k.denominator) v('EXT059', `/kpis/${i}/numerator`, `KPI '${k.kpiId}': teller ${k.numerator} is groter dan noemer ${k.denominator}.`, `KPI '${k.kpiId}': numerator ${k.numerator} is greater than denominator ${k.denominator}.`);
  });
}
