// panel.js — <webcare-panel>: a collapsible card listing the mentions on the
// page, angry and question first, then by priority. Clicking an entry scrolls
// the post into view and focuses its badge. Like the badge, an undefined
// custom element with an open shadow root (no customElements in content
// scripts); page text enters via textContent only.
import { PANEL_CSS } from './styles.js';
import { compareMentions, typeIcon, typeInfo } from './labels.js';

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

function chevron() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', 'chev');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', 'M4 10l4-4 4 4');
  p.setAttribute('fill', 'none');
  p.setAttribute('stroke', 'currentColor');
  p.setAttribute('stroke-width', '1.6');
  p.setAttribute('stroke-linecap', 'round');
  svg.append(p);
  return svg;
}

const snippet = (text) => (text.length > 140 ? text.slice(0, 137) + '…' : text);

export class Panel {
  constructor({ open = false } = {}) {
    this.host = document.createElement('webcare-panel');
    this.root = this.host.attachShadow({ mode: 'open' });
    this.entries = [];
    this.card = h('section', { class: 'card', 'data-open': String(open), 'aria-label': 'Webcare Lens' });
    this.head = h('button', { type: 'button', class: 'head', 'aria-expanded': String(open) });
    this.counts = h('span', { class: 'counts' });
    this.head.append(h('span', { class: 'logo', text: 'W', 'aria-hidden': 'true' }),
                     h('span', { class: 'title', text: 'Webcare' }), this.counts, chevron());
    this.body = h('div', { class: 'body', id: 'wc-panel-body' });
    // List filter (issue 12): customers on a list (VIP, journalisten, …) only.
    this.filter = '';
    this.lists = [];
    this.filterSelect = h('select', { 'aria-label': 'Toon klanten van lijst' });
    this.filterSelect.addEventListener('change', () => {
      this.filter = this.filterSelect.value;
      this.host.setAttribute('data-filter', this.filter);
      this.signature = null;
      this.update(this.all ?? []);
    });
    this.filterRow = h('label', { class: 'filter' }, h('span', { text: 'Lijst' }), this.filterSelect);
    this.filterRow.hidden = true;
    this.head.setAttribute('aria-controls', 'wc-panel-body');
    this.statusLine = h('p', { class: 'status', role: 'status' });
    this.statusLine.hidden = true;
    this.card.append(this.head, this.body, this.statusLine);
    this.root.append(h('style', { text: PANEL_CSS }), this.card);
    this.head.addEventListener('click', () => this.setOpen(this.card.dataset.open !== 'true'));
  }

  get open() {
    return this.card.dataset.open === 'true';
  }

  setOpen(open) {
    this.card.dataset.open = String(open);
    this.head.setAttribute('aria-expanded', String(open));
    this.host.setAttribute('data-open', String(open));
  }

  /** Re-attach to the page when a site wiped it (SPA renders). */
  attach() {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  /** Shows an engine problem under the list (null clears it). */
  setStatus(message) {
    this.statusLine.hidden = !message;
    this.statusLine.textContent = message ?? '';
  }

  /** The customer lists to filter on: [{id, name}] (customers.js). */
  setLists(lists) {
    const sig = JSON.stringify(lists);
    if (sig === this.listsSig) return;
    this.listsSig = sig;
    this.lists = lists;
    if (this.filter && !lists.some((l) => l.id === this.filter)) this.filter = '';
    this.filterSelect.replaceChildren(h('option', { value: '', text: 'Alle klanten' }),
      ...lists.map((l) => h('option', { value: l.id, text: l.name })));
    this.filterSelect.value = this.filter;
    this.filterRow.hidden = lists.length === 0;
    this.signature = null;
  }

  /** entries: [{key, type, priority, author, text, visible, reveal(), lists?:[ids]}] */
  update(entries) {
    this.all = entries;
    const shown = this.filter ? entries.filter((e) => (e.lists ?? []).includes(this.filter)) : entries;
    const sorted = [...shown].sort(compareMentions);
    const signature = `${this.filter}\n` + sorted.map((e) => `${e.key}|${e.type}|${e.priority}|${e.visible}`).join('\n');
    if (signature === this.signature) return;
    this.signature = signature;
    this.entries = sorted;

    const counts = {};
    for (const e of sorted) counts[e.type] = (counts[e.type] ?? 0) + 1;
    this.counts.replaceChildren(...['angry', 'question'].filter((t) => counts[t])
      .map((t) => h('span', { class: 'count', 'data-type': t, title: typeInfo(t).long },
                    typeIcon(t), h('span', { text: String(counts[t]) }))));
    this.host.setAttribute('data-count', String(sorted.length));
    this.head.setAttribute('aria-label',
      `Webcare: ${sorted.length} vermeldingen, ${counts.angry ?? 0} boos, ${counts.question ?? 0} vragen`);

    if (!sorted.length) {
      this.body.replaceChildren(this.filterRow, h('p', { class: 'empty', text: this.filter
        ? 'Geen vermeldingen van klanten op deze lijst.' : 'Nog geen vermeldingen op deze pagina.' }));
      return;
    }
    const list = h('ol');
    for (const e of sorted) {
      const info = typeInfo(e.type);
      const item = h('button', { type: 'button', class: 'item', 'data-type': e.type, 'data-key': e.key,
                                 'data-visible': String(Boolean(e.visible)) },
        h('span', { class: 'dot' }, typeIcon(e.type)),
        h('span', { class: 'who' }, h('span', { class: 'type', text: info.label }),
          h('span', { text: e.author ?? 'Onbekend' })),
        h('span', { class: 'prio', text: e.priority === null ? '' : String(e.priority) }),
        h('span', { class: 'what', text: snippet(e.text) }));
      item.addEventListener('click', () => e.reveal());
      list.append(h('li', {}, item));
    }
    this.body.replaceChildren(this.filterRow, list);
  }
}
