/**
 * Level 3 on requests (VOT 315, VOW 317) and answers (319), §6.2: one
 * reference per request, no new request while one is onderhanden, a VOW that
 * lists exactly the client's current assignments and changes them in the
 * allowed ways, and answers that follow their request.
 */
import type { CDT_Product, WMO317TeWijzigenProduct } from '../../standard/generated/types.js';
import { isActueel, type Toewijzing } from '../../dossier/state.js';
import { isBericht, say, standardOfMessage } from '../helpers.js';
import { OVERLAP_EXEMPT } from '../overlap.js';
import type { Rule } from '../rule.js';
import { dagtekening, dossierRule, type DossierAccess } from './define.js';

const TR347 = dossierRule({
  id: 'TR347',
  messages: ['WMO315', 'WMO317'],
  retourcode: '9347',
  text: say('ReferentieAanbieder is uniek: een nieuw verzoek krijgt een nieuwe referentie.', 'ReferentieAanbieder is unique: a new request gets a new reference.'),
  check(message, context, { dossier, relation }) {
    const targets = isBericht(message, '315') ? message.client.aangevraagdeProducten : [message.client.verzoek];
    for (const target of targets) {
      if (dossier.requestsWith(relation, target.referentieAanbieder).length > 0) {
        context.finding(
          context.locator.node(target),
          say(`ReferentieAanbieder ${target.referentieAanbieder} is al gebruikt in een eerder verzoek.`, `ReferentieAanbieder ${target.referentieAanbieder} was used in an earlier request.`),
        );
      }
    }
  },
});

const TR374 = dossierRule({
  id: 'TR374',
  messages: ['WMO315', 'WMO317'],
  retourcode: '9374',
  text: say(
    'Er wordt geen nieuw verzoek voor een cliënt gestuurd zolang een eerder verzoek onderhanden is (niet afgewezen en niet met een toewijzing beantwoord).',
    'No new request for a client while an earlier one is onderhanden (neither refused nor answered with a toewijzing).',
  ),
  check(message, context, { dossier, relation }) {
    const open = dossier.openRequests(relation, message.client.bsn);
    if (open.length > 0) {
      context.finding(
        context.locator.node(message.client),
        say(`Het verzoek met referentie ${open[0]!.referentie} is nog onderhanden.`, `The request with reference ${open[0]!.referentie} is still onderhanden.`),
      );
    }
  },
});

/** The client's assignments that are actueel on the VOW's Dagtekening. */
function actueleToewijzingen(access: DossierAccess, bsn: string, date: string): Toewijzing[] {
  return access.dossier.toewijzingenOf(access.relation, bsn).filter((t) => isActueel(t.current.product, date));
}

const TR349 = dossierRule({
  id: 'TR349',
  messages: ['WMO317'],
  retourcode: '9349',
  text: say(
    'Een verzoek om wijziging noemt alle actuele toewijzingen van de cliënt, als ongewijzigd of te wijzigen product.',
    "A verzoek om wijziging lists all the client's current toewijzingen, as unchanged or to-change product.",
  ),
  check(message, context, access) {
    const v = message.client.verzoek;
    const listed = new Set([...(v.ongewijzigdeProducten ?? []), ...(v.teWijzigenProducten ?? [])].map((p) => p.toewijzingNummer));
    const missing = actueleToewijzingen(access, message.client.bsn, dagtekening(message)).filter((t) => !listed.has(t.nummer));
    if (missing.length > 0) {
      const numbers = missing.map((t) => t.nummer).join(', ');
      context.finding(context.locator.node(v), say(`Het verzoek mist actuele toewijzing(en) ${numbers}.`, `The request lacks current toewijzing(en) ${numbers}.`));
    }
  },
});

function notActueel(id: 'TR350' | 'TR351', code: string, prop: 'ongewijzigdeProducten' | 'teWijzigenProducten', what: { nl: string; en: string }): Rule {
  return dossierRule({
    id,
    messages: ['WMO317'],
    retourcode: code,
    text: say(`Een ${what.nl} verwijst naar een actuele toewijzing van de cliënt.`, `A ${what.en} refers to a current toewijzing of the client.`),
    check(message, context, access) {
      const actueel = new Set(actueleToewijzingen(access, message.client.bsn, dagtekening(message)).map((t) => t.nummer));
      for (const p of message.client.verzoek[prop] ?? []) {
        if (!actueel.has(p.toewijzingNummer)) {
          context.finding(
            context.locator.node(p),
            say(`Toewijzing ${p.toewijzingNummer} is geen actuele toewijzing van deze cliënt.`, `Toewijzing ${p.toewijzingNummer} is not a current toewijzing of this client.`),
          );
        }
      }
    },
  });
}

