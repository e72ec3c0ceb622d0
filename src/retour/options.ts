import type { CDT_XsdVersie } from '../standard/generated/types.js';
import { RULESET_VERSION } from './version.js';
import { dateOf } from './identificatie.js';

export interface RetourOptions {
  /** The moment the answer is made; its date is the default DagtekeningRetour (325: Dagtekening). Default: now. */
  readonly now?: Date;
  /**
   * IdentificatieRetour of a retour, or the 325's own BerichtIdentificatie/Identificatie
   * (1–12 characters, not blank). Default: derived from the heen-bericht's header,
   * so the same heen-bericht always gets the same id.
   */
  readonly identificatie?: string;
  /** DagtekeningRetour, or the 325's BerichtIdentificatie/Dagtekening (`YYYY-MM-DD`). Default: the date of `now`. */
  readonly dagtekening?: string;
  /** XsltVersie: the version of the rules that judged the heen-bericht. Default RULESET_VERSION. */
  readonly xsltVersie?: string;
  /**
   * Retourcode for a class without a problem of its own that lies below a
   * rejected class (IV028 allows 0233 "niet beoordeeld"). Default `0200`: the
   * rules of this library check every class, whether or not a class above it
   * was rejected, so such a class was judged and found in order.
   * Not used in the 325, where IV087 prescribes 0233 for the Prestaties of a rejected Client.
   */
  readonly belowRejectedClass?: '0200' | '0233';
  /**
   * The XSD versions the answer states as its own (XsdVersieRetour; in a 325 its XsdVersie). Default: the
   * appinfo of the XSDs in use. The iJw 3.2 XSDs at hand are concept versions (`0.1.0`); production XSDs
   * very probably say `1.0.0` (iJw spec §1.2), which a caller can state here.
   */
  readonly xsdVersie?: CDT_XsdVersie;
}

export interface ResolvedRetourOptions {
  readonly xsdVersie: CDT_XsdVersie | undefined;
  readonly identificatie: string | undefined;
  readonly dagtekening: string;
  readonly xsltVersie: string;
  readonly belowRejectedClass: '0200' | '0233';
}

export function resolveOptions(options: RetourOptions): ResolvedRetourOptions {
  return {
    identificatie: options.identificatie,
    dagtekening: options.dagtekening ?? dateOf(options.now ?? new Date()),
    xsltVersie: options.xsltVersie ?? RULESET_VERSION,
    belowRejectedClass: options.belowRejectedClass ?? '0200',
    xsdVersie: options.xsdVersie ? { ...options.xsdVersie } : undefined,
  };
}
