/**
 * POST /v1/validate and /v1/retour with a body above workerThreshold: the body
 * is spooled to a private temporary file as it arrives and validated (or
 * answered) from there, with the same answer as the in-memory path, and
 * nothing is left behind in any outcome.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, startService, type StartedService } from '../../src/http/server.js';
import { MALFORMED, wmo323 } from './messages.js';
import { responseHeadForLength } from './raw-request.js';
import { tempDir } from '../temp-dir.js';

const XML = { 'content-type': 'application/xml' };
const THRESHOLD = 4096;
const BODY_LIMIT = 256 * 1024;

const valid = wmo323(40); // ~40 kB: ten times the threshold
const level2Broken = valid.replace('<iwmo:TotaalBedrag>200000<', '<iwmo:TotaalBedrag>199999<');
const bothLevelsBroken = level2Broken.replace('<iwmo:Einddatum>2025-03-31</iwmo:Einddatum>\r\n\t\t\t\t\t\t</wmo323:ProductPeriode>', '<iwmo:Einddatum>2025-13-31</iwmo:Einddatum>\r\n\t\t\t\t\t\t</wmo323:ProductPeriode>');
// A tag that does not match in the middle: the fast reader gives up and the file is read again whole.
const malformed = valid.replace('</wmo323:Bsn>', '</wmo323:Bsm>');

interface Answer {
  readonly status: number;
  /** The body as JSON; empty when it is not JSON (a retour's XML). */
  readonly json: Record<string, unknown>;
  readonly text: string;
  readonly message: string | undefined;
}

function answerOf(response: IncomingMessage, text: string): Answer {
  const json = text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: response.statusCode ?? 0, json, text, message: response.headers['x-iwmo-message'] as string | undefined };
}

/** POSTs `body` in chunks of `chunkSize`, with a Content-Length or (`chunked`) without one. */
function post(url: string, body: string, { chunked, chunkSize = 1000 }: { chunked: boolean; chunkSize?: number }): Promise<Answer> {
  const bytes = Buffer.from(body);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(url, { method: 'POST', headers: { ...XML, ...(chunked ? {} : { 'content-length': String(bytes.length) }) } }, (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => resolve(answerOf(response, Buffer.concat(parts).toString())));
      response.on('error', reject);
    });
    // A service that answers before the body is in (a 413, a 500) closes the connection: writing on then fails, and only the answer counts.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (!(answered && (error.code === 'EPIPE' || error.code === 'ECONNRESET'))) reject(error);
    });
    void (async () => {
      for (let at = 0; at < bytes.length && !outgoing.destroyed; at += chunkSize) {
        outgoing.write(bytes.subarray(at, at + chunkSize));
        await new Promise((next) => setImmediate(next));
      }
      outgoing.end();
    })();
  });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 5000) throw new Error(`waited 5 s for ${what}`);
    await new Promise((next) => setTimeout(next, 10));
  }
}

