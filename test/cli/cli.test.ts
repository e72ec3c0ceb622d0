import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ACHTERNAAM, CLIENT_BSN, INVALID_BSN_LINE, MALFORMED, invalidWmo305, wmo301, wmo305, wmo323 } from '../http/messages.js';
import { validate } from '../../src/index.js';
import { hasScript, iwmo, iwmoOnTerminal } from './run.js';
import { tempDir } from '../temp-dir.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('cli');
  writeFileSync(join(dir, 'valid.xml'), wmo305());
  writeFileSync(join(dir, 'invalid.xml'), invalidWmo305());
  writeFileSync(join(dir, 'malformed.xml'), MALFORMED);
  writeFileSync(join(dir, 'toewijzing.xml'), wmo301());
  writeFileSync(join(dir, 'declaratie.xml'), wmo323(30));
  // A folder with enough files to be validated in worker threads, one of them rejected, nested.
  mkdirSync(join(dir, 'batch', 'nested'), { recursive: true });
  for (let i = 1; i <= 10; i++) writeFileSync(join(dir, 'batch', `start-${String(i).padStart(2, '0')}.xml`), wmo305());
  writeFileSync(join(dir, 'batch', 'nested', 'wrong.xml'), invalidWmo305());
  writeFileSync(join(dir, 'batch', 'notes.txt'), 'not a message');
});

const FINDING_KEYS = ['level', 'line', 'message', 'path', 'retourcode', 'rule', 'severity'];

