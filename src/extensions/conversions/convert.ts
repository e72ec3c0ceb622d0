/** `convert(rule, input, profile)` for C1–C10 and `project(document, profile)`: one entry each, the report always beside the output. */
import { isError, type Finding } from '../../findings.js';
import { validateDocument } from '../documents/index.js';
import type { WMO301 } from '../../standard/generated/types.js';
import type { ExtensionDocument, LumpsumContract, Profile, ResultAgreement } from '../model.js';
import { convertC10, convertC5, convertC6, convertC9, type AssignmentProposal, type C10Options, type C5Options, type C6Input, type C9Options, type ClientCost, type LumpsumConversion } from './contract-rules.js';
import { extFinding } from './findings.js';
import { convertC8, type C8Input, type FourWeeklyFromDeclarations, type MonthlyFromReport } from './periods.js';
import { convertC1, convertC2, convertC3, convertC4, type C1Options, type C2Options, type C3Options, type C4Options, type ConvertedMessages } from './product-rules.js';
import { projectIntensity, projectResultAgreement, type IntensityProjection, type ProjectionOptions, type ResultProjection } from './projections.js';
import { CONVERSION_ALIASES, conversionRuleOf, type ConversionAlias, type ConversionResult, type ConversionRule, type Converted, type Refused } from './report.js';

export interface ConversionInputs {
  C1: WMO301;
  C2: WMO301;
  C3: WMO301;
  C4: WMO301;
  C5: readonly WMO301[];
  C6: C6Input;
  C7: ResultAgreement;
  C8: C8Input;
  C9: LumpsumContract;
  C10: LumpsumContract;
}

export interface ConversionOptions {
  C1: C1Options;
  C2: C2Options;
  C3: C3Options;
  C4: C4Options;
  C5: C5Options;
  C6: Record<string, never>;
  C7: ProjectionOptions;
  C8: Record<string, never>;
  C9: C9Options;
  C10: C10Options;
}

export interface ConversionOutputs {
  C1: ConvertedMessages;
  C2: ConvertedMessages;
  C3: ConvertedMessages;
  C4: ConvertedMessages;
  C5: LumpsumConversion;
  C6: { readonly proposals: readonly AssignmentProposal[] };
  C7: ResultProjection;
  C8: MonthlyFromReport | FourWeeklyFromDeclarations;
  C9: { readonly contract: LumpsumContract };
  C10: ClientCost;
}

export type ConversionName = ConversionRule | ConversionAlias;
/** `specific-to-budget` → `C2`. */
export type RuleOf<N extends ConversionName> = N extends ConversionAlias ? (typeof CONVERSION_ALIASES)[N] : N;

/** Extension documents are checked like `iwmo ext validate` checks them (schema and invariants) before anything is converted. */
function documentProblems(document: unknown, kinds: readonly string[], path: string): Finding[] {
  const kind = (document as { kind?: unknown } | undefined)?.kind;
  if (typeof kind !== 'string' || !kinds.includes(kind)) {
    return [extFinding('EXT218', path, `Verwacht een document van soort ${kinds.join(' of ')}.`, `Expected a document of kind ${kinds.join(' or ')}.`)];
  }
  const report = validateDocument(document as ExtensionDocument);
  if (report.accepted) return [];
  return [
    extFinding('EXT218', path, `Het ${kind}-document is niet geldig; zie de bevindingen hierna.`, `The ${kind} document is not valid; see the findings below.`),
    ...report.findings.filter(isError).map((f) => ({ ...f, path: `${path}${f.path === '/' ? '' : f.path}` })),
  ];
}

function profileProblems(profile: Profile): Finding[] {
  return documentProblems(profile, ['Profile'], '/profile');
}

/** The extension documents a rule reads, checked before it runs. */
function inputProblems(id: ConversionRule, input: unknown, options: Record<string, unknown>): Finding[] {
  switch (id) {
    case 'C3':
      return options.intensity === undefined ? [] : documentProblems(options.intensity, ['ProviderDeterminedIntensity'], '/options/intensity');
    case 'C6': {
      const { contract, intensities } = (input ?? {}) as Partial<C6Input>;
      return [...documentProblems(contract, ['LumpsumContract'], '/contract'), ...(Array.isArray(intensities) ? intensities.flatMap((d, i) => documentProblems(d, ['ProviderDeterminedIntensity'], `/intensities/${i}`)) : [])];
    }
    case 'C7':
      return documentProblems(input, ['ResultAgreement'], '/input');
    case 'C8':
      return Array.isArray(input) ? [] : documentProblems(input, ['ProviderReport'], '/input');
    case 'C9':
    case 'C10':
      return documentProblems(input, ['LumpsumContract'], '/input');
    default:
      return [];
  }
}

/**
 * Converts between funding forms by rule C1–C10 (or its descriptive name).
 * Never throws on bad input: a refusal is `{ ok: false, findings }`, and a
 * conversion is always `{ ok: true, output, report }` — no output without its report.
 */
