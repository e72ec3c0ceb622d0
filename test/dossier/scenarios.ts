/**
 * Ordered scenarios for the rules of levels 3 and 4: for every rule at least
 * one whose last message fires it and one that does not. Messages the party
 * keeping the dossier sent itself are `send` (dossier add), received ones
 * `recv` (judged and answered), received answers `answer` (add, checked).
 * Every message is clean at levels 1 and 2; every step before the last must
 * pass levels 3 and 4 too.
 */
import { buildRetour, type Context, type Finding, type Message } from '../../src/index.js';
import type * as T from '../../src/standard/generated/types.js';
import { aangevraagdProduct, base301, base305, base307, base315, base317, base319, base323, BSN, BSN_2, credit, nieuwProduct, prestatie, retotal, startProduct, stopProduct, toegewezenProduct } from '../rules/bases.js';

export interface Step {
  readonly kind: 'send' | 'recv' | 'answer';
  readonly message: Message;
  /** A step before the last that is meant to be rejected at level 3 (its state must then not count). */
  readonly expectRejected?: boolean;
}

export interface Scenario {
  readonly rule: string;
  readonly name: string;
  readonly fires: boolean;
  /** Whether the rule fires on the iJw twins of the steps, where that differs (iJw spec §5.2); as `fires` otherwise. */
  readonly firesInIjw?: boolean;
  readonly steps: readonly Step[];
  readonly sources?: Context;
}

let counter = 0;
/** A fresh identification per message, so TR056 stays quiet unless a scenario wants it. */
function fresh<M extends Message>(m: M, dagtekening?: string): M {
  m.header.berichtIdentificatie.identificatie = `S${++counter}`;
  if (dagtekening) m.header.berichtIdentificatie.dagtekening = dagtekening;
  return m;
}

const send = (message: Message): Step => ({ kind: 'send', message });
const recv = (message: Message): Step => ({ kind: 'recv', message });
const answer = (message: Message): Step => ({ kind: 'answer', message });

// -- message builders ---------------------------------------------------------

function t301(products: Partial<T.WMO301ToegewezenProduct>[] = [{}], bsn = BSN, dagtekening?: string): T.WMO301 {
  const m = base301();
  m.client.bsn = bsn;
  m.client.toegewezenProducten = products.map((p) => toegewezenProduct(p));
  return fresh(m, dagtekening);
}

/** The 301 the scenarios start from: toewijzing 1001, 02/02A01, 4 uur per week, February–December 2025. */
const G = (): Step => send(t301());

function start(overrides: Partial<T.WMO305StartProduct> = {}, dagtekening = '2025-02-20'): T.WMO305 {
  const m = base305();
  m.client.startProducten = [startProduct(overrides)];
  return fresh(m, dagtekening);
}

function stop(overrides: Partial<T.WMO307StopProduct> = {}, dagtekening = '2025-04-30'): T.WMO307 {
  const m = base307();
  m.client.stopProducten = [stopProduct(overrides)];
  return fresh(m, dagtekening);
}

function vot(products: Partial<T.WMO315AangevraagdProduct>[] = [{}]): T.WMO315 {
  const m = base315();
  m.client.aangevraagdeProducten = products.map((p) => aangevraagdProduct(p));
  return fresh(m);
}

function vow(change: (v: T.WMO317Verzoek) => void = () => {}, dagtekening?: string): T.WMO317 {
  const m = base317();
  change(m.client.verzoek);
  return fresh(m, dagtekening);
}

function antwoord(referentieAanbieder: string, verzoekAntwoord: '1' | '2'): T.WMO319 {
  const m = base319();
  m.antwoord = verzoekAntwoord === '1' ? { referentieAanbieder, verzoekAntwoord, redenAfwijzingVerzoek: '3' } : { referentieAanbieder, verzoekAntwoord };
  return fresh(m);
}

