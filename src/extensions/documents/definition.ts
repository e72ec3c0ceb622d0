/**
 * The extension documents as data (spec extensions.md §3.2, §3.3): the one
 * definition from which `npm run codegen:extensions` writes the TypeScript
 * types, the JSON Schemas and the XSD, and which the XML codec, the validator
 * and the arbitraries walk. Nothing about a document is written twice.
 *
 * XML: every field is an element named by its `xml` name (the field name with
 * a capital by default) in the order given here; arrays are a wrapper element
 * holding one `element` per item; records are a wrapper holding `Entry`
 * elements with a `key` attribute; a union holds one element per variant.
 */

/** A leaf value. Strings never hold characters XML 1.0 cannot carry. */
export type ScalarNode =
  | { readonly t: 'string'; readonly pattern?: string; readonly maxLength?: number }
  | { readonly t: 'date' }
  | { readonly t: 'integer'; readonly min: number; readonly max: number }
  /** A number with at most three decimals (hours per week, units); negative only where `min` allows (credited units). */
  | { readonly t: 'decimal'; readonly min: number; readonly max: number }
  | { readonly t: 'boolean' }
  /** A measurement: a whole number or a yes/no (`ja-nee` indicators). */
  | { readonly t: 'integer-or-boolean' }
  | { readonly t: 'const'; readonly value: string | number | boolean }
  | { readonly t: 'enum'; readonly values: readonly string[] };

export type TypeNode =
  | ScalarNode
  /** A named type of `definition.types`; bounds narrow a named integer (money that lands in a standard field). */
  | { readonly t: 'ref'; readonly name: string; readonly min?: number; readonly max?: number }
  | { readonly t: 'array'; readonly item: TypeNode; readonly element: string }
  | { readonly t: 'record'; readonly value: TypeNode };

export interface FieldDef {
  readonly name: string;
  readonly type: TypeNode;
  readonly optional?: boolean;
  /** Element (or attribute) name in the XML sidecar. */
  readonly xml?: string;
  /** Written as an attribute of the parent element (simple values only). */
  readonly attribute?: boolean;
  /** Written as the text of the parent element (at most one per type, beside attributes only). */
  readonly text?: boolean;
  /** Part of the sidecar envelope (`Header`, `Koppeling`), written before the body element. */
  readonly envelope?: boolean;
  /** What the money means for the standard: it must fit a Budget/Bedrag/ProductTarief field (≤ 99 999 999). */
  readonly standardField?: string;
  readonly doc?: string;
}

export type NamedType =
  | { readonly kind: 'scalar'; readonly node: ScalarNode; readonly doc?: string; readonly unit?: 'cents' | 'bp' }
  | { readonly kind: 'object'; readonly fields: readonly FieldDef[]; readonly doc?: string }
  /** Objects told apart by a constant field; in XML one element per variant, named `element`. */
  | { readonly kind: 'union'; readonly discriminator: string; readonly variants: readonly { readonly type: string; readonly element: string }[]; readonly doc?: string };

export interface DocumentDef {
  readonly kind: string;
  /** The header's `Type` in the sidecar envelope (never a 3xx/4xx number). */
  readonly typeCode: string;
  /** The object type of the document (its first field is `kind`). */
  readonly type: string;
}

export interface ExtensionDefinition {
  readonly namespace: string;
  readonly prefix: string;
  readonly formatVersion: string;
  readonly types: Readonly<Record<string, NamedType>>;
  readonly documents: readonly DocumentDef[];
}

/** The largest amount any Budget, Bedrag or ProductTarief field of iWmo 3.2 holds (€999 999.99). */
export const STANDARD_MONEY_MAX = 99_999_999;
const MAX = Number.MAX_SAFE_INTEGER;

