/**
 * The page's contract view: a LumpsumContract and its ProviderReports are
 * dropped or chosen together (JSON or XML); a worker of its own validates them
 * and computes the status (see contract-documents.ts), and this page shows it
 * as a summary, an SVG chart and a table (the chart's text alternative).
 * Nothing is sent anywhere.
 */
import type { Finding } from '../index.js';
import { describeBand, formatCents, periodLabel, statusTable, type ContractStatus } from '../extensions/index.js';
import { contractChart } from './contract-chart.js';
import { span } from './dom.js';
import type { ContractOutcome, FileOutcome } from './contract-documents.js';
import { MAX_DOCUMENT_BYTES, type ContractRequest, type ContractResponse } from './protocol.js';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing from the page`);
  return found as T;
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

  // Made on first use: a page that only validates messages never starts it.
  let worker: Worker | undefined;
  let lastRequest = 0;

  async function show(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    setStatus('Bezig met rekenen… / Computing…', 'busy');
    const id = ++lastRequest;
    const read = (file: File): Promise<ArrayBuffer> => (file.size > MAX_DOCUMENT_BYTES ? Promise.resolve(new ArrayBuffer(0)) : file.arrayBuffer());
    const request: ContractRequest = { kind: 'contract', id, files: await Promise.all(files.map(async (file) => ({ name: file.name, size: file.size, bytes: await read(file) }))) };
    if (!worker) {
      worker = new Worker('contract-worker.js');
      worker.onmessage = (event: MessageEvent<ContractResponse>) => {
        if (event.data.id !== lastRequest) return;
        if (event.data.outcome) showOutcome(event.data.outcome);
        else setStatus(`De berekening is mislukt (${event.data.failure ?? 'onbekende fout'}). / The computation failed.`, 'rejected');
      };
      worker.onerror = () => setStatus('De berekening kon niet starten. / The computation could not start.', 'rejected');
    }
    worker.postMessage(request, request.files.map((f) => f.bytes));
  }

  function showOutcome({ files, contracts, status: computed }: ContractOutcome): void {
    listFindings(files);
    if (!computed) {
      result.hidden = true;
      setStatus(
        contracts === 0
          ? 'Geen contract (LumpsumContract) bij de bestanden. / No contract among the files.'
          : `${contracts} contracten gekozen; kies er één met zijn rapportages. / Choose one contract with its reports.`,
        'rejected',
      );
      return;
    }
    const reports = files.filter((f) => f.kind === 'ProviderReport').length;
    const errors = files.flatMap((f) => f.findings).filter((f) => f.severity !== 'warning').length;
    const reported = computed.periods.filter((p) => p.reportIds.length > 0);
    const last = reported[reported.length - 1];
    const proposed = computed.amendments.filter((a) => !a.recorded).length;
    setStatus(
      `${computed.contractId}: ${reports} ${reports === 1 ? 'rapportage' : 'rapportages'}${last ? `, gemeld t/m ${periodLabel(last.index)}` : ''}; ` +
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

  function listFindings(loaded: readonly FileOutcome[]): void {
    findingsList.replaceChildren(
      ...loaded.flatMap((file) =>
        file.findings.map((finding: Finding) => {
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
