/**
 * Level 3 on messages as a whole and on the link of a class to a client:
 * TR056 (Identificatie unique per berichtsoort and sender) and TR304 (an
 * assignment named in a message belongs to another client).
 */
import { maskBsn } from '../../findings.js';
import { HEEN_BERICHTEN, locate, say } from '../helpers.js';
import type { Rule, RuleContext } from '../rule.js';
import { dossierRule, type DossierAccess } from './define.js';

const TR056 = dossierRule({
  id: 'TR056',
  messages: HEEN_BERICHTEN,
  retourcode: '9056',
  text: say(
    'De identificatie van het bericht moet uniek zijn per berichtsoort en verzender.',
    'The identification of a message must be unique per message kind and sender.',
  ),
  check(message, context, { dossier }) {
    const h = message.header;
    if (dossier.identificatieUsed(h.afzender, h.berichtCode, h.berichtIdentificatie.identificatie)) {
      context.finding(
        locate(context, h, 'berichtIdentificatie'),
        say(
          `Afzender ${h.afzender} heeft al een bericht ${h.berichtCode} met identificatie ${h.berichtIdentificatie.identificatie} gestuurd.`,
          `Sender ${h.afzender} already sent a message ${h.berichtCode} with identification ${h.berichtIdentificatie.identificatie}.`,
        ),
      );
    }
  },
});

function otherClient(context: RuleContext, access: DossierAccess, at: object, nummer: number | undefined, bsn: string): void {
  if (nummer === undefined) return;
  const t = access.dossier.toewijzing(access.relation.gemeente, nummer);
  if (t && t.current.aanbieder === access.relation.aanbieder && t.current.bsn !== bsn) {
    context.finding(
      context.locator.node(at),
      say(
        `Toewijzing ${nummer} hoort bij een andere cliënt dan ${maskBsn(bsn)}.`,
        `Toewijzing ${nummer} belongs to another client than ${maskBsn(bsn)}.`,
      ),
    );
  }
}

const TR304 = dossierRule({
  id: 'TR304',
  messages: ['WMO305', 'WMO307', 'WMO317', 'WMO323'],
  retourcode: '8187',
  text: say(
    'Een bericht mag alleen verwijzen naar een toewijzing van dezelfde cliënt (Bsn).',
    'A message may only refer to a toewijzing of the same client (Bsn).',
  ),
  check(message, context, access) {
    switch (message.type) {
      case 'WMO305':
      case 'JW305':
        for (const p of message.client.startProducten) otherClient(context, access, p, p.toewijzingNummer, message.client.bsn);
        break;
      case 'WMO307':
      case 'JW307':
        for (const p of message.client.stopProducten) otherClient(context, access, p, p.toewijzingNummer, message.client.bsn);
        break;
      case 'WMO317': {
        const v = message.client.verzoek;
        for (const p of v.ongewijzigdeProducten ?? []) otherClient(context, access, p, p.toewijzingNummer, message.client.bsn);
        for (const p of v.teWijzigenProducten ?? []) otherClient(context, access, p, p.toewijzingNummer, message.client.bsn);
        break;
      }
      case 'WMO323':
      case 'JW323':
        for (const client of message.declaratie.clienten) for (const p of client.prestaties) otherClient(context, access, p, p.toewijzingNummer, client.bsn);
        break;
    }
  },
});

export const berichtRules: readonly Rule[] = [TR056, TR304];
