import { describe, expect, it } from 'vitest';
import { buildRetour, Dossier, MemoryDossierStore, serialize } from '../../src/index.js';
import { base301, base305, base323, BSN, prestatie, startProduct } from '../rules/bases.js';
import { scenarioSuite } from './scenario-suite.js';

scenarioSuite('the memory store', async () => new MemoryDossierStore());

describe('level 4 without its lists', () => {
  it('skips each rule with an informational finding that names the missing list', async () => {
    const dossier = new Dossier(new MemoryDossierStore(), 'd', { sources: () => ({ today: '2025-06-01' }) });
    await dossier.add(serialize(base301()));
    const declaratie = base323([{ bsn: BSN, prestaties: [prestatie({ productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-28' } })] }]);
    declaratie.declaratie.declaratiePeriode = { begindatum: '2025-02-01', einddatum: '2025-02-28' };
    declaratie.declaratie.declaratieDagtekening = '2025-03-05';
    declaratie.header.berichtIdentificatie.dagtekening = '2025-03-05';
    const result = await dossier.receive(serialize(declaratie));
    expect(result.report.findings.filter((f) => f.level < 4)).toEqual([]);
    const notes = result.report.findings.filter((f) => f.level === 4);
    expect(notes.map((f) => f.rule).sort()).toEqual(['TR346', 'TR381', 'TR418']);
    for (const note of notes) {
      expect(note).toMatchObject({ severity: 'warning', retourcode: null, path: '/Bericht' });
      expect(note.message.nl).toMatch(/lijst .* is niet ingesteld/);
      expect(note.message.en).toMatch(/list .* is not configured/);
    }
    expect(result.report.accepted).toBe(true);
  });
});

describe('answers the party received', () => {
  it('a retour that rejects a start the aanbieder sent makes it no start; a clean retour leaves it', async () => {
    const dossier = new Dossier(new MemoryDossierStore(), 'aanbieder');
    const rejected = base305();
    rejected.header.berichtIdentificatie.identificatie = 'R1';
    const kept = base305();
    kept.header.berichtIdentificatie.identificatie = 'K1';
    kept.client.startProducten = [startProduct({ toewijzingNummer: 1002 })];
    await dossier.add(serialize(rejected));
    await dossier.add(serialize(kept));
    const finding = { rule: 'TR019', level: 3 as const, retourcode: '9019', path: '/Bericht/Client/StartProducten/StartProduct[1]', message: { nl: 'x', en: 'x' } };
    expect((await dossier.add(serialize(buildRetour(rejected, [finding], { dagtekening: '2025-02-07' })!))).record).toBeDefined();
    expect((await dossier.add(serialize(buildRetour(kept, [], { dagtekening: '2025-02-07' })!))).record).toBeDefined();
    const state = await dossier.current();
    const relation = { gemeente: '0363', aanbieder: '12345678' };
    expect(state.levering(relation, BSN, rejected.client.startProducten[0]!).start).toBeUndefined();
    expect(state.levering(relation, BSN, kept.client.startProducten[0]!).start).toBeDefined();
    const statuses = (await dossier.list()).map((r) => `${r.message.type} ${state.statusOf(r)}`);
    expect(statuses).toEqual(['WMO305 rejected', 'WMO305 accepted', 'WMO306 accepted', 'WMO306 accepted']);
  });
});
