/**
 * Level 4: rules on external sources through a `Context` (spec §5, level 4):
 * the system date (TR135), the CBS gemeente list (TR378), product code lists
 * (TR381) and contract tariffs (TR346, TR418). Where the list a rule needs is
 * not configured, the rule gives one informational finding naming the list.
 */
import { relationOf } from '../dossier/state.js';
import type { ProductCodeEntry } from '../sources/context.js';
import { amountForMinutes, amountOf, perMinuteTariff, tariffFor } from '../sources/tariff.js';
import type { CDT_Product } from '../standard/generated/types.js';
import { euro, HEEN_BERICHTEN, isBericht, locate, say } from './helpers.js';
import { sourceRule } from './level3/define.js';
import type { Rule, RuleContext } from './rule.js';

const TR135 = sourceRule({
  id: 'TR135',
  messages: HEEN_BERICHTEN,
  retourcode: '8848',
  text: say('De dagtekening van het bericht ligt niet na de systeemdatum van de ontvanger.', "The message's dagtekening is not after the receiver's system date."),
  check(message, context, { sources }) {
    const dagtekening = message.header.berichtIdentificatie.dagtekening;
    if (dagtekening > sources.today) {
      context.finding(
        locate(context, message.header, 'berichtIdentificatie'),
        say(`Dagtekening ${dagtekening} ligt na de systeemdatum ${sources.today}.`, `Dagtekening ${dagtekening} is after the system date ${sources.today}.`),
      );
    }
  },
});

const TR378 = sourceRule({
  id: 'TR378',
  messages: ['WMO301', 'WMO315'],
  retourcode: 'S300',
  text: say(
    'De gemeentecode komt voor in de CBS-lijst van gemeenten, geldig op de ingangsdatum (na een herindeling blijft de oude code toegestaan).',
    'The gemeente code is in the CBS list of gemeenten, valid on the ingangsdatum (after a herindeling the old code stays allowed).',
  ),
  check(message, context, { sources, missing }) {
    const list = sources.gemeenten;
    if (!list) return missing('CBS gemeenten (TR378)');
    const gemeente = relationOf(message).gemeente;
    const dated = isBericht(message, '301') ? message.client.toegewezenProducten.map((p) => ({ at: p, date: p.ingangsdatum })) : message.client.aangevraagdeProducten.map((p) => ({ at: p, date: p.toewijzingIngangsdatum }));
    for (const { at, date } of dated) {
      // An ended code stays valid for what it began: only a code that did not exist yet on the date is refused.
      if (!list.gemeenten.some((g) => g.code === gemeente && g.begindatum <= date)) {
        context.finding(
          context.locator.node(at),
          say(`Gemeentecode ${gemeente} bestaat niet op ${date} volgens de CBS-lijst van ${list.date}.`, `Gemeente code ${gemeente} does not exist on ${date} in the CBS list of ${list.date}.`),
        );
      }
    }
  },
});

function productCodeCheck(context: RuleContext, entries: readonly ProductCodeEntry[], listDate: string, at: object, categorie: string, code: string | undefined): void {
  if (code === undefined) return;
  if (!entries.some((e) => e.code === code && e.categorie === categorie)) {
    context.finding(
      context.locator.node(at),
      say(`Productcode ${code} hoort niet bij categorie ${categorie} volgens de productcodelijst van ${listDate}.`, `Product code ${code} does not belong to category ${categorie} in the product code list of ${listDate}.`),
    );
  }
}

