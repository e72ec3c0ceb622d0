/**
 * The convert view's worker: the conversions run here, off the page's main
 * thread, and the page script stays small (it loads this only when a
 * conversion is asked for). Nothing leaves the browser.
 */
import { runConversion, type ConversionOutcome } from '../extensions-entry.js';

export interface ConvertRequest {
  readonly id: number;
  readonly rule: string;
  readonly input: string;
  readonly profile: string;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface ConvertResponse {
  readonly id: number;
  readonly outcome?: ConversionOutcome;
  /** Set when the worker itself failed; never holds message content. */
  readonly failure?: string;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<ConvertRequest>) => void) | null;
  postMessage(message: ConvertResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, rule, input, profile, options } = event.data;
  try {
    scope.postMessage({ id, outcome: runConversion({ rule, input, profile, options }) });
  } catch (error) {
    scope.postMessage({ id, failure: error instanceof Error ? error.name : 'Error' });
  }
};
