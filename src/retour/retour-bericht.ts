/**
 * The retour messages 302/306/308/316/318/320, built from the heen-bericht
 * they answer (§2.8, IV028). The body is copied by walking the retour's own
 * descriptors, so every berichtklasse the XSD gives RetourCodes gets them,
 * without a hand-written list of classes.
 */
import type { Finding } from '../findings.js';
import type { JW323, WMO323 } from '../standard/generated/types.js';
import { standardOf } from '../standard/standards.js';
import { copyInto, type ClassSlot } from './copy.js';
import { codesPerClass, isWithin, judge } from './judgement.js';
import { deriveIdentificatie } from './identificatie.js';
import { ANTWOORD_BERICHT, type HeenMessage, type RetourFor } from './messages.js';
import { resolveOptions, type RetourOptions } from './options.js';

export type RetourHeenMessage = Exclude<HeenMessage, WMO323 | JW323>;

/** Builds the retour (302…320) on a heen-bericht; undefined when a level-1 error means there is no retour. */
export function buildRetourBericht<H extends RetourHeenMessage>(heen: H, findings: readonly Finding[], options: RetourOptions = {}): RetourFor<H> | undefined {
  const retourId = ANTWOORD_BERICHT[heen.type];
  // The retour of the heen-bericht's own standard (JW301 → JW302).
  const standard = standardOf(retourId);
  const descriptor = standard.messages[retourId]!;
  const rootType = standard.complexTypes[descriptor.root.complexType!]!;
  // The body root: Client, or Antwoord for the 320.
  const bodyElement = rootType.children.find((c) => c.name !== 'Header')!;
  const bodyPath = `/Bericht/${bodyElement.name}`;

  const judgement = judge(findings, bodyPath);
  if (judgement.kind === 'level-1') return undefined;
  const resolved = resolveOptions(options);
  const h = heen.header;

  const headerCodes =
    judgement.kind === 'level-2' ? ['0001'] : judgement.kind === 'header' ? [...judgement.codes] : judgement.kind === 'body' ? ['0200'] : undefined;
  const header = {
    berichtCode: descriptor.berichtCode,
    berichtVersie: h.berichtVersie,
    berichtSubversie: h.berichtSubversie,
    // Not swapped: the retour names the heen-bericht's sender and receiver (§2.8).
    afzender: h.afzender,
    ontvanger: h.ontvanger,
    berichtIdentificatie: { identificatie: h.berichtIdentificatie.identificatie, dagtekening: h.berichtIdentificatie.dagtekening },
    xsdVersie: { basisschemaXsdVersie: h.xsdVersie.basisschemaXsdVersie, berichtXsdVersie: h.xsdVersie.berichtXsdVersie },
    identificatieRetour: resolved.identificatie ?? deriveIdentificatie('R', h),
    dagtekeningRetour: resolved.dagtekening,
    xsltVersie: resolved.xsltVersie,
    xsdVersieRetour: resolved.xsdVersie ?? { basisschemaXsdVersie: descriptor.basisschemaXsdVersie, berichtXsdVersie: descriptor.berichtXsdVersie },
    ...(headerCodes ? { retourCodes: headerCodes } : {}),
  };
  const retour: Record<string, unknown> = { type: retourId, header };

  if (judgement.kind === 'body') {
    const classes: ClassSlot[] = [];
    const heenBody = (heen as unknown as Record<string, unknown>)[bodyElement.prop];
    retour[bodyElement.prop] = copyInto(standard, heenBody, standard.complexTypes[bodyElement.complexType!]!, bodyPath, classes);
    const codes = codesPerClass(judgement.located, classes.map((c) => c.path));
    const rejected = [...codes.keys()];
    for (const slot of classes) {
      const own = codes.get(slot.path);
      const belowRejected = rejected.some((r) => r !== slot.path && isWithin(slot.path, r));
      slot.target[slot.prop] = own ?? [belowRejected ? resolved.belowRejectedClass : '0200'];
    }
  }
  return retour as unknown as RetourFor<H>;
}
