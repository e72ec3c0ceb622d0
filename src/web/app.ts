/**
 * The validation page: a message is dropped, chosen or pasted, checked by the
 * library in a web worker, and its findings are listed and shown on the
 * message itself. Nothing is sent anywhere (the page's CSP forbids it, too).
 */
import type { Finding } from '../index.js';
import { describeStandard } from '../standard/model.js';
import { setUpContractView } from './contract-view.js';
import { span } from './dom.js';
import type { CheckProgress, CheckRequest, CheckResponse, CheckResult, ReportSummary } from './protocol.js';
import { MessageViewer, type LineNote } from './viewer.js';
import { setupConvertView } from './convert-view.js';

const MAX_BYTES = 25 * 1024 * 1024;
/** Messages up to this size are checked in a blink: no progress bar for them. */
const SHOW_PROGRESS_FROM = 2 * 1024 * 1024;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing from the page`);
  return found as T;
}

const fileInput = element<HTMLInputElement>('file-input');
const dropzone = element<HTMLElement>('dropzone');
const pasteInput = element<HTMLTextAreaElement>('paste-input');
const validatePaste = element<HTMLButtonElement>('validate-paste');
const allLevels = element<HTMLInputElement>('all-levels');
const status = element<HTMLElement>('status');
const progressBox = element<HTMLElement>('progress');
const progressBar = element<HTMLProgressElement>('check-progress');
const progressText = element<HTMLElement>('progress-text');
const findingsList = element<HTMLOListElement>('findings');
const downloadRetour = element<HTMLButtonElement>('download-retour');
const retourNote = element<HTMLElement>('retour-note');
const viewer = new MessageViewer(element<HTMLElement>('viewer'));

const worker = new Worker('worker.js');
let lastRequest = 0;
let current: { readonly name: string } | undefined;
/** Settles once the viewer shows the current message: its findings are marked after that. */
let viewerReady: Promise<void> = Promise.resolve();
let retourDownload: { file: string; xml: string } | undefined;

function setStatus(text: string, tone: 'neutral' | 'busy' | 'accepted' | 'rejected'): void {
  status.textContent = text;
  status.dataset.tone = tone;
}

function clearResult(): void {
  progressBox.hidden = true;
  findingsList.replaceChildren();
  retourDownload = undefined;
  downloadRetour.disabled = true;
  downloadRetour.textContent = 'Download retourbericht';
  retourNote.textContent = '';
}

function refuseTooLarge(name: string, size: number): void {
  clearResult();
  current = undefined;
  setStatus(`${name} is ${(size / 1024 / 1024).toFixed(1)} MB; de grens is 25 MB (OP179). / The limit is 25 MB.`, 'rejected');
}

/**
 * Checks a message: the worker reads it (the page never holds its bytes),
 * and the viewer shows it. A file is decoded for the viewer a slice at a
 * time; pasted text is shown as it is.
 */
function check(message: Blob, name: string, pasted?: string): void {
  if (message.size > MAX_BYTES) return refuseTooLarge(name, message.size);
  clearResult();
  setStatus(`${name} wordt gecontroleerd… / Checking…`, 'busy');
  const request: CheckRequest = { id: ++lastRequest, message, allLevels: allLevels.checked };
  worker.postMessage(request);
  const checking = { name };
  current = checking;
  if (pasted !== undefined) {
    viewer.show(pasted);
    viewerReady = Promise.resolve();
  } else {
    // A file that cannot be read shows what was read; the worker reports the failure.
    viewerReady = viewer.load(message, () => current === checking).catch(() => undefined);
  }
}

const megabytes = (bytes: number, locale: string): string => (bytes / 1024 / 1024).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function showProgress(progress: CheckProgress): void {
  if (progress.total < SHOW_PROGRESS_FROM) return;
  progressBox.hidden = false;
  progressBar.max = progress.total;
  progressBar.value = progress.done;
  const clients = progress.clients.toLocaleString('nl-NL');
  progressText.textContent =
    progress.phase === 'reading'
      ? `${megabytes(progress.done, 'nl-NL')} van ${megabytes(progress.total, 'nl-NL')} MB gelezen, ${clients} cliënten. / ${megabytes(progress.done, 'en-GB')} of ${megabytes(progress.total, 'en-GB')} MB read.`
      : `Gelezen (${clients} cliënten); de regels worden toegepast… / Read; applying the rules…`;
}

worker.onmessage = (event: MessageEvent<CheckResponse>) => {
  const response = event.data;
  if (response.id !== lastRequest || !current) return;
  if (response.kind === 'progress') return showProgress(response);
  const checked = current;
  void viewerReady.then(() => {
    if (current !== checked) return;
    progressBox.hidden = true;
    if (!response.summary) {
      setStatus(`De controle is mislukt (${response.failure ?? 'onbekende fout'}). / The check failed.`, 'rejected');
      return;
    }
    showReport(checked.name, response.summary);
    offerRetour(checked.name, response);
  });
};
worker.onerror = () => {
  progressBox.hidden = true;
  setStatus('De controle kon niet starten. / The validator could not start.', 'rejected');
};

function describeMessage(report: ReportSummary): string {
  if (!report.message) return 'onbekend berichttype';
  const parts = [report.standard ? describeStandard(report.standard) : undefined, report.berichtCode ? `BerichtCode ${report.berichtCode}` : undefined].filter(Boolean);
  return parts.length ? `${report.message} (${parts.join(', ')})` : report.message;
}

function showReport(name: string, report: ReportSummary): void {
  const { errors, count } = report;
  const counted = `${count} ${count === 1 ? 'bevinding' : 'bevindingen'}`;
  setStatus(
    report.accepted
      ? `Geaccepteerd (accepted): ${name}, ${describeMessage(report)}, ${counted}.`
      : `Afgekeurd (rejected): ${name}, ${describeMessage(report)}, ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${counted}.`,
    report.accepted ? 'accepted' : 'rejected',
  );

  const notes = new Map<number, LineNote>();
  const labels = report.lineLabels.split('\n');
  report.lines.forEach((line, i) => notes.set(line, { mark: report.lineErrors[i] ? 'error' : 'warning', label: labels[i]! }));
  viewer.mark(notes);

  const items = report.listed.map(findingItem);
  if (count > report.listed.length) {
    const more = document.createElement('li');
    more.className = 'finding-more';
    more.textContent = `… en nog ${count - report.listed.length} bevindingen (and ${count - report.listed.length} more).`;
    items.push(more);
  }
  findingsList.replaceChildren(...items);
}

function offerRetour(name: string, response: CheckResult): void {
  if (!response.retour) {
    retourDownload = undefined;
    downloadRetour.disabled = true;
    retourNote.textContent = response.noRetour ? `Geen retourbericht: ${response.noRetour.nl}` : 'Geen retourbericht.';
    return;
  }
  const base = name.replace(/\.xml$/i, '').replace(/[^\w.-]+/g, '-');
  retourDownload = { file: `${response.retour.message}-${base}.xml`, xml: response.retour.xml };
  downloadRetour.disabled = false;
  downloadRetour.textContent = `Download retourbericht (${response.retour.message})`;
  retourNote.textContent = 'Gemaakt in uw browser. / Built in your browser.';
}

downloadRetour.addEventListener('click', () => {
  if (!retourDownload) return;
  const url = URL.createObjectURL(new Blob([retourDownload.xml], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = retourDownload.file;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});


function findingItem(finding: Finding): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `finding ${finding.severity === 'warning' ? 'warning' : 'error'}`;
  const where = finding.line !== undefined ? `regel ${finding.line}` : 'geen regel';
  const head = document.createElement('span');
  head.className = 'finding-head';
  head.append(
    span('badge', finding.rule),
    span('meta', `niveau ${finding.level} · retourcode ${finding.retourcode ?? '—'} · ${where}${finding.severity === 'warning' ? ' · waarschuwing' : ''}`),
  );
  const parts = [head, span('finding-path', finding.path), span('finding-text', finding.message.nl, 'nl'), span('finding-text en', finding.message.en, 'en')];
  if (finding.line !== undefined) {
    const line = finding.line;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'finding-button';
    button.append(...parts);
    button.setAttribute('aria-label', `${finding.rule}, ${where}: ${finding.message.nl} Toon in het bericht.`);
    button.addEventListener('click', () => viewer.goTo(line));
    item.append(button);
  } else {
    const body = document.createElement('div');
    body.className = 'finding-body';
    body.append(...parts);
    item.append(body);
  }
  return item;
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) check(file, file.name);
  fileInput.value = '';
});

validatePaste.addEventListener('click', () => {
  if (!pasteInput.value.trim()) {
    setStatus('Plak eerst een bericht. / Paste a message first.', 'neutral');
    pasteInput.focus();
    return;
  }
  check(new Blob([pasteInput.value]), 'geplakt bericht', pasteInput.value);
});

// The whole page accepts a dropped file; the drop zone shows where.
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropzone.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) dropzone.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  dropzone.classList.remove('dragging');
  const file = event.dataTransfer?.files[0];
  if (file) check(file, file.name);
});

setupConvertView();
setUpContractView();
