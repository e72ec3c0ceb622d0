/**
 * The dossier through the CLI, as a gemeente uses it: its own 301 recorded
 * with `iwmo dossier add`, then a provider's 305, 307 and 323 answered with
 * `iwmo retour --dossier`, each step with exactly the expected retourcodes.
 * And durability: `iwmo dossier add` killed with SIGKILL loses nothing it acknowledged.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode, serialize, type Message } from '../../src/index.js';
import type * as T from '../../src/standard/generated/types.js';
import { SqliteDossierStore } from '../../src/node/sqlite-store.js';
import { base301, base305, base307, base323, BSN, credit, prestatie, retotal, startProduct, stopProduct, toegewezenProduct } from '../rules/bases.js';
import { iwmo, nodeWithTsx } from '../cli/run.js';
import { jwTwin } from '../rules/twin.js';
import { tempDir } from '../temp-dir.js';

const dir = tempDir('dossier-cli');

function write(name: string, message: Message): string {
  const file = join(dir, name);
  writeFileSync(file, serialize(message));
  return file;
}

/** The retourcodes of an answer, per class: `Header`, then each class path that carries codes. */
function codesOf(file: string): Record<string, string[]> {
  const answer = decode(readFileSync(file)).value!;
  const codes: Record<string, string[]> = {};
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i + 1}]`));
    if (value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      if (key === 'retourCodes') codes[path || '/'] = v as string[];
      else walk(v, `${path}/${key}`);
    }
  };
  walk(answer, '');
  return codes;
}

function id<M extends Message>(m: M, identificatie: string, dagtekening?: string): M {
  m.header.berichtIdentificatie.identificatie = identificatie;
  if (dagtekening) m.header.berichtIdentificatie.dagtekening = dagtekening;
  return m;
}

describe('a gemeente answers a provider through iwmo dossier add and iwmo retour --dossier', () => {
  const db = join(dir, 'gemeente.db');
  const step = (name: string, message: Message): Record<string, string[]> => {
    const out = join(dir, `${name}.answer.xml`);
    const run = iwmo(['retour', '--dossier', db, write(`${name}.xml`, message), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    return codesOf(out);
  };

  it('records its own 301', () => {
    const m = id(base301(), 'T1');
    m.client.toegewezenProducten = [toegewezenProduct(), toegewezenProduct({ toewijzingNummer: 1002, product: { categorie: '02', code: '02A03' } })];
    const run = iwmo(['dossier', 'add', db, write('301.xml', m)]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('WMO301 T1 recorded');
  });

  it('accepts a start on an assigned product: a retour without codes', () => {
    expect(step('start-ok', id(base305(), 'S1'))).toEqual({});
  });

  it('rejects a start on an unknown toewijzing: header 0200, Client 0200, StartProduct 9019', () => {
    const m = id(base305(), 'S2');
    m.client.startProducten = [startProduct({ toewijzingNummer: 7777 })];
    expect(step('start-unknown', m)).toEqual({ '/header': ['0200'], '/client': ['0200'], '/client/startProducten[1]': ['9019'] });
  });

  it('rejects a second start on the same toewijzing while the first is not stopped (9326)', () => {
    const m = id(base305(), 'S3', '2025-02-12');
    m.client.startProducten = [startProduct({ begindatum: '2025-02-10' })];
    expect(step('start-again', m)).toEqual({ '/header': ['0200'], '/client': ['0200'], '/client/startProducten[1]': ['9326'] });
  });

  it('rejects a stop on the start it rejected before: a rejected start is no start (9069)', () => {
    const m = id(base307(), 'P1');
    m.client.stopProducten = [stopProduct({ begindatum: '2025-02-10' })];
    expect(step('stop-rejected-start', m)).toEqual({ '/header': ['0200'], '/client': ['0200'], '/client/stopProducten[1]': ['9069'] });
  });

  it('accepts the stop of the accepted start', () => {
    expect(step('stop-ok', id(base307(), 'P2'))).toEqual({});
  });

  it('answers a 323 with one wrong Prestatie: 325 with 0200, the rejected Prestatie with 9340, and the rest awarded', () => {
    const good = prestatie({ productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-28' } });
    const wrong = prestatie({ productReferentie: { referentieNummer: 'P2' }, toewijzingNummer: 1002, productCode: '02A99', productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-28' }, geleverdVolume: 4, ingediendBedrag: { bedrag: 20000, debetCredit: 'D' } });
    const m = id(retotal(base323([{ bsn: BSN, prestaties: [good, wrong] }])), 'D1', '2025-03-05');
    m.declaratie.declaratiePeriode = { begindatum: '2025-02-01', einddatum: '2025-02-28' };
    m.declaratie.declaratieDagtekening = '2025-03-05';
    const out = join(dir, 'decl.answer.xml');
    expect(iwmo(['retour', '--dossier', db, write('decl.xml', m), '--out', out]).status).toBe(0);
    expect(codesOf(out)).toEqual({
      '/header': ['0200'],
      '/declaratieAntwoord': ['0200'],
      '/declaratieAntwoord/clienten[1]': ['0200'],
      '/declaratieAntwoord/clienten[1]/prestaties[1]': ['9340'],
    });
    const answer = decode(readFileSync(out)).value as T.WMO325;
    expect(answer.declaratieAntwoord!.totaalIngediendBedrag).toEqual({ totaalBedrag: 100000, debetCredit: 'D' });
    expect(answer.declaratieAntwoord!.totaalToegekendBedrag).toEqual({ totaalBedrag: 80000, debetCredit: 'D' });
    expect(answer.declaratieAntwoord!.clienten![0]!.prestaties.map((p) => p.productReferentie.referentieNummer)).toEqual(['P2']);
  });

  it('rejects the DeclaratieNummer used again on the Declaratie class (9333), nothing awarded', () => {
    const p = prestatie({ productReferentie: { referentieNummer: 'P3' }, productPeriode: { begindatum: '2025-03-01', einddatum: '2025-03-31' } });
    const m = id(retotal(base323([{ bsn: BSN, prestaties: [p] }])), 'D2', '2025-04-05');
    m.declaratie.declaratiePeriode = { begindatum: '2025-03-01', einddatum: '2025-03-31' };
    m.declaratie.declaratieDagtekening = '2025-04-05';
    const out = join(dir, 'decl2.answer.xml');
    expect(iwmo(['retour', '--dossier', db, write('decl2.xml', m), '--out', out]).status).toBe(0);
    expect(codesOf(out)).toEqual({ '/header': ['0200'], '/declaratieAntwoord': ['9333'] });
    expect((decode(readFileSync(out)).value as T.WMO325).declaratieAntwoord!.totaalToegekendBedrag.totaalBedrag).toBe(0);
  });

  it('approves the credit of the approved Prestatie in full (8001), and refuses to credit the rejected one (8017)', () => {
    const approved = prestatie({ productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-28' } });
    const m = id(retotal(base323([{ bsn: BSN, prestaties: [credit(approved, 'P4')] }])), 'D3', '2025-04-05');
    m.declaratie.declaratieNummer = 'D2025002';
    m.declaratie.declaratiePeriode = { begindatum: '2025-03-01', einddatum: '2025-03-31' };
    m.declaratie.declaratieDagtekening = '2025-04-05';
    const out = join(dir, 'credit.answer.xml');
    expect(iwmo(['retour', '--dossier', db, write('credit.xml', m), '--out', out]).status).toBe(0);
    expect(codesOf(out)).toEqual({ '/header': ['0200'], '/declaratieAntwoord': ['8001'] });

    const rejectedOne = prestatie({ productReferentie: { referentieNummer: 'P2' }, toewijzingNummer: 1002, productCode: '02A99', productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-28' }, geleverdVolume: 4, ingediendBedrag: { bedrag: 20000, debetCredit: 'D' } });
    const c = id(retotal(base323([{ bsn: BSN, prestaties: [credit(rejectedOne, 'P5')] }])), 'D4', '2025-04-05');
    c.declaratie.declaratieNummer = 'D2025003';
    c.declaratie.declaratiePeriode = { begindatum: '2025-03-01', einddatum: '2025-03-31' };
    c.declaratie.declaratieDagtekening = '2025-04-05';
    const out2 = join(dir, 'credit2.answer.xml');
    expect(iwmo(['retour', '--dossier', db, write('credit2.xml', c), '--out', out2]).status).toBe(0);
    expect(codesOf(out2)).toEqual({ '/header': ['0200'], '/declaratieAntwoord': ['0200'], '/declaratieAntwoord/clienten[1]': ['0200'], '/declaratieAntwoord/clienten[1]/prestaties[1]': ['8017'] });
  });

  it('lists what it recorded: JSON for machines, BSNs masked in text', () => {
    const json = iwmo(['dossier', 'show', db, '--format', 'json']);
    expect(json.status).toBe(0);
    const items = JSON.parse(json.stdout) as { message: string; identificatie: string; verdict: string; afzender: string; ontvanger: string; dagtekening: string }[];
    expect(items.map((i) => `${i.message} ${i.identificatie} ${i.verdict}`)).toEqual([
      'WMO301 T1 pending',
      'WMO305 S1 accepted',
      'WMO305 S2 rejected',
      'WMO305 S3 rejected',
      'WMO307 P1 rejected',
      'WMO307 P2 accepted',
      'WMO323 D1 accepted',
      'WMO323 D2 rejected',
      'WMO323 D3 accepted',
      'WMO323 D4 accepted',
    ]);
    expect(items[0]).toMatchObject({ afzender: '0363', ontvanger: '12345678', dagtekening: '2025-01-15' });
    const text = iwmo(['dossier', 'show', db, '--bsn', BSN]);
    expect(text.status).toBe(0);
    expect(text.stdout).not.toContain(BSN);
    expect(text.stdout).toContain('*****6782');
    expect(text.stdout.trim().split('\n')).toHaveLength(10);
  });

  it('purges messages dated before a day', () => {
    const run = iwmo(['dossier', 'purge', db, '--before', '2025-02-06']);
    expect(run.stdout).toBe('3 messages removed\n');
    expect(iwmo(['dossier', 'purge', db, '--before', 'yesterday']).status).toBe(2);
  });

  it('refuses to record a message that fails level 2, and says why', () => {
    const m = id(base305(), 'BAD');
    m.client.bsn = '123456789';
    const run = iwmo(['dossier', 'add', db, write('bad.xml', m)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CS002');
    expect(run.stderr).toContain('Not recorded');
  });
});

describe('durability', () => {
  it('iwmo dossier add killed with SIGKILL loses nothing it acknowledged', async () => {
    const db = join(dir, 'durable.db');
    const files: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const m = id(base305(), `K${i}`);
      m.client.startProducten = [startProduct({ toewijzingNummer: 10_000 + i })];
      files.push(write(`kill-${i}.xml`, m));
    }
    const [node, ...flags] = nodeWithTsx;
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const child = spawn(node!, [...flags, main, 'dossier', 'add', db, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // Kill it in the middle of its work, right after an acknowledgement.
        if (out.split('\n').length > 40 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(child.signalCode).toBe('SIGKILL');
    const acknowledged = [...out.matchAll(/WMO305 (K\d+) recorded/g)].map((m) => m[1]!);
    expect(acknowledged.length).toBeGreaterThan(30);
    expect(acknowledged.length).toBeLessThan(files.length);
    const store = new SqliteDossierStore(db);
    const recorded = new Set((await store.list('default')).map((r) => r.message.header.berichtIdentificatie.identificatie));
    await store.close();
    for (const id of acknowledged) expect(recorded.has(id), id).toBe(true);
  }, 120_000);
});

describe('iwmo retour --dossier --sources', () => {
  it('checks level 4 against the lists in the file: a ProductTarief off the contract gives 0611', () => {
    const db = join(dir, 'sources.db');
    const lists = join(dir, 'lists.json');
    writeFileSync(lists, JSON.stringify({ tariffs: { date: '2025-01-01', source: 'contract 2025', tariffs: [{ gemeente: '0363', categorie: '02', code: '02A01', eenheid: '04', tarief: 4500, begindatum: '2025-01-01' }] } }));
    expect(iwmo(['dossier', 'add', db, write('s301.xml', id(base301(), 'T9'))]).status).toBe(0);
    const p = prestatie({ productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-28' } });
    const m = id(retotal(base323([{ bsn: BSN, prestaties: [p] }])), 'D9', '2025-03-05');
    m.declaratie.declaratiePeriode = { begindatum: '2025-02-01', einddatum: '2025-02-28' };
    m.declaratie.declaratieDagtekening = '2025-03-05';
    const out = join(dir, 's323.answer.xml');
    const run = iwmo(['retour', '--dossier', db, '--sources', lists, write('s323.xml', m), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(codesOf(out)).toEqual({ '/header': ['0200'], '/declaratieAntwoord': ['0200'], '/declaratieAntwoord/clienten[1]': ['0200'], '/declaratieAntwoord/clienten[1]/prestaties[1]': ['0611'] });
  });

  it('refuses a lists file that does not fit, and says where (exit 2)', () => {
    const lists = join(dir, 'bad-lists.json');
    writeFileSync(lists, JSON.stringify({ tariffs: { date: 'soon', source: 'x', tariffs: [] } }));
    const run = iwmo(['retour', '--dossier', join(dir, 'x.db'), '--sources', lists, write('x301.xml', base301())]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('tariffs.date');
  });
});

describe('a database that cannot be opened', () => {
  it('exits 2 and never shows the password of a postgres:// URL', () => {
    const run = iwmo(['dossier', 'show', 'postgres://someone:s3cret@127.0.0.1:1/none']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('127.0.0.1:1');
    expect(run.stderr).not.toContain('s3cret');
  });
});

describe('durability of a shell loop', () => {
  it('a loop of `iwmo dossier add` killed with SIGKILL keeps every message whose add exited 0', async () => {
    const db = join(dir, 'loop.db');
    const files: string[] = [];
    for (let i = 0; i < 40; i++) {
      const m = id(base305(), `L${i}`);
      m.client.startProducten = [startProduct({ toewijzingNummer: 20_000 + i })];
      files.push(write(`loop-${i}.xml`, m));
    }
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const cli = [...nodeWithTsx, main].map((p) => `'${p}'`).join(' ');
    // The loop acknowledges a file only after its add exited 0.
    const script = `for f in ${files.map((f) => `'${f}'`).join(' ')}; do ${cli} dossier add '${db}' "$f" >/dev/null && echo "ack $f"; done`;
    const loop = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    await new Promise<void>((resolve) => {
      loop.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // Kill the loop and the add it is running, the whole process group, after a few acknowledgements.
        if ((out.match(/^ack /gm) ?? []).length >= 4 && loop.pid) {
          try {
            process.kill(-loop.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      });
      loop.on('exit', () => resolve());
    });
    const acknowledged = [...out.matchAll(/^ack .*loop-(\d+)\.xml$/gm)].map((m) => `L${m[1]}`);
    expect(acknowledged.length).toBeGreaterThanOrEqual(4);
    expect(acknowledged.length).toBeLessThan(files.length);
    const store = new SqliteDossierStore(db);
    const recorded = new Set((await store.list('default')).map((r) => r.message.header.berichtIdentificatie.identificatie));
    await store.close();
    for (const ack of acknowledged) expect(recorded.has(ack), ack).toBe(true);
  }, 180_000);
});

describe('the example lists file', () => {
  it('fits the lists format and says in every list that it is an example', async () => {
    const { loadSources } = await import('../../src/node/sources-file.js');
    const context = (await loadSources(fileURLToPath(new URL('../../fixtures/sources/example.json', import.meta.url))))();
    expect(context.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const list of [context.gemeenten, context.productCodes, context.tariffs]) expect(list?.source).toMatch(/^example/);
  });
});

describe('a gemeente answers an iJw provider the same way: JW messages through iwmo dossier add and iwmo retour --dossier', () => {
  const db = join(dir, 'jeugd.db');
  const step = (name: string, message: Message): Record<string, string[]> => {
    const out = join(dir, `jw-${name}.answer.xml`);
    const run = iwmo(['retour', '--dossier', db, write(`jw-${name}.xml`, jwTwin(message)), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(decode(readFileSync(out)).value!.type).toMatch(/^JW3/);
    return codesOf(out);
  };

  it('records its own JW301', () => {
    const m = id(base301(), 'J1');
    // The twin of categorie 01 is a youth-care category: 3 hours per week, without iWmo's 6× allowance.
    m.client.toegewezenProducten = [toegewezenProduct(), toegewezenProduct({ toewijzingNummer: 1002, product: { categorie: '01', code: '01A01' }, omvang: { volume: 3, eenheid: '04', frequentie: '2' } })];
    const run = iwmo(['dossier', 'add', db, write('jw-301.xml', jwTwin(m))]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('JW301 J1 recorded');
  });

  it('accepts a JW305 on an assigned product and rejects one on an unknown toewijzing with 9019 in a JW306', () => {
    expect(step('start-ok', id(base305(), 'JS1'))).toEqual({});
    const m = id(base305(), 'JS2');
    m.client.startProducten = [startProduct({ toewijzingNummer: 7777 })];
    expect(step('start-unknown', m)).toEqual({ '/header': ['0200'], '/client': ['0200'], '/client/startProducten[1]': ['9019'] });
  });

  it('answers a JW323 with a JW325: 18 hours on 3 per week in February is 9321 in iJw (no 6× allowance)', () => {
    const p = prestatie({
      productReferentie: { referentieNummer: 'JP1' },
      toewijzingNummer: 1002,
      productCategorie: '01',
      productCode: '01A01',
      productPeriode: { begindatum: '2025-02-01', einddatum: '2025-02-28' },
      geleverdVolume: 18,
      ingediendBedrag: { bedrag: 90000, debetCredit: 'D' },
    });
    const m = id(retotal(base323([{ bsn: BSN, prestaties: [p] }])), 'JD1', '2025-03-05');
    m.declaratie.declaratiePeriode = { begindatum: '2025-02-01', einddatum: '2025-02-28' };
    m.declaratie.declaratieDagtekening = '2025-03-05';
    expect(step('decl', m)).toEqual({
      '/header': ['0200'],
      '/declaratieAntwoord': ['0200'],
      '/declaratieAntwoord/clienten[1]': ['0200'],
      '/declaratieAntwoord/clienten[1]/prestaties[1]': ['9321'],
    });
  });

  it('refuses an iWmo message in the iJw dossier, and says why', () => {
    const out = join(dir, 'mixed.answer.xml');
    const run = iwmo(['retour', '--dossier', db, write('mixed.xml', id(base305(), 'M1')), '--out', out]);
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toContain('This dossier holds messages of iJw 3.2; a WMO305 (iWmo 3.2) belongs in a dossier of its own');
  });
});
