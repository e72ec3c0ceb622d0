/**
 * Load test of the HTTP service on loopback: POST /v1/validate with a small
 * message, bounded in time (10 s) and connections, then the service stops.
 * Prints requests/s and latency percentiles; returns them for results.json.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startService } from '../src/http/server.js';

export interface LoadResult {
  readonly bodyBytes: number;
  readonly seconds: number;
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function loadTest(seconds = 10, connections = 16): Promise<LoadResult> {
  const body = readFileSync(join(root, 'fixtures/messages/WMO305/correctie.xml'));
  const service = await startService({ port: 0, host: '127.0.0.1', logger: false });
  try {
    const result = await autocannon({
      url: `${service.url}/v1/validate`,
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body,
      connections,
      duration: seconds,
    });
    return {
      bodyBytes: body.length,
      seconds,
      connections,
      requestsPerSecond: result.requests.average,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    await service.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await loadTest();
  console.log(`POST /v1/validate (${r.bodyBytes} B, ${r.connections} connections, ${r.seconds} s, loopback): ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.latencyP50Ms} ms, p99 ${r.latencyP99Ms} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
}
