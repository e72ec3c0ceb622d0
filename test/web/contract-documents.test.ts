import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractOutcome, type DocumentFile } from '../../src/web/contract-documents.js';
import { goereeDir, goereeReportFiles, report } from '../extensions/status/support.js';

const file = (name: string): DocumentFile => ({ name, bytes: readFileSync(join(goereeDir, name)) });
const text = (name: string, content: string): DocumentFile => ({ name, bytes: new TextEncoder().encode(content) });

describe('the contract view’s documents', () => {
  it('tells the contract from its reports whatever their order, JSON and XML mixed', () => {
    const files = [...goereeReportFiles.slice(0, 4).map(file), file('contract.xml'), ...goereeReportFiles.slice(4).map((f) => file(f.replace('.json', '.xml')))];
    const outcome = contractOutcome(files);
    expect(outcome.contracts).toBe(1);
    expect(outcome.files.map((f) => f.kind)).toEqual([...Array(4).fill('ProviderReport'), 'LumpsumContract', ...Array(3).fill('ProviderReport')]);
    expect(outcome.files.every((f) => f.findings.length === 0)).toBe(true);
    expect(outcome.status!.amendments.map((a) => a.newBudget)).toEqual([5_300_000]);
  });

  it('gives each finding to its file: unreadable, another kind, another contract', () => {
    const outcome = contractOutcome([
      file('contract.json'),
      text('kapot.json', '{'),
      file('../goeree-2016/profile.json'),
      text('brunssum.json', JSON.stringify(report(3, 120, { contractId: 'brunssum-2016' }))),
      file(goereeReportFiles[0]!),
    ]);
    expect(outcome.files.map((f) => [f.name, f.findings.map((x) => `${x.rule} ${x.path}`)])).toEqual([
      ['contract.json', []],
      ['kapot.json', ['EXT001 /']],
      ['../goeree-2016/profile.json', ['EXT100 /kind']],
      ['brunssum.json', ['EXT101 /contractId']],
      [goereeReportFiles[0], []],
    ]);
    expect(outcome.status!.periods[0]!.clients).toBe(100);
    expect(outcome.status!.periods[2]!.reportIds).toEqual([]);
  });

  it('computes nothing without exactly one contract', () => {
    const none = contractOutcome([file(goereeReportFiles[0]!)]);
    const two = contractOutcome([file('contract.json'), file('contract.xml')]);
    expect([none.contracts, none.status, two.contracts, two.status]).toEqual([0, undefined, 2, undefined]);
  });

  it('refuses a file over 5 MB without reading it', () => {
    const outcome = contractOutcome([{ name: 'groot.json', bytes: new Uint8Array(5 * 1024 * 1024 + 1) }, { name: 'niet-gelezen.json', size: 6 * 1024 * 1024, bytes: new Uint8Array(0) }]);
    expect(outcome.files.map((f) => f.findings.map((x) => x.rule))).toEqual([['EXT001'], ['EXT001']]);
  });
});
