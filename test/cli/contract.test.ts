import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { goereeDir, goereeReportFiles, goereeReports, report } from '../extensions/status/support.js';
import { iwmo } from './run.js';
import { tempDir } from '../temp-dir.js';

const contract = join(goereeDir, 'contract.json');
const reports = goereeReportFiles.map((f) => join(goereeDir, f));
let scratch: string;

beforeAll(() => {
  scratch = tempDir('contract');
  writeFileSync(join(scratch, 'other.json'), JSON.stringify(report(8, 120, { contractId: 'brunssum-2016' })));
  writeFileSync(join(scratch, 'broken.json'), '{ "kind": "ProviderReport", ');
  const { spendYtd: _spendYtd, ...withoutSpend } = goereeReports[1]!;
  writeFileSync(join(scratch, 'no-spend.json'), JSON.stringify(withoutSpend));
});

describe('iwmo contract status', () => {
  it('prints the status per period for people: the P07 crossing and its amendment', () => {
    const run = iwmo(['contract', 'status', contract, ...reports]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('goeree-2016-A: 2016-01-01 … 2016-12-31, 13 periods of 4 weeks from 2016-01-04');
    expect(lines.find((l) => l.startsWith('P05'))).toMatch(/105 +\+5,00 % +inside/);
    expect(lines.find((l) => l.startsWith('P07'))).toMatch(/106 +\+6,00 % +above +€ 50\.000,00 +€ 28\.000,00 +56,00 % +54,37 % +\+€ 3\.000,00 → € 53\.000,00 \(proposed\)$/);
    expect(lines.find((l) => l.startsWith('P13'))).toMatch(/-  +€ 53\.000,00/);
    expect(run.stdout).toContain('goeree-2016-A-band-P07  2016-07-17  +€ 3.000,00 → € 53.000,00  proposed, evidence goeree-2016-A-P07');
  });

  it('gives machines the same status as JSON, the library’s shape, and flags spending ahead of a threshold', () => {
    const run = iwmo(['contract', 'status', '--format', 'json', '--threshold', '100', contract, ...reports]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { files: { file: string; kind: string; format: string; accepted: boolean }[]; status: { finalBudget: number; amendments: unknown[]; periods: { utilisation?: { aheadOfPlan: boolean } }[] } };
    expect(json.files.map((f) => [f.kind, f.format, f.accepted])).toEqual([['LumpsumContract', 'json', true], ...Array(7).fill(['ProviderReport', 'json', true])]);
    expect(json.status.finalBudget).toBe(5_300_000);
    expect(json.status.amendments).toEqual([{ id: 'goeree-2016-A-band-P07', at: '2016-07-17', cause: 'band', delta: 300_000, newBudget: 5_300_000, evidence: goereeReports[6]!.id, recorded: false }]);
    expect(json.status.periods[6]!.utilisation!.aheadOfPlan).toBe(true);
  });

  it('exits 1 with the finding on stderr for a report of another contract, and still shows the rest', () => {
    const run = iwmo(['contract', 'status', contract, reports[0]!, join(scratch, 'other.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`✗ ${join(scratch, 'other.json')}: REJECTED (afgekeurd), ProviderReport`);
    expect(run.stderr).toMatch(/no line {2}EXT101 {2}level 3 {2}retourcode - {2}\/contractId\n {4}nl: De rapportage hoort bij contract brunssum-2016, niet bij goeree-2016-A\.\n {4}en: /);
    expect(run.stdout).toMatch(/^P01 .* 100 /m);
  });

  it('exits 1 without a status when a document cannot be read as one', () => {
    const run = iwmo(['contract', 'status', contract, join(scratch, 'broken.json'), reports[0]!]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('broken.json: REJECTED');
    expect(run.stderr).toMatch(/line 1 {2}EXT001 {2}level 1/);
  });

  it('validates every document first, as iwmo ext validate does, and names the field', () => {
    const run = iwmo(['contract', 'status', contract, join(scratch, 'no-spend.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no-spend.json: REJECTED (afgekeurd), ProviderReport');
    expect(run.stderr).toMatch(/EXT003 .*\n.*spendYtd/);
  });

  it('refuses a report where the contract belongs, and the other way round', () => {
    const run = iwmo(['contract', 'status', reports[0]!, contract]);
    expect(run.status).toBe(1);
    expect(run.stderr.match(/EXT100/g)).toHaveLength(2);
    expect(run.stderr).toContain('A LumpsumContract belongs here; this document is a ProviderReport.');
  });

  it('shows a contract without reports yet: its periods and its budget', () => {
    const run = iwmo(['contract', 'status', contract]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Budget: € 50.000,00 at the start, € 50.000,00 after the amendments');
    expect(run.stdout.split('\n').filter((l) => /^P\d\d .* € 50\.000,00 +- +- +- +-$/.test(l))).toHaveLength(13);
  });

  it('exits 2 for a missing file or a missing argument', () => {
    const missing = iwmo(['contract', 'status', contract, join(scratch, 'nope.json')]);
    expect(missing).toMatchObject({ status: 2, stdout: '' });
    expect(missing.stderr).toContain('nope.json: no such file or folder');
    expect(iwmo(['contract', 'status']).status).toBe(2);
  });
});
