/**
 * A fast XML tokenizer over UTF-8 bytes for the documents iWmo allows, giving
 * the same events (and the same line and column) as the hardened saxes reader
 * in `reader.ts`. It handles what real messages hold: an XML 1.0 declaration,
 * elements with prefixes, namespace declarations and plain attributes, text
 * with the predefined entities and character references, comments.
 *
 * Anything else — a DTD, CDATA, a processing instruction, a well-formedness
 * error of any kind, a name outside ASCII, a depth beyond the limit — makes it
 * give up (`write` or `end` returns false). The caller then reads the same
 * input with `readXml`, whose findings (and saxes' wording) stay the one
 * source for every refusal. So this reader only has to be exact on documents
 * it accepts, and never accept one that saxes refuses.
 */
import type { Finding } from '../findings.js';
import { DEFAULT_MAX_DEPTH, NO_ATTRIBUTES, type XmlAttribute, type XmlEvents, type XmlStartTag } from './reader.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const AMP = 0x26;
const NL = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const COLON = 0x3a;
const EQUALS = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const RBRACKET = 0x5d;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Per byte of a name: 3 may start or continue it, 2 only continue it, COLON_BYTE, NON_ASCII (left to saxes); 0 ends it. */
const NAME_START = 1;
const COLON_BYTE = 4;
const NON_ASCII = 8;
const NAME_BYTE = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  if (c >= 0x80) NAME_BYTE[c] = NON_ASCII;
  else if (c === COLON) NAME_BYTE[c] = COLON_BYTE;
  else if (/[A-Za-z_]/.test(ch)) NAME_BYTE[c] = 3;
  else if (/[0-9.-]/.test(ch)) NAME_BYTE[c] = 2;
}

/** FNV-1a over bytes: the key of the name table and of the table of short values. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function hashOf(buf: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, FNV_PRIME);
  return hash;
}
const NAME_SLOTS = 512;

/** An element name as read: its bytes, its parts, and a start tag reused while the namespaces stay the same. */
interface NameEntry {
  readonly bytes: Uint8Array;
  readonly hash: number;
  /** The next name in the same slot of the name table. */
  readonly next: NameEntry | undefined;
  readonly qname: string;
  readonly prefix: string;
  readonly local: string;
  tag: XmlStartTag | undefined;
  tagScope: number;
  /** The name of the start tag that followed this one the last time: most likely the next one again. */
  followedBy: NameEntry | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function sameBytes(a: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== buf[start + i]) return false;
  return true;
}

/** Arrays of each short length, reused to pass bytes to String.fromCharCode without a view per string. */
const SCRATCH = Array.from({ length: 33 }, (_, length) => new Array<number>(length).fill(0));

function ascii(buf: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length < SCRATCH.length) {
    const codes = SCRATCH[length]!;
    for (let i = 0; i < length; i++) codes[i] = buf[start + i]!;
    return String.fromCharCode.apply(null, codes);
  }
  return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
}

/**
 * Short values repeat (dates, codes, amounts): a small table of the strings
 * made last per hash of their bytes spares most of the allocations.
 */
const VALUE_SLOTS = 4096;
const valueStrings: string[] = new Array<string>(VALUE_SLOTS).fill('\u0000');

const SHORT_VALUE = 24;

/** An ASCII value of at most SHORT_VALUE bytes, given `hashOf` its bytes. */
function shortAscii(buf: Uint8Array, start: number, end: number, hash: number): string {
  const length = end - start;
  const slot = (hash ^ (hash >>> 13)) & (VALUE_SLOTS - 1);
  const known = valueStrings[slot]!;
  if (known.length === length) {
    let same = true;
    for (let i = 0; i < length; i++) {
      if (known.charCodeAt(i) !== buf[start + i]) {
        same = false;
        break;
      }
    }
    if (same) return known;
  }
  // Only strings are kept: a small typed array per value would cost the garbage collector far more.
  const text = ascii(buf, start, end);
  valueStrings[slot] = text;
  return text;
}

function isSpace(c: number): boolean {
  return c === SPACE || c === NL || c === TAB || c === CR;
}

/** Gives up on the document: the caller reads it again with saxes. */
class Unsupported extends Error {}
const unsupported = new Unsupported();
const NO_BYTES = new Uint8Array(0);

