// Contract status: a lump-sum contract and its reports, period by period.
export * from './contract-status.js';
export * from './table.js';
