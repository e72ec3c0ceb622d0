/** The OpenAPI entries of POST /v1/convert and POST /v1/project, beside the others in openapi.ts. */
import { CONVERSION_ALIASES, CONVERSION_RULES, LOSS_CODES } from '../extensions-entry.js';

const jsonError = { description: 'The body is no JSON object with the required fields.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } as const;

const outcome = {
  description: 'Converted: the new messages (each valid at levels 1 and 2) and the report; `status` is `lossy` exactly when the report lists a loss.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ConversionOutcome' } } },
} as const;

const refused = {
  description: 'Refused: no messages, the reasons as findings (rule ids EXT2xx, or the standard’s when the input itself is invalid).',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ConversionRefused' } } },
} as const;

export const convertPaths = {
  '/v1/convert': {
    post: {
      operationId: 'convert',
      summary: 'Convert between funding forms by rule C1–C10 (product-based ⇄ result-based), every loss reported',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                rule: { type: 'string', enum: [...CONVERSION_RULES, ...Object.keys(CONVERSION_ALIASES)] },
                input: { description: 'A WMO301 (or WMO323) as XML text, an extension document (object or JSON text), or a list of them (C5, C8).' },
                profile: { type: 'object', description: 'The gemeente’s Profile document (kind "Profile").' },
                options: { type: 'object', description: 'e.g. on (switch date), toewijzingNummer, firstToewijzingNummer, horizon, form, productCode, eenheid, intensity.' },
              },
              required: ['rule', 'input', 'profile'],
            },
          },
        },
      },
      responses: { '200': outcome, '400': jsonError, '422': refused },
    },
  },
  '/v1/project': {
    post: {
      operationId: 'project',
      summary: 'Project a ProviderDeterminedIntensity or ResultAgreement into an aspecific or outputgericht 301 and monthly 323s',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                document: { type: 'object', description: 'The extension document.' },
                profile: { type: 'object' },
                options: { type: 'object', description: 'assignment: the client’s current 301 as XML text; toewijzingNummer; declaratieNummers by month.' },
              },
              required: ['document', 'profile'],
            },
          },
        },
      },
      responses: { '200': outcome, '400': jsonError, '422': refused },
    },
  },
} as const;

export const convertSchemas = {
  ConversionReport: {
    type: 'object',
    properties: {
      rule: { type: 'string', enum: [...CONVERSION_RULES, 'intensity-projection'] },
      lossless: { type: 'boolean', description: 'True exactly when losses is empty.' },
      losses: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            code: { type: 'string', enum: [...LOSS_CODES] },
            detail: { type: 'string' },
            delta: { type: 'object', properties: { cents: { type: 'number' }, units: { type: 'number' }, days: { type: 'number' } } },
          },
          required: ['code', 'detail'],
        },
      },
      assumptions: { type: 'object' },
      requires: { type: 'array', items: { type: 'string', enum: ['municipal-decision', 'contract-change', 'client-notification'] } },
      standardActions: { type: 'array', items: { type: 'object', properties: { message: { type: 'string' }, count: { type: 'integer' }, note: { type: 'string' } }, required: ['message', 'count', 'note'] } },
    },
    required: ['rule', 'lossless', 'losses', 'assumptions', 'requires', 'standardActions'],
  },
  ConversionOutcome: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['lossless', 'lossy'] },
      rule: { type: 'string' },
      report: { $ref: '#/components/schemas/ConversionReport' },
      messages: { type: 'array', items: { type: 'object', properties: { name: { type: 'string', examples: ['WMO301-1.xml'] }, type: { type: 'string' }, xml: { type: 'string' } }, required: ['name', 'type', 'xml'] } },
      data: { description: 'What the conversion gives besides messages (contracts, proposals, tables), or null.' },
      findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
    },
    required: ['status', 'rule', 'report', 'messages', 'data', 'findings'],
  },
  ConversionRefused: {
    type: 'object',
    properties: { status: { const: 'refused' }, rule: { type: ['string', 'null'] }, findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } } },
    required: ['status', 'rule', 'findings'],
  },
} as const;
