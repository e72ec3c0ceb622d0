/**
 * POST /v1/convert and POST /v1/project: conversions between funding forms and
 * projections of extension documents, JSON in and out. Registered in its own
 * scope, so the JSON body parser never reaches the XML routes.
 */
import type { FastifyInstance } from 'fastify';
import { runConversion, runProjection, type ConversionOutcome } from '../extensions-entry.js';

interface ConvertBody {
  readonly rule?: unknown;
  readonly input?: unknown;
  readonly document?: unknown;
  readonly profile?: unknown;
  readonly options?: unknown;
}

function body(request: { body: unknown }): ConvertBody | undefined {
  const value = request.body;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ConvertBody) : undefined;
}

function options(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** 200 with the messages and the report when converted (lossy or not), 422 with the findings when refused. */
function send(outcome: ConversionOutcome): { code: number; payload: unknown } {
  if (outcome.status === 'refused') return { code: 422, payload: { status: outcome.status, rule: outcome.rule ?? null, findings: outcome.findings } };
  return { code: 200, payload: { status: outcome.status, rule: outcome.rule, report: outcome.report, messages: outcome.messages, data: outcome.data ?? null, findings: outcome.findings } };
}

export function registerConvertRoutes(app: FastifyInstance, settings: { readonly bodyLimit: number }): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: settings.bodyLimit }, (_request, text, done) => {
      try {
        done(null, JSON.parse(text as string) as unknown);
      } catch {
        const error = Object.assign(new Error('The body is not valid JSON.'), { statusCode: 400 });
        done(error, undefined);
      }
    });

    scope.post('/v1/convert', async (request, reply) => {
      const b = body(request);
      if (!b || typeof b.rule !== 'string' || b.input === undefined || b.profile === undefined) {
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'Expected a JSON object with rule, input and profile (and optionally options).' });
      }
      const { code, payload } = send(runConversion({ rule: b.rule, input: b.input, profile: b.profile, options: options(b.options) }));
      return reply.code(code).send(payload);
    });

    scope.post('/v1/project', async (request, reply) => {
      const b = body(request);
      if (!b || b.document === undefined || b.profile === undefined) {
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'Expected a JSON object with document and profile (and optionally options).' });
      }
      const { code, payload } = send(runProjection({ document: b.document, profile: b.profile, options: options(b.options) }));
      return reply.code(code).send(payload);
    });
  });
}
