/**
 * TR342 on a built 325, written from the rule text (spec §5.4), independent of
 * the builder: only rejected Prestaties come back; when the DeclaratieAntwoord
 * codes are all 0200/8001, the returned Prestaties (debet − credit) make up
 * exactly TotaalIngediend − TotaalToegekend; otherwise nothing is awarded.
 */
import type { CDT_BedragMetDC, CDT_TotaalBedragMetDC, WMO325 } from '../../src/index.js';

const signed = (amount: CDT_BedragMetDC | CDT_TotaalBedragMetDC): number => {
  const value = 'bedrag' in amount ? amount.bedrag : amount.totaalBedrag;
  return amount.debetCredit === 'C' ? -value : value;
};

/** The problems TR342 finds in a 325 (none when it holds). */
export function tr342Problems(antwoord: WMO325): string[] {
  const da = antwoord.declaratieAntwoord;
  if (!da) return [];
  const problems: string[] = [];
  const returned = (da.clienten ?? []).flatMap((c) => c.prestaties);
  for (const p of returned) {
    if (p.retourCodes.every((code) => code === '0200' || code === '8001')) problems.push(`Prestatie ${p.productReferentie.referentieNummer} is returned without a rejecting code`);
  }
  const returnedSum = returned.reduce((sum, p) => sum + signed(p.ingediendBedrag), 0);
  const difference = signed(da.totaalIngediendBedrag) - signed(da.totaalToegekendBedrag);
  if (da.retourCodes.every((code) => code === '0200' || code === '8001')) {
    if (returnedSum !== difference) problems.push(`returned Prestaties sum to ${returnedSum}, ingediend − toegekend is ${difference}`);
  } else if (da.totaalToegekendBedrag.totaalBedrag !== 0) {
    problems.push('the DeclaratieAntwoord is rejected but TotaalToegekendBedrag is not 0');
  }
  if (da.totaalToegekendBedrag.totaalBedrag === 0 && da.totaalToegekendBedrag.debetCredit !== 'D') problems.push('CS325: a zero total must be debet');
  return problems;
}
