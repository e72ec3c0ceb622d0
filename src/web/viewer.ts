/**
 * The message with line numbers. Only the lines in view are in the DOM, so a
 * 25 MB message (a million lines) scrolls as smoothly as a short one. A file
 * is decoded and indexed a piece at a time, in tasks of its own, so reading
 * it never holds the page; its first lines show while the rest is read.
 */

/** Pixels per line; the same value is in app.css (`.viewer-line`). */
export const LINE_HEIGHT = 20;
const OVERSCAN = 30;
/** Very long lines (a message on one line) are cut for display. */
const MAX_LINE_CHARS = 4000;
/** Characters decoded and indexed before the page gets its turn again. */
const LOAD_SLICE = 1 << 20;

export type LineMark = 'error' | 'warning';

export interface LineNote {
  readonly mark: LineMark;
  /** Short text for the line's tooltip and for screen readers, e.g. "XSD, CD041". */
  readonly label: string;
}

/** Lets the page's other tasks (input, rendering) run. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

export class MessageViewer {
  /** The text in the pieces it was read in (joining 25 MB would be one long task); `offsets` holds where each starts. */
  private pieces: string[] = [];
  private offsets: number[] = [];
  private length = 0;
  private starts: number[] = [];
  private notes: ReadonlyMap<number, LineNote> = new Map();
  private current: number | undefined;
  private scheduled = false;
  private readonly spacer: HTMLDivElement;
  private readonly content: HTMLDivElement;

  constructor(private readonly root: HTMLElement) {
    this.spacer = document.createElement('div');
    this.spacer.className = 'viewer-spacer';
    this.content = document.createElement('div');
    this.content.className = 'viewer-content';
    this.spacer.append(this.content);
    root.addEventListener('scroll', () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.schedule()).observe(root);
  }

  show(text: string): void {
    this.reset();
    this.append(text);
    this.finish();
    this.render();
  }

  /**
   * Shows a message from its bytes (UTF-8), decoded and indexed a slice at a
   * time with the page's other tasks in between. Stops early, leaving the
   * viewer to whoever shows the next message, once `wanted` turns false.
   */
  async load(message: Blob, wanted: () => boolean): Promise<void> {
    this.reset();
    const reader = message.stream().pipeThrough(new TextDecoderStream()).getReader();
    let sinceTurn = 0;
    let shown = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (!wanted()) {
        await reader.cancel();
        return;
      }
      if (done) break;
      this.append(value);
      sinceTurn += value.length;
      if (sinceTurn >= LOAD_SLICE) {
        sinceTurn = 0;
        this.resize();
        // The first lines show at once; the rows in view are built again only once all is read (or on a scroll).
        if (!shown) this.schedule();
        shown = true;
        await nextTask();
        if (!wanted()) {
          await reader.cancel();
          return;
        }
      }
    }
    this.finish();
    this.render();
  }

  private reset(): void {
    this.pieces = [];
    this.offsets = [];
    this.length = 0;
    this.starts = [0];
    this.notes = new Map();
    this.current = undefined;
    this.root.replaceChildren(this.spacer);
    this.root.scrollTop = 0;
    this.root.scrollLeft = 0;
    this.resize();
  }

  private append(piece: string): void {
    if (!piece) return;
    const base = this.length;
    this.pieces.push(piece);
    this.offsets.push(base);
    this.length += piece.length;
    for (let at = piece.indexOf('\n'); at !== -1; at = piece.indexOf('\n', at + 1)) this.starts.push(base + at + 1);
  }

  /** A text that ends with a line end has no empty line after it. */
  private finish(): void {
    if (this.length > 0 && this.starts.length > 1 && this.starts.at(-1) === this.length) this.starts.pop();
    this.resize();
  }

  private resize(): void {
    this.spacer.style.height = `${this.starts.length * LINE_HEIGHT}px`;
    this.root.style.setProperty('--gutter-digits', String(String(this.starts.length).length));
  }

  /** The characters [start, end) of the text, across the pieces they lie in. */
  private slice(start: number, end: number): string {
    // The last piece that starts at or before `start`.
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    let text = '';
    for (let i = lo; i < this.pieces.length && this.offsets[i]! < end; i++) {
      const offset = this.offsets[i]!;
      text += this.pieces[i]!.slice(Math.max(0, start - offset), end - offset);
    }
    return text;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  mark(notes: ReadonlyMap<number, LineNote>): void {
    this.notes = notes;
    this.render();
  }

  /**
   * Scrolls the line into view (a third from the top), marks it as the current
   * one and moves the focus to the message, so the arrow keys scroll on from there.
   */
  goTo(line: number): void {
    this.current = Math.min(Math.max(1, line), this.starts.length);
    this.root.scrollTop = Math.max(0, (this.current - 1) * LINE_HEIGHT - this.root.clientHeight / 3);
    this.render();
    this.root.scrollIntoView({ block: 'nearest' });
    this.root.focus({ preventScroll: true });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  private lineText(index: number): string {
    const start = this.starts[index]!;
    const end = index + 1 < this.starts.length ? this.starts[index + 1]! - 1 : this.length;
    // The last line keeps the text's final line end, if any; no line shows its CR.
    const line = this.slice(start, Math.min(end, start + MAX_LINE_CHARS)).replace(/\r?\n?$/, '');
    return end - start > MAX_LINE_CHARS ? `${line} …` : line;
  }

  private render(): void {
    if (this.length === 0) return;
    const first = Math.max(0, Math.floor(this.root.scrollTop / LINE_HEIGHT) - OVERSCAN);
    const visible = Math.ceil((this.root.clientHeight || 600) / LINE_HEIGHT);
    const last = Math.min(this.starts.length, first + visible + 2 * OVERSCAN);
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const number = i + 1;
      const row = document.createElement('div');
      row.className = 'viewer-line';
      row.dataset.line = String(number);
      const note = this.notes.get(number);
      if (note) {
        row.classList.add(`mark-${note.mark}`);
        row.title = note.label;
      }
      if (number === this.current) row.classList.add('current');
      const gutter = document.createElement('span');
      gutter.className = 'ln';
      gutter.textContent = String(number);
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = this.lineText(i);
      row.append(gutter, code);
      if (note) {
        const hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = ` (bevinding: ${note.label})`;
        row.append(hidden);
      }
      rows.push(row);
    }
    this.content.style.transform = `translateY(${first * LINE_HEIGHT}px)`;
    this.content.replaceChildren(...rows);
  }
}