export function convert<N extends ConversionName>(rule: N, input: ConversionInputs[RuleOf<N>], profile: Profile, options?: ConversionOptions[RuleOf<N>]): ConversionResult<ConversionOutputs[RuleOf<N>]>;
export function convert(rule: string, input: unknown, profile: Profile, options?: unknown): ConversionResult<unknown>;
export function convert(rule: string, input: unknown, profile: Profile, options: unknown = {}): ConversionResult<unknown> {
  const id = conversionRuleOf(String(rule));
  if (!id) {
    return { ok: false, findings: [extFinding('EXT218', '/rule', `Onbekende omzetting '${String(rule)}'; kies C1 … C10.`, `Unknown conversion '${String(rule)}'; choose C1 … C10.`)] } satisfies Refused;
  }
  const problems = [...profileProblems(profile), ...inputProblems(id, input, (options ?? {}) as Record<string, unknown>)];
  if (problems.length) return { ok: false, rule: id, findings: problems };
  const o = (options ?? {}) as never;
  try {
    switch (id) {
      case 'C1':
        return convertC1(input as WMO301, profile, o);
      case 'C2':
        return convertC2(input as WMO301, profile, o);
      case 'C3':
        return convertC3(input as WMO301, profile, o);
      case 'C4':
        return convertC4(input as WMO301, profile, o);
      case 'C5':
        return convertC5(input as readonly WMO301[], profile, o);
      case 'C6':
        return convertC6(input as C6Input, profile);
      case 'C7': {
        const result = projectResultAgreement(input as ResultAgreement, profile, o);
        return result.ok ? ({ ...result } satisfies Converted<ResultProjection>) : { ok: false, rule: 'C7', findings: result.findings };
      }
      case 'C8':
        return convertC8(input as C8Input, profile);
      case 'C9':
        return convertC9(input as LumpsumContract, profile, o);
      case 'C10':
        return convertC10(input as LumpsumContract, profile, o);
    }
  } catch (error) {
    // Input of the wrong shape (a missing client, a string for a list) is refused, not thrown.
    return {
      ok: false,
      rule: id,
      findings: [extFinding('EXT204', '/', `De invoer past niet bij ${id}: ${(error as Error).message}.`, `The input does not fit ${id}: ${(error as Error).message}.`)],
    };
  }
}

export type Projection = IntensityProjection | ResultProjection;

/**
 * Projects an extension document into standard messages: a
 * ProviderDeterminedIntensity into an aspecific 301 and monthly 323s per level
 * code (E2), a ResultAgreement by C7. Contract-level documents are refused:
 * their money has no client and no assignment, so it can never be a Prestatie.
 */
export function project(document: ExtensionDocument, profile: Profile, options: ProjectionOptions = {}): ConversionResult<Projection> {
  const problems = profileProblems(profile);
  if (problems.length) return { ok: false, findings: problems };
  const kind = (document as { kind?: unknown } | undefined)?.kind;
  if (kind === 'ProviderDeterminedIntensity' || kind === 'ResultAgreement') {
    const invalid = documentProblems(document, [kind], '/document');
    if (invalid.length) return { ok: false, findings: invalid };
  }
  try {
    switch (document?.kind) {
      case 'ProviderDeterminedIntensity': {
        const result = projectIntensity(document, profile, options);
        return result.ok ? result : { ok: false, rule: 'intensity-projection', findings: result.findings };
      }
      case 'ResultAgreement': {
        const result = projectResultAgreement(document, profile, options);
        return result.ok ? result : { ok: false, rule: 'C7', findings: result.findings };
      }
      case 'LumpsumContract':
      case 'ProviderReport':
        return {
          ok: false,
          findings: [
            extFinding(
              'EXT209',
              '/kind',
              `Een ${document.kind} heeft geen cliënt en geen toewijzing: lumpsumtermijnen, bandcorrecties, toeslagen en nacalculatie worden nooit als 323-Prestatie verstuurd (TR338, OP276); ze reizen als apart document.`,
              `A ${document.kind} has no client and no assignment: lump-sum instalments, band corrections, supplements and nacalculatie are never sent as a 323 Prestatie (TR338, OP276); they travel as a separate document.`,
            ),
          ],
        };
      default:
        return {
          ok: false,
          findings: [extFinding('EXT204', '/kind', `Van '${String((document as { kind?: unknown })?.kind)}' bestaat geen projectie; wel van ProviderDeterminedIntensity en ResultAgreement.`, `There is no projection of '${String((document as { kind?: unknown })?.kind)}'; there is of ProviderDeterminedIntensity and ResultAgreement.`)],
        };
    }
  } catch (error) {
    return { ok: false, findings: [extFinding('EXT204', '/', `Het document past niet: ${(error as Error).message}.`, `The document does not fit: ${(error as Error).message}.`)] };
  }
}
