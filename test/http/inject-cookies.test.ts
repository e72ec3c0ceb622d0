/**
 * package.json pins cookie 1.x under light-my-request (fastify's inject):
 * cookie 2 wants Node 22 and made `npm ci` warn on Node 20. Inject must still
 * send cookies with the pinned version.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';

describe('fastify inject with the pinned cookie version', () => {
  it('encodes the cookies it is given', async () => {
    const app = Fastify();
    app.get('/', async (request) => ({ cookie: request.headers.cookie ?? null }));
    const withCookies = await app.inject({ method: 'GET', url: '/', cookies: { a: '1', b: 'x y' } });
    expect(withCookies.json()).toEqual({ cookie: 'a=1; b=x%20y' });
    const without = await app.inject({ method: 'GET', url: '/' });
    expect(without.json()).toEqual({ cookie: null });
    await app.close();
  });
});
