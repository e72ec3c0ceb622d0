/**
 * The page's convert view: a WMO301 and the gemeente's profile are chosen or
 * dropped, a target form picked, and the conversion runs in the browser with
 * the library itself, in a worker loaded on the first conversion. The new
 * messages and the loss report are shown side by side and offered as
 * downloads; nothing is sent anywhere.
 */
import type { ConversionOutcome } from '../extensions-entry.js';
import type { Finding } from '../index.js';
import type { ConvertRequest, ConvertResponse } from './convert-worker.js';

function element<T extends HTMLElement>(id: string): T | undefined {
  return (document.getElementById(id) as T | null) ?? undefined;
}

/** A target form on the page → the rule and the options it implies. */
const TARGETS: Readonly<Record<string, { rule: string; options: Record<string, unknown> }>> = {
  C2: { rule: 'C2', options: { form: 'aspecifiek' } },
  'C2-generiek': { rule: 'C2', options: { form: 'generiek' } },
  C1: { rule: 'C1', options: {} },
  C3: { rule: 'C3', options: {} },
  C4: { rule: 'C4', options: {} },
};

function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function download(file: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function findingItem(finding: Finding): HTMLLIElement {
  const item = make('li', undefined, `finding ${finding.severity === 'warning' ? 'warning' : 'error'}`);
  const head = make('span', undefined, 'finding-head');
  head.append(make('span', finding.rule, 'badge'), make('span', `${finding.severity === 'warning' ? 'waarschuwing' : 'fout'} · ${finding.path}`, 'meta'));
  const nl = make('span', finding.message.nl, 'finding-text');
  nl.lang = 'nl';
  const en = make('span', finding.message.en, 'finding-text en');
  en.lang = 'en';
  const body = make('div', undefined, 'finding-body');
  body.append(head, nl, en);
  item.append(body);
  return item;
}

/** Wires the convert view when the page has it. */
export function setupConvertView(): void {
  const messageInput = element<HTMLInputElement>('convert-message');
  const profileInput = element<HTMLInputElement>('convert-profile');
  const drop = element<HTMLElement>('convert-drop');
  const messageName = element<HTMLElement>('convert-message-name');
  const profileName = element<HTMLElement>('convert-profile-name');
  const target = element<HTMLSelectElement>('convert-rule');
  const on = element<HTMLInputElement>('convert-on');
  const code = element<HTMLInputElement>('convert-code');
  const run = element<HTMLButtonElement>('convert-run');
  const status = element<HTMLElement>('convert-status');
  const messagesList = element<HTMLUListElement>('convert-messages');
  const reportBox = element<HTMLElement>('convert-report');
  if (!messageInput || !profileInput || !drop || !messageName || !profileName || !target || !on || !code || !run || !status || !messagesList || !reportBox) return;

  let message: { name: string; text: string } | undefined;
  let profile: { name: string; text: string } | undefined;

  const setStatus = (text: string, tone: 'neutral' | 'busy' | 'accepted' | 'rejected'): void => {
    status.textContent = text;
    status.dataset.tone = tone;
  };

  const take = async (file: File): Promise<void> => {
    const text = await file.text();
    // A profile is a JSON (or sidecar) document; anything else is taken as the message.
    if (/\.json$/i.test(file.name) || text.trimStart().startsWith('{') || text.includes('urn:iwmo:extensions')) {
      profile = { name: file.name, text };
      profileName.textContent = `Profiel: ${file.name}`;
    } else {
      message = { name: file.name, text };
      messageName.textContent = `Bericht: ${file.name}`;
    }
  };

  messageInput.addEventListener('change', () => {
    const file = messageInput.files?.[0];
    if (file) void take(file);
    messageInput.value = '';
  });
  profileInput.addEventListener('change', () => {
    const file = profileInput.files?.[0];
    if (file) void take(file);
    profileInput.value = '';
  });
  // Dropped here, a file is for the conversion, not for the validator above.
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.stopPropagation();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    event.stopPropagation();
    drop.classList.remove('dragging');
    for (const file of Array.from(event.dataTransfer?.files ?? [])) void take(file);
  });

  run.addEventListener('click', () => {
    if (!message || !profile) {
      setStatus('Kies eerst een WMO301 en een profiel. / Choose a WMO301 and a profile first.', 'neutral');
      return;
    }
    const chosen = TARGETS[target.value] ?? TARGETS.C2!;
    const options: Record<string, unknown> = { ...chosen.options };
    if (on.value) options.on = on.value;
    if (code.value.trim()) options.productCode = code.value.trim();
    setStatus('Bezig met omzetten… / Converting…', 'busy');
    const request: ConvertRequest = { id: ++lastRequest, rule: chosen.rule, input: message.text, profile: profile.text, options };
    pending = message.name;
    converter().postMessage(request);
  });

  let worker: Worker | undefined;
  let lastRequest = 0;
  let pending = '';
  const converter = (): Worker => {
    if (worker) return worker;
    worker = new Worker('convert-worker.js');
    worker.onmessage = (event: MessageEvent<ConvertResponse>) => {
      const response = event.data;
      if (response.id !== lastRequest) return;
      if (!response.outcome) {
        setStatus(`De omzetting is mislukt (${response.failure ?? 'onbekende fout'}). / The conversion failed.`, 'rejected');
        return;
      }
      show(response.outcome, pending);
    };
    worker.onerror = () => setStatus('De omzetting kon niet starten. / The converter could not start.', 'rejected');
    return worker;
  };

  const show = (outcome: ConversionOutcome, source: string): void => {
    const base = source.replace(/\.xml$/i, '').replace(/[^\w.-]+/g, '-');
    messagesList.replaceChildren(
      ...outcome.messages.map((m) => {
        const item = make('li', undefined, 'convert-message');
        const button = make('button', `Download ${m.name}`, 'button');
        button.type = 'button';
        button.addEventListener('click', () => download(`${base}-${m.name}`, m.xml, 'application/xml'));
        const details = make('details');
        details.append(make('summary', `${m.name} bekijken`), make('pre', m.xml, 'convert-xml'));
        item.append(button, details);
        return item;
      }),
    );
    const parts: HTMLElement[] = [];
    if (outcome.status === 'refused') {
      setStatus(`Geweigerd (refused): ${outcome.findings.length} ${outcome.findings.length === 1 ? 'bevinding' : 'bevindingen'}; er is niets geschreven.`, 'rejected');
    } else {
      const report = outcome.report!;
      const lossy = outcome.status === 'lossy';
      setStatus(
        lossy
          ? `Omgezet met verlies (converted with losses): ${report.rule}, ${report.losses.length} ${report.losses.length === 1 ? 'verlies' : 'verliezen'}, ${outcome.messages.length} ${outcome.messages.length === 1 ? 'bericht' : 'berichten'}.`
          : `Omgezet zonder verlies (lossless): ${report.rule}, ${outcome.messages.length} ${outcome.messages.length === 1 ? 'bericht' : 'berichten'}.`,
        lossy ? 'rejected' : 'accepted',
      );
      const losses = make('ul', undefined, 'convert-losses');
      losses.setAttribute('aria-label', 'Verliezen');
      for (const loss of report.losses) {
        const item = make('li');
        const delta = loss.delta ? Object.entries(loss.delta).map(([unit, value]) => `${value} ${unit}`).join(', ') : '';
        item.append(make('span', loss.code, 'badge'), make('span', ` ${loss.detail}${delta ? ` (Δ ${delta})` : ''}`));
        losses.append(item);
      }
      parts.push(make('h4', report.lossless ? 'Geen verlies' : 'Verliezen'), losses);
      if (report.requires.length) parts.push(make('p', `Vereist: ${report.requires.join(', ')}`, 'convert-requires'));
      const actions = make('ul', undefined, 'convert-actions');
      for (const action of report.standardActions) actions.append(make('li', `${action.message} × ${action.count}: ${action.note}`));
      parts.push(make('h4', 'Berichten die volgen'), actions);
      const reportButton = make('button', 'Download report.json', 'button');
      reportButton.type = 'button';
      reportButton.addEventListener('click', () => download(`${base}-report.json`, JSON.stringify({ ...report, messages: outcome.messages.map((m) => m.name), findings: outcome.findings }, null, 2) + '\n', 'application/json'));
      parts.push(reportButton);
    }
    if (outcome.findings.length) {
      const list = make('ol', undefined, 'findings');
      list.setAttribute('aria-label', 'Bevindingen bij de omzetting');
      list.append(...outcome.findings.slice(0, 200).map(findingItem));
      parts.push(list);
    }
    reportBox.replaceChildren(...parts);
  };
}

