/**
 * The berichtklassen several rules look at the same way: the product classes
 * with a Product, an Omvang or Budget and a period (301 ToegewezenProduct, 315
 * AangevraagdProduct, 317 TeWijzigenProduct and NieuwProduct), and the
 * Contacts of a 301.
 */
import type { CDT_Omvang, CDT_Product, Message, WMO301Contact } from '../standard/generated/types.js';
import { isBericht } from './helpers.js';

export type ProductClassName = 'ToegewezenProduct' | 'AangevraagdProduct' | 'TeWijzigenProduct' | 'NieuwProduct';

export interface ProductClass {
  readonly name: ProductClassName;
  /** The class object in the message, for the locator. */
  readonly node: object;
  /** Absent for a TeWijzigenProduct, which has no Product element. */
  readonly product: CDT_Product | undefined;
  readonly omvang: CDT_Omvang | undefined;
  readonly budget: number | undefined;
  /** Property and value of the period's start: Ingangsdatum, ToewijzingIngangsdatum or GewensteIngangsdatum. */
  readonly startProp: string;
  readonly start: string;
  /** Property and value of the period's end: Einddatum or ToewijzingEinddatum. */
  readonly endProp: string;
  readonly end: string | undefined;
}

/** The product classes of a 301, 315 or 317, in document order; none for other messages. */
export function productClasses(message: Message): ProductClass[] {
  switch (message.type) {
    case 'WMO301':
    case 'JW301':
      return message.client.toegewezenProducten.map((p) => ({
        name: 'ToegewezenProduct',
        node: p,
        product: p.product,
        omvang: p.omvang,
        budget: p.budget,
        startProp: 'ingangsdatum',
        start: p.ingangsdatum,
        endProp: 'einddatum',
        end: p.einddatum,
      }));
    case 'WMO315':
    case 'JW315':
      return message.client.aangevraagdeProducten.map((p) => ({
        name: 'AangevraagdProduct',
        node: p,
        product: p.product,
        omvang: p.omvang,
        budget: p.budget,
        startProp: 'toewijzingIngangsdatum',
        start: p.toewijzingIngangsdatum,
        endProp: 'toewijzingEinddatum',
        end: p.toewijzingEinddatum,
      }));
    case 'WMO317':
    case 'JW317': {
      const verzoek = message.client.verzoek;
      const teWijzigen: ProductClass[] = (verzoek.teWijzigenProducten ?? []).map((p) => ({
        name: 'TeWijzigenProduct',
        node: p,
        product: undefined,
        omvang: p.omvang,
        budget: p.budget,
        startProp: 'gewensteIngangsdatum',
        start: p.gewensteIngangsdatum,
        endProp: 'einddatum',
        end: p.einddatum,
      }));
      const nieuw: ProductClass[] = (verzoek.nieuweProducten ?? []).map((p) => ({
        name: 'NieuwProduct',
        node: p,
        product: p.product,
        omvang: p.omvang,
        budget: p.budget,
        startProp: 'gewensteIngangsdatum',
        start: p.gewensteIngangsdatum,
        endProp: 'einddatum',
        end: p.einddatum,
      }));
      return [...teWijzigen, ...nieuw];
    }
    default:
      return [];
  }
}

/** Every Contact of a 301 in document order: each Relatie's own, then those in Contactgegevens. */
export function contactsOf(message: Message): WMO301Contact[] {
  if (!isBericht(message, '301')) return [];
  return [...(message.client.relaties ?? []).map((r) => r.contact), ...message.client.contactgegevens];
}
