/**
 * The message with line numbers. Only the lines in view are in the DOM, so a
 * 25 MB message (a million lines) scrolls as smoothly as a short one.
 */

/** Pixels per line; the same value is in app.css (`.viewer-line`). */
export const LINE_HEIGHT = 20;
const OVERSCAN = 30;
/** Very long lines (a message on one line) are cut for display. */
const MAX_LINE_CHARS = 4000;

export type LineMark = 'error' | 'warning';

export interface LineNote {
  readonly mark: LineMark;
  /** Short text for the line's tooltip and for screen readers, e.g. "XSD, CD041". */
  readonly label: string;
}

export class MessageViewer {
  private text = '';
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
    this.text = text;
    this.starts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
    if (text.endsWith('\n')) this.starts.pop();
    this.notes = new Map();
    this.current = undefined;
    this.root.replaceChildren(this.spacer);
    this.spacer.style.height = `${this.starts.length * LINE_HEIGHT}px`;
    this.root.style.setProperty('--gutter-digits', String(String(this.starts.length).length));
    this.root.scrollTop = 0;
    this.root.scrollLeft = 0;
    this.render();
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
    const end = index + 1 < this.starts.length ? this.starts[index + 1]! - 1 : this.text.length;
    const line = this.text.slice(start, Math.min(end, start + MAX_LINE_CHARS)).replace(/\r$/, '');
    return end - start > MAX_LINE_CHARS ? `${line} …` : line;
  }

  private render(): void {
    if (this.starts.length === 0 || !this.text) return;
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
