// badge.js — the chip on a mention: <webcare-badge> with an open shadow root
// holding a focusable button (type icon, Dutch label, priority) and a tooltip
// with the evidence, shown on hover and on keyboard focus. The tooltip's
// content is built when it is first shown after a change (a page of 200 posts
// builds 200 chips, not 200 hidden tooltips). Page text only ever
// enters through textContent. With a local history (lib/history.js) the chip
// also shows the author's persona (seed 002) and the tooltip their earlier
// mentions; in trainee mode the tooltip says what the type asks of the reply.
//
// Content scripts run in an isolated world where Chrome gives no
// customElements registry, so <webcare-badge> is an undefined custom element
// with a shadow root (allowed for valid custom element names) driven by the
// Badge class below, not a registered class.
import { BADGE_CSS } from './styles.js';
import { PERSONAS } from '../lib/history.js';
import { cueLabel, typeIcon, typeInfo } from './labels.js';

/** Trainee mode: what each mention type asks of the reply (seeds 001, 003). */
const TYPE_ADVICE = {
  angry: 'Reageer snel, begin met begrip voor het gevoel, bied een concrete oplossing en verplaats het gesprek zo nodig naar DM.',
  question: 'Geef echt antwoord: de informatie, een link of de volgende stap, en check of de vraag zo beantwoord is.',
  neutral: 'Ga het gesprek aan: stel een vervolgvraag en laat merken dat je meeleest.',
  happy: 'Bedank de klant persoonlijk; een blije klant is een kans om de band te versterken.',
};
const DATE = typeof Intl !== 'undefined' ? new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short' }) : null;

const SITE_LABEL = { x: 'X', facebook: 'Facebook', linkedin: 'LinkedIn' };
let nextId = 0;
const supportsPopover = typeof HTMLElement !== 'undefined' && 'popover' in HTMLElement.prototype;

// One constructed stylesheet per document, adopted by every badge's shadow
// root (no <style> to parse per badge); null where constructable sheets are
// missing, then each badge gets a <style>.
const sheets = new WeakMap();
function badgeSheet(doc) {
  if (sheets.has(doc)) return sheets.get(doc);
  let sheet = null;
  try {
    const Ctor = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Ctor();
    sheet.replaceSync(BADGE_CSS);
  } catch {
    sheet = null;
  }
  sheets.set(doc, sheet);
  return sheet;
}

// Type icons are built once per type and cloned (labels.js typeIcon builds
// the SVG element by element).
const icons = new Map();
function icon(type) {
  let svg = icons.get(type);
  if (!svg) icons.set(type, (svg = typeIcon(type)));
  return svg.cloneNode(true);
}

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

// The parts every badge starts with, built once and cloned: the wrap with the
// pending chip and the (empty) tooltip.
let pendingSkeleton = null;
function skeleton() {
  if (!pendingSkeleton) {
    const chip = h('button', { type: 'button', class: 'chip pending', 'aria-label': 'Webcare Lens: analyseren…' },
                   h('span', { class: 'label', text: '…' }));
    const tip = h('div', { class: 'tip', role: 'tooltip' });
    if (supportsPopover) tip.setAttribute('popover', 'manual');
    pendingSkeleton = h('span', { class: 'wrap', 'data-type': 'neutral' }, chip, tip);
  }
  return pendingSkeleton;
}

/** A quoted evidence span, sliced from the text that was classified. */
function evidenceQuote(text, ev) {
  const start = Math.max(0, ev.start | 0);
  const end = Math.min(text.length, Math.max(start, ev.end | 0));
  const span = text.slice(start, end).trim();
  return span.length > 60 ? span.slice(0, 57) + '…' : span;
}

