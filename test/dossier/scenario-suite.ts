/**
 * The behavioural suite every dossier store passes: each scenario of
 * scenarios.ts through a Dossier on a fresh store, and the store contract
 * (order, idempotence, listing, purge).
 */
import { describe, expect, it } from 'vitest';
import { Dossier, isError, nationalProfile, rules, serialize, type DossierStore, type Finding } from '../../src/index.js';
import { scenarios, type Scenario } from './scenarios.js';
import { jwTwin, jwTwinContext } from '../rules/twin.js';
import { base301, base305, BSN, BSN_2, startProduct, toegewezenProduct } from '../rules/bases.js';

const blocking = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.level >= 3 && isError(f));

async function run(scenario: Scenario, store: DossierStore, id: string): Promise<readonly Finding[]> {
  const dossier = new Dossier(store, id, scenario.sources ? { sources: () => scenario.sources! } : {});
  let last: readonly Finding[] = [];
  for (const [i, step] of scenario.steps.entries()) {
    const xml = serialize(step.message);
    const result = step.kind === 'recv' ? await dossier.receive(xml, { dagtekening: '2025-06-01' }) : await dossier.add(xml);
    expect(result.report.findings.filter((f) => f.level <= 2 && isError(f)), `step ${i + 1} is clean at levels 1 and 2`).toEqual([]);
    expect(result.record, `step ${i + 1} is recorded`).toBeDefined();
    if (i < scenario.steps.length - 1) {
      if (step.expectRejected) expect(blocking(result.report.findings).length, `step ${i + 1} is rejected`).toBeGreaterThan(0);
      else expect(blocking(result.report.findings), `step ${i + 1} passes levels 3 and 4`).toEqual([]);
    }
    last = result.report.findings;
  }
  return last;
}

