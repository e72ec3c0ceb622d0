/**
 * The page's contract view: a LumpsumContract and its ProviderReports are
 * dropped or chosen together (JSON), the status is computed here in the
 * browser, and shown as a summary, an SVG chart and a table (the chart's text
 * alternative). Nothing is sent anywhere.
 */
import type { Finding } from '../index.js';
import { contractStatus, describeBand, findingDocument, formatCents, statusTable, type ContractStatus, type LumpsumContract, type ProviderReport } from '../extensions/index.js';
import { contractChart } from './contract-chart.js';

/** Contracts and reports are small; this only stops a wrong file from freezing the page. */
const MAX_BYTES = 5 * 1024 * 1024;

interface Loaded {
  readonly name: string;
  readonly kind?: string;
  readonly document?: unknown;
  readonly findings: Finding[];
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing from the page`);
  return found as T;
}

function say(rule: string, path: string, nl: string, en: string): Finding {
  return { rule, level: 1, retourcode: null, path, message: { nl, en } };
}

async function load(file: File): Promise<Loaded> {
  if (file.size > MAX_BYTES) return { name: file.name, findings: [say('EXT100', '', `Dit bestand is groter dan 5 MB; een contract of rapportage is veel kleiner.`, 'This file is larger than 5 MB; a contract or report is much smaller.')] };
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch {
    return { name: file.name, findings: [say('JSON', '', 'Dit is geen JSON-document.', 'This is not a JSON document.')] };
  }
  const kind = (document as { kind?: unknown } | null)?.kind;
  if (kind !== 'LumpsumContract' && kind !== 'ProviderReport') {
    return { name: file.name, findings: [say('EXT100', '/kind', 'Dit is geen LumpsumContract of ProviderReport.', 'This is neither a LumpsumContract nor a ProviderReport.')] };
  }
  return { name: file.name, kind, document, findings: [] };
}

export function setUpContractView(): void {
  const section = element<HTMLElement>('contract-view');
  const input = element<HTMLInputElement>('contract-input');
  const zone = element<HTMLElement>('contract-dropzone');
  const status = element<HTMLElement>('contract-status');
  const findingsList = element<HTMLOListElement>('contract-findings');
  const result = element<HTMLElement>('contract-result');
  const summary = element<HTMLElement>('contract-summary');
  const chart = element<HTMLElement>('contract-chart');
  const table = element<HTMLTableElement>('contract-table');

  function setStatus(text: string, tone: 'neutral' | 'busy' | 'accepted' | 'rejected'): void {
    status.textContent = text;
    status.dataset.tone = tone;
  }

  async function show(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    setStatus('Bezig met rekenen… / Computing…', 'busy');
    const loaded = await Promise.all(files.map(load));
    const contracts = loaded.filter((l) => l.kind === 'LumpsumContract');
    const reports = loaded.filter((l) => l.kind === 'ProviderReport');
    if (contracts.length !== 1) {
      result.hidden = true;
      listFindings(loaded);
      setStatus(
        contracts.length === 0
          ? 'Geen contract (LumpsumContract) bij de bestanden. / No contract among the files.'
          : `${contracts.length} contracten gekozen; kies er één met zijn rapportages. / Choose one contract with its reports.`,
        'rejected',
      );
      return;
    }
    const contract = contracts[0]!;
    const computed = contractStatus(contract.document as LumpsumContract, reports.map((r) => r.document as ProviderReport));
    for (const finding of computed.findings) {
      const { document, path } = findingDocument(finding);
      (document === 'contract' ? contract : reports[document])?.findings.push({ ...finding, path });
    }
    listFindings(loaded);
    const errors = loaded.flatMap((l) => l.findings).filter((f) => f.severity !== 'warning').length;
    const reported = computed.periods.filter((p) => p.reportIds.length > 0);
    const last = reported[reported.length - 1];
    const proposed = computed.amendments.filter((a) => !a.recorded).length;
    setStatus(
      `${computed.contractId}: ${reports.length} ${reports.length === 1 ? 'rapportage' : 'rapportages'}${last ? `, gemeld t/m P${String(last.index).padStart(2, '0')}` : ''}; ` +
        `${proposed} ${proposed === 1 ? 'budgetwijziging' : 'budgetwijzigingen'} voorgesteld` +
        (errors > 0 ? `; ${errors} ${errors === 1 ? 'bevinding' : 'bevindingen'}, die bestanden tellen niet mee.` : '.'),
      errors > 0 ? 'rejected' : 'accepted',
    );
    if (computed.periods.length === 0) {
      result.hidden = true;
      return;
    }
    showStatus(computed);
    result.hidden = false;
  }

  function showStatus(computed: ContractStatus): void {
    const rows: [string, string][] = [
      ['Contract', computed.contractId],
      ['Looptijd', `${computed.period.start} t/m ${computed.period.end}, ${computed.periods.length} periodes vanaf ${computed.calendar.anchor}`],
      ['Budget', `${formatCents(computed.initialBudget)} bij de start, ${formatCents(computed.finalBudget)} na de wijzigingen`],
      ...computed.bands.map((rule, i): [string, string] => [`Bandbreedte ${i + 1}`, describeBand(rule, 'nl')]),
    ];
    summary.replaceChildren(
      ...rows.flatMap(([term, value]) => {
        const dt = document.createElement('dt');
        dt.textContent = term;
        const dd = document.createElement('dd');
        dd.textContent = value;
        return [dt, dd];
      }),
    );
    // SVG text built by a pure function that escapes everything the documents bring in.
    chart.innerHTML = contractChart(computed, { idPrefix: 'contract-chart-svg', language: 'nl' });

    const { columns, rows: tableRows } = statusTable(computed, 'nl');
    const head = document.createElement('tr');
    for (const column of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column.heading;
      if (column.align === 'right') th.className = 'num';
      head.append(th);
    }
    table.tHead!.replaceChildren(head);
    table.tBodies[0]!.replaceChildren(
      ...tableRows.map((row) => {
        const tr = document.createElement('tr');
        tr.dataset.period = String(row.period);
        if (row.position) tr.className = `position-${row.position}`;
        row.cells.forEach((cell, c) => {
          const column = columns[c]!;
          const td = document.createElement(column.key === 'period' ? 'th' : 'td');
          if (column.key === 'period') (td as HTMLTableCellElement).scope = 'row';
          td.classList.add(column.key);
          if (column.align === 'right') td.classList.add('num');
          td.textContent = cell;
          tr.append(td);
        });
        return tr;
      }),
    );
  }

  function listFindings(loaded: readonly Loaded[]): void {
    findingsList.replaceChildren(
      ...loaded.flatMap((file) =>
        file.findings.map((finding) => {
          const item = document.createElement('li');
          item.className = `finding ${finding.severity === 'warning' ? 'warning' : 'error'}`;
          const body = document.createElement('div');
          body.className = 'finding-body';
          const head = document.createElement('span');
          head.className = 'finding-head';
          head.append(span('badge', finding.rule), span('meta', file.name));
          body.append(head, span('finding-path', finding.path || '/'), span('finding-text', finding.message.nl, 'nl'), span('finding-text en', finding.message.en, 'en'));
          item.append(body);
          return item;
        }),
      ),
    );
  }

  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    void show(files);
  });

  // Files dropped anywhere on this section are the contract's; the rest of the page validates messages.
  section.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.stopPropagation();
    zone.classList.add('dragging');
  });
  section.addEventListener('dragleave', (event) => {
    if (!(event.relatedTarget instanceof Node) || !section.contains(event.relatedTarget)) zone.classList.remove('dragging');
  });
  section.addEventListener('drop', (event) => {
    event.preventDefault();
    event.stopPropagation();
    zone.classList.remove('dragging');
    void show(Array.from(event.dataTransfer?.files ?? []));
  });
}

function span(className: string, text: string, lang?: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  if (lang) s.lang = lang;
  return s;
}
