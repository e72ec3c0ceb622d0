/**
 * `POST /v1/ext/validate`: an extension document (JSON or XML) in, its report
 * out. Its own plugin, so it can accept JSON bodies while the rest of the
 * service takes XML only; registered with one line in server.ts.
 */
import type { FastifyInstance } from 'fastify';
import { definition } from '../extensions/documents/definition.js';
import { validateDocument, type DocumentReport } from '../extensions/documents/validate.js';
import { findingJson, type FindingJson } from './report-json.js';

/** The JSON of a document report, as the service and `iwmo ext validate --format json` print it. */
export interface DocumentReportJson {
  /** The document's kind (`LumpsumContract`, …), null when it could not be told. */
  readonly kind: string | null;
  readonly format: 'json' | 'xml' | null;
  readonly accepted: boolean;
  readonly findings: readonly FindingJson[];
}

export function documentReportJson(report: DocumentReport): DocumentReportJson {
  return { kind: report.kind ?? null, format: report.format ?? null, accepted: report.accepted, findings: report.findings.map(findingJson) };
}

export async function extValidateRoutes(app: FastifyInstance): Promise<void> {
  // Bytes, not parsed JSON: a malformed document is a finding in the report, not a 400.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.post('/v1/ext/validate', async (request) => {
    const body = request.body instanceof Uint8Array ? request.body : new Uint8Array();
    return documentReportJson(validateDocument(body, { maxBytes: app.initialConfig.bodyLimit }));
  });
}

export const extValidateOpenApi = {
  paths: {
    '/v1/ext/validate': {
      post: {
        operationId: 'validateExtensionDocument',
        summary: 'Validate an extension document (Profile, ResultAgreement, ProviderDeterminedIntensity, LumpsumContract, ProviderReport, EigenBijdrageFeed)',
        description:
          'JSON (paths are JSON pointers) or the XML sidecar in namespace urn:iwmo:extensions:1.0 (paths are XPaths, with lines). Always 200 for a document body, also when it is malformed: the report then has accepted false and an EXT001 finding. Rules EXT001–EXT065 are listed in docs/extensions.md.',
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'object' } },
            'application/xml': { schema: { type: 'string' } },
            'text/xml': { schema: { type: 'string' } },
          },
        },
        responses: {
          '200': { description: 'The report as JSON.', content: { 'application/json': { schema: { $ref: '#/components/schemas/DocumentReport' } } } },
          '413': { description: 'The body is larger than the limit (25 MB by default); it is not read.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          '415': { description: 'The body is not sent as application/json, application/xml or text/xml.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
  },
  schemas: {
    DocumentReport: {
      type: 'object',
      properties: {
        kind: { type: ['string', 'null'], enum: [...definition.documents.map((d) => d.kind), null] },
        format: { type: ['string', 'null'], enum: ['json', 'xml', null] },
        accepted: { type: 'boolean', description: 'True when no finding rejects the document.' },
        findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
      },
      required: ['kind', 'format', 'accepted', 'findings'],
    },
  },
};
