/** The service's default limits, apart from the server so the CLI can show them without loading fastify. */

/** Largest accepted body: 25 MB, the GGK cap for one message (OP179). */
export const DEFAULT_BODY_LIMIT = 25 * 1024 * 1024;
/** Bodies above this are handled in a worker thread. */
export const DEFAULT_WORKER_THRESHOLD = 1024 * 1024;
