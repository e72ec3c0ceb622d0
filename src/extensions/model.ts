/**
 * The extension model (spec extensions.md §3.2): what iWmo 3.2 cannot say about
 * result-based, provider-determined and lump-sum arrangements, as documents that
 * travel beside the standard messages and link to them by keys.
 *
 * Money is integer eurocent, percentages integer basis points (10 000 = 100 %),
 * dates `YYYY-MM-DD` with inclusive ranges. Every document has a top-level
 * `kind`; its JSON form uses exactly these field names.
 */

// ---- primitives -------------------------------------------------------

/** Integer eurocent (IV024). */
export type Cents = number;
/** `YYYY-MM-DD`; ranges are inclusive. */
export type IsoDate = string;
/** Four digits, CBS list (`1924` Goeree-Overflakkee). */
export type GemeenteCode = string;
/** Eight digits. */
export type AgbCode = string;
/** Nine digits passing the elfproef. */
export type Bsn = string;
/** Integer; 10 000 = 100 %. */
export type BasisPoints = number;

export interface Period {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export type Variant = 'inspanningsgericht' | 'outputgericht' | 'taakgericht';
export type AssignmentForm = 'specifiek' | 'aspecifiek' | 'generiek';
export type Eenheid = '01' | '04' | '14' | '16' | '82' | '83' | '84';
export type Frequentie = '1' | '2' | '4' | '6';

export interface Omvang {
  readonly volume: number;
  readonly eenheid: Eenheid;
  readonly frequentie: Frequentie;
}

export type Level = 'licht' | 'midden' | 'zwaar';
export type ProductGroup = 'ambulant' | 'groep' | 'dagbesteding' | 'vervoer-rolstoel' | 'vervoer-persoon';
/** Sittard's arrangement dimensions (complexity × intensity). */
export type Dim = 'laag' | 'midden' | 'hoog';

/** Link to standard messages; every client-level extension object carries one. */
export interface StandardLink {
  readonly gemeente: GemeenteCode;
  readonly aanbieder: AgbCode;
  readonly bsn?: Bsn;
  /** Of the 301 that carries the assignment. */
  readonly toewijzingNummer?: number;
  /** Of a 315/317. */
  readonly referentieAanbieder?: string;
  /** WMO020. */
  readonly productCategorie?: string;
  /** Bilateral or WMO021, at most 5 characters. */
  readonly productCode?: string;
  /** The standard message that carried it. */
  readonly berichtIdentificatie?: string;
}

// ---- tariffs & profiles ----------------------------------------------

export type TariffUnit = 'minuut' | 'uur' | 'dagdeel' | 'etmaal' | 'stuk' | 'week' | '4weken' | 'maand' | 'jaar' | 'traject';

export interface TariffDerivation {
  readonly method: 'weighted-average-historical-cost';
  readonly inputs: readonly { readonly label: string; readonly clients: number; readonly annualCost: Cents }[];
  readonly rounding: 'half-up-cent';
}

export interface Tariff {
  readonly id: string;
  readonly productCategorie: string;
  readonly productCode?: string;
  readonly level?: Level;
  readonly arrangementTypeId?: string;
  readonly amount: Cents;
  readonly per: TariffUnit;
  readonly validity: Period;
  /** How the amount was computed (Sittard). */
  readonly derivation?: TariffDerivation;
}

export interface ReportingCalendar {
  readonly kind: '4-weeks' | 'maand' | 'kwartaal' | 'jaar';
  /** First day of period 1; a Monday for 4-week calendars (`2016-01-04`). */
  readonly anchor: IsoDate;
}

export interface ProductGroupMapping {
  readonly variant: Variant;
  readonly form: AssignmentForm;
  /** WMO020 category of the group's assignments. */
  readonly categorie: string;
}

/** A gemeente's bilateral conventions, versioned: category mapping, level codes, tariffs, calendar. */
export interface Profile {
  readonly kind: 'Profile';
  readonly id: string;
  readonly gemeente: GemeenteCode;
  readonly version: string;
  readonly validity: Period;
  /** Keyed by product group (`ambulant`, …) or arrangement type id. */
  readonly variantPerProductGroup: Readonly<Record<string, ProductGroupMapping>>;
  /** Product group → level → bilateral product code. */
  readonly levelCodes: Readonly<Record<string, Partial<Record<Level, string>>>>;
  readonly tariffs: readonly Tariff[];
  readonly reportingCalendar: ReportingCalendar;
  /** Sittard's arrangement types, when the gemeente funds by arrangement. */
  readonly arrangementTypes?: readonly ArrangementType[];
  /** Utilisation warning: flag when spent runs this far ahead of elapsed time (E5: 1000 bp). */
  readonly utilisationThresholdBp?: BasisPoints;
  readonly header?: DocumentHeader;
}

// ---- 1. ResultAgreement (Sittard) -------------------------------------

export interface ArrangementType {
  /** e.g. `ARR-MM`. */
  readonly id: string;
  readonly complexity: Dim;
  readonly intensity: Dim;
  /** 9 → 3: the arrangement type this one collapses into (`ARR-M` by intensity). */
  readonly collapsesTo?: string;
  readonly tariffId: string;
  /** Its projection into the standard. */
  readonly standardProduct: { readonly categorie: string; readonly code: string };
}

export interface Goal {
  readonly id: string;
  readonly scheme: 'CIZ-indicatiewijzer' | 'ZRM' | 'participatie' | 'lokaal';
  readonly kind: 'hoofddoel' | 'subdoel';
  readonly parentId?: string;
  /** e.g. `Stabiele financiële situatie`. */
  readonly label: string;
}

export interface ResultIndicator {
  readonly goalId: string;
  readonly measure: 'ZRM-domein' | 'ja-nee' | 'schaal' | 'vrij';
  readonly baseline?: number | boolean;
  readonly target: number | boolean;
  readonly dueDate: IsoDate;
}

/** Append-only. */
export interface OutcomeMeasurement {
  readonly indicatorGoalId: string;
  readonly measuredAt: IsoDate;
  readonly value: number | boolean;
  readonly assessedBy: 'aanbieder' | 'gemeente' | 'client';
  /** e.g. `ZRM 2017`, `IPA`. */
  readonly instrument?: string;
}

export interface PaymentRule {
  readonly trigger: 'periodiek' | 'start-eind' | 'mijlpaal' | 'resultaat';
  /** Share paid at the start (`5000` = half at start, the rest in the last ProductPeriode). */
  readonly splitBp?: BasisPoints;
}

export interface ResultAgreement {
  readonly kind: 'ResultAgreement';
  readonly id: string;
  readonly link: StandardLink;
  readonly period: Period;
  readonly arrangementTypeId: string;
  /** Arrangement budget for the period. */
  readonly budget: Cents;
  readonly goals: readonly Goal[];
  readonly indicators: readonly ResultIndicator[];
  /** 2015 activities vs 2016 results. */
  readonly accountability: 'activiteiten' | 'resultaten';
  /** Filled in by provider and client. */
  readonly supportPlanRef?: string;
  readonly outcomes: readonly OutcomeMeasurement[];
  readonly paymentRule?: PaymentRule;
  readonly header?: DocumentHeader;
}

export interface BudgetUtilisation {
  readonly scope: 'client' | 'arrangementType' | 'total';
  readonly key: string;
  readonly budget: Cents;
  readonly spent: Cents;
  readonly asOf: IsoDate;
  readonly spentBp: BasisPoints;
  readonly elapsedBp: BasisPoints;
}

// ---- 2. ProviderDeterminedIntensity (Goeree) ---------------------------

/** Append-only event: the provider decides how much, from `validFrom`. */
export interface IntensityDecision {
  readonly id: string;
  /** Effective date. */
  readonly validFrom: IsoDate;
  readonly level: Level;
  readonly decidedAt: IsoDate;
  readonly decidedBy: AgbCode;
  /** The client must be able to know the concrete support (CRvB 2016). */
  readonly supportPlanRef: string;
  readonly clientInformedAt?: IsoDate;
  readonly rationale?: string;
  /** Id of an earlier decision this one corrects (a correction is a new event). */
  readonly corrects?: string;
}

export interface IntensityMandate {
  readonly decisionRef: string;
  readonly period: Period;
  readonly allowedLevels: readonly Level[];
}

export interface ProviderDeterminedIntensity {
  readonly kind: 'ProviderDeterminedIntensity';
  readonly id: string;
  /** Usually an aspecific 301 (category only). */
  readonly link: StandardLink;
  readonly productGroup: ProductGroup;
  /** The gemeente decided THAT. */
  readonly mandate: IntensityMandate;
  /** Ordered by validFrom; not overlapping once corrections are applied. */
  readonly history: readonly IntensityDecision[];
  readonly header?: DocumentHeader;
}

// ---- 3. LumpsumContract (Brunssum, Alphen, Goeree budget agreement) ----

export interface Party {
  readonly id: string;
  readonly name: string;
  readonly agb?: AgbCode;
  readonly kvk?: string;
  readonly role: 'hoofdaannemer' | 'onderaannemer' | 'combinant' | 'penvoerder';
  /** An onderaannemer's hoofdaannemer: the gemeente pays it through that party. */
  readonly parentId?: string;
}

export interface Share {
  readonly partyId: string;
  readonly bp: BasisPoints;
}

export interface Lot {
  readonly id: string;
  readonly label: string;
  readonly budget: Cents;
  readonly mergedInto?: string;
}

export interface VolumeCeiling {
  readonly scope: { readonly productGroup?: ProductGroup; readonly level?: Level; readonly lotId?: string };
  readonly unit: 'clients' | 'prestatie-eenheden' | 'uren' | 'euro';
  readonly quantity: number;
}

export interface BandBound {
  /** Deviation from the reference in basis points; `lower.bp` is negative. */
  readonly bp: BasisPoints;
  /** Whether a deviation exactly on the bound triggers the adjustment. */
  readonly inclusive: boolean;
}

export interface BandRule {
  readonly metric: 'clients' | 'units';
  /** Contracted clients or units. */
  readonly reference: number;
  /** Goeree: `{ bp: 500, inclusive: false }`. */
  readonly upper: BandBound;
  /** Goeree: `{ bp: -1000, inclusive: true }`. */
  readonly lower: BandBound;
  readonly adjustment: 'proportional' | 'excess-over-band';
  readonly effect: 'whole-period' | 'remaining-periods';
  /** After an adjustment the reference becomes the reported value. */
  readonly rebase: boolean;
}

/** Append-only. */
export interface BudgetAmendment {
  readonly id: string;
  readonly at: IsoDate;
  readonly cause: 'band' | 'index' | 'sanction' | 'negotiated';
  readonly delta: Cents;
  readonly newBudget: Cents;
  /** Report id or decision id. */
  readonly evidence: string;
}

export interface QualityLink {
  readonly kpiId: string;
  readonly weightBp: BasisPoints;
  readonly bonusBp: BasisPoints;
  readonly malusBp: BasisPoints;
}

export interface Nacalculatie {
  readonly basis: 'average-clients' | 'units' | 'actual-cost';
  readonly unitsPerClient?: number;
  readonly unitPrice?: Cents;
  readonly quality: readonly QualityLink[];
  readonly cap?: Cents;
  readonly settlementDate: IsoDate;
}

export interface InnovationSupplement {
  /** Goeree: ambulant → groep. */
  readonly from: ProductGroup;
  readonly to: ProductGroup;
  readonly retainDifference: true;
  readonly capBp?: BasisPoints;
}

export interface KpiDefinition {
  readonly id: string;
  readonly name: string;
  readonly source: 'ZRM' | 'participatie' | 'IPA' | 'clientervaring' | 'eigen';
  /** Documented, e.g. `count(improved>=1)/count(measured)`. */
  readonly formula: string;
  readonly targetBp?: BasisPoints;
  readonly direction: 'hoger-beter' | 'lager-beter';
  readonly frequency: ReportingCalendar['kind'];
}

export interface LumpsumContract {
  readonly kind: 'LumpsumContract';
  readonly id: string;
  readonly gemeente: GemeenteCode;
  /** `taakgericht`, or a hybrid over aspecific 301s. */
  readonly variant: Variant;
  readonly period: Period;
  /** Current, after amendments. */
  readonly budget: Cents;
  readonly baseline: { readonly clients?: number; readonly units?: number; readonly unitPrice?: Cents };
  readonly lots?: readonly Lot[];
  readonly parties: readonly Party[];
  readonly shares: readonly Share[];
  readonly payment: { readonly calendar: ReportingCalendar; readonly payees: 'hoofdaannemers' };
  readonly ceilings: readonly VolumeCeiling[];
  readonly bands: readonly BandRule[];
  readonly nacalculatie?: Nacalculatie;
  readonly supplements?: readonly InnovationSupplement[];
  readonly kpis: readonly KpiDefinition[];
  readonly amendments: readonly BudgetAmendment[];
  /** Contractstandaarden Wmo art. 1.5. */
  readonly bestedingsruimteMonitoredBy?: 'gemeente' | 'aanbieder';
  readonly header?: DocumentHeader;
}

// ---- 4. ProviderReport (four-weekly / quarterly) -----------------------

export interface ProviderReport {
  readonly kind: 'ProviderReport';
  readonly id: string;
  readonly contractId: string;
  /** Party id. */
  readonly reporter: string;
  readonly period: { readonly calendar: ReportingCalendar; readonly index: number; readonly range: Period };
  readonly clients: { readonly active: number; readonly started: number; readonly ended: number };
  readonly units: readonly { readonly productGroup: ProductGroup; readonly level?: Level; readonly units: number }[];
  readonly spend: Cents;
  readonly spendYtd: Cents;
  readonly ceilingUse: readonly { readonly ceiling: VolumeCeiling; readonly usedYtd: number }[];
  readonly kpis: readonly { readonly kpiId: string; readonly numerator: number; readonly denominator: number }[];
  readonly bySubcontractor?: readonly { readonly partyId: string; readonly clients: number; readonly spend: Cents }[];
  /** Aggregated by construction: a report never holds a BSN. */
  readonly containsBsn: false;
  readonly header?: DocumentHeader;
}

// ---- 5. Eigen bijdrage ------------------------------------------------

export type EigenBijdrageRegime =
  | { readonly regime: 'kostprijs-uren'; readonly hoursPerWeek: number; readonly hourTariff: Cents }
  | { readonly regime: 'arrangementtarief'; readonly annualTariff: Cents; readonly periodsPerYear: 13 }
  | { readonly regime: 'gemiddelde-kosten'; readonly budget: Cents; readonly arrangements: number; readonly periodsPerYear: 13 }
  | { readonly regime: 'abonnementstarief'; readonly monthly: Cents }
  | { readonly regime: 'ivb' };

/** What the gemeente needs for its iEb WMO405/407 feed. */
export interface EigenBijdrageFeed {
  readonly kind: 'EigenBijdrageFeed';
  readonly bsn: Bsn;
  readonly start: IsoDate;
  readonly stop?: IsoDate;
  readonly source: 'WMO301' | 'WMO305/307' | 'WMO323' | 'extension';
  readonly regime: EigenBijdrageRegime;
  /** Only for cost-price regimes. */
  readonly costBasisPer4Weeks?: Cents;
  /** Cap for hulpmiddelen and woningaanpassingen. */
  readonly costPriceTotal?: Cents;
  readonly header?: DocumentHeader;
}

// ---- documents -----------------------------------------------------------

/** The sidecar envelope's header (spec §3.3); optional in JSON, always written in XML. */
export interface DocumentHeader {
  readonly versie: string;
  readonly iwmoRelease: '3.2';
  readonly afzender?: { readonly rol: 'gemeente' | 'aanbieder'; readonly code: string };
  readonly ontvanger?: { readonly rol: 'gemeente' | 'aanbieder'; readonly code: string };
  readonly identificatie?: string;
  readonly dagtekening?: IsoDate;
  /** `goeree-2016@1`: profile id and version. */
  readonly profiel?: string;
}

export type ExtensionDocument = Profile | ResultAgreement | ProviderDeterminedIntensity | LumpsumContract | ProviderReport | EigenBijdrageFeed;
export type DocumentKind = ExtensionDocument['kind'];
