/** The Goeree 2016 contract and its four-weekly reports P01–P07 (fixtures/extensions/goeree-2016), and builders for variations. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BandRule, LumpsumContract, ProviderReport } from '../../../src/extensions/index.js';
import { reportingPeriod } from '../../../src/extensions/index.js';

export const goereeDir = fileURLToPath(new URL('../../../fixtures/extensions/goeree-2016/', import.meta.url));

export const goereeContract = JSON.parse(readFileSync(join(goereeDir, 'contract.json'), 'utf8')) as LumpsumContract;
export const goereeReportFiles = readdirSync(goereeDir).filter((f) => f.startsWith('report-') && f.endsWith('.json')).sort();
export const goereeReports = goereeReportFiles.map((f) => JSON.parse(readFileSync(join(goereeDir, f), 'utf8')) as ProviderReport);

export const goereeBand = goereeContract.bands[0]!;

export function contractWith(changes: Partial<Omit<LumpsumContract, 'kind'>> & { band?: Partial<BandRule> } = {}): LumpsumContract {
  const { band, ...rest } = changes;
  return { ...goereeContract, ...(band ? { bands: [{ ...goereeBand, ...band }] } : {}), ...rest };
}

/** A report of `reporter` for period `index` of the Goeree calendar with `active` clients. */
export function report(index: number, active: number, more: Partial<ProviderReport> = {}): ProviderReport {
  const base = goereeReports[0]!;
  const { range } = reportingPeriod(goereeContract.payment.calendar, index);
  return {
    ...base,
    id: `r-${more.reporter ?? 'A'}-P${index}`,
    period: { calendar: goereeContract.payment.calendar, index, range },
    clients: { active, started: 0, ended: 0 },
    ...more,
  };
}
