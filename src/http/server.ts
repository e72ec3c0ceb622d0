/**
 * The HTTP validation service (fastify): validate, format and retour over XML,
 * the OpenAPI description, a health check and the in-browser web page.
 *
 * Limits: bodies above `bodyLimit` get 413 before they are read (Content-Length
 * is checked first and the stream is capped); bodies above `workerThreshold`
 * are handled in a worker thread so one large message does not hold up other
 * requests. Such a body for /v1/validate or /v1/retour is not held in memory
 * at all: it is spooled to a private temporary file that the worker reads as a
 * stream. Logs: one line per request with method, route, status, sizes and
 * time; never a URL with its query, a header or any message content.
 */
import type { Readable } from 'node:stream';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { extValidateRoutes } from './ext-validate.js';
import { DEFAULT_BODY_LIMIT, DEFAULT_WORKER_THRESHOLD } from './limits.js';
import { openApiDocument } from './openapi.js';
import { registerConvertRoutes } from './convert-routes.js';
import { runOperation, type OperationName, type OperationResult } from './operations.js';
import { defaultWebRoot, loadWebAssets } from './web-assets.js';
import { registerDossierRoutes, type DossierServiceOptions } from './dossier-routes.js';
import { isSpooled, readBody, type SpooledBody } from './spool.js';
import { WorkerPool, type WorkerOutcome } from './worker-pool.js';

/** Where log lines go: anything with `write(line)`, like process.stdout or a file stream. */
export interface LogStream {
  write(line: string): void;
}

export interface ServiceOptions {
  /** Largest accepted body in bytes (default 25 MB, the GGK cap). Larger bodies get 413. */
  readonly bodyLimit?: number;
  /**
   * Bodies above this many bytes are handled in a worker thread (default 1 MB);
   * for /v1/validate and /v1/retour they are spooled to a temporary file instead of memory.
   */
  readonly workerThreshold?: number;
  /** Folder in which each spooled body gets a private folder of its own (default: the system's temporary folder). */
  readonly spoolRoot?: string;
  /** Worker threads for large bodies (default: one per core). */
  readonly workers?: number;
  /** Milliseconds a client may take to send a request (default 60 s). */
  readonly requestTimeout?: number;
  /** Milliseconds a handler may take before the client gets 503 (default 120 s). */
  readonly handlerTimeout?: number;
  /** Log one line per request: `true` to stdout, or a stream; off by default. */
  readonly logger?: boolean | LogStream;
  /** Folder with the built web page; found automatically next to the build by default. */
  readonly webRoot?: string;
  /** Dossiers per tenant (levels 3 and 4); without it the dossier routes are absent. */
  readonly dossiers?: DossierServiceOptions;
}

/** Only these fields of requests, replies and errors ever reach a log line. */
const serializers = {
  req: (request: { method: string; routeOptions?: { url?: string } }) => ({ method: request.method, route: request.routeOptions?.url ?? '(no route)' }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
  // Fastify's own errors (FST_*) say what went wrong without quoting input; any other message could.
  err: (error: Error & { code?: string; statusCode?: number }) => ({
    type: error.name,
    code: error.code,
    statusCode: error.statusCode,
    message: error.code?.startsWith('FST_') ? error.message : '(not logged)',
    stack: '',
  }),
};

/** The route pattern, never the raw URL: a query string or path could carry a BSN. */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(no route)';
}

/** The bytes of each request body as read; a chunked body has no Content-Length to tell. */
const bodyBytes = new WeakMap<FastifyRequest, number>();

/** One line per completed request; Fastify's own request lines would log the URL. */
class RequestLineLogController extends LogController {
  override incomingRequest(): void {}
  override routeNotFound(): void {}
  /** Client errors (413, 415, …) are in the request line already; only server faults get a line of their own. */
  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) reply.log.error({ method: request.method, route: routeOf(request), err: error }, 'request error');
  }
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: routeOf(request),
      status: reply.statusCode,
      requestBytes: bodyBytes.get(request) ?? Number(request.headers['content-length'] ?? 0),
      responseBytes: Number(reply.getHeader('content-length') ?? 0),
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }
}

const XML_TYPES = ['application/xml', 'text/xml'];