// ---- builders (keep the table below readable) --------------------------------
const ref = (name: string, bounds: { min?: number; max?: number } = {}): TypeNode => ({ t: 'ref', name, ...bounds });
const text = (maxLength = 500): TypeNode => ({ t: 'string', maxLength });
const id: TypeNode = { t: 'string', maxLength: 100 };
const count: TypeNode = { t: 'integer', min: 0, max: MAX };
const decimal: TypeNode = { t: 'decimal', min: 0, max: 1_000_000_000 };
const signedDecimal: TypeNode = { t: 'decimal', min: -1_000_000_000, max: 1_000_000_000 };
const date = ref('IsoDate');
const cents = ref('Cents', { min: 0 });
const signedCents = ref('Cents');
const bp = ref('BasisPoints');
const share = ref('BasisPoints', { min: 0, max: 10_000 });
const enumOf = (...values: string[]): TypeNode => ({ t: 'enum', values });
const list = (item: TypeNode, element: string): TypeNode => ({ t: 'array', item, element });
const lit = (value: string | number | boolean): TypeNode => ({ t: 'const', value });

function field(name: string, type: TypeNode, extra: Omit<FieldDef, 'name' | 'type'> = {}): FieldDef {
  return { name, type, ...extra };
}
function opt(name: string, type: TypeNode, extra: Omit<FieldDef, 'name' | 'type' | 'optional'> = {}): FieldDef {
  return { name, type, optional: true, ...extra };
}
function object(doc: string, ...fields: FieldDef[]): NamedType {
  return { kind: 'object', doc, fields };
}
function kindField(kind: string): FieldDef {
  return field('kind', lit(kind), { doc: 'Which document this is (in XML: the body element and the header Type).' });
}
const header = opt('header', ref('DocumentHeader'), { xml: 'Header', envelope: true, doc: 'The sidecar envelope header (§3.3); optional in JSON.' });

