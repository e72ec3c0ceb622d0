/**
 * Does a received 323 agree with the intensity history and the contract?
 * Spec §3.5: a mismatch is a warning with an EXT rule id, never a standard
 * rejection — the declaration itself stays valid iWmo.
 */
import type { Finding } from '../../findings.js';
import type { WMO323 } from '../../standard/generated/types.js';
import type { Profile, ProviderDeterminedIntensity } from '../model.js';
import { compareDates } from './calendar.js';
import { extFinding } from './findings.js';
import { intensityWeeks } from './projections.js';

export function checkDeclaration(message: WMO323, intensity: ProviderDeterminedIntensity, profile: Profile): Finding[] {
  const computed = intensityWeeks(intensity, profile);
  if ('findings' in computed) return computed.findings.map((f) => ({ ...f, severity: 'warning' as const }));
  const { weeks } = computed;
  const mandate = intensity.mandate.period;
  const categorie = profile.variantPerProductGroup[intensity.productGroup]?.categorie;
  const findings: Finding[] = [];
  message.declaratie.clienten.forEach((client, c) => {
    if (intensity.link.bsn !== undefined && client.bsn !== intensity.link.bsn) return;
    client.prestaties.forEach((p, i) => {
      if (intensity.link.toewijzingNummer !== undefined && p.toewijzingNummer !== intensity.link.toewijzingNummer) return;
      if (p.ingediendBedrag.debetCredit === 'C') return;
      const path = `/Bericht/Declaratie/Clienten/Client[${c + 1}]/Prestaties/Prestatie[${i + 1}]`;
      const { begindatum, einddatum } = p.productPeriode;
      if (compareDates(begindatum, mandate.start) < 0 || compareDates(einddatum, mandate.end) > 0) {
        findings.push(
          extFinding('EXT216', `${path}/ProductPeriode`, `ProductPeriode ${begindatum} – ${einddatum} valt buiten het mandaat ${mandate.start} – ${mandate.end}.`, `ProductPeriode ${begindatum} – ${einddatum} lies outside the mandate ${mandate.start} – ${mandate.end}.`, 'warning'),
        );
        return;
      }
      if (categorie !== undefined && p.productCategorie !== categorie) return;
      const month = begindatum.slice(0, 7);
      const inMonth = weeks.filter((w) => w.month === month);
      const expected = inMonth.filter((w) => w.code === p.productCode);
      if (expected.length === 0) {
        const levels = [...new Set(inMonth.map((w) => `${w.level} (${w.code})`))].join(', ') || '—';
        findings.push(
          extFinding(
            'EXT214',
            `${path}/ProductCode`,
            `Code ${p.productCode} hoort bij geen niveau dat de intensiteitsgeschiedenis in ${month} toont; verwacht: ${levels}.`,
            `Code ${p.productCode} matches no level the intensity history shows in ${month}; expected: ${levels}.`,
            'warning',
          ),
        );
        return;
      }
      if (p.geleverdVolume > expected.length) {
        findings.push(
          extFinding(
            'EXT214',
            `${path}/GeleverdVolume`,
            `${p.geleverdVolume} weken met code ${p.productCode} in ${month}, de intensiteitsgeschiedenis geeft er ${expected.length}.`,
            `${p.geleverdVolume} weeks with code ${p.productCode} in ${month}; the intensity history gives ${expected.length}.`,
            'warning',
          ),
        );
      }
      const tariff = expected[0]!.tarief;
      if (p.productTarief !== undefined && p.productTarief !== tariff) {
        findings.push(
          extFinding('EXT215', `${path}/ProductTarief`, `ProductTarief ${p.productTarief} wijkt af van het contracttarief ${tariff} voor code ${p.productCode}.`, `ProductTarief ${p.productTarief} differs from the contract tariff ${tariff} for code ${p.productCode}.`, 'warning'),
        );
      } else if (p.ingediendBedrag.bedrag !== p.geleverdVolume * tariff) {
        findings.push(
          extFinding(
            'EXT215',
            `${path}/IngediendBedrag`,
            `IngediendBedrag ${p.ingediendBedrag.bedrag} is niet ${p.geleverdVolume} × het contracttarief ${tariff}.`,
            `IngediendBedrag ${p.ingediendBedrag.bedrag} is not ${p.geleverdVolume} × the contract tariff ${tariff}.`,
            'warning',
          ),
        );
      }
    });
  });
  return findings;
}
