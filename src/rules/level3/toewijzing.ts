/**
 * Level 3 on the toewijzing 301, checked by the aanbieder that receives it
 * (§6.1): a ToewijzingNummer names one assignment of one client, the
 * ReferentieAanbieder answers a request once, and an assignment with approved
 * declarations cannot be deleted.
 */
import { isVerwijderd } from '../../dossier/state.js';
import { say } from '../helpers.js';
import type { Rule } from '../rule.js';
import { dossierRule } from './define.js';

const TR332 = dossierRule({
  id: 'TR332',
  messages: ['WMO301'],
  retourcode: '9332',
  text: say(
    'Een ToewijzingNummer is uniek binnen het domein van de gemeente: het hoort bij één cliënt, één aanbieder, één product en één ingangsdatum.',
    "A ToewijzingNummer is unique in the gemeente's domain: it belongs to one client, one aanbieder, one product and one ingangsdatum.",
  ),
  check(message, context, { dossier, relation }) {
    for (const p of message.client.toegewezenProducten) {
      const t = dossier.toewijzing(relation.gemeente, p.toewijzingNummer);
      if (!t) continue;
      const was = t.current;
      const same =
        was.bsn === message.client.bsn &&
        was.aanbieder === relation.aanbieder &&
        was.product.product?.categorie === p.product?.categorie &&
        was.product.product?.code === p.product?.code &&
        was.product.ingangsdatum === p.ingangsdatum;
      if (!same) {
        context.finding(
          context.locator.node(p),
          say(
            `ToewijzingNummer ${p.toewijzingNummer} is al gebruikt voor een andere cliënt, aanbieder, product of ingangsdatum.`,
            `ToewijzingNummer ${p.toewijzingNummer} was already used for another client, aanbieder, product or ingangsdatum.`,
          ),
        );
      }
    }
  },
});

const TR359 = dossierRule({
  id: 'TR359',
  messages: ['WMO301'],
  retourcode: '9359',
  text: say(
    'Er is al een toewijzing gestuurd met deze ReferentieAanbieder.',
    'A toewijzing with this ReferentieAanbieder was sent before.',
  ),
  check(message, context, { dossier, relation }) {
    for (const p of message.client.toegewezenProducten) {
      if (p.referentieAanbieder === undefined) continue;
      const others = dossier.toewijzingenWithReferentie(relation, p.referentieAanbieder).filter((n) => n !== p.toewijzingNummer);
      if (others.length > 0) {
        context.finding(
          context.locator.node(p),
          say(
            `ReferentieAanbieder ${p.referentieAanbieder} is al beantwoord met toewijzing ${others[0]}.`,
            `ReferentieAanbieder ${p.referentieAanbieder} was already answered with toewijzing ${others[0]}.`,
          ),
        );
      }
    }
  },
});

const TR379 = dossierRule({
  id: 'TR379',
  messages: ['WMO301'],
  retourcode: '9379',
  text: say(
    'ReferentieAanbieder wordt alleen gevuld als de toewijzing voor het eerst wordt gestuurd als antwoord op een verzoek (VOT of VOW) van de aanbieder.',
    "ReferentieAanbieder is only filled when the toewijzing is first sent in answer to the aanbieder's request (VOT or VOW).",
  ),
  check(message, context, { dossier, relation }) {
    for (const p of message.client.toegewezenProducten) {
      const ref = p.referentieAanbieder;
      if (ref === undefined) continue;
      const requested = dossier.requestsWith(relation, ref).some((r) => r.bsn === message.client.bsn);
      const sentBefore = dossier.toewijzing(relation.gemeente, p.toewijzingNummer) !== undefined;
      if (!requested || sentBefore) {
        context.finding(
          context.locator.node(p),
          requested
            ? say(`Toewijzing ${p.toewijzingNummer} is al eerder gestuurd; ReferentieAanbieder hoort leeg te zijn.`, `Toewijzing ${p.toewijzingNummer} was sent before; ReferentieAanbieder must be empty.`)
            : say(`Er is geen verzoek met ReferentieAanbieder ${ref} voor deze cliënt.`, `There is no request with ReferentieAanbieder ${ref} for this client.`),
        );
      }
    }
  },
});

const TR385 = dossierRule({
  id: 'TR385',
  messages: ['WMO301'],
  retourcode: '9385',
  text: say(
    'Een toewijzing met goedgekeurde, niet gecrediteerde declaraties kan niet worden verwijderd (RedenWijziging 13).',
    'A toewijzing with approved declarations that were not credited cannot be deleted (RedenWijziging 13).',
  ),
  check(message, context, { dossier, relation }) {
    for (const p of message.client.toegewezenProducten) {
      if (!isVerwijderd(p)) continue;
      const open = dossier
        .prestatiesOnToewijzing(relation, p.toewijzingNummer)
        .filter((d) => d.status === 'approved' && d.prestatie.ingediendBedrag.debetCredit === 'D')
        .filter((d) => dossier.creditsOf(relation, p.toewijzingNummer, d.prestatie.productReferentie.referentieNummer).length === 0);
      if (open.length > 0) {
        context.finding(
          context.locator.node(p),
          say(
            `Op toewijzing ${p.toewijzingNummer} staat een goedgekeurde prestatie (${open[0]!.prestatie.productReferentie.referentieNummer}) die niet is gecrediteerd.`,
            `Toewijzing ${p.toewijzingNummer} has an approved Prestatie (${open[0]!.prestatie.productReferentie.referentieNummer}) that was not credited.`,
          ),
        );
      }
    }
  },
});

export const toewijzingRules: readonly Rule[] = [TR332, TR359, TR379, TR385];
