/** What the page and its validation worker send each other. */
import type { Report } from '../index.js';

export interface CheckRequest {
  /** Answers to an older request are dropped when a newer one was sent. */
  readonly id: number;
  /** The message bytes, transferred (not copied) to the worker. */
  readonly bytes: ArrayBuffer;
  readonly allLevels: boolean;
}

export interface CheckResponse {
  readonly id: number;
  readonly report?: Report;
  /** Set when the worker itself failed; never holds message content. */
  readonly failure?: string;
}
