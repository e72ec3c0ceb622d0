// Reports derived from the standard messages (issue 7 item 4).
export { deriveProviderReport } from './derive.js';
export type { DeriveProviderReportInput, ProviderReportDerivation } from './derive.js';
