import type { Finding } from '../findings.js';
import type { MessageId } from '../standard/descriptor.js';
import type { Message } from '../standard/generated/types.js';

export interface ReaderLimits {
  /** Largest accepted input in bytes (UTF-8). Default 25 MB, the GGK cap (OP179). */
  readonly maxBytes?: number;
  /** Deepest accepted element nesting. Default 32; iWmo needs 8. */
  readonly maxDepth?: number;
}

export interface DecodeOptions extends ReaderLimits {
  /** Record line numbers for every element (default true). */
  readonly locations?: boolean;
}

export interface DecodeResult {
  /** Detected from the root namespace (and checked against BerichtCode by the XSD facets). */
  readonly message?: MessageId;
  readonly berichtCode?: string;
  /** The typed message; present only when there is no level-1 error. */
  readonly value?: Message;
  /**
   * With errors at level 1 (but a well-formed message of a known type): the
   * typed message as far as it could be read, without the values and
   * elements the XSD refused. For level 2 on request (`allLevels`), as an
   * editor does; never a valid message.
   */
  readonly partial?: Message;
  /** Level-1 findings (rule `XML` for the reader, `XSD` for the schema), and warnings. */
  readonly findings: Finding[];
}