const TR350 = notActueel('TR350', '9350', 'ongewijzigdeProducten', { nl: 'OngewijzigdProduct', en: 'OngewijzigdProduct' });
const TR351 = notActueel('TR351', '9351', 'teWijzigenProducten', { nl: 'TeWijzigenProduct', en: 'TeWijzigenProduct' });

/** Runs `check` on every TeWijzigenProduct whose toewijzing is known. */
function perTeWijzigen(access: DossierAccess, products: readonly WMO317TeWijzigenProduct[] | undefined, check: (p: WMO317TeWijzigenProduct, t: Toewijzing) => void): void {
  for (const p of products ?? []) {
    const t = access.dossier.toewijzing(access.relation.gemeente, p.toewijzingNummer);
    if (t && t.current.aanbieder === access.relation.aanbieder) check(p, t);
  }
}

const TR357 = dossierRule({
  id: 'TR357',
  messages: ['WMO317'],
  retourcode: '9357',
  text: say(
    'Ligt de GewensteIngangsdatum op of voor de dagtekening, dan is zij gelijk aan de oorspronkelijke ingangsdatum van de toewijzing.',
    "A GewensteIngangsdatum on or before the dagtekening equals the toewijzing's original ingangsdatum.",
  ),
  check(message, context, access) {
    perTeWijzigen(access, message.client.verzoek.teWijzigenProducten, (p, t) => {
      const original = t.current.product.ingangsdatum;
      if (p.gewensteIngangsdatum <= dagtekening(message) && p.gewensteIngangsdatum !== original) {
        context.finding(
          context.locator.node(p),
          say(`GewensteIngangsdatum ${p.gewensteIngangsdatum} ligt in het verleden en is niet de ingangsdatum ${original}.`, `GewensteIngangsdatum ${p.gewensteIngangsdatum} is in the past and not the ingangsdatum ${original}.`),
        );
      }
    });
  },
});

const TR373 = dossierRule({
  id: 'TR373',
  messages: ['WMO317'],
  retourcode: '9373',
  text: say(
    'Een wijziging van Budget of van een totaalvolume (Frequentie 6) geldt vanaf de oorspronkelijke ingangsdatum.',
    'A change of Budget or of a total volume (Frequentie 6) starts on the original ingangsdatum.',
  ),
  check(message, context, access) {
    perTeWijzigen(access, message.client.verzoek.teWijzigenProducten, (p, t) => {
      const was = t.current.product;
      const budgetChange = was.budget !== undefined && p.budget !== undefined && p.budget !== was.budget;
      const totalChange = was.omvang?.frequentie === '6' && p.omvang !== undefined && p.omvang.volume !== was.omvang.volume;
      if ((budgetChange || totalChange) && p.gewensteIngangsdatum !== was.ingangsdatum) {
        context.finding(
          context.locator.node(p),
          say(`De wijziging moet ingaan op de oorspronkelijke ingangsdatum ${was.ingangsdatum}.`, `The change must start on the original ingangsdatum ${was.ingangsdatum}.`),
        );
      }
    });
  },
});

const TR375 = dossierRule({
  id: 'TR375',
  messages: ['WMO317'],
  retourcode: '9375',
  text: say('Omvang wordt niet gevuld bij het wijzigen van een toewijzing zonder ProductCode.', 'Omvang is not filled when changing a toewijzing without ProductCode.'),
  check(message, context, access) {
    perTeWijzigen(access, message.client.verzoek.teWijzigenProducten, (p, t) => {
      const was = t.current.product;
      if (p.omvang !== undefined && was.product?.code === undefined && was.budget === undefined) {
        context.finding(context.locator.node(p), say(`Toewijzing ${p.toewijzingNummer} heeft geen ProductCode; Omvang hoort leeg te zijn.`, `Toewijzing ${p.toewijzingNummer} has no ProductCode; Omvang must be empty.`));
      }
    });
  },
});

const TR411 = dossierRule({
  id: 'TR411',
  messages: ['WMO317'],
  retourcode: '9411',
  text: say('Omvang is verplicht bij het wijzigen van een toewijzing met Omvang.', 'Omvang is mandatory when changing a toewijzing that has one.'),
  check(message, context, access) {
    perTeWijzigen(access, message.client.verzoek.teWijzigenProducten, (p, t) => {
      if (t.current.product.omvang !== undefined && p.omvang === undefined) {
        context.finding(context.locator.node(p), say(`Toewijzing ${p.toewijzingNummer} heeft een Omvang; vul de gewenste Omvang.`, `Toewijzing ${p.toewijzingNummer} has an Omvang; fill the wanted Omvang.`));
      }
    });
  },
});