export class ByteXmlReader {
  private readonly events: XmlEvents;
  private readonly maxDepth: number;
  private readonly findings: Finding[] = [];
  /** Bytes of an unfinished token left from the previous chunk (empty: none). */
  private carry = NO_BYTES;
  private work = NO_BYTES;
  /** Bytes consumed before the current buffer. */
  private base = 0;
  private line = 1;
  /** Absolute byte offset where the current line starts, and the UTF-8 continuation bytes on it so far. */
  private lineStart = 0;
  private lineExtra = 0;
  private started = false;
  private rootSeen = false;
  private rootClosed = false;
  private failed = false;
  /** The previous markup was an end tag (whitespace after it cannot belong to a leaf). */
  private afterClose = true;
  /** The open elements' names, and beside each the namespace bindings before it declared its own (undefined: it declared none). */
  private readonly stack: NameEntry[] = [];
  private readonly outerScopes: (Map<string, string> | undefined)[] = [];
  private scope = new Map<string, string>([['xml', XML_NS]]);
  private scopeVersion = 0;
  /** The name of the last start tag (at first a stand-in that no tag has). */
  private previousStart: NameEntry = { bytes: NO_BYTES, hash: 0, next: undefined, qname: '', prefix: '', local: '', tag: undefined, tagScope: -1, followedBy: undefined };
  /** Names read so far, by hash of their bytes (chained per slot). */
  private readonly names: (NameEntry | undefined)[] = new Array<NameEntry | undefined>(NAME_SLOTS).fill(undefined);

  constructor(events: XmlEvents, maxDepth = DEFAULT_MAX_DEPTH) {
    this.events = events;
    this.maxDepth = maxDepth;
    // V8 takes a field written once for a constant, folds it into the optimised loops, and throws them away when
    // it first changes — at the end of the first chunk, long after they were optimised. Written twice here, these
    // fields are variables from the start: reading a 24 MB declaratie cold, the reader alone went from 253 to about 180 ms.
    this.carry = new Uint8Array(0);
    this.work = new Uint8Array(0);
    this.base = 1;
    this.base = 0;
    this.lineExtra = 1;
    this.lineExtra = 0;
    this.scopeVersion = 1;
    this.scopeVersion = 0;
    this.rootClosed = true;
    this.rootClosed = false;
    this.failed = true;
    this.failed = false;
  }

  /** Feeds the next bytes; false when this reader gives up on the document. */
  write(chunk: Uint8Array): boolean {
    if (this.failed) return false;
    // A plain Uint8Array view of a Buffer (or any subclass): the loops then see one kind of array, and stay optimised.
    let buf = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry.length > 0) {
      // One work buffer, reused: a fresh one per chunk would leave the garbage collector a chunk-sized block each time.
      const length = this.carry.length + chunk.length;
      if (this.work.length < length) this.work = new Uint8Array(Math.max(length, this.work.length * 2));
      buf = this.work.subarray(0, length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = NO_BYTES;
    }
    return this.run(buf, false);
  }

  /**
   * The open elements' qualified names, outermost first, when the bytes so far
   * end between markup (at most whitespace pending); undefined when they end
   * inside a tag, a comment or text, or the reader gave up.
   */
  openElements(): string[] | undefined {
    if (this.failed || !this.started || this.rootClosed) return undefined;
    for (const c of this.carry) if (!isSpace(c)) return undefined;
    return this.stack.map((open) => open.qname);
  }

  /** Ends the input; the reader's own findings (a BOM warning), or undefined when it gave up. */
  end(): Finding[] | undefined {
    if (this.failed) return undefined;
    const buf = this.carry;
    this.carry = NO_BYTES;
    if (!this.run(buf, true)) return undefined;
    if (!this.rootClosed) return undefined;
    return this.findings;
  }

  private run(buf: Uint8Array, final: boolean): boolean {
    try {
      const consumed = this.parse(buf, final);
      if (consumed < buf.length) {
        if (final) throw unsupported;
        this.carry = buf.slice(consumed);
      }
      this.base += consumed;
      return true;
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      this.failed = true;
      return false;
    }
  }

  private column(at: number): number {
    return at - this.lineStart - this.lineExtra;
  }

