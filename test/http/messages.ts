/**
 * Messages for the adapter tests (CLI, HTTP, README, browser): valid ones
 * written from the spec, broken ones with one known fault each.
 */
const BASIS_NS = 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema';
const ns = (id: string): string => `http://www.istandaarden.nl/iwmo/3_2/${id}/schema`;

/** The client's BSN and name in the valid messages; the log tests look for them. */
export const CLIENT_BSN = '999990019';
export const CLIENT_ACHTERNAAM = 'Wittebrood';

function header(prefix: string, berichtCode: string, afzender: string, ontvanger: string, identificatie: string): string {
  return `	<${prefix}:Header>
		<${prefix}:BerichtCode>${berichtCode}</${prefix}:BerichtCode>
		<${prefix}:BerichtVersie>3</${prefix}:BerichtVersie>
		<${prefix}:BerichtSubversie>2</${prefix}:BerichtSubversie>
		<${prefix}:Afzender>${afzender}</${prefix}:Afzender>
		<${prefix}:Ontvanger>${ontvanger}</${prefix}:Ontvanger>
		<${prefix}:BerichtIdentificatie>
			<iwmo:Identificatie>${identificatie}</iwmo:Identificatie>
			<iwmo:Dagtekening>2025-04-05</iwmo:Dagtekening>
		</${prefix}:BerichtIdentificatie>
		<${prefix}:XsdVersie>
			<iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
			<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
		</${prefix}:XsdVersie>
	</${prefix}:Header>`;
}