/** A February Prestatie on toewijzing 1001: 16 hours (4 per week × 28 / 7) at € 50,00. */
function feb(overrides: Partial<T.WMO323Prestatie> = {}): T.WMO323Prestatie {
  return prestatie({ productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-28' }, ...overrides });
}

function mar(overrides: Partial<T.WMO323Prestatie> = {}): T.WMO323Prestatie {
  return prestatie({ productPeriode: { begindatum: '2025-03-01', einddatum: '2025-03-31' }, ...overrides });
}

function decl(nummer: string, prestaties: T.WMO323Prestatie[], month: '02' | '03' = '02', bsn = BSN): T.WMO323 {
  const m = base323([{ bsn, prestaties }]);
  m.declaratie.declaratieNummer = nummer;
  m.declaratie.declaratiePeriode = month === '02' ? { begindatum: '2025-02-01', einddatum: '2025-02-28' } : { begindatum: '2025-03-01', einddatum: '2025-03-31' };
  const dag = month === '02' ? '2025-03-05' : '2025-04-05';
  m.declaratie.declaratieDagtekening = dag;
  return fresh(retotal(m), dag);
}

/** A Prestatie of `volume` units at € 50,00 per unit. */
function volume(v: number, overrides: Partial<T.WMO323Prestatie> = {}, make = feb): T.WMO323Prestatie {
  return make({ geleverdVolume: v, ingediendBedrag: { bedrag: v * 5000, debetCredit: 'D' }, ...overrides });
}

/** The 325 the gemeente gives on `declaratie`, rejecting the Prestaties at these indexes (of the first client) with 9340. */
function answer325(declaratie: T.WMO323, rejected: number[] = []): T.WMO325 {
  const findings: Finding[] = rejected.map((j) => ({
    rule: 'TR340',
    level: 3,
    retourcode: '9340',
    path: `/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[${j + 1}]`,
    message: { nl: 'x', en: 'x' },
  }));
  const built = buildRetour(declaratie, findings, { dagtekening: '2025-03-10', identificatie: `A${++counter}` });
  if (!built) throw new Error('no 325');
  return built;
}

const aspecifiekBudget: Partial<T.WMO301ToegewezenProduct> = { product: { categorie: '03' }, omvang: undefined, budget: 100000 };

// -- the scenarios ------------------------------------------------------------

function pair(rule: string, name: string, firing: () => Step[], quiet: () => Step[], sources?: Context): Scenario[] {
  return [
    { rule, name: `${name}: fires`, fires: true, steps: firing(), ...(sources ? { sources } : {}) },
    { rule, name: `${name}: does not fire`, fires: false, steps: quiet(), ...(sources ? { sources } : {}) },
  ];
}

/** A pair whose quiet scenario fires on its iJw twin: an exception iWmo makes and iJw does not (iJw spec §5.2). */
function quietOnlyInIwmo(scenarios: Scenario[]): Scenario[] {
  return scenarios.map((s) => (s.fires ? s : { ...s, firesInIjw: true }));
}

export function scenarios(): Scenario[] {
  return [
    ...pair(
      'TR056',
      'a second 305 with the Identificatie of the first',
      () => {
        const first = start();
        const second = start({ begindatum: '2025-02-04' });
        second.header.berichtIdentificatie.identificatie = first.header.berichtIdentificatie.identificatie;
        return [G(), recv(first), recv(second)];
      },
      () => [G(), recv(start()), recv(start({ statusAanlevering: '3' }))],
    ),
    ...pair(
      'TR304',
      "a start on another client's toewijzing",
      () => [G(), send(t301([{ toewijzingNummer: 2002 }], BSN_2)), recv(start({ toewijzingNummer: 2002 }))],
      () => [G(), send(t301([{ toewijzingNummer: 2002 }], BSN_2)), recv(start())],
    ),
    ...pair(
      'TR019',
      'a start on an unknown toewijzing',
      () => [G(), recv(start({ toewijzingNummer: 9999 }))],
      () => [G(), recv(start())],
    ),
    ...pair(
      'TR019',
      'a start with another product than assigned',
      () => [G(), recv(start({ product: { categorie: '02', code: '02A09' } }))],
      () => [send(t301([{ product: { categorie: '02' }, omvang: undefined }])), recv(start({ product: { categorie: '02', code: '02A09' } }))],
    ),
    ...pair(
      'TR063',
      'deleting a start that was never delivered',
      () => [G(), recv(start({ statusAanlevering: '3' }))],
      () => [G(), recv(start()), recv(start({ statusAanlevering: '3' }))],
    ),
    ...pair(
      'TR063',
      'deleting a start whose 305 was rejected (a rejected start is no start)',
      () => [G(), recv(start({ toewijzingNummer: 9999 })), recv(start({ toewijzingNummer: 9999, statusAanlevering: '3' }))].map((s, i) => (i === 1 ? { ...s, expectRejected: true } : s)),
      () => [G(), recv(start()), recv(start({ statusAanlevering: '3' }))],
    ),
    ...pair(
      'TR071',
      'deleting a start after its stop',
      () => [G(), recv(start()), recv(stop()), recv(start({ statusAanlevering: '3' }))],
      () => [G(), recv(start()), recv(start({ statusAanlevering: '3' }))],
    ),
    ...pair(
      'TR074',
      'the same start twice',
      () => [G(), recv(start()), recv(start())],
      () => [G(), recv(start())],
    ),
    ...pair(
      'TR074',
      'the same stop twice',
      () => [G(), recv(start()), recv(stop()), recv(stop())],
      () => [G(), recv(start()), recv(stop())],
    ),
    ...pair(
      'TR326',
      'a second start while the first is not stopped',
      () => [G(), recv(start()), recv(start({ begindatum: '2025-02-10' }))],
      () => [G(), recv(start()), recv(stop({ redenBeeindiging: '20', einddatum: '2025-02-05' }, '2025-02-20')), recv(start({ begindatum: '2025-02-10' }))],
    ),
    ...pair(
      'TR326',
      'a corrected Begindatum: the old start deleted and the new one delivered in one message (IV008)',
      () => [G(), recv(start()), recv(start({ begindatum: '2025-02-10' }))],
      () => {
        const correction = start({ statusAanlevering: '3' });
        correction.client.startProducten.push(startProduct({ begindatum: '2025-02-10' }));
        return [G(), recv(start()), recv(correction)];
      },
    ),
    ...pair(
      'TR314',
      'a ReferentieNummer of a declaration rejected as a whole is free again',
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D2', [mar()], '03'))],
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D1', [mar({ productReferentie: { referentieNummer: 'P2' } })], '03')), recv(decl('D2', [mar({ productReferentie: { referentieNummer: 'P2' } })], '03'))].map((s, i) => (i === 2 ? { ...s, expectRejected: true } : s)),
    ),
    ...pair(
      'TR382',
      'a stop without a start',
      () => [G(), recv(stop())],
      () => [G(), recv(start()), recv(stop())],
    ),
    ...pair(
      'TR413',
      'a second temporary stop',
      () => [G(), recv(start()), recv(stop({ redenBeeindiging: '20', einddatum: '2025-03-01' })), recv(stop({ redenBeeindiging: '20', einddatum: '2025-03-10' }))],
      () => [G(), recv(start()), recv(stop({ redenBeeindiging: '20', einddatum: '2025-03-01' })), recv(stop({ redenBeeindiging: '19', einddatum: '2025-03-10' }))],
    ),
    ...pair(
      'TR414',
      'a definitive stop ending before the temporary one',
      () => [G(), recv(start()), recv(stop({ redenBeeindiging: '20', einddatum: '2025-03-31' })), recv(stop({ redenBeeindiging: '19', einddatum: '2025-03-15' }))],
      () => [G(), recv(start()), recv(stop({ redenBeeindiging: '20', einddatum: '2025-03-31' })), recv(stop({ redenBeeindiging: '19', einddatum: '2025-04-01' }))],
    ),
    ...pair(
      'TR415',
      'a stop after a definitive stop',
      () => [G(), recv(start()), recv(stop({ redenBeeindiging: '19', einddatum: '2025-03-31' })), recv(stop({ redenBeeindiging: '23', einddatum: '2025-03-30' }))],
      () => [G(), recv(start()), recv(stop({ redenBeeindiging: '20', einddatum: '2025-03-01' })), recv(stop({ redenBeeindiging: '23', einddatum: '2025-03-30' }))],
    ),
    // -- the aanbieder's side: a received 301 ---------------------------------------------------
    ...pair(
      'TR332',
      'a ToewijzingNummer reused for another client',
      () => [recv(t301()), recv(t301([{}], BSN_2))],
      () => [recv(t301()), recv(t301([{ einddatum: '2025-10-31', redenWijziging: '05', toewijzingsdatum: '2025-01-14' }]))],
    ),
    ...pair(
      'TR359',
      'a second toewijzing with an answered ReferentieAanbieder',
      () => [send(vot()), recv(t301([{ referentieAanbieder: 'VOT-1' }])), recv(t301([{ toewijzingNummer: 1002, referentieAanbieder: 'VOT-1', product: { categorie: '02', code: '02A03' } }]))],
      () => [
        send(vot([{}, { referentieAanbieder: 'VOT-2', product: { categorie: '02', code: '02A03' } }])),
        recv(t301([{ referentieAanbieder: 'VOT-1' }])),
        recv(t301([{ toewijzingNummer: 1002, referentieAanbieder: 'VOT-2', product: { categorie: '02', code: '02A03' } }])),
      ],
    ),
    ...pair(
      'TR379',
      'a ReferentieAanbieder nobody asked for',
      () => [recv(t301([{ referentieAanbieder: 'VOT-9' }]))],
      () => [send(vot()), recv(t301([{ referentieAanbieder: 'VOT-1' }]))],
    ),
    ...pair(
      'TR385',
      'deleting a toewijzing with an approved declaration',
      () => {
        const d = decl('D1', [feb()]);
        return [recv(t301()), send(d), answer(answer325(d)), recv(t301([{ redenWijziging: '13', einddatum: '2025-02-01', toewijzingsdatum: '2025-03-20' }], BSN, '2025-03-20'))];
      },
      () => {
        const d = decl('D1', [feb()]);
        return [recv(t301()), send(d), answer(answer325(d, [0])), recv(t301([{ redenWijziging: '13', einddatum: '2025-02-01', toewijzingsdatum: '2025-03-20' }], BSN, '2025-03-20'))];
      },
    ),
    // -- requests ----------------------------------------------------------------------------------
    ...pair(
      'TR347',
      'a ReferentieAanbieder used twice',
      () => [recv(vot()), send(antwoord('VOT-1', '1')), recv(vot())],
      () => [recv(vot()), send(antwoord('VOT-1', '1')), recv(vot([{ referentieAanbieder: 'VOT-2' }]))],
    ),
    ...pair(
      'TR374',
      'a new request while one is onderhanden',
      () => [recv(vot()), recv(vot([{ referentieAanbieder: 'VOT-2' }]))],
      () => [recv(vot()), send(t301([{ referentieAanbieder: 'VOT-1' }])), recv(vot([{ referentieAanbieder: 'VOT-2', product: { categorie: '02', code: '02A03' } }]))],
    ),
    ...pair(
      'TR349',
      'a VOW that leaves out a current toewijzing',
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow((v) => delete v.teWijzigenProducten))],
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow())],
    ),
    ...pair(
      'TR350',
      'an OngewijzigdProduct that is no current toewijzing',
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow((v) => v.ongewijzigdeProducten!.push({ toewijzingNummer: 1003 })))],
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow())],
    ),
    ...pair(
      'TR351',
      'a TeWijzigenProduct that is no current toewijzing',
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow((v) => v.teWijzigenProducten!.push({ ...v.teWijzigenProducten![0]!, toewijzingNummer: 1003 })))],
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow())],
    ),
    ...pair(
      'TR357',
      'a retroactive change from another date than the ingangsdatum',
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow((v) => (v.teWijzigenProducten![0]!.gewensteIngangsdatum = '2025-02-05'), '2025-02-10'))],
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow((v) => (v.teWijzigenProducten![0]!.gewensteIngangsdatum = '2025-02-01'), '2025-02-10'))],
    ),
    ...pair(
      'TR361',
      'a new product overlapping a current toewijzing of that product',
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow((v) => (v.nieuweProducten = [nieuwProduct({ product: { categorie: '02', code: '02A01' } })])))],
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow())],
    ),
    // iWmo exempts hulpmiddelen (11–14) from the overlap check; iJw does not (its twin's category is 51).
    {
      rule: 'TR361',
      name: 'a new hulpmiddel (categorie 12) overlapping a current toewijzing of that product: exempt in iWmo only',
      fires: false,
      firesInIjw: true,
      steps: [
        send(t301([{ product: { categorie: '12', code: '12A01' } }, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])),
        recv(vow((v) => (v.nieuweProducten = [nieuwProduct({ product: { categorie: '12', code: '12A01' } })]))),
      ],
    },
    ...pair(
      'TR373',
      'a budget change not from the original ingangsdatum',
      () => [
        send(t301([{}, { toewijzingNummer: 1002, ...aspecifiekBudget }])),
        recv(vow((v) => (v.teWijzigenProducten = [{ toewijzingNummer: 1002, gewensteIngangsdatum: '2025-03-01', einddatum: '2025-12-31', budget: 150000 }]))),
      ],
      () => [
        send(t301([{}, { toewijzingNummer: 1002, ...aspecifiekBudget }])),
        recv(vow((v) => (v.teWijzigenProducten = [{ toewijzingNummer: 1002, gewensteIngangsdatum: '2025-02-01', einddatum: '2025-12-31', budget: 150000 }]))),
      ],
    ),
    ...pair(
      'TR375',
      'an Omvang for a toewijzing without ProductCode',
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '03' }, omvang: undefined }])), recv(vow())],
      () => [
        send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '03' }, omvang: undefined }])),
        recv(vow((v) => (v.teWijzigenProducten = [{ toewijzingNummer: 1002, gewensteIngangsdatum: '2025-03-01', einddatum: '2025-10-31' }]))),
      ],
    ),
    ...pair(
      'TR411',
      'no Omvang for a toewijzing with one',
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow((v) => delete v.teWijzigenProducten![0]!.omvang))],
      () => [send(t301([{}, { toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } }])), recv(vow())],
    ),
    ...pair(
      'TR412',
      'an Omvang for a toewijzing with a Budget',
      () => [send(t301([{}, { toewijzingNummer: 1002, ...aspecifiekBudget }])), recv(vow())],
      () => [
        send(t301([{}, { toewijzingNummer: 1002, ...aspecifiekBudget }])),
        recv(vow((v) => (v.teWijzigenProducten = [{ toewijzingNummer: 1002, gewensteIngangsdatum: '2025-02-01', einddatum: '2025-12-31', budget: 150000 }]))),
      ],
    ),
    // -- answers, on the aanbieder's side ------------------------------------------------------
    ...pair(
      'TR355',
      'an answer to an unknown request',
      () => [recv(antwoord('VOT-1', '1'))],
      () => [send(vot()), recv(antwoord('VOT-1', '1'))],
    ),
    ...pair(
      'TR360',
      'a second "in onderzoek"',
      () => [send(vot()), recv(antwoord('VOT-1', '2')), recv(antwoord('VOT-1', '2'))],
      () => [send(vot()), recv(antwoord('VOT-1', '2')), recv(antwoord('VOT-1', '1'))],
    ),
    ...pair(
      'TR365',
      'an answer after a refusal',
      () => [send(vot()), recv(antwoord('VOT-1', '1')), recv(antwoord('VOT-1', '1'))],
      () => [send(vot()), recv(antwoord('VOT-1', '2')), recv(antwoord('VOT-1', '1'))],
    ),
    // -- declarations, on the gemeente's side ------------------------------------------------
    ...pair(
      'TR333',
      'a DeclaratieNummer used twice',
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D1', [feb({ productReferentie: { referentieNummer: 'P2' }, productCode: '02A01', geleverdVolume: 0, ingediendBedrag: { bedrag: 0, debetCredit: 'D' } })]))],
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D2', [mar({ productReferentie: { referentieNummer: 'P2' } })], '03'))],
    ),
    ...pair(
      'TR318',
      'a DeclaratiePeriode before the latest',
      () => [G(), recv(decl('D1', [mar({ productReferentie: { referentieNummer: 'P2' } })], '03')), recv(decl('D2', [feb()]))],
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D2', [mar({ productReferentie: { referentieNummer: 'P2' } })], '03'))],
    ),
    ...pair(
      'TR314',
      'a ReferentieNummer delivered before',
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D2', [mar()], '03'))],
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D2', [mar({ productReferentie: { referentieNummer: 'P2' } })], '03'))],
    ),
    ...pair(
      'TR323',
      'a credit of an unknown debet',
      () => [G(), recv(decl('D1', [credit(feb(), 'P2')]))],
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D2', [credit(feb(), 'P2')], '03'))],
    ),
    ...pair(
      'TR323',
      'a credit of a rejected debet',
      () => [G(), recv(decl('D1', [feb({ productCode: '02A09' })])), recv(decl('D2', [credit(feb({ productCode: '02A09' }), 'P2')], '03'))].map((s, i) => (i === 1 ? { ...s, expectRejected: true } : s)),
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D2', [credit(feb(), 'P2')], '03'))],
    ),
    ...pair(
      'TR390',
      'a second credit of one debet',
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D2', [credit(feb(), 'P2')], '03')), recv(decl('D3', [credit(feb(), 'P3')], '03'))],
      () => [G(), recv(decl('D1', [feb()])), recv(decl('D2', [credit(feb(), 'P2')], '03'))],
    ),
    ...pair(
      'TR338',
      'a Prestatie on an unknown toewijzing',
      () => [G(), recv(decl('D1', [feb({ toewijzingNummer: 9999 })]))],
      () => [G(), recv(decl('D1', [feb()]))],
    ),
    ...pair(
      'TR384',
      'a Prestatie on a deleted toewijzing',
      () => [G(), send(t301([{ redenWijziging: '13', einddatum: '2025-02-01', toewijzingsdatum: '2025-01-20' }], BSN, '2025-01-20')), recv(decl('D1', [feb()]))],
      () => [G(), send(t301([{ redenWijziging: '05', einddatum: '2025-06-30', toewijzingsdatum: '2025-01-20' }], BSN, '2025-01-20')), recv(decl('D1', [feb()]))],
    ),
    ...pair(
      'TR339',
      'another ProductCategorie than assigned',
      () => [G(), recv(decl('D1', [feb({ productCategorie: '03' })]))],
      () => [G(), recv(decl('D1', [feb()]))],
    ),
    ...pair(
      'TR340',
      'another ProductCode than assigned',
      () => [G(), recv(decl('D1', [feb({ productCode: '02A09' })]))],
      () => [send(t301([{ product: { categorie: '02' }, omvang: undefined }])), recv(decl('D1', [feb({ productCode: '02A09' })]))],
    ),
    ...pair(
      'TR341',
      'another Eenheid than assigned',
      () => [G(), recv(decl('D1', [feb({ eenheid: '14' })]))],
      () => [G(), recv(decl('D1', [feb({ eenheid: '01', geleverdVolume: 960, productTarief: 83, ingediendBedrag: { bedrag: 79680, debetCredit: 'D' } })]))],
    ),
    ...pair(
      'TR307',
      'a ProductPeriode starting before the toewijzing',
      () => [send(t301([{ ingangsdatum: '2025-02-10' }])), recv(decl('D1', [feb({ geleverdVolume: 10, ingediendBedrag: { bedrag: 50000, debetCredit: 'D' } })]))],
      () => [send(t301([{ ingangsdatum: '2025-02-10' }])), recv(decl('D1', [feb({ productPeriode: { begindatum: '2025-02-10', einddatum: '2025-02-28' }, geleverdVolume: 10, ingediendBedrag: { bedrag: 50000, debetCredit: 'D' } })]))],
    ),
    ...pair(
      'TR308',
      'a ProductPeriode ending after the toewijzing',
      () => [send(t301([{ einddatum: '2025-02-20' }])), recv(decl('D1', [feb({ geleverdVolume: 10, ingediendBedrag: { bedrag: 50000, debetCredit: 'D' } })]))],
      () => [send(t301([{ einddatum: '2025-02-20' }])), recv(decl('D1', [feb({ productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-20' }, geleverdVolume: 10, ingediendBedrag: { bedrag: 50000, debetCredit: 'D' } })]))],
    ),
    ...pair(
      'TR387',
      'a ProductPeriode not starting on the first of the month',
      () => [G(), recv(decl('D1', [feb({ productPeriode: { begindatum: '2025-02-05', einddatum: '2025-02-28' } })]))],
      () => [G(), recv(decl('D1', [feb()]))],
    ),
    ...pair(
      'TR388',
      'a ProductPeriode not ending on the last of the month',
      () => [G(), recv(decl('D1', [feb({ productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-25' } })]))],
      () => [G(), recv(decl('D1', [feb()]))],
    ),
    ...pair(
      'TR321',
      'more hours than 4 per week over February (16)',
      () => [G(), recv(decl('D1', [volume(17)]))],
      () => [G(), recv(decl('D1', [volume(16)]))],
    ),
    ...pair(
      'TR321',
      'hours assigned, declared in minutes (960 = 16 hours)',
      () => [G(), recv(decl('D1', [feb({ eenheid: '01', geleverdVolume: 961, productTarief: 83, ingediendBedrag: { bedrag: 79763, debetCredit: 'D' } })]))],
      () => [G(), recv(decl('D1', [feb({ eenheid: '01', geleverdVolume: 960, productTarief: 83, ingediendBedrag: { bedrag: 79680, debetCredit: 'D' } })]))],
    ),
    // iJw has no categorie 01 and no 6× allowance: the twin's 18 is more than 3 per week over February (12).
    ...quietOnlyInIwmo(pair(
      'TR321',
      'categorie 01 per week: up to 6× the weekly volume (3 per week → 18)',
      () => [send(t301([{ product: { categorie: '01', code: '01A01' }, omvang: { volume: 3, eenheid: '04', frequentie: '2' } }])), recv(decl('D1', [volume(19, { productCategorie: '01', productCode: '01A01' })]))],
      () => [send(t301([{ product: { categorie: '01', code: '01A01' }, omvang: { volume: 3, eenheid: '04', frequentie: '2' } }])), recv(decl('D1', [volume(18, { productCategorie: '01', productCode: '01A01' })]))],
    )),
    ...pair(
      'TR322',
      'a total volume of 20 hours over the whole toewijzing',
      () => [send(t301([{ omvang: { volume: 20, eenheid: '04', frequentie: '6' } }])), recv(decl('D1', [volume(12)])), recv(decl('D2', [volume(12, { productReferentie: { referentieNummer: 'P2' } }, mar)], '03'))],
      () => [send(t301([{ omvang: { volume: 20, eenheid: '04', frequentie: '6' } }])), recv(decl('D1', [volume(12)])), recv(decl('D2', [volume(8, { productReferentie: { referentieNummer: 'P2' } }, mar)], '03'))],
    ),
    ...pair(
      'TR369',
      'a budget of € 1.000,00',
      () => [send(t301([{ ...aspecifiekBudget, product: { categorie: '02' } }])), recv(decl('D1', [volume(10)])), recv(decl('D2', [volume(12, { productReferentie: { referentieNummer: 'P2' } }, mar)], '03'))],
      () => [send(t301([{ ...aspecifiekBudget, product: { categorie: '02' } }])), recv(decl('D1', [volume(10)])), recv(decl('D2', [volume(10, { productReferentie: { referentieNummer: 'P2' } }, mar)], '03'))],
    ),
    ...pair(
      'TR389',
      'a second debet for the same period',
      () => [G(), recv(decl('D1', [volume(8)])), recv(decl('D2', [volume(8, { productReferentie: { referentieNummer: 'P2' } })]))],
      () => [G(), recv(decl('D1', [volume(8)])), recv(decl('D2', [credit(volume(8), 'P3'), volume(8, { productReferentie: { referentieNummer: 'P2' } })]))],
    ),
    // -- the declaratie-antwoord, on the aanbieder's side ------------------------------------
    ...pair(
      'TR337',
      'a 325 on an unknown declaration',
      () => [answer(answer325(decl('D1', [feb()])))],
      () => {
        const d = decl('D1', [feb()]);
        return [send(d), answer(answer325(d))];
      },
    ),
    ...pair(
      'TR371',
      'a 325 with another XsdVersieDeclaratie',
      () => {
        const d = decl('D1', [feb()]);
        const a = answer325(d);
        a.header.xsdVersieDeclaratie = { basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.1' };
        return [send(d), answer(a)];
      },
      () => {
        const d = decl('D1', [feb()]);
        return [send(d), answer(answer325(d))];
      },
    ),
    ...pair(
      'TR376',
      'a 325 with another DeclaratieNummer',
      () => {
        const d = decl('D1', [feb()]);
        const a = answer325(d);
        a.declaratieAntwoord!.declaratieNummer = 'D9';
        return [send(d), answer(a)];
      },
      () => {
        const d = decl('D1', [feb()]);
        return [send(d), answer(answer325(d))];
      },
    ),
    ...pair(
      'TR366',
      'a 325 returning a Prestatie the declaration does not hold',
      () => {
        const d = decl('D1', [feb()]);
        const a = answer325(d, [0]);
        a.declaratieAntwoord!.clienten![0]!.prestaties[0]!.productReferentie = { referentieNummer: 'P9' };
        return [send(d), answer(a)];
      },
      () => {
        const d = decl('D1', [feb()]);
        return [send(d), answer(answer325(d, [0]))];
      },
    ),
    ...pair(
      'TR367',
      'a 325 returning a Prestatie with other values',
      () => {
        const d = decl('D1', [feb()]);
        const a = answer325(d, [0]);
        a.declaratieAntwoord!.clienten![0]!.prestaties[0]!.productCode = '02A09';
        return [send(d), answer(a)];
      },
      () => {
        const d = decl('D1', [feb()]);
        return [send(d), answer(answer325(d, [0]))];
      },
    ),
    // -- level 4 ---------------------------------------------------------------------------------
    ...pair(
      'TR378',
      'a gemeente code that began after the ingangsdatum',
      () => [recv(t301())],
      () => [recv(t301([{ ingangsdatum: '2025-03-01' }]))],
      { today: '2025-06-01', gemeenten: { date: '2025-01-01', source: 'test', gemeenten: [{ code: '0363', naam: 'Amsterdam', begindatum: '2025-03-01' }] } },
    ),
    ...pair(
      'TR378',
      'an old code after a herindeling stays allowed; an unknown code is refused',
      () => [recv(t301())],
      () => [recv(t301([{ ingangsdatum: '2025-03-01' }]))].map((s) => {
        (s.message as T.WMO301).header.afzender = '0457';
        return s;
      }),
      {
        today: '2025-06-01',
        gemeenten: {
          date: '2025-01-01',
          source: 'test',
          gemeenten: [
            { code: '0457', naam: 'Weesp', begindatum: '1900-01-01', einddatum: '2022-03-23' },
            { code: '0362', naam: 'Amstelveen', begindatum: '1900-01-01' },
          ],
        },
      },
    ),
    ...pair(
      'TR381',
      'a product code of another categorie',
      () => [send(t301([{ product: { categorie: '02' }, omvang: undefined }])), recv(decl('D1', [feb({ productCategorie: '02', productCode: '03A01' })]))],
      () => [G(), recv(decl('D1', [feb()]))],
      { today: '2025-06-01', productCodes: { date: '2025-01-01', source: 'test', perGemeente: { '0363': [{ categorie: '02', code: '02A01' }, { categorie: '03', code: '03A01' }] } } },
    ),
    ...pair(
      'TR346',
      'minutes on an hourly tariff: (5000 × 50) / 60 = 4166,67 → 4167 cent',
      () => [G(), recv(decl('D1', [feb({ eenheid: '01', geleverdVolume: 50, productTarief: 83, ingediendBedrag: { bedrag: 4150, debetCredit: 'D' } })]))],
      () => [G(), recv(decl('D1', [feb({ eenheid: '01', geleverdVolume: 50, productTarief: 83, ingediendBedrag: { bedrag: 4167, debetCredit: 'D' } })]))],
      { today: '2025-06-01', tariffs: { date: '2025-01-01', source: 'test', tariffs: [{ gemeente: '0363', categorie: '02', code: '02A01', eenheid: '04', tarief: 5000, begindatum: '2025-01-01' }] } },
    ),
    ...pair(
      'TR346',
      'volume × ProductTarief',
      () => [G(), recv(decl('D1', [feb({ ingediendBedrag: { bedrag: 80001, debetCredit: 'D' } })]))],
      () => [G(), recv(decl('D1', [feb()]))],
      { today: '2025-06-01', tariffs: { date: '2025-01-01', source: 'test', tariffs: [] } },
    ),
    ...pair(
      'TR418',
      'a ProductTarief other than the contract tariff',
      () => [G(), recv(decl('D1', [feb({ productTarief: 5500, ingediendBedrag: { bedrag: 88000, debetCredit: 'D' } })]))],
      () => [G(), recv(decl('D1', [feb()]))],
      { today: '2025-06-01', tariffs: { date: '2025-01-01', source: 'test', tariffs: [{ gemeente: '0363', aanbieder: '12345678', categorie: '02', code: '02A01', eenheid: '04', tarief: 5000, begindatum: '2025-01-01' }] } },
    ),
    ...pair(
      'TR135',
      'a Dagtekening after the system date',
      () => [recv(t301([{}], BSN, '2025-02-01'))],
      () => [recv(t301([{}], BSN, '2025-01-20'))],
      { today: '2025-01-20' },
    ),
  ];
}
