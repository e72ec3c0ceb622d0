/**
 * The dossier over HTTP, per tenant: POST /v1/dossiers/{id}/messages records
 * or receives a message (the answer as with /v1/retour), GET lists what was
 * recorded. Every request needs a bearer token; the tenant it names prefixes
 * the dossier's key in the store, so no URL can reach another tenant's dossier.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Dossier, listed, type Context, type DossierStore } from '../index.js';
import { reportJson } from './report-json.js';
import { tenantOf, type TenantToken } from './tenants.js';

export interface DossierServiceOptions {
  /** The store, opened on the first dossier request (so a service that never uses it makes no database). */
  readonly store: () => Promise<DossierStore>;
  readonly tokens: readonly TenantToken[];
  /** Level 4: the system date and lists, per message. */
  readonly sources?: () => Context;
}

const DOSSIER_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function registerDossierRoutes(app: FastifyInstance, options: DossierServiceOptions): void {
  let store: Promise<DossierStore> | undefined;
  const dossiers = new Map<string, Dossier>();
  app.addHook('onClose', async () => {
    if (store) await (await store).close();
  });

  /** The tenant's dossier, or an answer (401, 400) already sent. */
  async function dossierFor(request: FastifyRequest, reply: FastifyReply): Promise<Dossier | undefined> {
    const tenant = tenantOf(request.headers.authorization, options.tokens);
    if (!tenant) {
      await reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'Unauthorized', message: 'A valid bearer token is needed for dossiers.' });
      return undefined;
    }
    const { id } = request.params as { id: string };
    if (!DOSSIER_ID.test(id)) {
      await reply.code(400).send({ error: 'Bad Request', message: 'A dossier id is 1–64 letters, digits, ".", "_" or "-".' });
      return undefined;
    }
    const key = `${tenant}/${id}`;
    let dossier = dossiers.get(key);
    if (!dossier) {
      store ??= options.store();
      dossier = new Dossier(await store, key, options.sources ? { sources: options.sources } : {});
      dossiers.set(key, dossier);
    }
    return dossier;
  }

  app.post('/v1/dossiers/:id/messages', async (request, reply) => {
    const dossier = await dossierFor(request, reply);
    if (!dossier) return reply;
    const xml = request.body instanceof Uint8Array ? request.body : new Uint8Array();
    const mode = (request.query as Record<string, string | undefined>).mode ?? 'receive';
    if (mode === 'record') {
      const result = await dossier.add(xml);
      const body = { recorded: result.record !== undefined, duplicate: result.duplicate, seq: result.record?.seq ?? null, report: reportJson(result.report) };
      return reply.code(result.record ? 200 : 422).send(body);
    }
    if (mode !== 'receive') return reply.code(400).send({ error: 'Bad Request', message: 'mode is receive (default) or record.' });
    const result = await dossier.receive(xml);
    if (result.xml === undefined) return reply.code(422).send({ ...reportJson(result.report), reason: result.reason ?? null });
    return reply
      .header('x-iwmo-message', result.retour!.type)
      .header('x-iwmo-duplicate', String(result.duplicate))
      .type('application/xml; charset=utf-8')
      .send(result.xml);
  });

  app.get('/v1/dossiers/:id/messages', async (request, reply) => {
    const dossier = await dossierFor(request, reply);
    if (!dossier) return reply;
    const { bsn } = request.query as { bsn?: string };
    const state = await dossier.current();
    const records = await dossier.list(bsn !== undefined ? { bsn } : {});
    return records.map((r) => listed(r, state));
  });
}