describe('iwmo validate', () => {
  it('--max-size sets the size cap: below the file it rejects with OP179, above it the file is streamed and judged', () => {
    const size = Buffer.byteLength(wmo323(30));
    const small = iwmo(['validate', '--format', 'json', '--max-size', String(size - 1), 'declaratie.xml'], dir);
    expect(small.status).toBe(1);
    const [report] = JSON.parse(small.stdout) as [{ findings: { rule: string; message: { en: string } }[] }];
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.message.en).toBe(`The message is larger than allowed (${size} > ${size - 1} bytes; OP179).`);
    const enough = iwmo(['validate', '--format', 'json', '--max-size', String(size), 'declaratie.xml'], dir);
    expect(JSON.parse(enough.stdout)).toEqual(JSON.parse(iwmo(['validate', '--format', 'json', 'declaratie.xml'], dir).stdout));
    expect(enough.stdout).toContain('"message": "WMO323"');
  });

  it('exits 0 for an accepted message and says so', () => {
    const run = iwmo(['validate', 'valid.xml'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('valid.xml: accepted');
    expect(run.stdout).toContain('WMO305');
  });

  it('exits 1 for a rejected message and lists each finding with line, rule, retourcode and both texts', () => {
    const run = iwmo(['validate', 'invalid.xml'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('invalid.xml: REJECTED');
    expect(run.stdout).toContain(`line ${INVALID_BSN_LINE}  XSD  level 1  retourcode -  /Bericht/Client/Bsn`);
    expect(run.stdout).toMatch(/nl: De waarde voldoet niet/);
    expect(run.stdout).toMatch(/en: The value does not match/);
  });

  it('prints one JSON array with one object per file in --format json', () => {
    const run = iwmo(['validate', '--format', 'json', 'valid.xml', 'invalid.xml', 'malformed.xml'], dir);
    expect(run.status).toBe(1);
    const reports = JSON.parse(run.stdout);
    expect(reports).toHaveLength(3);
    for (const report of reports) expect(Object.keys(report).sort()).toEqual(['accepted', 'berichtCode', 'file', 'findings', 'message', 'standard']);
    expect(reports[0]).toEqual({ file: 'valid.xml', message: 'WMO305', standard: 'iwmo-3.2', berichtCode: '418', accepted: true, findings: [] });
    expect(reports[1]).toMatchObject({ file: 'invalid.xml', accepted: false });
    expect(Object.keys(reports[1].findings[0]).sort()).toEqual(FINDING_KEYS);
    expect(reports[1].findings[0]).toMatchObject({ rule: 'XSD', level: 1, retourcode: null, line: INVALID_BSN_LINE, path: '/Bericht/Client/Bsn' });
    expect(reports[2]).toMatchObject({ file: 'malformed.xml', accepted: false });
    expect(reports[2].findings[0]).toMatchObject({ rule: 'XML', level: 1 });
  });

  it('walks folders for *.xml in name order, validates many files in worker threads, and keeps that order', () => {
    const run = iwmo(['validate', '--format', 'json', 'batch'], dir);
    expect(run.status).toBe(1);
    const reports = JSON.parse(run.stdout) as { file: string; accepted: boolean }[];
    expect(reports.map((r) => r.file)).toEqual([
      join('batch', 'nested', 'wrong.xml'),
      ...Array.from({ length: 10 }, (_, i) => join('batch', `start-${String(i + 1).padStart(2, '0')}.xml`)),
    ]);
    expect(reports.map((r) => r.accepted)).toEqual([false, ...Array(10).fill(true)]);
  });

  it('ends text output for several files with a summary per message type and the most frequent rules', () => {
    const run = iwmo(['validate', 'batch', 'toewijzing.xml'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('12 files: 11 accepted, 1 rejected');
    expect(run.stdout).toMatch(/WMO301\s+1 accepted\s+0 rejected/);
    expect(run.stdout).toMatch(/WMO305\s+10 accepted\s+1 rejected/);
    expect(run.stdout).toMatch(/Most frequent rules:\n\s+XSD\s+1×/);
  });

  it('shows no progress bar when the output is piped', () => {
    const run = iwmo(['validate', 'batch'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('validating [');
  });

  // `script` gives the CLI a terminal; without it (not a Debian/macOS default everywhere) this cannot be observed.
  it.skipIf(!hasScript)('shows a progress bar on a terminal', () => {
    const run = iwmoOnTerminal(['validate', 'batch'], dir);
    expect(run).toMatch(/validating \[[=-]+\] \d+\/11 files/);
    expect(run).toContain('11 files: 10 accepted, 1 rejected');
  });

  it('exits 2 for a missing file', () => {
    const run = iwmo(['validate', 'valid.xml', 'missing.xml'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing.xml: no such file or folder');
  });

  it('exits 2 on a usage error', () => {
    expect(iwmo(['validate'], dir).status).toBe(2);
    expect(iwmo(['validate', '--format', 'yaml', 'valid.xml'], dir).status).toBe(2);
    expect(iwmo(['frobnicate'], dir).status).toBe(2);
  });

  it('exits 2 when a folder holds no messages', () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    expect(iwmo(['validate', 'empty'], dir).status).toBe(2);
  });
});

describe('iwmo format', () => {
  it('writes the canonical encoding to stdout', () => {
    const untidy = wmo305().replace(/\r\n\t*/g, '\n');
    writeFileSync(join(dir, 'untidy.xml'), untidy);
    const run = iwmo(['format', 'untidy.xml'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(wmo305());
  });

  it('exits 1 with the findings on stderr when the message is invalid', () => {
    const run = iwmo(['format', 'invalid.xml'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`line ${INVALID_BSN_LINE}  XSD`);
  });

  it('exits 2 when the file cannot be read', () => {
    expect(iwmo(['format', 'batch'], dir).status).toBe(2);
  });
});

describe('iwmo retour', () => {
  it('writes the retour of a message to stdout', () => {
    const run = iwmo(['retour', 'valid.xml'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<wmo306:Bericht');
    expect(validate(run.stdout)).toMatchObject({ message: 'WMO306', accepted: true });
  });

  it('writes the declaratie-antwoord of a declaratie to --out', () => {
    const run = iwmo(['retour', 'declaratie.xml', '--out', 'antwoord.xml'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('WMO325 written to antwoord.xml');
    expect(validate(readFileSync(join(dir, 'antwoord.xml')))).toMatchObject({ message: 'WMO325', accepted: true });
  });

  it('exits 1 with the findings and the reason when level 1 fails', () => {
    const run = iwmo(['retour', 'invalid.xml'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`line ${INVALID_BSN_LINE}  XSD`);
    expect(run.stderr).toContain('no retour is sent');
  });

  it('exits 2 when the file is missing', () => {
    expect(iwmo(['retour', 'missing.xml'], dir).status).toBe(2);
  });

  it('--max-size sets the size cap: below the file there is no retour (OP179), at it the 325 is written', () => {
    const size = Buffer.byteLength(wmo323(30));
    const small = iwmo(['retour', '--max-size', String(size - 1), 'declaratie.xml'], dir);
    expect(small.status).toBe(1);
    expect(small.stdout).toBe('');
    expect(small.stderr).toContain(`The message is larger than allowed (${size} > ${size - 1} bytes; OP179).`);
    expect(small.stderr).toContain('no retour is sent');
    const enough = iwmo(['retour', '--max-size', String(size), 'declaratie.xml'], dir);
    expect(enough.status).toBe(0);
    expect(enough.stdout).toBe(iwmo(['retour', 'declaratie.xml'], dir).stdout);
    expect(enough.stdout).toContain('<wmo325:Bericht');
  });
});

describe('iwmo generate', () => {
  it.each(['WMO301', 'wmo323', 'WMO325'])('writes valid random %s messages, the same for the same seed', (type) => {
    const id = type.toUpperCase();
    const first = iwmo(['generate', type, '--count', '3', '--seed', '7', '--out', `gen-${id}-a`], dir);
    expect(first.status).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([1, 2, 3].map((i) => join(`gen-${id}-a`, `${id}-${i}.xml`)));
    expect(first.stderr).toContain('(seed 7)');
    const validated = iwmo(['validate', '--format', 'json', `gen-${id}-a`], dir);
    expect(validated.status).toBe(0);
    expect(JSON.parse(validated.stdout).map((r: { message: string }) => r.message)).toEqual([id, id, id]);

    expect(iwmo(['generate', type, '--count', '3', '--seed', '7', '--out', `gen-${id}-b`], dir).status).toBe(0);
    for (const i of [1, 2, 3]) {
      expect(readFileSync(join(dir, `gen-${id}-b`, `${id}-${i}.xml`), 'utf8')).toBe(readFileSync(join(dir, `gen-${id}-a`, `${id}-${i}.xml`), 'utf8'));
    }
  });

  it('exits 2 for an unknown message type', () => {
    const run = iwmo(['generate', 'WMO303'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('expected one of WMO301');
  });
});

describe('iwmo inspect', () => {
  it('summarises a toewijzing with the BSN masked and without names or addresses', () => {
    const run = iwmo(['inspect', 'toewijzing.xml'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('WMO301 Toewijzing Wmo-ondersteuning');
    expect(run.stdout).toContain('Afzender: 0363 (gemeente)');
    expect(run.stdout).toContain('Ontvanger: 65656055 (AGB-code)');
    expect(run.stdout).toContain(`Bsn: *****${CLIENT_BSN.slice(-4)}`);
    expect(run.stdout).toContain('Product: Categorie 01 (Hulp bij het huishouden), Code 01A11');
    expect(run.stdout).toContain('Omvang: Volume 4, Eenheid 04 (Uur), Frequentie 2 (Per week)');
    expect(run.stdout).not.toContain(CLIENT_BSN);
    expect(run.stdout).not.toContain(CLIENT_ACHTERNAAM);
    expect(run.stdout).not.toContain('Dorpsstraat');
  });

  it('shows periods and amounts in euro, and shortens long lists', () => {
    const run = iwmo(['inspect', '--limit', '2', 'declaratie.xml'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('DeclaratiePeriode: 2025-03-01 t/m 2025-03-31');
    expect(run.stdout).toContain('TotaalIngediendBedrag: € 1.500,00 debet');
    expect(run.stdout).toContain('ProductTarief: € 12,50');
    expect(run.stdout).toContain('IngediendBedrag: € 50,00 debet');
    expect(run.stdout).toContain('… and 28 more Client');
    expect(run.stdout).not.toMatch(/Bsn: \d{9}/);
  });

  it('exits 1 with findings for an invalid message', () => {
    const run = iwmo(['inspect', 'invalid.xml'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('XSD');
  });
});

describe('iwmo --help', () => {
  it.each(['validate', 'format', 'retour', 'generate', 'inspect', 'serve'])('shows examples for %s', (command) => {
    const run = iwmo([command, '--help'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Usage: iwmo ${command}`);
    expect(run.stdout).toContain(`Examples:\n  $ iwmo ${command}`);
  });
});