export function scenarioSuite(name: string, makeStore: () => Promise<DossierStore>): void {
  // Dossier ids unique to this run, so a shared database (PostgreSQL) starts every test empty.
  const run_ = globalThis.crypto.randomUUID().slice(0, 8);
  let n = 0;
  const fresh = (label: string): string => `${run_}-${label}-${++n}`;
  describe(`level-3/4 scenarios on ${name}`, () => {
    for (const scenario of scenarios()) {
      it(`${scenario.rule}: ${scenario.name}`, async () => {
        const store = await makeStore();
        try {
          const findings = await run(scenario, store, fresh('scenario'));
          const own = findings.filter((f) => f.rule === scenario.rule);
          if (scenario.fires) {
            expect(own.length, `${scenario.rule} fires`).toBeGreaterThan(0);
          } else {
            expect(own, `${scenario.rule} stays quiet`).toEqual([]);
            expect(blocking(findings), 'nothing else rejects the last message').toEqual([]);
          }
        } finally {
          await store.close();
        }
      });
    }
  });

  // iJw 3.2 has the same level-3/4 rules and codes but for TR321 and TR361 (iJw spec §5): each scenario again, as the iJw twins of its messages.
  describe(`level-3/4 scenarios as iJw twins on ${name}`, () => {
    for (const scenario of scenarios()) {
      const fires = scenario.firesInIjw ?? scenario.fires;
      it(`${scenario.rule}: ${scenario.name}${fires === scenario.fires ? '' : ` (in iJw: ${fires ? 'fires' : 'does not fire'})`}`, async () => {
        const twin: Scenario = {
          ...scenario,
          steps: scenario.steps.map((step) => ({ ...step, message: jwTwin(step.message) })),
          ...(scenario.sources ? { sources: jwTwinContext(scenario.sources) } : {}),
        };
        const store = await makeStore();
        try {
          const findings = await run(twin, store, fresh('ijw'));
          const own = findings.filter((f) => f.rule === scenario.rule);
          if (fires) {
            expect(own.length, `${scenario.rule} fires`).toBeGreaterThan(0);
            // The same retourcode as the iWmo rule: iJw has no codes of its own.
            expect(own.map((f) => f.retourcode)).toEqual(own.map(() => rules[scenario.rule]!.retourcode));
          } else {
            expect(own, `${scenario.rule} stays quiet`).toEqual([]);
            expect(blocking(findings), 'nothing else rejects the last message').toEqual([]);
          }
        } finally {
          await store.close();
        }
      });
    }
  });

  describe(`dossier store contract on ${name}`, () => {
    const ids = { contract: fresh('contract'), shared: fresh('shared'), purge: fresh('purge'), elsewhere: fresh('elsewhere'), mixed: fresh('mixed') };
    it('records in order, gives the same message the same answer once, and lists by client', async () => {
      const store = await makeStore();
      try {
        const dossier = new Dossier(store, ids.contract);
        const toewijzing = base301();
        toewijzing.client.toegewezenProducten = [toegewezenProduct()];
        expect((await dossier.add(serialize(toewijzing))).duplicate).toBe(false);
        const start = serialize(base305());
        const first = await dossier.receive(start, { dagtekening: '2025-02-06' });
        const again = await dossier.receive(start, { dagtekening: '2025-02-07' });
        expect(first.duplicate).toBe(false);
        expect(again.duplicate).toBe(true);
        expect(again.xml).toBe(first.xml);
        const other = base305();
        other.header.berichtIdentificatie.identificatie = 'OTHER';
        other.client.bsn = BSN_2;
        other.client.startProducten = [startProduct({ toewijzingNummer: 9999 })];
        const rejected = await dossier.receive(serialize(other));
        expect(rejected.report.accepted).toBe(false);
        const all = await dossier.list();
        expect(all.map((r) => r.message.type)).toEqual(['WMO301', 'WMO305', 'WMO305']);
        expect(all.map((r) => r.seq)).toEqual([...all.map((r) => r.seq)].sort((a, b) => a - b));
        expect(all[2]!.verdict.accepted).toBe(false);
        expect(all[2]!.verdict.retourCodes).toEqual(['0200']);
        expect((await dossier.list({ bsn: BSN })).length).toBe(2);
        expect((await dossier.list({ bsn: BSN_2 })).length).toBe(1);
        // Another dossier in the same store sees none of it.
        expect(await new Dossier(store, ids.elsewhere).list()).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('keeps one standard per dossier: a JW message in an iWmo dossier is refused with a finding, not recorded, not answered', async () => {
      const store = await makeStore();
      try {
        const dossier = new Dossier(store, ids.mixed);
        await dossier.add(serialize(base301()));
        const received = await dossier.receive(serialize(jwTwin(base305())));
        expect(received.retour).toBeUndefined();
        expect(received.record).toBeUndefined();
        expect(received.report.accepted).toBe(false);
        const refusal = received.report.findings.find((f) => f.rule === 'DOSSIER');
        expect(refusal?.message.en).toBe('This dossier holds messages of iWmo 3.2; a JW305 (iJw 3.2) belongs in a dossier of its own and is not recorded.');
        expect(received.reason).toEqual(refusal?.message);
        const added = await dossier.add(serialize(jwTwin(base301())));
        expect(added.record).toBeUndefined();
        expect(added.report.findings.map((f) => f.rule)).toContain('DOSSIER');
        expect((await dossier.list()).map((r) => r.message.type)).toEqual(['WMO301']);
        // The same JW messages make a dossier of their own, judged as the iWmo ones are.
        const jw = new Dossier(store, `${ids.mixed}-jw`);
        await jw.add(serialize(jwTwin(base301())));
        const start = await jw.receive(serialize(jwTwin(base305())));
        expect(start.retour?.type).toBe('JW306');
        expect(blocking(start.report.findings)).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('a second Dossier on the same store sees what the first recorded', async () => {
      const store = await makeStore();
      try {
        const one = new Dossier(store, ids.shared);
        const two = new Dossier(store, ids.shared);
        await one.add(serialize(base301()));
        const answer = await two.receive(serialize(base305()));
        expect(blocking(answer.report.findings)).toEqual([]);
        const again = base305();
        again.header.berichtIdentificatie.identificatie = 'AGAIN';
        const second = await one.receive(serialize(again));
        expect(second.report.findings.map((f) => f.rule)).toContain('TR074');
      } finally {
        await store.close();
      }
    });

    it('purges messages dated before a day', async () => {
      const store = await makeStore();
      try {
        const dossier = new Dossier(store, ids.purge);
        await dossier.add(serialize(base301()));
        await dossier.receive(serialize(base305()));
        expect(await dossier.purge('2025-02-01')).toBe(1);
        expect((await dossier.list()).map((r) => r.message.type)).toEqual(['WMO305']);
      } finally {
        await store.close();
      }
    });
  });

  describe(`every level-3 and level-4 rule has scenarios (${name})`, () => {
    it('one that fires it and one that does not', () => {
      const all = scenarios();
      const missing = nationalProfile.rules.filter((r) => r.level >= 3).map((r) => r.id).filter((id) => !all.some((s) => s.rule === id && s.fires) || !all.some((s) => s.rule === id && !s.fires));
      expect(missing).toEqual([]);
    });
  });
}