const TR381 = sourceRule({
  id: 'TR381',
  messages: ['WMO301', 'WMO315', 'WMO317', 'WMO323'],
  retourcode: 'S329',
  text: say('De ProductCode hoort bij de ProductCategorie volgens de productcodelijst van de gemeente.', "The ProductCode belongs to the ProductCategorie in the gemeente's product code list."),
  check(message, context, { sources, missing }) {
    const gemeente = relationOf(message).gemeente;
    const entries = sources.productCodes?.perGemeente[gemeente] ?? sources.productCodes?.perGemeente['*'];
    if (!sources.productCodes || !entries) return missing(`productcodes (TR381) voor gemeente ${gemeente}`);
    const listDate = sources.productCodes.date;
    const check = (at: object, product: CDT_Product | undefined): void => {
      if (product) productCodeCheck(context, entries, listDate, at, product.categorie, product.code);
    };
    switch (message.type) {
      case 'WMO301':
      case 'JW301':
        for (const p of message.client.toegewezenProducten) check(p, p.product);
        break;
      case 'WMO315':
      case 'JW315':
        for (const p of message.client.aangevraagdeProducten) check(p, p.product);
        break;
      case 'WMO317':
      case 'JW317':
        for (const p of message.client.verzoek.nieuweProducten ?? []) check(p, p.product);
        break;
      case 'WMO323':
      case 'JW323':
        for (const c of message.declaratie.clienten) for (const p of c.prestaties) productCodeCheck(context, entries, listDate, p, p.productCategorie, p.productCode);
        break;
    }
  },
});

const HOURS = '04';
const MINUTES = '01';
const EURO = '83';

const TR346 = sourceRule({
  id: 'TR346',
  messages: ['WMO323'],
  retourcode: '9346',
  text: say(
    'IngediendBedrag = GeleverdVolume × ProductTarief; een uurtarief in minuten gedeclareerd: (uurtarief × minuten) / 60, afgerond op hele centen.',
    'IngediendBedrag = GeleverdVolume × ProductTarief; an hourly tariff declared in minutes: (hourly tariff × minutes) / 60, rounded to whole cents.',
  ),
  check(message, context, { sources, missing }) {
    if (!sources.tariffs) return missing('tarieven (TR346)');
    const { gemeente, aanbieder } = relationOf(message);
    for (const client of message.declaratie.clienten) {
      for (const p of client.prestaties) {
        if (p.eenheid === EURO || p.productTarief === undefined) continue;
        const tariff = tariffFor(sources, gemeente, aanbieder, p.productCategorie, p.productCode, p.productPeriode.begindatum);
        const expected = tariff && tariff.eenheid === HOURS && p.eenheid === MINUTES ? BigInt(amountForMinutes(tariff.tarief, p.geleverdVolume)) : amountOf(p.geleverdVolume, p.productTarief);
        if (BigInt(p.ingediendBedrag.bedrag) !== expected) {
          context.finding(
            context.locator.field(p, 'ingediendBedrag'),
            say(`Verwacht bedrag ${euro(Number(expected))}, ingediend ${euro(p.ingediendBedrag.bedrag)}.`, `Expected amount ${euro(Number(expected))}, submitted ${euro(p.ingediendBedrag.bedrag)}.`),
          );
        }
      }
    }
  },
});

const TR418 = sourceRule({
  id: 'TR418',
  messages: ['WMO323'],
  retourcode: '0611',
  text: say('Het ProductTarief is het contractuele tarief (per minuut: het uurtarief / 60, afgerond).', 'The ProductTarief is the contract tariff (per minute: the hourly tariff / 60, rounded).'),
  check(message, context, { sources, missing }) {
    if (!sources.tariffs) return missing('tarieven (TR418)');
    const { gemeente, aanbieder } = relationOf(message);
    for (const client of message.declaratie.clienten) {
      for (const p of client.prestaties) {
        if (p.productTarief === undefined) continue;
        const tariff = tariffFor(sources, gemeente, aanbieder, p.productCategorie, p.productCode, p.productPeriode.begindatum);
        if (!tariff) continue;
        const expected = tariff.eenheid === HOURS && p.eenheid === MINUTES ? BigInt(perMinuteTariff(tariff.tarief)) : tariff.eenheid === p.eenheid ? BigInt(tariff.tarief) : undefined;
        if (expected !== undefined && BigInt(p.productTarief) !== expected) {
          context.finding(
            context.locator.field(p, 'productTarief'),
            say(`Het contracttarief is ${euro(Number(expected))}.`, `The contract tariff is ${euro(Number(expected))}.`),
          );
        }
      }
    }
  },
});

export const levelFourRules: readonly Rule[] = [TR135, TR346, TR378, TR381, TR418];