describe('POST /v1/validate with a body above workerThreshold', () => {
  const spoolRoot = tempDir('spool-test');
  const spooled = (): string[] => readdirSync(spoolRoot);
  const inMemory = createService({ workerThreshold: Number.MAX_SAFE_INTEGER, bodyLimit: BODY_LIMIT });
  let service: StartedService;
  let url: string;
  beforeAll(async () => {
    service = await startService({ port: 0, host: '127.0.0.1', workerThreshold: THRESHOLD, bodyLimit: BODY_LIMIT, workers: 1, spoolRoot });
    url = `${service.url}/v1/validate`;
  });
  afterAll(async () => {
    await service.close();
    await inMemory.close();
    rmSync(spoolRoot, { recursive: true });
  });

  async function expected(body: string, query = ''): Promise<Record<string, unknown>> {
    const response = await inMemory.inject({ method: 'POST', url: `/v1/validate${query}`, headers: XML, payload: body });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  const cases = [
    ['a valid declaratie', valid, { accepted: true, findings: [] }],
    ['a declaratie with a level-2 error', level2Broken, { accepted: false, findings: [{ rule: 'TR358', level: 2 }] }],
    ['a malformed declaratie', malformed, { accepted: false, findings: [{ rule: 'XML', level: 1 }] }],
  ] as const;

  for (const [name, body, shape] of cases) {
    for (const chunked of [false, true]) {
      it(`gives the in-memory report for ${name} sent ${chunked ? 'chunked' : 'with a Content-Length'}`, async () => {
        const answer = await post(url, body, { chunked });
        expect(answer.status).toBe(200);
        expect(answer.json).toMatchObject(shape);
        expect(answer.json).toEqual(await expected(body));
        expect(spooled()).toEqual([]);
      });
    }
  }

  for (const [name, body, answer] of [
    ['a valid declaratie', valid, 'WMO325'],
    ['a declaratie with a level-2 error', level2Broken, 'WMO325'],
    ['a malformed declaratie', malformed, undefined],
  ] as const) {
    it(`answers ${name} on /v1/retour as the in-memory path does`, async () => {
      const streamed = await post(`${service.url}/v1/retour`, body, { chunked: true });
      const inMemoryAnswer = await inMemory.inject({ method: 'POST', url: '/v1/retour', headers: XML, payload: body });
      expect(streamed.status).toBe(answer ? 200 : 422);
      expect(streamed.message).toBe(answer);
      expect(streamed.status).toBe(inMemoryAnswer.statusCode);
      expect(streamed.message).toBe(inMemoryAnswer.headers['x-iwmo-message']);
      expect(streamed.text).toBe(inMemoryAnswer.body);
      if (body === level2Broken) expect(streamed.text).toContain('<wmo325:RetourCode>0001</wmo325:RetourCode>');
      expect(spooled()).toEqual([]);
    });
  }

  it('keeps allLevels: level 2 is judged after a level-1 error', async () => {
    const answer = await post(`${url}?allLevels=true`, bothLevelsBroken, { chunked: true });
    expect(answer.json).toEqual(await expected(bothLevelsBroken, '?allLevels=true'));
    const levels = (answer.json.findings as { level: number }[]).map((finding) => finding.level);
    expect(levels).toContain(1);
    expect(levels).toContain(2);
    const withoutAllLevels = await post(url, bothLevelsBroken, { chunked: true });
    expect((withoutAllLevels.json.findings as { level: number }[]).map((finding) => finding.level)).toEqual([1]);
  });

  for (const route of ['/v1/validate', '/v1/retour']) {
    it(`keeps the body for ${route} in a private file while it arrives, not in memory, and removes it after`, async () => {
      const bytes = Buffer.from(valid);
      const half = 20_000;
      const answered = new Promise<Answer>((resolve, reject) => {
        const outgoing = request(`${service.url}${route}`, { method: 'POST', headers: { ...XML, 'content-length': String(bytes.length) } }, (response) => {
          let text = '';
          response.on('data', (part: Buffer) => (text += part.toString()));
          response.on('end', () => resolve(answerOf(response, text)));
        });
        outgoing.on('error', reject);
        outgoing.write(bytes.subarray(0, half));
        void until(() => spooled().length === 1 && readdirSync(join(spoolRoot, spooled()[0]!)).length === 1, 'the spool file').then(() => {
          const folder = join(spoolRoot, spooled()[0]!);
          const file = join(folder, readdirSync(folder)[0]!);
          expect(statSync(folder).mode & 0o777).toBe(0o700);
          expect(statSync(file).mode & 0o777).toBe(0o600);
          outgoing.end(bytes.subarray(half));
        }, reject);
      });
      const answer = await answered;
      if (route === '/v1/retour') expect(answer.message).toBe('WMO325');
      else expect(answer.json).toMatchObject({ message: 'WMO323', accepted: true });
      expect(spooled()).toEqual([]);
    });
  }

  it('answers a chunked body over bodyLimit with the same 413 as the buffered routes, and removes what was spooled', async () => {
    const tooLarge = wmo323(300); // ~330 kB, over the 256 kB limit
    const answer = await post(url, tooLarge, { chunked: true, chunkSize: 16_384 });
    expect(answer.status).toBe(413);
    const buffered = await inMemory.inject({ method: 'POST', url: '/v1/format', headers: XML, payload: tooLarge });
    expect(buffered.statusCode).toBe(413);
    expect(answer.json).toEqual(buffered.json());
    expect(spooled()).toEqual([]);
  });

  it('refuses a Content-Length over bodyLimit before reading the body', async () => {
    const head = await responseHeadForLength(service.url, '/v1/validate', BODY_LIMIT + 1);
    expect(head).toMatch(/^HTTP\/1\.1 413/);
    expect(spooled()).toEqual([]);
  });

  it('removes the spooled part when the client goes away mid-body, and keeps serving', async () => {
    const { port } = new URL(service.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml\r\nContent-Length: ${Buffer.byteLength(valid)}\r\n\r\n`);
    socket.write(valid.slice(0, 20_000));
    await until(() => spooled().length === 1, 'the spool folder');
    socket.destroy();
    await until(() => spooled().length === 0, 'the spool folder to be removed');
    expect((await post(url, valid, { chunked: true })).json).toMatchObject({ accepted: true });
  });

  it('answers a small chunked body as before', async () => {
    const answer = await post(url, MALFORMED, { chunked: true });
    expect(answer.json).toEqual(await expected(MALFORMED));
    expect(spooled()).toEqual([]);
  });
});

describe('the request line of a streamed body', () => {
  it('logs the bytes read, also for a chunked body without a Content-Length', async () => {
    const lines: string[] = [];
    const logged = await startService({ port: 0, host: '127.0.0.1', workerThreshold: THRESHOLD, bodyLimit: BODY_LIMIT, workers: 1, logger: { write: (line) => void lines.push(line) } });
    try {
      for (const [body, chunked] of [[valid, true], [MALFORMED, true], [valid, false]] as const) {
        lines.length = 0;
        await post(`${logged.url}/v1/validate`, body, { chunked });
        await until(() => lines.length > 0, 'the request line');
        expect(JSON.parse(lines[0]!)).toMatchObject({ route: '/v1/validate', status: 200, requestBytes: Buffer.byteLength(body) });
      }
    } finally {
      await logged.close();
    }
  });
});

describe('a spool folder that cannot be made', () => {
  it('answers 500 (the service’s fault, not the client’s), logs no path, and keeps answering small bodies', async () => {
    const lines: string[] = [];
    const missingRoot = join(tmpdir(), 'iwmo-no-such-folder', 'spool');
    const broken = await startService({ port: 0, host: '127.0.0.1', workerThreshold: THRESHOLD, bodyLimit: BODY_LIMIT, workers: 1, spoolRoot: missingRoot, logger: { write: (line) => void lines.push(line) } });
    try {
      for (const chunked of [false, true]) {
        const answer = await post(`${broken.url}/v1/validate`, valid, { chunked });
        expect(answer.status, chunked ? 'chunked' : 'with a Content-Length').toBe(500);
      }
      // A body under the threshold never needs the folder.
      const small = await post(`${broken.url}/v1/validate`, MALFORMED, { chunked: false });
      expect(small.status).toBe(200);
      expect(small.json).toMatchObject({ accepted: false });
      await until(() => lines.length >= 3, 'the request lines');
      expect(lines.join('')).not.toContain('iwmo-no-such-folder');
    } finally {
      await broken.close();
    }
  });
});