const PAGE_HEADERS = {
  // The page validates locally: it may not send anything anywhere (connect-src 'none').
  'content-security-policy':
    "default-src 'self'; connect-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

/** Builds the service without listening; use `app.inject` in tests or `startService` to listen. */
export function createService(options: ServiceOptions = {}): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const workerThreshold = options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD;
  const logger =
    options.logger === undefined || options.logger === false
      ? false
      : { level: 'info', serializers, ...(options.logger === true ? {} : { stream: options.logger }) };

  const app = Fastify({
    logger,
    logController: new RequestLineLogController(),
    bodyLimit,
    requestTimeout: options.requestTimeout ?? 60_000,
    handlerTimeout: options.handlerTimeout ?? 120_000,
    // Request ids come from us, never from a client header that would end in the logs.
    requestIdHeader: false,
  });

  const pool = new WorkerPool(options.workers);
  app.addHook('onClose', async () => pool.close());

  // Only XML bodies: anything else (JSON, forms) is refused with 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    bodyBytes.set(request, body.length);
    done(null, body);
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });

  const inWorker = (outcome: WorkerOutcome): OperationResult => {
    if (!outcome.ok) throw new Error('worker failed');
    return outcome.result;
  };
  const allLevelsOf = (request: FastifyRequest): boolean => (request.query as Record<string, string | undefined>).allLevels === 'true';

  /** Runs an operation inline, or in a worker thread when the body is large. */
  async function operate(operation: OperationName, request: FastifyRequest, body: unknown = request.body): Promise<OperationResult> {
    const xml = body instanceof Uint8Array ? body : new Uint8Array();
    const allLevels = allLevelsOf(request);
    if (xml.byteLength <= workerThreshold) return runOperation({ operation, xml, allLevels, maxBytes: bodyLimit });
    const copy = new Uint8Array(xml); // Fastify's buffer may share memory; transfer a private copy.
    return inWorker(await pool.run({ operation, xml: copy, allLevels, maxBytes: bodyLimit }, [copy.buffer]));
  }

  /** Validates or answers a spooled body in a worker, which streams the file; the file is gone once this settles. */
  async function operateSpooled(operation: 'validate' | 'retour', request: FastifyRequest, spooled: SpooledBody): Promise<OperationResult> {
    try {
      return inWorker(await pool.run({ operation, file: spooled.file, allLevels: operation === 'validate' && allLevelsOf(request), maxBytes: bodyLimit }));
    } finally {
      await spooled.remove();
    }
  }

  app.get('/health', async () => ({ status: 'ok' }));

  // /v1/validate and /v1/retour read their own body, chunk by chunk (format needs the whole message anyway):
  // a large body is spooled to a file that a worker streams.
  void app.register(async (scope) => {
    scope.removeContentTypeParser(XML_TYPES);
    scope.addContentTypeParser(XML_TYPES, (_request, payload, done) => done(null, payload));
    /** The body read: in memory up to the worker threshold, spooled above it. */
    async function receive(request: FastifyRequest, reply: FastifyReply): Promise<Uint8Array | SpooledBody> {
      const payload = request.body as Readable | undefined;
      let body: Uint8Array | SpooledBody = new Uint8Array();
      if (payload) {
        const declared = Number(request.headers['content-length'] ?? Number.NaN);
        try {
          body = await readBody(payload, Number.isNaN(declared) ? undefined : declared, { limit: bodyLimit, memoryUpTo: workerThreshold, ...(options.spoolRoot ? { spoolRoot: options.spoolRoot } : {}) });
        } catch (error) {
          // As after Fastify's own body errors: the client may still be sending.
          reply.header('connection', 'close');
          throw error;
        }
      }
      bodyBytes.set(request, isSpooled(body) ? body.size : body.byteLength);
      return body;
    }
    const run = async (operation: 'validate' | 'retour', request: FastifyRequest, body: Uint8Array | SpooledBody): Promise<OperationResult> =>
      isSpooled(body) ? await operateSpooled(operation, request, body) : await operate(operation, request, body);

    scope.post('/v1/validate', async (request, reply) => (await run('validate', request, await receive(request, reply))).report);

    scope.post('/v1/retour', async (request, reply) => {
      const result = await run('retour', request, await receive(request, reply));
      if (result.xml === undefined) return reply.code(422).send({ ...result.report, reason: result.reason ?? null });
      return reply.header('x-iwmo-message', result.answer).type('application/xml; charset=utf-8').send(result.xml);
    });
  });

  app.post('/v1/format', async (request, reply) => {
    const result = await operate('format', request);
    if (result.xml === undefined) return reply.code(422).send(result.report);
    return reply.type('application/xml; charset=utf-8').send(result.xml);
  });

  registerConvertRoutes(app, { bodyLimit });
  if (options.dossiers) registerDossierRoutes(app, options.dossiers);
  void app.register(extValidateRoutes);

  app.get('/openapi.json', async () => openApiDocument);

  const assets = loadWebAssets(options.webRoot ?? defaultWebRoot());
  const page = assets.get('index.html');
  app.get('/', async (_request, reply) => {
    if (!page) return reply.code(503).type('text/plain; charset=utf-8').send('The web page is not built yet: run `npm run build` (or `npm start`).\n');
    return reply.headers({ ...PAGE_HEADERS, 'cache-control': 'no-cache' }).type(page.contentType).send(page.body);
  });
  for (const [file, asset] of assets) {
    if (file === 'index.html') continue;
    app.get(`/${file}`, async (_request, reply) => reply.headers({ 'cache-control': 'no-cache' }).type(asset.contentType).send(asset.body));
  }

  return app;
}

export interface StartedService {
  readonly app: FastifyInstance;
  /** `http://127.0.0.1:3000` */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the service on `port` (0 picks a free one) and `host` (default all interfaces). */
export async function startService(options: ServiceOptions & { readonly port?: number; readonly host?: string } = {}): Promise<StartedService> {
  const app = createService(options);
  const address = await app.listen({ port: options.port ?? 3000, host: options.host ?? '0.0.0.0' });
  return { app, url: address, close: () => app.close() };
}