export class Badge {
  constructor() {
    this.sig = null;       // what the chip shows (type, priority, persona, lists, hints, promise)
    this.tipSig = null;    // what the tooltip shows (JSON of the data it was built from)
    this.shown = null;     // the data of the last update(), for the tooltip
    this.tipStale = false; // the tooltip does not show this.shown yet
    this.host = document.createElement('webcare-badge');
    this.root = this.host.attachShadow({ mode: 'open' });
    const tipId = `wc-tip-${++nextId}`;
    this.wrap = skeleton().cloneNode(true);
    [this.chip, this.tip] = this.wrap.children;
    this.chip.setAttribute('aria-describedby', tipId);
    this.tip.id = tipId;
    const sheet = badgeSheet(this.host.ownerDocument);
    let adopted = false;
    if (sheet) {
      try {
        this.root.adoptedStyleSheets = [sheet];
        adopted = true;
      } catch {
        /* fall back to a <style> below */
      }
    }
    this.root.append(...(adopted ? [] : [h('style', { text: BADGE_CSS })]), this.wrap);

    const show = () => this.showTip();
    const hide = () => this.hideTip();
    this.chip.addEventListener('mouseenter', show);
    this.chip.addEventListener('focus', show);
    this.chip.addEventListener('mouseleave', () => {
      if (this.root.activeElement !== this.chip) hide();
    });
    this.chip.addEventListener('blur', hide);
    this.chip.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') hide();
    });
    // The chip lives inside links on some sites: never let a click navigate.
    this.chip.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (this.tipOpen) hide();
      else show();
    });
  }

  /** Back to the "…" look (a recycled container now shows another post, its result is not there yet). */
  pending() {
    if (this.shown === null) return;
    this.sig = null;
    this.tipSig = null;
    this.shown = null;
    this.tipStale = false;
    this.type = null;
    this.priority = null;
    for (const k of ['data-type', 'data-priority', 'data-persona', 'data-lists', 'data-hints', 'data-promise']) {
      this.host.removeAttribute(k);
    }
    this.wrap.setAttribute('data-type', 'neutral');
    this.chip.className = 'chip pending';
    this.chip.replaceChildren(h('span', { class: 'label', text: '…' }));
    this.chip.setAttribute('aria-label', 'Webcare Lens: analyseren…');
    this.hideTip();
    this.tip.replaceChildren();
  }

  /** result: the engine's classify result; text: the classified text;
   * history: {persona, count, earlier[]} from lib/history.js or null; trainee: bool.
   * Redraws the chip only when what it shows changed (a rescan or a customer
   * refresh after our own write brings the same data again); the tooltip is
   * rebuilt when it is next shown, or at once if it is open. */
  update({ result, text, error, history = null, trainee = false, customer = null }) {
    this.shown = { result, text, error, history, trainee, customer };
    this.tipStale = true;
    const type = error ? 'error' : result.type;
    const priority = error ? null : Math.round(result.priority ?? 0);
    const personaId = !error && history?.persona && PERSONAS[history.persona] ? history.persona : null;
    const c = error ? null : customer;
    const lists = c?.lists?.map((l) => l.id).join(' ') || null;
    const listName = c?.lists?.length ? c.lists[0].name : null;
    const hints = c?.hints?.map((x) => x.id).join(' ') || null;
    const promise = c?.promises?.length ? (c.promises.some((p) => p.state === 'overdue') ? 'overdue' : 'open') : null;
    const sig = [type, priority, personaId, lists, listName, hints, promise, error ? String(error.message) : ''].join('\u0001');
    if (sig !== this.sig) {
      this.sig = sig;
      this.drawChip({ type, priority, personaId, listName, error });
      const set = (k, v) => (v ? this.host.setAttribute(k, v) : this.host.removeAttribute(k));
      set('data-lists', lists);
      set('data-hints', hints);
      set('data-promise', promise);
    }
    if (this.tipOpen) this.renderTipContent();
  }

  drawChip({ type, priority, personaId, listName, error }) {
    const info = typeInfo(type);
    const persona = personaId ? PERSONAS[personaId] : null;
    this.type = type;
    this.priority = priority;
    this.host.setAttribute('data-type', type);
    if (priority === null) this.host.removeAttribute('data-priority');
    else this.host.setAttribute('data-priority', String(priority));
    this.wrap.setAttribute('data-type', type);
    this.chip.className = 'chip';
    if (persona) this.host.setAttribute('data-persona', personaId);
    else this.host.removeAttribute('data-persona');
    this.chip.replaceChildren(...[icon(type), h('span', { class: 'label', text: info.label }),
                              priority === null ? null : h('span', { class: 'prio', text: String(priority) }),
                              persona ? h('span', { class: 'persona', 'data-persona': personaId, text: persona.label }) : null,
                              listName ? h('span', { class: 'lists', text: listName }) : null]
      .filter(Boolean));
    this.chip.setAttribute('aria-label', error
      ? `Webcare Lens: niet geanalyseerd (${error.message})`
      : `Webcare Lens: ${info.long}, prioriteit ${priority}${persona ? `, ${persona.long}` : ''}`);
  }

  /** Builds the tooltip for the data of the last update(), if that differs from what it shows. */
  renderTipContent() {
    if (!this.tipStale || !this.shown) return;
    this.tipStale = false;
    const { result, text, error, history, trainee, customer } = this.shown;
    let sig = null;
    try {
      sig = JSON.stringify([this.sig, result, text, error, history, trainee, customer]);
    } catch {
      sig = null;
    }
    if (sig !== null && sig === this.tipSig) return;
    this.tipSig = sig;
    const info = typeInfo(this.type);
    const persona = !error && history?.persona ? PERSONAS[history.persona] : null;
    this.renderTip({ result, text, error, info, priority: this.priority });
    if (!error) this.renderHistory(history, persona, trainee);
    this.renderCustomer(error ? null : customer);
  }

  /**
   * Customer memory (issue 12, lib/customers.js customerView + hints): lists, last contact,
   * the timeline across linked accounts and sites (mentions and our replies), open promises
   * and reply hints (tooltip part; update() sets the host attributes data-lists, data-hints,
   * data-promise for tools and tests).
   */
  renderCustomer(c) {
    if (!c || (!c.timeline.length && !c.lists.length && !c.hints.length)) return;
    const fmt = (ts) => (DATE ? DATE.format(new Date(ts)) : new Date(ts).toISOString().slice(0, 10));
    const box = h('div', { class: 'cust' });
    if (c.lists.length) box.append(h('div', { class: 'tags', 'aria-label': 'Lijsten' }, ...c.lists.map((l) => h('span', { class: 'tag', text: l.name }))));
    if (c.lastContact) {
      box.append(h('p', { class: 'last', text: `Laatste contact: ${fmt(c.lastContact.ts)} via ${SITE_LABEL[c.lastContact.site] ?? c.lastContact.site}`
        + (c.lastContact.kind === 'reply' ? ' (ons antwoord)' : '') }));
    }
    const items = c.timeline.slice(0, 6);
    if (items.length) {
      box.append(h('ol', { class: 'timeline', 'aria-label': 'Tijdlijn van deze klant' }, ...items.map((e) => h('li', {
        'data-kind': e.kind, 'data-site': e.site, 'data-type': e.kind === 'mention' ? e.type : null },
      e.kind === 'mention' ? icon(e.type) : null,
      h('span', { class: 'lbl', text: e.kind === 'mention' ? typeInfo(e.type).label : (e.promise && !e.promise.done ? 'Ons antwoord · belofte' : 'Ons antwoord') }),
      h('span', { class: 'site', text: SITE_LABEL[e.site] ?? e.site }),
      h('span', { class: 'when', text: fmt(e.ts) })))));
    }
    if (c.hints.length) {
      box.append(h('ul', { class: 'hints', 'aria-label': 'Tips voor je antwoord' }, ...c.hints.slice(0, 4).map((x) => h('li', {
        'data-hint': x.id, 'data-state': x.state ?? null }, h('strong', { text: x.title }), h('span', { text: x.text }),
      x.earlier ? h('q', { text: x.earlier.text.length > 160 ? x.earlier.text.slice(0, 159) + '…' : x.earlier.text }) : null))));
    }
    this.tip.append(box);
  }

  /** Persona, earlier mentions of this author and (trainee mode) advice, under the evidence. */
  renderHistory(history, persona, trainee) {
    if (trainee && TYPE_ADVICE[this.type]) this.tip.append(h('p', { class: 'advice', text: TYPE_ADVICE[this.type] }));
    if (!persona) return;
    const box = h('div', { class: 'hist' }, h('p', { class: 'who' }, h('span', { class: 'persona', 'data-persona': history.persona, text: persona.label }),
      h('span', { text: history.count > 1 ? ` ${history.count} berichten van deze klant` : ' eerste bericht van deze klant' })));
    if (trainee) box.append(h('p', { class: 'advice', text: persona.tip }));
    const earlier = (history.earlier ?? []).slice(0, 5);
    if (earlier.length) {
      box.append(h('ol', { class: 'earlier', 'aria-label': 'Eerdere berichten' }, ...earlier.map((m) => h('li', { 'data-type': m.type },
        icon(m.type), h('span', { class: 'lbl', text: typeInfo(m.type).label }),
        h('span', { class: 'when', text: DATE ? DATE.format(new Date(m.ts)) : new Date(m.ts).toISOString().slice(0, 10) })))));
    }
    this.tip.append(box);
  }

  renderTip({ result, text, error, info, priority }) {
    const title = h('h3', {}, icon(this.type), h('span', { text: info.long }));
    if (error) {
      this.tip.replaceChildren(title, h('p', { class: 'meta', text: error.message }),
                               h('p', { class: 'none', text: 'De analyse wordt opnieuw geprobeerd.' }));
      return;
    }
    const flags = [`prioriteit ${priority}`];
    if (typeof result.confidence === 'number') flags.push(`zekerheid ${Math.round(result.confidence * 100)}%`);
    if (result.sarcasm) flags.push('sarcasme');
    if (result.profanity) flags.push('grof taalgebruik');
    const evidence = (Array.isArray(result.evidence) ? result.evidence : []).slice(0, 8);
    const list = evidence.length
      ? h('ul', {}, ...evidence.map((ev) => h('li', {},
          h('span', { class: 'cue', text: cueLabel(ev.cue) }),
          h('q', { text: evidenceQuote(text, ev) }))))
      : h('p', { class: 'none', text: 'Geen opvallende signalen in de tekst.' });
    this.tip.replaceChildren(title, h('p', { class: 'meta', text: flags.join(' · ') }), list);
  }

  get tipOpen() {
    return this.tip.classList.contains('open');
  }

  showTip() {
    if (!this.host.isConnected) return;
    this.renderTipContent();
    this.tip.classList.add('open');
    if (supportsPopover && !this.tip.matches(':popover-open')) {
      try {
        this.tip.showPopover();
      } catch {
        /* not in the document any more */
      }
    }
    const r = this.chip.getBoundingClientRect();
    const w = this.tip.offsetWidth;
    const hgt = this.tip.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const left = Math.max(8, Math.min(r.left, vw - w - 8));
    const below = r.bottom + 8;
    const top = below + hgt > vh - 8 && r.top - hgt - 8 > 8 ? r.top - hgt - 8 : below;
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
  }

  hideTip() {
    this.tip.classList.remove('open');
    if (supportsPopover && this.tip.matches(':popover-open')) this.tip.hidePopover();
  }

  focus() {
    this.chip.focus({ preventScroll: true });
  }
}
