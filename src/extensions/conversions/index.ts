// Conversions between funding forms (C1–C10) and projections of extension documents into iWmo 3.2 messages.
export { convert, project } from './convert.js';
export type { ConversionInputs, ConversionName, ConversionOptions, ConversionOutputs, Projection, RuleOf } from './convert.js';
export { buildReport, CONVERSION_ALIASES, CONVERSION_RULES, conversionRuleOf, LOSS_CODES } from './report.js';
export type { ConversionAlias, ConversionAssumptions, ConversionReport, ConversionResult, ConversionRule, Converted, Loss, LossCode, LossDelta, Refused, ReportRule, Requirement, StandardAction } from './report.js';
export { CONVERSION_FINDINGS } from './findings.js';
export type { ConversionFindingId } from './findings.js';
export { checkDeclaration } from './check.js';
export { levelSegments } from './product-rules.js';
export type { C1Options, C2Options, C3Options, C4Options, ConvertedMessages } from './product-rules.js';
export type { AssignmentProposal, C10Options, C5Options, C6Input, C9Options, ClientCost, LumpsumConversion } from './contract-rules.js';
export type { C8Input, FourWeeklyFromDeclarations, MonthlyFromReport } from './periods.js';
export { MESSAGES_PER_SPECIFIC_CHANGE } from './projections.js';
export type { IntensityProjection, MonthlyLine, ProjectionOptions, ResultProjection } from './projections.js';
export type { SwitchOptions } from './assignment.js';
export type { DeclarationOptions } from './declarations.js';
export { runConversion, runProjection } from './run.js';
export type { ConversionOutcome, ConversionRequest, ProjectionRequest, WrittenMessage } from './run.js';
