/** Small valid messages written from the spec (§2.3), shared by the codec tests. */
export const WMO305_NS = 'http://www.istandaarden.nl/iwmo/3_2/wmo305/schema';
export const BASIS_NS = 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema';

/** A WMO305 with two StartProducten; `client` replaces the Client body for targeted corruption. */
export function wmo305({
  startProducten = startProduct('300201', '2025-04-03') + startProduct('300202', '2025-04-04'),
  header = '',
  root = `<wmo305:Bericht xmlns:iwmo="${BASIS_NS}" xmlns:wmo305="${WMO305_NS}">`,
} = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${root}
	<wmo305:Header>
		<wmo305:BerichtCode>418</wmo305:BerichtCode>
		<wmo305:BerichtVersie>3</wmo305:BerichtVersie>
		<wmo305:BerichtSubversie>2</wmo305:BerichtSubversie>
		<wmo305:Afzender>65656055</wmo305:Afzender>
		<wmo305:Ontvanger>0363</wmo305:Ontvanger>
		<wmo305:BerichtIdentificatie>
			<iwmo:Identificatie>123456789013</iwmo:Identificatie>
			<iwmo:Dagtekening>2025-04-05</iwmo:Dagtekening>
		</wmo305:BerichtIdentificatie>
		<wmo305:XsdVersie>
			<iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
			<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
		</wmo305:XsdVersie>${header}
	</wmo305:Header>
	<wmo305:Client>
		<wmo305:Bsn>999990019</wmo305:Bsn>
		<wmo305:Geboortedatum>
			<iwmo:Datum>1967-08-13</iwmo:Datum>
		</wmo305:Geboortedatum>
		<wmo305:Geslacht>1</wmo305:Geslacht>
		<wmo305:Naam>
			<iwmo:Geslachtsnaam>
				<iwmo:Achternaam>Wit</iwmo:Achternaam>
				<iwmo:Voorvoegsel>de</iwmo:Voorvoegsel>
			</iwmo:Geslachtsnaam>
			<iwmo:Voorletters>T</iwmo:Voorletters>
		</wmo305:Naam>
		<wmo305:StartProducten>${startProducten}
		</wmo305:StartProducten>
	</wmo305:Client>
</wmo305:Bericht>
`;
}

export function startProduct(toewijzingNummer: string, begindatum: string, extra = ''): string {
  return `
			<wmo305:StartProduct>
				<wmo305:ToewijzingNummer>${toewijzingNummer}</wmo305:ToewijzingNummer>
				<wmo305:Product>
					<iwmo:Categorie>01</iwmo:Categorie>
					<iwmo:Code>01A11</iwmo:Code>
				</wmo305:Product>
				<wmo305:ToewijzingIngangsdatum>2025-04-01</wmo305:ToewijzingIngangsdatum>
				<wmo305:Begindatum>${begindatum}</wmo305:Begindatum>${extra}
				<wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>
			</wmo305:StartProduct>`;
}
