/**
 * The iJw twin of an iWmo message, as text (iJw spec §1 and §3): namespaces and
 * prefixes, BerichtCode, and the two code lists that differ (JZ020 for
 * ProductCategorie, JZ588 for RedenBeeindiging). Written from the spec's
 * tables, not from the descriptors, so fixtures made with it test the codec.
 *
 * Usage: npx tsx scripts/lib/twin.ts <WMO3NN.xml> > <JW3NN.xml>
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** BerichtCode iWmo → iJw (spec §1.1). */
const BERICHTCODE: Readonly<Record<string, string>> = {
  414: '436', 415: '437', 418: '438', 419: '439', 420: '440', 421: '441', 444: '446',
  445: '447', 480: '486', 481: '487', 482: '488', 483: '489', 484: '490', 485: '491',
};

/**
 * WMO020 → a JZ020 category (spec §3.1). No list maps onto the other; this pairs each
 * Wmo category with a youth-care one so a fixture keeps its shape. The hulpmiddelen
 * categories 11–14 go to 50–53, which iJw does not exempt from the overlap rules.
 */
const CATEGORIE: Readonly<Record<string, string>> = {
  '01': '40', '02': '45', '03': '41', '04': '43', '05': '44', '06': '42', '07': '46', '08': '47', '09': '48',
  10: '49', 11: '50', 12: '51', 13: '52', 14: '53', 15: '54', 16: '55', 17: '31', 18: '32',
};

/** The JZ020 category a WMO020 category's twin has (`01` → `40`). */
export function jwTwinCategorie(categorie: string): string {
  return CATEGORIE[categorie] ?? categorie;
}

/** WMO588 → JZ588 by meaning, not by number (spec §3.2): 19→31, 21→32, 22→33, 23→34, 31→35. */
const REDEN_BEEINDIGING: Readonly<Record<string, string>> = { 19: '31', 21: '32', 22: '33', 23: '34', 31: '35' };

export function jwTwinOf(xml: string): string {
  return xml
    .replace(/http:\/\/www\.istandaarden\.nl\/iwmo\/(\d+_\d+)\/wmo(3\d\d)\/schema/g, 'http://www.istandaarden.nl/ijw/$1/jw$2/schema')
    .replace(/http:\/\/www\.istandaarden\.nl\/iwmo\/(\d+_\d+)\/basisschema\/schema/g, 'http://www.istandaarden.nl/ijw/$1/basisschema/schema')
    .replace(/(<\/?|xmlns:)wmo(3\d\d)\b/g, '$1jw$2')
    .replace(/(<\/?|xmlns:)iwmo\b/g, '$1ijw')
    .replace(/(<(?:\w+:)?BerichtCode>)(\d+)(<)/g, (_, open: string, code: string, close: string) => `${open}${BERICHTCODE[code] ?? code}${close}`)
    .replace(/(<(?:\w+:)?(?:Categorie|ProductCategorie)>)(\d\d)(<)/g, (_, open: string, code: string, close: string) => `${open}${CATEGORIE[code] ?? code}${close}`)
    .replace(/(<(?:\w+:)?RedenBeeindiging>)(\d\d)(<)/g, (_, open: string, code: string, close: string) => `${open}${REDEN_BEEINDIGING[code] ?? code}${close}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(jwTwinOf(readFileSync(process.argv[2]!, 'utf8')));
}
