/**
 * The OpenAPI 3.1 description of the validation service, written by hand:
 * four operations are clearer read as one document than generated from routes.
 */
import { ALL_MESSAGE_IDS, STANDARD_IDS } from '../index.js';
import { convertPaths, convertSchemas } from './convert-openapi.js';
import { extValidateOpenApi } from './ext-validate.js';

const messageIds = [...ALL_MESSAGE_IDS];

const xmlBody = {
  required: true,
  description: 'An iWmo 3.2 or iJw 3.2 message (UTF-8 XML, at most the configured body limit, 25 MB by default); the standard follows from its namespace.',
  content: {
    'application/xml': { schema: { type: 'string' } },
    'text/xml': { schema: { type: 'string' } },
  },
} as const;

const reportResponse = {
  description: 'The report as JSON.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Report' } } },
} as const;

const errorResponses = {
  '413': { description: 'The body is larger than the limit (25 MB by default); it is not read.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '415': { description: 'The body is not sent as application/xml or text/xml.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
} as const;

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'iwmo validation service',
    version: '1',
    description:
      'Validates, formats and answers iWmo 3.2 messages (WMO301 … WMO325) and iJw 3.2 messages (JW301 … JW325). Nothing is stored; logs hold method, route, status, size and time only, never message content.',
  },
  paths: {
    '/health': {
      get: {
        operationId: 'health',
        summary: 'Liveness check',
        responses: {
          '200': { description: 'The service is up.', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] } } } },
        },
      },
    },
    '/v1/validate': {
      post: {
        operationId: 'validate',
        summary: 'Validate a message like the national chain: level 1 (XSD), then the level-2 rules',
        description: 'Always 200 for a message body, also when it is malformed or hostile XML: the report then has accepted false and a level-1 finding.',
        parameters: [{ name: 'allLevels', in: 'query', required: false, description: 'Run level 2 even when level 1 failed.', schema: { type: 'boolean' } }],
        requestBody: xmlBody,
        responses: { '200': reportResponse, ...errorResponses },
      },
    },
    '/v1/retour': {
      post: {
        operationId: 'retour',
        summary: 'Build the retour message (302, 306, …) or, for a 323, the declaratie-antwoord 325, in the standard of the message (WMO306, JW306, …)',
        requestBody: xmlBody,
        responses: {
          '200': {
            description: 'The retour message (302 … 320) or declaratie-antwoord (325), also when it rejects the message: its retourcodes say why.',
            headers: { 'x-iwmo-message': { description: 'Which message the answer is.', schema: { type: 'string', examples: ['WMO306', 'JW306'] } } },
            content: { 'application/xml': { schema: { type: 'string' } } },
          },
          '422': {
            description: 'No retour can be built: level 1 failed (the sender gets an error, not a retour), or the message is itself an answer.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NoRetour' } } },
          },
          ...errorResponses,
        },
      },
    },
    '/v1/format': {
      post: {
        operationId: 'format',
        summary: 'Decode and encode again: the canonical form of a message that passes level 1',
        requestBody: xmlBody,
        responses: {
          '200': { description: 'The message re-encoded (prefixes wmo3NN and iwmo, or jw3NN and ijw; CRLF, tabs).', content: { 'application/xml': { schema: { type: 'string' } } } },
          '422': { ...reportResponse, description: 'The message does not pass level 1; the report lists the findings.' },
          ...errorResponses,
        },
      },
    },
    ...convertPaths,
    ...extValidateOpenApi.paths,
  },
  components: {
    schemas: {
      ...convertSchemas,
      LocalizedText: {
        type: 'object',
        properties: { nl: { type: 'string' }, en: { type: 'string' } },
        required: ['nl', 'en'],
      },
      Finding: {
        type: 'object',
        properties: {
          rule: { type: 'string', description: '`XML` or `XSD` at level 1, otherwise the rule id of the standard (CD041, CS002, TR101, …).', examples: ['XSD', 'TR380'] },
          level: { type: 'integer', enum: [1, 2, 3, 4], description: 'The control level of the standard.' },
          retourcode: { type: ['string', 'null'], description: 'Official retourcode; null at level 1, which has no retour.', examples: ['0001'] },
          path: { type: 'string', description: 'XPath in the standard’s style.', examples: ['/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang'] },
          line: { type: ['integer', 'null'] },
          severity: { type: 'string', enum: ['error', 'warning'], description: 'Warnings never reject a message.' },
          message: { $ref: '#/components/schemas/LocalizedText' },
        },
        required: ['rule', 'level', 'retourcode', 'path', 'line', 'severity', 'message'],
      },
      Report: {
        type: 'object',
        properties: {
          message: { type: ['string', 'null'], enum: [...messageIds, null], description: 'The detected message type.' },
          standard: { type: ['string', 'null'], enum: [...STANDARD_IDS, null], description: 'The standard of the detected message, told by its namespace.' },
          berichtCode: { type: ['string', 'null'], examples: ['414'] },
          accepted: { type: 'boolean', description: 'True when no finding rejects the message.' },
          findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
        },
        required: ['message', 'standard', 'berichtCode', 'accepted', 'findings'],
      },
      ...extValidateOpenApi.schemas,
      NoRetour: {
        allOf: [
          { $ref: '#/components/schemas/Report' },
          { type: 'object', properties: { reason: { oneOf: [{ $ref: '#/components/schemas/LocalizedText' }, { type: 'null' }] } }, required: ['reason'] },
        ],
      },
      Error: {
        type: 'object',
        properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, error: { type: 'string' }, message: { type: 'string' } },
        required: ['statusCode', 'error', 'message'],
      },
    },
  },
} as const;
