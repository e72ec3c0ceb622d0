/** What `iwmo serve` does, loaded only when it runs: fastify, the dossier and the level-4 lists are needed by the service alone. */
import { startService } from '../http/server.js';
import { dossierService } from './dossier-action.js';
import { EXIT_ACCEPTED, EXIT_USAGE } from './exit-codes.js';
import { collectOldGenerationSooner } from '../node/heap.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly bodyLimit: number;
  readonly dossier: string;
  readonly tokens?: string;
  readonly sources?: string;
}

/** Starts the service (it runs until SIGINT or SIGTERM); exit 2 when it cannot start. */
export async function serveCommand(options: ServeOptions): Promise<number> {
  // This process is ours: its old generation is collected sooner, and its workers keep a small young generation (node/heap.ts).
  collectOldGenerationSooner();
  const dossiers = await dossierService(options);
  if (!dossiers) return EXIT_USAGE;
  const service = await startService({ port: options.port, host: options.host, bodyLimit: options.bodyLimit, logger: process.stdout, dossiers });
  const { port } = new URL(service.url);
  const shown = `http://${['0.0.0.0', '::', 'localhost', '127.0.0.1'].includes(options.host) ? 'localhost' : options.host}:${port}`;
  process.stderr.write(`iwmo service on ${shown}: web page at ${shown}/, API description at ${shown}/openapi.json (Ctrl-C stops)\n`);
  const stop = (): void => {
    void service.close().then(() => process.exit(EXIT_ACCEPTED));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return EXIT_ACCEPTED;
}