/** A valid WMO305 (Start Wmo-ondersteuning); `bsn` replaces the client's BSN to break it on purpose. */
export function wmo305({ bsn = CLIENT_BSN } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\r
<wmo305:Bericht xmlns:iwmo="${BASIS_NS}" xmlns:wmo305="${ns('wmo305')}">
${header('wmo305', '418', '65656055', '0363', '123456789013')}
	<wmo305:Client>
		<wmo305:Bsn>${bsn}</wmo305:Bsn>
		<wmo305:Geboortedatum>
			<iwmo:Datum>1967-08-13</iwmo:Datum>
		</wmo305:Geboortedatum>
		<wmo305:Geslacht>1</wmo305:Geslacht>
		<wmo305:Naam>
			<iwmo:Geslachtsnaam>
				<iwmo:Achternaam>${CLIENT_ACHTERNAAM}</iwmo:Achternaam>
			</iwmo:Geslachtsnaam>
			<iwmo:Voorletters>T</iwmo:Voorletters>
		</wmo305:Naam>
		<wmo305:StartProducten>
			<wmo305:StartProduct>
				<wmo305:ToewijzingNummer>300201</wmo305:ToewijzingNummer>
				<wmo305:Product>
					<iwmo:Categorie>01</iwmo:Categorie>
					<iwmo:Code>01A11</iwmo:Code>
				</wmo305:Product>
				<wmo305:ToewijzingIngangsdatum>2025-04-01</wmo305:ToewijzingIngangsdatum>
				<wmo305:Begindatum>2025-04-03</wmo305:Begindatum>
				<wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>
			</wmo305:StartProduct>
		</wmo305:StartProducten>
	</wmo305:Client>
</wmo305:Bericht>
`.replace(/\r?\n/g, '\r\n');
}

/** A WMO305 whose Bsn has letters in it: a level-1 (XSD) error on line 18. */
export const INVALID_BSN_LINE = 19;
export function invalidWmo305(): string {
  return wmo305({ bsn: '99999A019' });
}

/** A valid WMO301 (Toewijzing) with two products, for inspect. */
export function wmo301(): string {
  const product = (nummer: string, code: string): string => `
			<wmo301:ToegewezenProduct>
				<wmo301:ToewijzingNummer>${nummer}</wmo301:ToewijzingNummer>
				<wmo301:Product>
					<iwmo:Categorie>01</iwmo:Categorie>
					<iwmo:Code>${code}</iwmo:Code>
				</wmo301:Product>
				<wmo301:Toewijzingsdatum>2025-03-28</wmo301:Toewijzingsdatum>
				<wmo301:Toewijzingstijd>10:15:00</wmo301:Toewijzingstijd>
				<wmo301:Ingangsdatum>2025-04-01</wmo301:Ingangsdatum>
				<wmo301:Einddatum>2025-12-31</wmo301:Einddatum>
				<wmo301:Omvang>
					<iwmo:Volume>4</iwmo:Volume>
					<iwmo:Eenheid>04</iwmo:Eenheid>
					<iwmo:Frequentie>2</iwmo:Frequentie>
				</wmo301:Omvang>
			</wmo301:ToegewezenProduct>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<wmo301:Bericht xmlns:iwmo="${BASIS_NS}" xmlns:wmo301="${ns('wmo301')}">
${header('wmo301', '414', '0363', '65656055', 'T2025-0001')}
	<wmo301:Client>
		<wmo301:Bsn>${CLIENT_BSN}</wmo301:Bsn>
		<wmo301:Geboortedatum>
			<iwmo:Datum>1967-08-13</iwmo:Datum>
		</wmo301:Geboortedatum>
		<wmo301:Geslacht>1</wmo301:Geslacht>
		<wmo301:Naam>
			<iwmo:Geslachtsnaam>
				<iwmo:Achternaam>${CLIENT_ACHTERNAAM}</iwmo:Achternaam>
			</iwmo:Geslachtsnaam>
			<iwmo:Voorletters>T</iwmo:Voorletters>
			<iwmo:NaamGebruik>1</iwmo:NaamGebruik>
		</wmo301:Naam>
		<wmo301:Contactgegevens>
			<wmo301:Contact>
				<wmo301:Soort>01</wmo301:Soort>
				<wmo301:Adres>
					<iwmo:Huis>
						<iwmo:Huisnummer>12</iwmo:Huisnummer>
					</iwmo:Huis>
					<iwmo:Postcode>1234AB</iwmo:Postcode>
					<iwmo:Straatnaam>Dorpsstraat</iwmo:Straatnaam>
					<iwmo:Plaatsnaam>Amsterdam</iwmo:Plaatsnaam>
					<iwmo:LandCode>NL</iwmo:LandCode>
				</wmo301:Adres>
			</wmo301:Contact>
		</wmo301:Contactgegevens>
		<wmo301:ToegewezenProducten>${product('4001', '01A11')}${product('4002', '01A12')}
		</wmo301:ToegewezenProducten>
	</wmo301:Client>
</wmo301:Bericht>
`.replace(/\r?\n/g, '\r\n');
}

/** A BSN that passes the elfproef, made from a number; different numbers give different BSNs. */
function bsnFor(n: number): string {
  // Each 100 consecutive numbers hold several that pass, so the searches never overlap.
  for (let candidate = 100_000_000 + n * 100; ; candidate++) {
    const digits = String(candidate).split('').map(Number);
    const sum = digits.slice(0, 8).reduce((total, d, i) => total + d * (9 - i), 0) - digits[8]!;
    if (sum % 11 === 0) return String(candidate);
  }
}

/** A valid WMO323 (Declaratie) with `clients` clients of one Prestatie each: size grows ~1.1 kB per client. */
export function wmo323(clients: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= clients; i++) {
    parts.push(`
			<wmo323:Client>
				<wmo323:Bsn>${bsnFor(i)}</wmo323:Bsn>
				<wmo323:Prestaties>
					<wmo323:Prestatie>
						<wmo323:ProductReferentie>
							<iwmo:ReferentieNummer>RN${i}</iwmo:ReferentieNummer>
						</wmo323:ProductReferentie>
						<wmo323:ToewijzingNummer>${20000 + i}</wmo323:ToewijzingNummer>
						<wmo323:ProductCategorie>01</wmo323:ProductCategorie>
						<wmo323:ProductCode>01A03</wmo323:ProductCode>
						<wmo323:ProductPeriode>
							<iwmo:Begindatum>2025-03-01</iwmo:Begindatum>
							<iwmo:Einddatum>2025-03-31</iwmo:Einddatum>
						</wmo323:ProductPeriode>
						<wmo323:GeleverdVolume>4</wmo323:GeleverdVolume>
						<wmo323:Eenheid>04</wmo323:Eenheid>
						<wmo323:ProductTarief>1250</wmo323:ProductTarief>
						<wmo323:IngediendBedrag>
							<iwmo:Bedrag>5000</iwmo:Bedrag>
							<iwmo:DebetCredit>D</iwmo:DebetCredit>
						</wmo323:IngediendBedrag>
					</wmo323:Prestatie>
				</wmo323:Prestaties>
			</wmo323:Client>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<wmo323:Bericht xmlns:iwmo="${BASIS_NS}" xmlns:wmo323="${ns('wmo323')}">
${header('wmo323', '484', '65656055', '0363', 'D2025-0001')}
	<wmo323:Declaratie>
		<wmo323:DeclaratieNummer>DN2025001</wmo323:DeclaratieNummer>
		<wmo323:DeclaratiePeriode>
			<iwmo:Begindatum>2025-03-01</iwmo:Begindatum>
			<iwmo:Einddatum>2025-03-31</iwmo:Einddatum>
		</wmo323:DeclaratiePeriode>
		<wmo323:DeclaratieDagtekening>2025-04-05</wmo323:DeclaratieDagtekening>
		<wmo323:TotaalIngediendBedrag>
			<iwmo:TotaalBedrag>${clients * 5000}</iwmo:TotaalBedrag>
			<iwmo:DebetCredit>D</iwmo:DebetCredit>
		</wmo323:TotaalIngediendBedrag>
		<wmo323:Clienten>${parts.join('')}
		</wmo323:Clienten>
	</wmo323:Declaratie>
</wmo323:Bericht>
`.replace(/\r?\n/g, '\r\n');
}

/** Not XML at all after the first line. */
export const MALFORMED = '<?xml version="1.0" encoding="UTF-8"?>\n<wmo305:Bericht xmlns:wmo305="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema"><unclosed>\n';

/** A billion-laughs entity expansion: the reader must refuse the DTD, not expand it. */
export const ENTITY_BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<wmo305:Bericht xmlns:wmo305="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">&lol9;</wmo305:Bericht>
`;