  /** Counts the line ends in buf[start, end) (CR LF and a lone CR are one each, as XML 1.0 reads them). */
  private lines(buf: Uint8Array, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c === NL) {
        this.line++;
        this.lineStart = this.base + i + 1;
        this.lineExtra = 0;
      } else if (c === CR) {
        if (buf[i + 1] === NL) i++;
        this.line++;
        this.lineStart = this.base + i + 1;
        this.lineExtra = 0;
      }
    }
  }

  /** Parses as much as is complete; returns the offset of the first byte not consumed. */
  private parse(buf: Uint8Array, final: boolean): number {
    let i = 0;
    const n = buf.length;
    if (!this.started) {
      if (n < 64 && !final) return 0;
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        this.findings.push({
          rule: 'XML',
          level: 1,
          retourcode: null,
          path: '/',
          line: 1,
          column: 1,
          message: {
            nl: 'Het bericht begint met een byte order mark (BOM); OP192 schrijft UTF-8 zonder BOM voor.',
            en: 'The message starts with a byte order mark (BOM); OP192 requires UTF-8 without a BOM.',
          },
          severity: 'warning',
        });
        i = 3;
        // Saxes never sees the BOM: columns on line 1 count from after it.
        this.lineExtra = 3;
      }
      if (buf[i] === LT && buf[i + 1] === QUESTION) i = this.declaration(buf, i);
    }
    while (i < n) {
      const c = buf[i]!;
      if (c === LT) {
        if (i + 1 >= n) break;
        const d = buf[i + 1]!;
        let next: number;
        if (d === SLASH) next = this.endTag(buf, i);
        else if (d === BANG) next = this.comment(buf, i, final);
        else if (d === QUESTION) throw unsupported;
        else next = this.startTag(buf, i);
        if (next < 0) break;
        i = next;
      } else {
        const next = this.text(buf, i, final);
        if (next < 0) break;
        i = next;
      }
    }
    return i;
  }

  /** `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and nothing else. */
  private declaration(buf: Uint8Array, start: number): number {
    const end = buf.indexOf(GT, start);
    if (end < 0 || buf[end - 1] !== QUESTION) throw unsupported;
    const text = ascii(buf, start, end + 1);
    const m = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[Uu][Tt][Ff]-?8\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/.exec(text);
    if (!m) throw unsupported;
    this.lines(buf, start, end);
    return end + 1;
  }

  private comment(buf: Uint8Array, start: number, final: boolean): number {
    if (buf[start + 2] !== 0x2d || buf[start + 3] !== 0x2d) {
      if (start + 4 > buf.length && !final) return -1;
      throw unsupported; // DOCTYPE, CDATA
    }
    let end = start + 4;
    for (;;) {
      end = buf.indexOf(0x2d, end);
      if (end < 0 || end + 2 >= buf.length) {
        if (final) throw unsupported;
        return -1;
      }
      if (buf[end + 1] === 0x2d) break;
      end++;
    }
    if (buf[end + 2] !== GT) throw unsupported; // `--` inside a comment
    for (let i = start + 4; i < end; i++) {
      const c = buf[i]!;
      if (c >= 0x80 || (c < SPACE && c !== TAB && c !== NL && c !== CR)) throw unsupported;
    }
    this.lines(buf, start, end);
    return end + 3;
  }

  /**
   * Text up to the next `<` (or the end of the input when final), read in one
   * pass: line ends, whether it is all whitespace or needs more than ASCII
   * copying, and the hash of its bytes. Returns where it ends, or -1 to wait
   * for more bytes.
   */
  private text(buf: Uint8Array, start: number, final: boolean): number {
    const n = buf.length;
    let line = this.line;
    let lineStart = -1;
    let j = start;
    // Indentation first (a line end, tabs, spaces) in a loop of its own: between tags it is all there is.
    for (; j < n; j++) {
      const c = buf[j]!;
      if (c === NL) {
        line++;
        lineStart = j + 1;
      } else if (c === CR) {
        // CR LF (OP192's line end) or a lone CR: one line end. A CR last in the buffer ends the loop
        // at n, and the text then waits for the next bytes, so its LF is never counted twice.
        if (buf[j + 1] === NL) j++;
        line++;
        lineStart = j + 1;
      } else if (c !== TAB && c !== SPACE) break;
    }
    // Whitespace before a start tag, or after an end tag, cannot be a leaf's value: the decoder ignores it.
    // Before a comment it can (`<Id> <!--c--></Id>`), so it is read as text.
    if (j < n && buf[j] === LT && this.rootSeen && !this.rootClosed && (this.afterClose || (j + 1 < n && buf[j + 1] !== SLASH && buf[j + 1] !== BANG))) {
      if (lineStart >= 0) {
        this.line = line;
        this.lineStart = this.base + lineStart;
        this.lineExtra = 0;
      }
      return j;
    }
    line = this.line;
    lineStart = -1;
    let hash = FNV_OFFSET;
    let whitespace = true;
    let special = false;
    j = start;
    for (; j < n; j++) {
      const c = buf[j]!;
      if (c === LT) break;
      hash = Math.imul(hash ^ c, FNV_PRIME);
      if (c > SPACE) {
        whitespace = false;
        if (c === AMP || c >= 0x80 || c === RBRACKET) special = true;
      } else if (c === NL) {
        line++;
        lineStart = j + 1;
      } else if (c === CR) {
        if (buf[j + 1] === NL) j++;
        line++;
        lineStart = j + 1;
        special = true;
      } else if (c !== SPACE && c !== TAB) throw unsupported;
    }
    if (!final && (j >= n || (j + 1 >= n && whitespace && !this.afterClose))) return -1; // need the byte after `<` too: a whitespace leaf ends with `</`
    if (lineStart >= 0) {
      this.line = line;
      this.lineStart = this.base + lineStart;
      this.lineExtra = 0;
    }
    if (!this.rootSeen || this.rootClosed) {
      if (!whitespace) throw unsupported;
      return j;
    }
    if (whitespace) {
      // Between an end tag and the next tag, or before a start tag, whitespace cannot be a leaf's value: the decoder ignores it.
      if (this.afterClose || (buf[j + 1] !== SLASH && buf[j + 1] !== BANG)) return j;
    }
    if (special) this.events.text(this.specialText(buf, start, j));
    else this.events.text(j - start <= SHORT_VALUE ? shortAscii(buf, start, j, hash) : ascii(buf, start, j));
    return j;
  }

  /** Text with line ends to normalise, references, `]` or non-ASCII. */
  private specialText(buf: Uint8Array, start: number, end: number): string {
    let out = '';
    let from = start;
    const flush = (to: number): void => {
      if (to > from) out += this.decodeUtf8(buf, from, to);
    };
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c === CR) {
        flush(i);
        out += '\n';
        if (buf[i + 1] === NL) i++;
        from = i + 1;
      } else if (c === RBRACKET) {
        if (buf[i + 1] === RBRACKET && buf[i + 2] === GT) throw unsupported;
      } else if (c === AMP) {
        flush(i);
        const semi = buf.indexOf(0x3b, i);
        if (semi < 0 || semi >= end || semi - i > 12) throw unsupported;
        out += reference(ascii(buf, i + 1, semi));
        i = semi;
        from = semi + 1;
      }
    }
    flush(end);
    return out;
  }

  /** UTF-8 text; counts the continuation bytes on the current line so columns count characters as saxes does. */
  private decodeUtf8(buf: Uint8Array, start: number, end: number): string {
    let plain = true;
    for (let i = start; i < end; i++) if (buf[i]! >= 0x80) plain = false;
    if (plain) return ascii(buf, start, end);
    let text: string;
    try {
      text = utf8.decode(buf.subarray(start, end));
    } catch {
      throw unsupported;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffe || c === 0xffff) throw unsupported;
    }
    // Characters after the last line end in this piece sit on the current line.
    const lineFrom = Math.max(start, this.lineStart - this.base);
    for (let i = lineFrom; i < end; i++) {
      const b = buf[i]!;
      if (b >= 0x80 && b < 0xc0) this.lineExtra++;
    }
    return text;
  }

  private nameEntry(buf: Uint8Array, start: number, end: number, colon: number, hash: number): NameEntry {
    const slot = (hash ^ (hash >>> 16)) & (NAME_SLOTS - 1);
    for (let known = this.names[slot]; known; known = known.next) if (known.hash === hash && sameBytes(known.bytes, buf, start, end)) return known;
    const qname = ascii(buf, start, end);
    const entry: NameEntry = {
      bytes: buf.slice(start, end),
      hash,
      next: this.names[slot],
      qname,
      prefix: colon < 0 ? '' : qname.slice(0, colon - start),
      local: colon < 0 ? qname : qname.slice(colon - start + 1),
      tag: undefined,
      tagScope: -1,
      followedBy: undefined,
    };
    this.names[slot] = entry;
    return entry;
  }

  /** Reads a name at `start`; returns its end, and the colon's offset in `colonAt[0]` (-1 without). */
  private name(buf: Uint8Array, start: number, limit: number, colonAt: Int32Array): number {
    const first = buf[start]!;
    if ((NAME_BYTE[first]! & NAME_START) === 0) throw unsupported;
    let colon = -1;
    let i = start + 1;
    for (; i < limit; i++) {
      const c = buf[i]!;
      if (c === COLON) {
        if (colon >= 0) throw unsupported;
        colon = i;
        const after = buf[i + 1]!;
        if (i + 1 >= limit || (NAME_BYTE[after]! & NAME_START) === 0) throw unsupported;
        continue;
      }
      if (c >= 0x80) throw unsupported;
      if (NAME_BYTE[c] === 0) break;
    }
    colonAt[0] = colon;
    return i;
  }

  private readonly colonAt = new Int32Array(1);

  /**
   * A start tag. The common `<prefix:Name>` (or `<prefix:Name/>`) is read in
   * one pass over its name; anything with attributes or spaces goes the
   * general way.
   */
  private startTag(buf: Uint8Array, start: number): number {
    const n = buf.length;
    // Messages repeat one sequence of tags: try the name that followed the previous start tag last time.
    // Its bytes were checked as a name when first read; equal bytes ending at `>` or `/>` are that name.
    const guess = this.previousStart.followedBy;
    if (guess !== undefined) {
      const bytes = guess.bytes;
      const from = start + 1;
      const end = from + bytes.length;
      if (end + 1 < n) {
        let m = 0;
        while (m < bytes.length && buf[from + m] === bytes[m]) m++;
        if (m === bytes.length) {
          const after = buf[end];
          if (after === GT) return this.openEntry(guess, end, false);
          if (after === SLASH && buf[end + 1] === GT) return this.openEntry(guess, end + 1, true);
        }
      }
    }
    let k = start + 1;
    let c = buf[k]!;
    if ((NAME_BYTE[c]! & NAME_START) === 0) throw unsupported;
    let hash = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
    let colon = -1;
    for (k++; k < n; k++) {
      c = buf[k]!;
      const kind = NAME_BYTE[c]!;
      if (kind === 0) break;
      if (kind === COLON_BYTE) {
        if (colon >= 0) throw unsupported;
        colon = k;
        if (k + 1 < n && (NAME_BYTE[buf[k + 1]!]! & NAME_START) === 0) throw unsupported;
      } else if (kind === NON_ASCII) throw unsupported;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (k >= n) return -1;
    if (c === GT) return this.openPlain(buf, start, k, colon, hash, k, false);
    if (c === SLASH) {
      if (k + 1 >= n) return -1;
      if (buf[k + 1] === GT) return this.openPlain(buf, start, k, colon, hash, k + 1, true);
    }
    return this.startTagWithAttributes(buf, start);
  }

  /** A start tag without attributes: name in buf[start + 1, nameEnd), `>` at gt. */
  private openPlain(buf: Uint8Array, start: number, nameEnd: number, colon: number, hash: number, gt: number, selfClosing: boolean): number {
    return this.openEntry(this.nameEntry(buf, start + 1, nameEnd, colon, hash), gt, selfClosing);
  }

  /** A start tag without attributes whose name is `entry`, `>` at gt. */
  private openEntry(entry: NameEntry, gt: number, selfClosing: boolean): number {
    if (this.rootClosed) throw unsupported;
    if (this.stack.length >= this.maxDepth) throw unsupported;
    let tag = entry.tag;
    if (entry.tagScope !== this.scopeVersion || !tag) {
      const uri = this.scope.get(entry.prefix);
      if (uri === undefined && entry.prefix !== '') throw unsupported;
      tag = entry.tag = { name: entry.qname, local: entry.local, uri: uri ?? '', attributes: NO_ATTRIBUTES };
      entry.tagScope = this.scopeVersion;
    }
    return this.opened(tag, entry, selfClosing, undefined, gt);
  }

  private startTagWithAttributes(buf: Uint8Array, start: number): number {
    const gt = buf.indexOf(GT, start);
    if (gt < 0) return -1;
    if (this.rootClosed) throw unsupported;
    let selfClosing = false;
    let contentEnd = gt;
    if (buf[gt - 1] === SLASH) {
      selfClosing = true;
      contentEnd = gt - 1;
    }
    const nameEnd = this.name(buf, start + 1, contentEnd, this.colonAt);
    const colon = this.colonAt[0]!;
    const entry = this.nameEntry(buf, start + 1, nameEnd, colon, hashOf(buf, start + 1, nameEnd));
    let attributes: { name: string; prefix: string; local: string; value: string }[] | undefined;
    let i = nameEnd;
    while (i < contentEnd) {
      if (!isSpace(buf[i]!)) throw unsupported;
      while (i < contentEnd && isSpace(buf[i]!)) i++;
      if (i >= contentEnd) break;
      const attrEnd = this.name(buf, i, contentEnd, this.colonAt);
      const attrColon = this.colonAt[0]!;
      const qname = ascii(buf, i, attrEnd);
      i = attrEnd;
      while (i < contentEnd && isSpace(buf[i]!)) i++;
      if (buf[i] !== EQUALS) throw unsupported;
      i++;
      while (i < contentEnd && isSpace(buf[i]!)) i++;
      const quote = buf[i];
      if (quote !== QUOT && quote !== APOS) throw unsupported;
      const valueEnd = buf.indexOf(quote, i + 1);
      if (valueEnd < 0 || valueEnd >= contentEnd) throw unsupported; // also a `>` inside a value
      for (let k = i + 1; k < valueEnd; k++) {
        const c = buf[k]!;
        // References, `<`, line ends and tabs (normalised by saxes) and non-ASCII: left to saxes.
        if (c < SPACE || c >= 0x80 || c === AMP || c === LT) throw unsupported;
      }
      const value = ascii(buf, i + 1, valueEnd);
      i = valueEnd + 1;
      const prefix = attrColon < 0 ? '' : qname.slice(0, attrColon - (attrEnd - qname.length));
      const local = attrColon < 0 ? qname : qname.slice(prefix.length + 1);
      (attributes ??= []).push({ name: qname, prefix, local, value });
    }
    if (this.stack.length >= this.maxDepth) throw unsupported;

    // Namespace declarations first, then resolve the names.
    let outerScope: Map<string, string> | undefined;
    if (attributes) {
      const seen = new Set<string>();
      for (const a of attributes) {
        if (seen.has(a.name)) throw unsupported;
        seen.add(a.name);
        let declared: string | undefined;
        if (a.name === 'xmlns') declared = '';
        else if (a.prefix === 'xmlns') {
          if (a.local === 'xml' || a.local === 'xmlns' || a.value === '') throw unsupported;
          declared = a.local;
        }
        if (declared === undefined) continue;
        // saxes trims a declared namespace name (and says where one trims to nothing): spaces around one are left to it.
        if (a.value.charCodeAt(0) === SPACE || a.value.charCodeAt(a.value.length - 1) === SPACE) throw unsupported;
        if (a.value === XML_NS || a.value === XMLNS_NS) throw unsupported;
        if (!outerScope) {
          outerScope = this.scope;
          this.scope = new Map(this.scope);
          this.scopeVersion++;
        }
        if (declared === '' && a.value === '') this.scope.delete('');
        else this.scope.set(declared, a.value);
      }
    }
    const uri = this.scope.get(entry.prefix);
    if (uri === undefined && entry.prefix !== '') throw unsupported;
    let tag: XmlStartTag;
    if (!attributes) {
      if (entry.tagScope !== this.scopeVersion || !entry.tag) {
        entry.tag = { name: entry.qname, local: entry.local, uri: uri ?? '', attributes: NO_ATTRIBUTES };
        entry.tagScope = this.scopeVersion;
      }
      tag = entry.tag;
    } else {
      const record: Record<string, XmlAttribute> = {};
      const resolved = new Set<string>();
      for (const a of attributes) {
        let attrUri = '';
        if (a.name === 'xmlns' || a.prefix === 'xmlns') attrUri = XMLNS_NS;
        else if (a.prefix !== '') {
          if (a.prefix === 'xml') throw unsupported;
          const bound = this.scope.get(a.prefix);
          if (bound === undefined) throw unsupported;
          attrUri = bound;
          // Two attributes with the same expanded name are an error for saxes.
          const key = `{${attrUri}}${a.local}`;
          if (resolved.has(key)) throw unsupported;
          resolved.add(key);
        }
        record[a.name] = { name: a.name, prefix: a.prefix, local: a.local, uri: attrUri, value: a.value } as XmlAttribute;
      }
      tag = { name: entry.qname, local: entry.local, uri: uri ?? '', attributes: record };
    }

    this.lines(buf, start, gt);
    return this.opened(tag, entry, selfClosing, outerScope, gt);
  }

  /** A start tag read (its line ends counted): the events, and the element opened or, self-closing, closed again. */
  private opened(tag: XmlStartTag, entry: NameEntry, selfClosing: boolean, outerScope: Map<string, string> | undefined, gt: number): number {
    if (this.stack.length === 0) {
      if (this.rootSeen) throw unsupported;
      this.rootSeen = true;
    }
    this.previousStart.followedBy = entry;
    this.previousStart = entry;
    const column = this.column(this.base + gt + 1);
    this.events.position(this.line, column);
    this.events.open(tag);
    if (selfClosing) {
      if (outerScope) {
        this.scope = outerScope;
        this.scopeVersion++;
      }
      this.events.position(this.line, column);
      this.events.close();
      if (this.stack.length === 0) this.rootClosed = true;
      this.afterClose = true;
    } else {
      this.stack.push(entry);
      this.outerScopes.push(outerScope);
      this.afterClose = false;
    }
    return gt + 1;
  }

  /** An end tag: `</` and the open element's name bytes and `>` at once, else the general way (spaces, or an error). */
  private endTag(buf: Uint8Array, start: number): number {
    const depth = this.stack.length;
    if (depth === 0) return this.endTagGeneral(buf, start);
    const bytes = this.stack[depth - 1]!.bytes;
    const from = start + 2;
    const gt = from + bytes.length;
    if (gt >= buf.length || buf[gt] !== GT) return this.endTagGeneral(buf, start);
    for (let m = 0; m < bytes.length; m++) if (buf[from + m] !== bytes[m]) return this.endTagGeneral(buf, start);
    return this.closeTop(gt);
  }

  private endTagGeneral(buf: Uint8Array, start: number): number {
    const gt = buf.indexOf(GT, start);
    if (gt < 0) return -1;
    const top = this.stack[this.stack.length - 1];
    if (!top) throw unsupported;
    const nameEnd = this.name(buf, start + 2, gt, this.colonAt);
    if (!sameBytes(top.bytes, buf, start + 2, nameEnd)) throw unsupported;
    for (let i = nameEnd; i < gt; i++) if (!isSpace(buf[i]!)) throw unsupported;
    this.lines(buf, nameEnd, gt);
    return this.closeTop(gt);
  }

  /** Closes the innermost open element at its end tag's `>`. */
  private closeTop(gt: number): number {
    this.stack.pop();
    const outerScope = this.outerScopes.pop();
    if (outerScope) {
      this.scope = outerScope;
      this.scopeVersion++;
    }
    this.events.position(this.line, this.column(this.base + gt + 1));
    this.events.close();
    if (this.stack.length === 0) this.rootClosed = true;
    this.afterClose = true;
    return gt + 1;
  }
}

/** The value of `&name;` (name without & and ;): the predefined entities and character references. */
function reference(name: string): string {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  let code: number;
  if (/^#[0-9]+$/.test(name)) code = Number(name.slice(1));
  else if (/^#x[0-9a-fA-F]+$/.test(name)) code = Number.parseInt(name.slice(2), 16);
  else throw unsupported;
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  if (!allowed) throw unsupported;
  return String.fromCodePoint(code);
}
