/**
 * Level 3 on start (305) and stop (307) messages (§6.3): the link to the
 * toewijzing, deletions of what was delivered, one actual start per
 * toewijzing, a stop only on a start, and the order of temporary and
 * definitive stops (TR413–415).
 */
import type { WMO305StartProduct, WMO307StopProduct } from '../../standard/generated/types.js';
import { isVerwijderd, leveringKey } from '../../dossier/state.js';
import { isBericht, say } from '../helpers.js';
import type { Rule } from '../rule.js';
import { dossierRule, matchesAssigned } from './define.js';

const TEMPORARY = '20';

function describeKey(item: WMO305StartProduct | WMO307StopProduct): { nl: string; en: string } {
  const what = item.toewijzingNummer !== undefined ? `toewijzing ${item.toewijzingNummer}` : `product ${item.product?.categorie ?? 'generiek'}/${item.product?.code ?? ''}`;
  return { nl: `${what} met begindatum ${item.begindatum}`, en: `${what} with begindatum ${item.begindatum}` };
}

const TR019 = dossierRule({
  id: 'TR019',
  messages: ['WMO305', 'WMO307'],
  retourcode: '9019',
  text: say(
    'Een start- of stopbericht moet te koppelen zijn aan een toewijzing: hetzelfde ToewijzingNummer, Product en ToewijzingIngangsdatum.',
    'A start or stop must link to a toewijzing: the same ToewijzingNummer, Product and ToewijzingIngangsdatum.',
  ),
  check(message, context, { dossier, relation }) {
    const items = isBericht(message, '305') ? message.client.startProducten : message.client.stopProducten;
    for (const item of items) {
      if (item.toewijzingNummer === undefined) continue;
      const t = dossier.toewijzing(relation.gemeente, item.toewijzingNummer);
      // Another client's toewijzing is TR304's finding.
      if (t && t.current.aanbieder === relation.aanbieder && t.current.bsn !== message.client.bsn) continue;
      const p = t?.current.product;
      const linked =
        t !== undefined &&
        p !== undefined &&
        t.current.aanbieder === relation.aanbieder &&
        !isVerwijderd(p) &&
        matchesAssigned(p.product, item.product?.categorie, item.product?.code) &&
        (item.toewijzingIngangsdatum === undefined || item.toewijzingIngangsdatum === p.ingangsdatum);
      if (!linked) {
        context.finding(
          context.locator.node(item),
          say(
            `Er is geen toewijzing ${item.toewijzingNummer} met dit product en deze ingangsdatum voor deze cliënt.`,
            `There is no toewijzing ${item.toewijzingNummer} with this product and ingangsdatum for this client.`,
          ),
        );
      }
    }
  },
});

const TR063 = dossierRule({
  id: 'TR063',
  messages: ['WMO305', 'WMO307'],
  retourcode: '9063',
  text: say(
    'Een verwijdering (StatusAanlevering 3) kan alleen wat eerder is aangeleverd met dezelfde sleutel.',
    'A deletion (StatusAanlevering 3) needs an earlier delivery with the same key.',
  ),
  check(message, context, { dossier, relation }) {
    const bsn = message.client.bsn;
    if (isBericht(message, '305')) {
      for (const item of message.client.startProducten) {
        if (item.statusAanlevering === '3' && !dossier.levering(relation, bsn, item).start) {
          const k = describeKey(item);
          context.finding(context.locator.node(item), say(`Er is geen start van ${k.nl} om te verwijderen.`, `There is no start of ${k.en} to delete.`));
        }
      }
    } else {
      for (const item of message.client.stopProducten) {
        if (item.statusAanlevering !== '3') continue;
        const stops = dossier.levering(relation, bsn, item).stops;
        if (!stops.some((s) => s.redenBeeindiging === item.redenBeeindiging && s.einddatum === item.einddatum)) {
          const k = describeKey(item);
          context.finding(context.locator.node(item), say(`Er is geen stop van ${k.nl} met deze reden en einddatum om te verwijderen.`, `There is no stop of ${k.en} with this reason and einddatum to delete.`));
        }
      }
    }
  },
});

const TR071 = dossierRule({
  id: 'TR071',
  messages: ['WMO305'],
  retourcode: '9071',
  text: say('Een start kan niet worden verwijderd als de zorg al is beëindigd.', 'A start cannot be deleted once the care has been stopped.'),
  check(message, context, { dossier, relation }) {
    for (const item of message.client.startProducten) {
      if (item.statusAanlevering !== '3') continue;
      const levering = dossier.levering(relation, message.client.bsn, item);
      if (levering.start && levering.stops.length > 0) {
        context.finding(context.locator.node(item), say('Deze start heeft al een stop; verwijder eerst de stop.', 'This start already has a stop; delete the stop first.'));
      }
    }
  },
});

const TR074 = dossierRule({
  id: 'TR074',
  messages: ['WMO305', 'WMO307'],
  retourcode: '9074',
  text: say('Er is al een bericht aangeleverd met dezelfde sleutel.', 'A message with the same key was delivered before.'),
  check(message, context, { dossier, relation }) {
    const bsn = message.client.bsn;
    if (isBericht(message, '305')) {
      for (const item of message.client.startProducten) {
        if (item.statusAanlevering === '1' && dossier.levering(relation, bsn, item).start) {
          const k = describeKey(item);
          context.finding(context.locator.node(item), say(`De start van ${k.nl} is al aangeleverd.`, `The start of ${k.en} was delivered before.`));
        }
      }
    } else {
      for (const item of message.client.stopProducten) {
        if (item.statusAanlevering !== '1') continue;
        if (dossier.levering(relation, bsn, item).stops.some((s) => s.redenBeeindiging === item.redenBeeindiging && s.einddatum === item.einddatum)) {
          const k = describeKey(item);
          context.finding(context.locator.node(item), say(`Deze stop van ${k.nl} is al aangeleverd.`, `This stop of ${k.en} was delivered before.`));
        }
      }
    }
  },
});