const TR412 = dossierRule({
  id: 'TR412',
  messages: ['WMO317'],
  retourcode: '9412',
  text: say('Omvang is niet toegestaan bij het wijzigen van een toewijzing met Budget.', 'Omvang is not allowed when changing a toewijzing with a Budget.'),
  check(message, context, access) {
    perTeWijzigen(access, message.client.verzoek.teWijzigenProducten, (p, t) => {
      if (t.current.product.budget !== undefined && p.omvang !== undefined) {
        context.finding(context.locator.node(p), say(`Toewijzing ${p.toewijzingNummer} heeft een Budget; Omvang hoort leeg te zijn.`, `Toewijzing ${p.toewijzingNummer} has a Budget; Omvang must be empty.`));
      }
    });
  },
});

/** The same product for stacking (OP259): the code, or the categorie without one; generiek is any product. */
function sameProduct(a: CDT_Product | undefined, b: CDT_Product | undefined): boolean {
  if (!a || !b) return true;
  if (a.code !== undefined && b.code !== undefined) return a.categorie === b.categorie && a.code === b.code;
  return a.categorie === b.categorie;
}

const TR361 = dossierRule({
  id: 'TR361',
  messages: ['WMO317'],
  retourcode: '9361',
  text: say(
    'Een nieuw product in een verzoek om wijziging overlapt niet met een actuele toewijzing van hetzelfde product (in iWmo hulpmiddelen 11–14 uitgezonderd).',
    'A new product in a verzoek om wijziging does not overlap a current toewijzing of the same product (in iWmo hulpmiddelen 11–14 excepted).',
  ),
  check(message, context, access) {
    // The hulpmiddelen exemption is iWmo's; iJw has none (iJw spec §5.2), as for TR302 at level 2.
    const exempt = OVERLAP_EXEMPT[standardOfMessage(message)];
    const actueel = actueleToewijzingen(access, message.client.bsn, dagtekening(message));
    const changed = new Set((message.client.verzoek.teWijzigenProducten ?? []).map((p) => p.toewijzingNummer));
    for (const nieuw of message.client.verzoek.nieuweProducten ?? []) {
      if (nieuw.product && exempt.has(nieuw.product.categorie)) continue;
      const end = nieuw.einddatum ?? '9999-12-31';
      const overlap = actueel.find((t) => {
        const p = t.current.product;
        if (changed.has(t.nummer)) return false;
        if (p.product && exempt.has(p.product.categorie)) return false;
        return sameProduct(p.product, nieuw.product) && p.ingangsdatum <= end && (p.einddatum ?? '9999-12-31') >= nieuw.gewensteIngangsdatum;
      });
      if (overlap) {
        context.finding(
          context.locator.node(nieuw),
          say(`Het nieuwe product overlapt met actuele toewijzing ${overlap.nummer}.`, `The new product overlaps current toewijzing ${overlap.nummer}.`),
        );
      }
    }
  },
});

const TR355 = dossierRule({
  id: 'TR355',
  messages: ['WMO319'],
  retourcode: '9355',
  text: say('Een antwoordbericht noemt de ReferentieAanbieder van een verzoek van de aanbieder.', "An antwoordbericht names the ReferentieAanbieder of the aanbieder's request."),
  check(message, context, { dossier, relation }) {
    const ref = message.antwoord.referentieAanbieder;
    if (dossier.requestsWith(relation, ref).length === 0) {
      context.finding(context.locator.node(message.antwoord), say(`Er is geen verzoek met ReferentieAanbieder ${ref}.`, `There is no request with ReferentieAanbieder ${ref}.`));
    }
  },
});

const TR360 = dossierRule({
  id: 'TR360',
  messages: ['WMO319'],
  retourcode: '9360',
  text: say('Per verzoek wordt maar één keer "aanvraag in onderzoek" geantwoord.', 'A request gets "aanvraag in onderzoek" only once.'),
  check(message, context, { dossier, relation }) {
    const ref = message.antwoord.referentieAanbieder;
    if (message.antwoord.verzoekAntwoord === '2' && dossier.answersOn(relation, ref).some((a) => a.verzoekAntwoord === '2')) {
      context.finding(context.locator.node(message.antwoord), say(`Verzoek ${ref} is al in onderzoek.`, `Request ${ref} is already being investigated.`));
    }
  },
});

const TR365 = dossierRule({
  id: 'TR365',
  messages: ['WMO319'],
  retourcode: '9365',
  text: say('Een tweede antwoord op een verzoek volgt alleen op "aanvraag in onderzoek".', 'A second answer to a request only follows "aanvraag in onderzoek".'),
  check(message, context, { dossier, relation }) {
    const ref = message.antwoord.referentieAanbieder;
    const last = dossier.answersOn(relation, ref).at(-1);
    if (last && last.verzoekAntwoord !== '2') {
      context.finding(context.locator.node(message.antwoord), say(`Verzoek ${ref} is al afgewezen.`, `Request ${ref} was already refused.`));
    }
  },
});

export const verzoekRules: readonly Rule[] = [TR347, TR349, TR350, TR351, TR355, TR357, TR360, TR361, TR365, TR373, TR374, TR375, TR411, TR412];
