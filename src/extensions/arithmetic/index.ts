// Contract arithmetic (spec extensions.md §3.2, §3.6, §4): pure, exact, isomorphic.
export { splitLargestRemainder } from './split.js';
export { evaluateBand } from './band.js';
export type { BandEvaluation, PeriodPosition } from './band.js';
export { maximumVolume } from './volume.js';
export { allocateByDays, daysPerMonth, fourWeekPeriod, periodsPerYear, reportingPeriod, reportingPeriodOf, yearToDate } from './periods.js';
export { budgetUtilisation } from './utilisation.js';
export type { UtilisationPosition } from './utilisation.js';
