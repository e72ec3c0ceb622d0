/**
 * The derived state does not depend on how it was derived: judging a random
 * sequence of starts, stops and deletions with one long-lived Dossier, with
 * two Dossiers taking turns on one store (each catching up on the other), and
 * with a fresh Dossier per message (rebuilding from the store each time)
 * gives the same findings at every step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dossier, MemoryDossierStore, serialize, type Message } from '../../src/index.js';
import { base301, base305, base307, startProduct, stopProduct, toegewezenProduct } from '../rules/bases.js';

const toewijzing = (): Message => {
  const m = base301();
  m.client.toegewezenProducten = [toegewezenProduct(), toegewezenProduct({ toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } })];
  return m;
};

const step = fc.record({
  kind: fc.constantFrom('start', 'stop'),
  nummer: fc.constantFrom(1001, 1002, 1003),
  begin: fc.constantFrom('2025-02-03', '2025-02-10'),
  status: fc.constantFrom('1', '1', '3'),
  reden: fc.constantFrom('19', '20'),
  einde: fc.constantFrom('2025-03-01', '2025-03-31'),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function messageOf(s: Step, i: number): string {
  const product = s.nummer === 1002 ? { categorie: '02' as const, code: '02A03' } : { categorie: '02' as const, code: '02A01' };
  if (s.kind === 'start') {
    const m = base305();
    m.header.berichtIdentificatie = { identificatie: `S${i}`, dagtekening: '2025-04-30' };
    m.client.startProducten = [startProduct({ toewijzingNummer: s.nummer, product, begindatum: s.begin, statusAanlevering: s.status as '1' | '3' })];
    return serialize(m);
  }
  const m = base307();
  m.header.berichtIdentificatie = { identificatie: `S${i}`, dagtekening: '2025-04-30' };
  m.client.stopProducten = [stopProduct({ toewijzingNummer: s.nummer, product, begindatum: s.begin, statusAanlevering: s.status as '1' | '3', redenBeeindiging: s.reden as '19' | '20', einddatum: s.einde })];
  return serialize(m);
}

const codes = (findings: readonly { rule: string; retourcode: string | null; path: string }[]): string[] => findings.filter((f) => f.retourcode !== null).map((f) => `${f.rule} ${f.retourcode} ${f.path}`);

describe('the derived state', () => {
  it('is the same whether kept, shared between two instances, or rebuilt for every message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const single = new Dossier(new MemoryDossierStore(), 'd');
        const shared = new MemoryDossierStore();
        const pair = [new Dossier(shared, 'd'), new Dossier(shared, 'd')];
        const rebuilt = new MemoryDossierStore();
        const first = serialize(toewijzing());
        await single.add(first);
        await pair[0]!.add(first);
        await new Dossier(rebuilt, 'd').add(first);
        for (const [i, s] of steps.entries()) {
          const xml = messageOf(s, i);
          const a = codes((await single.receive(xml)).report.findings);
          const b = codes((await pair[i % 2]!.receive(xml)).report.findings);
          const c = codes((await new Dossier(rebuilt, 'd').receive(xml)).report.findings);
          expect(b).toEqual(a);
          expect(c).toEqual(a);
        }
      }),
      { numRuns: 60 },
    );
  });
});
