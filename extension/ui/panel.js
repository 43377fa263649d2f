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
const rowSignature = (e) => `${e.key}|${e.type}|${e.priority}|${e.visible}|${e.author}|${e.text?.length}`;

/** Rows in the DOM at most; the rest is summed up in a "+N meer" line. */
export const MAX_ROWS = 100;

export class Panel {
  constructor({ open = false, maxRows = MAX_ROWS } = {}) {
    this.host = document.createElement('webcare-panel');
    this.root = this.host.attachShadow({ mode: 'open' });
    this.entries = [];
    this.maxRows = maxRows;
    this.rows = new Map(); // post key -> row elements and what they show
    this.list = h('ol');
    this.moreLine = h('p', { class: 'empty more' });
    this.emptyLine = h('p', { class: 'empty' });
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

  /** entries: [{key, type, priority, author, text, visible, reveal(), lists?:[ids]}]
   * Keyed: a row element is kept per post key and only its changed parts are
   * written; only the first MAX_ROWS rows (angry > question > neutral > happy,
   * then priority) are in the DOM, the rest is counted in a "+N meer" line. */
  update(entries) {
    this.all = entries;
    const shown = this.filter ? entries.filter((e) => (e.lists ?? []).includes(this.filter)) : entries;
    const sorted = [...shown].sort(compareMentions);
    const top = sorted.length > this.maxRows ? sorted.slice(0, this.maxRows) : sorted;
    const counts = {};
    for (const e of sorted) counts[e.type] = (counts[e.type] ?? 0) + 1;
    const signature = `${this.filter}|${sorted.length}|${counts.angry ?? 0}|${counts.question ?? 0}\n`
      + top.map(rowSignature).join('\n');
    this.entries = sorted;
    // Rows keep the latest entry (its reveal() closes over the current element).
    for (const e of top) {
      const row = this.rows.get(e.key);
      if (row) row.entry = e;
    }
    if (signature === this.signature) return;
    this.signature = signature;

    const countSig = `${counts.angry ?? 0}|${counts.question ?? 0}`;
    if (countSig !== this.countSig) {
      this.countSig = countSig;
      this.counts.replaceChildren(...['angry', 'question'].filter((t) => counts[t])
        .map((t) => h('span', { class: 'count', 'data-type': t, title: typeInfo(t).long },
                      typeIcon(t), h('span', { text: String(counts[t]) }))));
    }
    this.host.setAttribute('data-count', String(sorted.length));
    this.head.setAttribute('aria-label',
      `Webcare: ${sorted.length} vermeldingen, ${counts.angry ?? 0} boos, ${counts.question ?? 0} vragen`);

    if (!sorted.length) {
      for (const row of this.rows.values()) row.li.remove();
      this.rows.clear();
      this.emptyLine.textContent = this.filter
        ? 'Geen vermeldingen van klanten op deze lijst.' : 'Nog geen vermeldingen op deze pagina.';
      this.showBody(this.emptyLine);
      return;
    }
    const keep = new Set(top.map((e) => e.key));
    for (const [key, row] of this.rows) {
      if (keep.has(key)) continue;
      row.li.remove();
      this.rows.delete(key);
    }
    // Rows in order: an element already in its place is not touched.
    let at = this.list.firstElementChild;
    for (const e of top) {
      let row = this.rows.get(e.key);
      if (!row) {
        row = this.makeRow(e);
        this.rows.set(e.key, row);
      } else {
        this.fillRow(row, e);
      }
      if (row.li === at) at = at.nextElementSibling;
      else this.list.insertBefore(row.li, at);
    }
    const more = sorted.length - top.length;
    this.moreLine.hidden = more === 0;
    if (more) this.moreLine.textContent = `+${more} meer`;
    this.showBody(this.list);
  }

  showBody(content) {
    const want = content === this.list ? [this.filterRow, this.list, this.moreLine] : [this.filterRow, content];
    const have = this.body.children;
    if (have.length === want.length && want.every((el, i) => have[i] === el)) return;
    this.body.replaceChildren(...want);
  }

  makeRow(e) {
    const row = { entry: e, sig: null };
    row.dot = h('span', { class: 'dot' });
    row.label = h('span', { class: 'type' });
    row.author = h('span');
    row.prio = h('span', { class: 'prio' });
    row.what = h('span', { class: 'what' });
    row.item = h('button', { type: 'button', class: 'item', 'data-key': e.key },
      row.dot, h('span', { class: 'who' }, row.label, row.author), row.prio, row.what);
    row.item.addEventListener('click', () => row.entry.reveal());
    row.li = h('li', {}, row.item);
    this.fillRow(row, e);
    return row;
  }

  fillRow(row, e) {
    row.entry = e;
    if (row.type !== e.type) {
      row.type = e.type;
      row.item.setAttribute('data-type', e.type);
      row.dot.replaceChildren(typeIcon(e.type));
      row.label.textContent = typeInfo(e.type).label;
    }
    const visible = String(Boolean(e.visible));
    if (row.visible !== visible) row.item.setAttribute('data-visible', row.visible = visible);
    const author = e.author ?? 'Onbekend';
    if (row.authorText !== author) row.author.textContent = row.authorText = author;
    const prio = e.priority === null || e.priority === undefined ? '' : String(e.priority);
    if (row.prioText !== prio) row.prio.textContent = row.prioText = prio;
    if (row.text !== e.text) {
      row.text = e.text;
      row.what.textContent = snippet(e.text ?? '');
    }
  }
}