export const definition: ExtensionDefinition = {
  namespace: 'urn:iwmo:extensions:1.0',
  prefix: 'x',
  formatVersion: '1.0.0',
  types: {
    // ---- primitives ---------------------------------------------------------
    Cents: { kind: 'scalar', unit: 'cents', doc: 'Integer eurocent (IV024).', node: { t: 'integer', min: -MAX, max: MAX } },
    BasisPoints: { kind: 'scalar', unit: 'bp', doc: 'Integer; 10 000 = 100 %.', node: { t: 'integer', min: -1_000_000, max: 1_000_000 } },
    IsoDate: { kind: 'scalar', doc: '`YYYY-MM-DD`; ranges are inclusive.', node: { t: 'date' } },
    GemeenteCode: { kind: 'scalar', doc: 'Four digits, CBS list (`1924` Goeree-Overflakkee).', node: { t: 'string', pattern: '^[0-9]{4}$' } },
    AgbCode: { kind: 'scalar', doc: 'Eight digits.', node: { t: 'string', pattern: '^[0-9]{8}$' } },
    Bsn: { kind: 'scalar', doc: 'Nine digits passing the elfproef.', node: { t: 'string', pattern: '^[0-9]{9}$' } },
    ProductCategorie: { kind: 'scalar', doc: 'WMO020: two digits.', node: { t: 'string', pattern: '^[0-9]{2}$' } },
    ProductCode: { kind: 'scalar', doc: 'Bilateral or WMO021, at most 5 characters (LDT_ProductCode).', node: { t: 'string', pattern: '^[0-9A-Za-z]{1,5}$' } },
    Variant: { kind: 'scalar', node: enumOf('inspanningsgericht', 'outputgericht', 'taakgericht') as ScalarNode },
    AssignmentForm: { kind: 'scalar', node: enumOf('specifiek', 'aspecifiek', 'generiek') as ScalarNode },
    Level: { kind: 'scalar', node: enumOf('licht', 'midden', 'zwaar') as ScalarNode },
    ProductGroup: { kind: 'scalar', node: enumOf('ambulant', 'groep', 'dagbesteding', 'vervoer-rolstoel', 'vervoer-persoon') as ScalarNode },
    Dim: { kind: 'scalar', doc: "Sittard's arrangement dimensions (complexity × intensity).", node: enumOf('laag', 'midden', 'hoog') as ScalarNode },
    TariffUnit: { kind: 'scalar', node: enumOf('minuut', 'uur', 'dagdeel', 'etmaal', 'stuk', 'week', '4weken', 'maand', 'jaar', 'traject') as ScalarNode },
    CalendarKind: { kind: 'scalar', node: enumOf('4-weeks', 'maand', 'kwartaal', 'jaar') as ScalarNode },
    PartyNumber: { kind: 'scalar', doc: 'A gemeentecode (4 digits) or an AGB code (8 digits).', node: { t: 'string', pattern: '^[0-9]{4}$|^[0-9]{8}$' } },
    Role: { kind: 'scalar', doc: 'Who sends or receives a sidecar.', node: enumOf('gemeente', 'aanbieder') as ScalarNode },

    Period: object('An inclusive date range.', field('start', date), field('end', date)),

    StandardLink: object(
      'Link to standard messages; every client-level extension object carries one (in XML the `Koppeling`).',
      field('gemeente', ref('GemeenteCode')),
      field('aanbieder', ref('AgbCode')),
      opt('bsn', ref('Bsn')),
      opt('toewijzingNummer', { t: 'integer', min: 1, max: 99_999_999 }, { doc: 'Of the 301 that carries the assignment.' }),
      opt('referentieAanbieder', text(40), { doc: 'Of a 315/317.' }),
      opt('productCategorie', ref('ProductCategorie'), { doc: 'WMO020.' }),
      opt('productCode', ref('ProductCode'), { doc: 'Bilateral or WMO021, at most 5 characters.' }),
      opt('berichtIdentificatie', text(40), { doc: 'The standard message that carried it.' }),
    ),

    PartyCode: object(
      'A sender or receiver of the sidecar: its role and its code (AGB or gemeentecode).',
      field('rol', ref('Role'), { attribute: true, xml: 'rol' }),
      field('code', ref('PartyNumber'), { text: true }),
    ),
    DocumentHeader: object(
      "The sidecar envelope's header (spec §3.3); optional in JSON, always written in XML (its `Type` from the kind).",
      field('versie', { t: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' }, { xml: 'Versie' }),
      field('iwmoRelease', lit('3.2'), { xml: 'IWmoRelease' }),
      opt('afzender', ref('PartyCode'), { xml: 'Afzender' }),
      opt('ontvanger', ref('PartyCode'), { xml: 'Ontvanger' }),
      opt('identificatie', text(40), { xml: 'Identificatie' }),
      opt('dagtekening', date, { xml: 'Dagtekening' }),
      opt('profiel', text(100), { xml: 'Profiel', doc: '`goeree-2016@1`: profile id and version.' }),
    ),

    // ---- tariffs & profiles ----------------------------------------------------
    TariffDerivationInput: object('One historical group behind a derived tariff.', field('label', text()), field('clients', count), field('annualCost', cents)),
    TariffDerivation: object(
      'How a tariff amount was computed (Sittard).',
      field('method', lit('weighted-average-historical-cost')),
      field('inputs', list(ref('TariffDerivationInput'), 'Input')),
      field('rounding', lit('half-up-cent')),
    ),
    Tariff: object(
      'A tariff of the profile; its amount lands in ProductTarief, so at most 99 999 999.',
      field('id', id),
      field('productCategorie', ref('ProductCategorie')),
      opt('productCode', ref('ProductCode')),
      opt('level', ref('Level')),
      opt('arrangementTypeId', id),
      field('amount', ref('Cents', { min: 0, max: STANDARD_MONEY_MAX }), { standardField: 'ProductTarief' }),
      field('per', ref('TariffUnit')),
      field('validity', ref('Period')),
      opt('derivation', ref('TariffDerivation'), { doc: 'How the amount was computed (Sittard).' }),
    ),
    ReportingCalendar: object(
      'The reporting and payment calendar.',
      field('kind', ref('CalendarKind')),
      field('anchor', date, { doc: 'First day of period 1; a Monday for 4-week calendars (`2016-01-04`).' }),
    ),
    ProductGroupMapping: object(
      'How a product group is assigned in the standard.',
      field('variant', ref('Variant')),
      field('form', ref('AssignmentForm')),
      field('categorie', ref('ProductCategorie'), { doc: "WMO020 category of the group's assignments." }),
    ),
    LevelCodes: object(
      'Level → bilateral product code of one product group.',
      opt('licht', ref('ProductCode')),
      opt('midden', ref('ProductCode')),
      opt('zwaar', ref('ProductCode')),
    ),
    StandardProduct: object('A projection into the standard.', field('categorie', ref('ProductCategorie')), field('code', ref('ProductCode'))),
    ArrangementType: object(
      "One of Sittard's arrangement types.",
      field('id', id, { doc: 'e.g. `ARR-MM`.' }),
      field('complexity', ref('Dim')),
      field('intensity', ref('Dim')),
      opt('collapsesTo', id, { doc: '9 → 3: the arrangement type this one collapses into (`ARR-M` by intensity).' }),
      field('tariffId', id),
      field('standardProduct', ref('StandardProduct'), { doc: 'Its projection into the standard.' }),
    ),
    Profile: object(
      "A gemeente's bilateral conventions, versioned: category mapping, level codes, tariffs, calendar.",
      kindField('Profile'),
      header,
      field('id', id),
      field('gemeente', ref('GemeenteCode')),
      field('version', text(40)),
      field('validity', ref('Period')),
      field('variantPerProductGroup', { t: 'record', value: ref('ProductGroupMapping') }, { doc: 'Keyed by product group (`ambulant`, …) or arrangement type id.' }),
      field('levelCodes', { t: 'record', value: ref('LevelCodes') }, { doc: 'Product group → level → bilateral product code.' }),
      field('tariffs', list(ref('Tariff'), 'Tariff')),
      field('reportingCalendar', ref('ReportingCalendar')),
      opt('arrangementTypes', list(ref('ArrangementType'), 'ArrangementType'), { doc: "Sittard's arrangement types, when the gemeente funds by arrangement." }),
      opt('utilisationThresholdBp', share, { doc: 'Utilisation warning: flag when spent runs this far ahead of elapsed time (E5: 1000 bp).' }),
    ),

    // ---- 1. ResultAgreement (Sittard) ---------------------------------------
    Goal: object(
      'A goal of the client (Wmo hoofddoel or subdoel).',
      field('id', id),
      field('scheme', enumOf('CIZ-indicatiewijzer', 'ZRM', 'participatie', 'lokaal')),
      field('kind', enumOf('hoofddoel', 'subdoel')),
      opt('parentId', id, { doc: "A subdoel's hoofddoel." }),
      field('label', text(), { doc: 'e.g. `Stabiele financiële situatie`.' }),
    ),
    ResultIndicator: object(
      'How a goal is measured.',
      field('goalId', id),
      field('measure', enumOf('ZRM-domein', 'ja-nee', 'schaal', 'vrij')),
      opt('baseline', { t: 'integer-or-boolean' }),
      field('target', { t: 'integer-or-boolean' }),
      field('dueDate', date),
    ),
    OutcomeMeasurement: object(
      'Append-only.',
      field('indicatorGoalId', id),
      field('measuredAt', date),
      field('value', { t: 'integer-or-boolean' }),
      field('assessedBy', enumOf('aanbieder', 'gemeente', 'client')),
      opt('instrument', text(100), { doc: 'e.g. `ZRM 2017`, `IPA`.' }),
    ),
    PaymentRule: object(
      'When the arrangement budget is paid.',
      field('trigger', enumOf('periodiek', 'start-eind', 'mijlpaal', 'resultaat')),
      opt('splitBp', share, { doc: 'Share paid at the start (`5000` = half at start, the rest in the last ProductPeriode).' }),
    ),
    ResultAgreement: object(
      'An arrangement with goals and results for one client (Sittard).',
      kindField('ResultAgreement'),
      header,
      field('id', id),
      field('link', ref('StandardLink'), { xml: 'Koppeling', envelope: true }),
      field('period', ref('Period')),
      field('arrangementTypeId', id),
      field('budget', ref('Cents', { min: 0, max: STANDARD_MONEY_MAX }), { standardField: 'Volume (Eenheid 83) / Budget', doc: 'Arrangement budget for the period.' }),
      field('goals', list(ref('Goal'), 'Goal')),
      field('indicators', list(ref('ResultIndicator'), 'Indicator')),
      field('accountability', enumOf('activiteiten', 'resultaten'), { doc: '2015 activities vs 2016 results.' }),
      opt('supportPlanRef', text(100), { doc: 'Filled in by provider and client.' }),
      field('outcomes', list(ref('OutcomeMeasurement'), 'Outcome')),
      opt('paymentRule', ref('PaymentRule')),
    ),

    // ---- 2. ProviderDeterminedIntensity (Goeree) -----------------------------
    IntensityDecision: object(
      'Append-only event: the provider decides how much, from `validFrom`.',
      field('id', id),
      field('validFrom', date, { doc: 'Effective date.' }),
      field('level', ref('Level')),
      field('decidedAt', date),
      field('decidedBy', ref('AgbCode')),
      field('supportPlanRef', text(100), { doc: 'The client must be able to know the concrete support (CRvB 2016).' }),
      opt('clientInformedAt', date),
      opt('rationale', text(1000)),
      opt('corrects', id, { doc: 'Id of an earlier decision this one corrects (a correction is a new event).' }),
    ),
    IntensityMandate: object(
      'The gemeente decided THAT.',
      field('decisionRef', text(100)),
      field('period', ref('Period')),
      field('allowedLevels', list(ref('Level'), 'Level')),
    ),
    ProviderDeterminedIntensity: object(
      'The gemeente decides that a client gets support, the provider decides how much (Goeree).',
      kindField('ProviderDeterminedIntensity'),
      header,
      field('id', id),
      field('link', ref('StandardLink'), { xml: 'Koppeling', envelope: true, doc: 'Usually an aspecific 301 (category only).' }),
      field('productGroup', ref('ProductGroup')),
      field('mandate', ref('IntensityMandate')),
      field('history', list(ref('IntensityDecision'), 'Decision'), { doc: 'Ordered by validFrom; not overlapping once corrections are applied.' }),
    ),

    // ---- 3. LumpsumContract ------------------------------------------------------
    Party: object(
      'A contract party.',
      field('id', id),
      field('name', text()),
      opt('agb', ref('AgbCode')),
      opt('kvk', { t: 'string', pattern: '^[0-9]{8}$' }),
      field('role', enumOf('hoofdaannemer', 'onderaannemer', 'combinant', 'penvoerder')),
      opt('parentId', id, { doc: "An onderaannemer's hoofdaannemer: the gemeente pays it through that party." }),
    ),
    Share: object('A party’s share of the budget.', field('partyId', id), field('bp', share)),
    Lot: object('A lot (perceel) of the contract.', field('id', id), field('label', text()), field('budget', cents), opt('mergedInto', id)),
    CeilingScope: object('What a ceiling covers.', opt('productGroup', ref('ProductGroup')), opt('level', ref('Level')), opt('lotId', id)),
    VolumeCeiling: object(
      'A volume ceiling.',
      field('scope', ref('CeilingScope')),
      field('unit', enumOf('clients', 'prestatie-eenheden', 'uren', 'euro')),
      field('quantity', decimal),
    ),
    BandBound: object(
      'One side of a band.',
      field('bp', bp, { doc: 'Deviation from the reference in basis points; `lower.bp` is negative.' }),
      field('inclusive', { t: 'boolean' }, { doc: 'Whether a deviation exactly on the bound triggers the adjustment.' }),
    ),
    BandRule: object(
      'A band on clients or units: leaving it moves the budget.',
      field('metric', enumOf('clients', 'units')),
      field('reference', { t: 'integer', min: 1, max: MAX }, { doc: 'Contracted clients or units.' }),
      field('upper', ref('BandBound'), { doc: 'Goeree: `{ bp: 500, inclusive: false }`.' }),
      field('lower', ref('BandBound'), { doc: 'Goeree: `{ bp: -1000, inclusive: true }`.' }),
      field('adjustment', enumOf('proportional', 'excess-over-band')),
      field('effect', enumOf('whole-period', 'remaining-periods')),
      field('rebase', { t: 'boolean' }, { doc: 'After an adjustment the reference becomes the reported value.' }),
    ),
    BudgetAmendment: object(
      'Append-only.',
      field('id', id),
      field('at', date),
      field('cause', enumOf('band', 'index', 'sanction', 'negotiated')),
      field('delta', signedCents),
      field('newBudget', cents),
      field('evidence', text(), { doc: 'Report id or decision id.' }),
    ),
    QualityLink: object('A KPI that moves the settlement.', field('kpiId', id), field('weightBp', share), field('bonusBp', share), field('malusBp', share)),
    Nacalculatie: object(
      'The year-end settlement.',
      field('basis', enumOf('average-clients', 'units', 'actual-cost')),
      opt('unitsPerClient', decimal),
      opt('unitPrice', cents),
      field('quality', list(ref('QualityLink'), 'Quality')),
      opt('cap', cents),
      field('settlementDate', date),
    ),
    InnovationSupplement: object(
      'Keep the budget difference when individual support becomes group support.',
      field('from', ref('ProductGroup'), { doc: 'Goeree: ambulant → groep.' }),
      field('to', ref('ProductGroup')),
      field('retainDifference', lit(true)),
      opt('capBp', share),
    ),
    KpiDefinition: object(
      'A KPI of the contract.',
      field('id', id),
      field('name', text()),
      field('source', enumOf('ZRM', 'participatie', 'IPA', 'clientervaring', 'eigen')),
      field('formula', text(), { doc: 'Documented, e.g. `count(improved>=1)/count(measured)`.' }),
      opt('targetBp', share),
      field('direction', enumOf('hoger-beter', 'lager-beter')),
      field('frequency', ref('CalendarKind')),
    ),
    Baseline: object('What the budget was built on.', opt('clients', count), opt('units', count), opt('unitPrice', cents)),
    PaymentArrangement: object('How the budget is paid.', field('calendar', ref('ReportingCalendar')), field('payees', lit('hoofdaannemers'))),
    LumpsumContract: object(
      'A contract budget with parties, shares, lots, bands and amendments (Brunssum, Alphen, Goeree, Leeuwarden).',
      kindField('LumpsumContract'),
      header,
      field('id', id),
      field('gemeente', ref('GemeenteCode')),
      field('variant', ref('Variant'), { doc: '`taakgericht`, or a hybrid over aspecific 301s.' }),
      field('period', ref('Period')),
      field('budget', cents, { doc: 'Current, after amendments.' }),
      field('baseline', ref('Baseline')),
      opt('lots', list(ref('Lot'), 'Lot')),
      field('parties', list(ref('Party'), 'Party')),
      field('shares', list(ref('Share'), 'Share')),
      field('payment', ref('PaymentArrangement')),
      field('ceilings', list(ref('VolumeCeiling'), 'Ceiling')),
      field('bands', list(ref('BandRule'), 'Band')),
      opt('nacalculatie', ref('Nacalculatie')),
      opt('supplements', list(ref('InnovationSupplement'), 'Supplement')),
      field('kpis', list(ref('KpiDefinition'), 'Kpi')),
      field('amendments', list(ref('BudgetAmendment'), 'Amendment')),
      opt('bestedingsruimteMonitoredBy', enumOf('gemeente', 'aanbieder'), { doc: 'Contractstandaarden Wmo art. 1.5.' }),
    ),

    // ---- 4. ProviderReport -------------------------------------------------------
    ReportPeriod: object('Which reporting period.', field('calendar', ref('ReportingCalendar')), field('index', { t: 'integer', min: 1, max: 10_000 }), field('range', ref('Period'))),
    ClientCounts: object('Clients in the period.', field('active', count), field('started', count), field('ended', count)),
    ReportedUnits: object('Units delivered in the period, net of credited ones.', field('productGroup', ref('ProductGroup')), opt('level', ref('Level')), field('units', signedDecimal, { doc: 'Negative when credits outweigh deliveries.' })),
    CeilingUse: object('How far a ceiling is used.', field('ceiling', ref('VolumeCeiling')), field('usedYtd', decimal)),
    KpiMeasurement: object('A KPI as a ratio.', field('kpiId', id), field('numerator', count), field('denominator', count)),
    SubcontractorSpend: object("A sub-contractor's part.", field('partyId', id), field('clients', count), field('spend', signedCents)),
    ProviderReport: object(
      'A periodic report of a contract party: aggregates only, never a BSN.',
      kindField('ProviderReport'),
      header,
      field('id', id),
      field('contractId', id),
      field('reporter', id, { doc: 'Party id.' }),
      field('period', ref('ReportPeriod')),
      field('clients', ref('ClientCounts')),
      field('units', list(ref('ReportedUnits'), 'Units')),
      field('spend', signedCents, { doc: 'Net of credits, so it can be negative.' }),
      field('spendYtd', signedCents),
      field('ceilingUse', list(ref('CeilingUse'), 'CeilingUse')),
      field('kpis', list(ref('KpiMeasurement'), 'Kpi')),
      opt('bySubcontractor', list(ref('SubcontractorSpend'), 'Subcontractor')),
      field('containsBsn', lit(false), { doc: 'Aggregated by construction: a report never holds a BSN.' }),
    ),

    // ---- 5. Eigen bijdrage -------------------------------------------------------
    KostprijsUrenRegime: object('Pre-2020: hours × hour tariff.', field('regime', lit('kostprijs-uren')), field('hoursPerWeek', decimal), field('hourTariff', cents)),
    ArrangementtariefRegime: object('Sittard 2016: annual tariff / 13.', field('regime', lit('arrangementtarief')), field('annualTariff', cents), field('periodsPerYear', lit(13))),
    GemiddeldeKostenRegime: object(
      'Brunssum: average cost per arrangement.',
      field('regime', lit('gemiddelde-kosten')),
      field('budget', cents),
      field('arrangements', { t: 'integer', min: 1, max: MAX }),
      field('periodsPerYear', lit(13)),
    ),
    AbonnementstariefRegime: object('2020 on: a flat monthly amount per household.', field('regime', lit('abonnementstarief')), field('monthly', cents)),
    IvbRegime: object('Computed by the CAK; the toolkit only feeds start/stop.', field('regime', lit('ivb'))),
    EigenBijdrageRegime: {
      kind: 'union',
      discriminator: 'regime',
      doc: 'The eigen-bijdrage regimes (§3.6).',
      variants: [
        { type: 'KostprijsUrenRegime', element: 'KostprijsUren' },
        { type: 'ArrangementtariefRegime', element: 'Arrangementtarief' },
        { type: 'GemiddeldeKostenRegime', element: 'GemiddeldeKosten' },
        { type: 'AbonnementstariefRegime', element: 'Abonnementstarief' },
        { type: 'IvbRegime', element: 'Ivb' },
      ],
    },
    EigenBijdrageFeed: object(
      'What the gemeente needs for its iEb WMO405/407 feed.',
      kindField('EigenBijdrageFeed'),
      header,
      field('bsn', ref('Bsn')),
      field('start', date),
      opt('stop', date),
      field('source', enumOf('WMO301', 'WMO305/307', 'WMO323', 'extension')),
      field('regime', ref('EigenBijdrageRegime')),
      opt('costBasisPer4Weeks', cents, { doc: 'Only for cost-price regimes.' }),
      opt('costPriceTotal', cents, { doc: 'Cap for hulpmiddelen and woningaanpassingen.' }),
    ),
  },
  documents: [
    { kind: 'Profile', typeCode: 'PROFIEL', type: 'Profile' },
    { kind: 'ResultAgreement', typeCode: 'RESULTAATAFSPRAAK', type: 'ResultAgreement' },
    { kind: 'ProviderDeterminedIntensity', typeCode: 'INTENSITEITSBESLUIT', type: 'ProviderDeterminedIntensity' },
    { kind: 'LumpsumContract', typeCode: 'LUMPSUMCONTRACT', type: 'LumpsumContract' },
    { kind: 'ProviderReport', typeCode: 'AANBIEDERRAPPORTAGE', type: 'ProviderReport' },
    { kind: 'EigenBijdrageFeed', typeCode: 'EIGENBIJDRAGE', type: 'EigenBijdrageFeed' },
  ],
};

// ---- walking helpers shared by codec, schemas, validator and arbitraries ---------

export function namedType(name: string): NamedType {
  const type = definition.types[name];
  if (!type) throw new Error(`Unknown extension type ${name}`);
  return type;
}

export function objectType(name: string): Extract<NamedType, { kind: 'object' }> {
  const type = namedType(name);
  if (type.kind !== 'object') throw new Error(`${name} is not an object type`);
  return type;
}

/** Follows a ref to a scalar (with the ref's narrower bounds); undefined for object and union refs. */
export function scalarOf(node: TypeNode): ScalarNode | undefined {
  if (node.t === 'array' || node.t === 'record') return undefined;
  if (node.t !== 'ref') return node;
  const type = namedType(node.name);
  if (type.kind !== 'scalar') return undefined;
  if (type.node.t === 'integer') return { t: 'integer', min: node.min ?? type.node.min, max: node.max ?? type.node.max };
  return type.node;
}

/** The unit of a (named) integer: money or basis points. */
export function unitOf(node: TypeNode): 'cents' | 'bp' | undefined {
  if (node.t !== 'ref') return undefined;
  const type = namedType(node.name);
  return type.kind === 'scalar' ? type.unit : undefined;
}

export function documentDef(kind: string): DocumentDef | undefined {
  return definition.documents.find((d) => d.kind === kind);
}

/** The element or attribute name of a field in XML. */
export function xmlName(field: FieldDef): string {
  return field.xml ?? field.name.charAt(0).toUpperCase() + field.name.slice(1);
}

/** Record keys: product groups and arrangement type ids (never `__proto__` and friends). */
export const RECORD_KEY_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$';
/** Characters XML 1.0 can carry (no C0 controls but tab, LF, CR; no lone surrogates, no U+FFFE/FFFF). */
export const XML_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF\\uFFFE\\uFFFF]*$';
/** A decimal as the XML carries it: no exponent, at most three decimals. */
export const DECIMAL_TEXT = /^-?(0|[1-9][0-9]*)(\.[0-9]{1,3})?$/;

/** The union a type is a variant of, with its discriminator and element. */
type VariantInfo = { readonly discriminator: string; readonly element: string; readonly value: string | number | boolean };
const variantCache = new Map<string, VariantInfo | undefined>();
export function variantInfo(typeName: string): VariantInfo | undefined {
  if (!variantCache.has(typeName)) variantCache.set(typeName, computeVariantInfo(typeName));
  return variantCache.get(typeName);
}

function computeVariantInfo(typeName: string): VariantInfo | undefined {
  for (const type of Object.values(definition.types)) {
    if (type.kind !== 'union') continue;
    const variant = type.variants.find((v) => v.type === typeName);
    if (!variant) continue;
    const tag = objectType(typeName).fields.find((f) => f.name === type.discriminator);
    if (tag?.type.t !== 'const') throw new Error(`${typeName} has no constant ${type.discriminator}`);
    return { discriminator: type.discriminator, element: variant.element, value: tag.type.value };
  }
  return undefined;
}

/**
 * The fields an object type writes inside its own XML element: a document's
 * `kind` is its body element, envelope fields go before the body, and a union
 * variant's discriminator is the variant's element.
 */
const xmlFieldsCache = new Map<string, readonly FieldDef[]>();
export function xmlFields(typeName: string): readonly FieldDef[] {
  const cached = xmlFieldsCache.get(typeName);
  if (cached) return cached;
  const fields = computeXmlFields(typeName);
  xmlFieldsCache.set(typeName, fields);
  return fields;
}

function computeXmlFields(typeName: string): readonly FieldDef[] {
  const isDocument = definition.documents.some((d) => d.type === typeName);
  const variant = variantInfo(typeName);
  return objectType(typeName).fields.filter((f) => !(isDocument && (f.name === 'kind' || f.envelope)) && f.name !== variant?.discriminator);
}

/** The envelope fields of a document type (`header`, `link`). */
export function envelopeFields(typeName: string): readonly FieldDef[] {
  return objectType(typeName).fields.filter((f) => f.envelope);
}