const TR326 = dossierRule({
  id: 'TR326',
  messages: ['WMO305'],
  retourcode: '9326',
  text: say(
    'Per toegewezen product is er één actuele start: een nieuwe start kan pas als de vorige levering is gestopt.',
    'There is one actual start per assigned product: a new start needs the previous delivery to be stopped.',
  ),
  check(message, context, { dossier, relation }) {
    // A correction deletes the old start and delivers the new one in one message (IV008): the deleted one no longer counts.
    const deleted = new Set(message.client.startProducten.filter((i) => i.statusAanlevering === '3').map((i) => leveringKey(message.client.bsn, i)));
    for (const item of message.client.startProducten) {
      if (item.statusAanlevering !== '1') continue;
      const open = dossier
        .leveringenOfOwner(relation, message.client.bsn, item)
        .filter((l) => l.start && !deleted.has(leveringKey(message.client.bsn, l.start)) && l.start.begindatum !== item.begindatum && l.stops.length === 0);
      if (open.length > 0) {
        context.finding(
          context.locator.node(item),
          say(`De levering die startte op ${open[0]!.start!.begindatum} is nog niet gestopt.`, `The delivery that started on ${open[0]!.start!.begindatum} has not been stopped.`),
        );
      }
    }
  },
});

const TR382 = dossierRule({
  id: 'TR382',
  messages: ['WMO307'],
  retourcode: '9069',
  text: say('Een stop vraagt een actueel startbericht met dezelfde sleutel.', 'A stop needs an actual start with the same key.'),
  check(message, context, { dossier, relation }) {
    for (const item of message.client.stopProducten) {
      if (item.statusAanlevering !== '1') continue;
      if (!dossier.levering(relation, message.client.bsn, item).start) {
        const k = describeKey(item);
        context.finding(context.locator.node(item), say(`Er is geen actuele start van ${k.nl}.`, `There is no actual start of ${k.en}.`));
      }
    }
  },
});

const TR413 = dossierRule({
  id: 'TR413',
  messages: ['WMO307'],
  retourcode: '9413',
  text: say(
    'Na een tijdelijke stop (reden 20) volgt zonder nieuwe start alleen een definitieve stop.',
    'After a temporary stop (reason 20), only a definitive stop may follow without a new start.',
  ),
  check(message, context, { dossier, relation }) {
    for (const item of message.client.stopProducten) {
      if (item.statusAanlevering !== '1' || item.redenBeeindiging !== TEMPORARY) continue;
      const stops = dossier.levering(relation, message.client.bsn, item).stops;
      if (stops.some((s) => s.redenBeeindiging === TEMPORARY) && !stops.some((s) => s.redenBeeindiging !== TEMPORARY)) {
        context.finding(context.locator.node(item), say('Deze levering is al tijdelijk gestopt.', 'This delivery was already stopped temporarily.'));
      }
    }
  },
});

const TR414 = dossierRule({
  id: 'TR414',
  messages: ['WMO307'],
  retourcode: '9414',
  text: say(
    'De einddatum van een definitieve stop na een tijdelijke stop ligt niet voor de einddatum van de tijdelijke stop.',
    'A definitive stop after a temporary stop cannot end before the temporary stop did.',
  ),
  check(message, context, { dossier, relation }) {
    for (const item of message.client.stopProducten) {
      if (item.statusAanlevering !== '1' || item.redenBeeindiging === TEMPORARY) continue;
      const temporary = dossier.levering(relation, message.client.bsn, item).stops.filter((s) => s.redenBeeindiging === TEMPORARY);
      const later = temporary.find((s) => s.einddatum > item.einddatum);
      if (later) {
        context.finding(
          context.locator.node(item),
          say(`Einddatum ${item.einddatum} ligt voor de einddatum ${later.einddatum} van de tijdelijke stop.`, `Einddatum ${item.einddatum} is before the temporary stop's einddatum ${later.einddatum}.`),
        );
      }
    }
  },
});

const TR415 = dossierRule({
  id: 'TR415',
  messages: ['WMO307'],
  retourcode: '9415',
  text: say('Na een definitieve stop volgt geen stop meer.', 'No stop may follow a definitive stop.'),
  check(message, context, { dossier, relation }) {
    for (const item of message.client.stopProducten) {
      if (item.statusAanlevering !== '1') continue;
      const definitive = dossier.levering(relation, message.client.bsn, item).stops.find((s) => s.redenBeeindiging !== TEMPORARY);
      if (definitive && !(definitive.redenBeeindiging === item.redenBeeindiging && definitive.einddatum === item.einddatum)) {
        context.finding(context.locator.node(item), say(`Deze levering is al definitief gestopt op ${definitive.einddatum}.`, `This delivery was already stopped definitively on ${definitive.einddatum}.`));
      }
    }
  },
});

export const regieRules: readonly Rule[] = [TR019, TR063, TR071, TR074, TR326, TR382, TR413, TR414, TR415];
