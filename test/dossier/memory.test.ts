import { describe, expect, it } from 'vitest';
import { Dossier, MemoryDossierStore, serialize } from '../../src/index.js';
import { base301, base323, BSN, prestatie } from '../rules/bases.js';
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
