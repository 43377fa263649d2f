// lint-card.js — <webcare-lint-card>: the side card next to the composer the
// agent is working in. Shows the mention being answered, the score, the
// platform length (red past the limit), the findings with the Dutch message
// and reason and one-click suggestions, the 9-step checklist (seed 003) and
// the pre-post gate notice. Like the badge, an undefined custom element with
// an open shadow root (content scripts have no customElements registry);
// page text only ever enters through textContent. Buttons keep the editor's
// focus and selection (mousedown is cancelled), and are all reachable by
// keyboard.
import { CARD_CSS, TOAST_CSS } from './lint-styles.js';
import { typeInfo } from './labels.js';

export const RULE_LABELS = Object.freeze({
  greeting: 'Aanhef', thanks: 'Bedanken', 'apology-excess': 'Te veel sorry', 'empathy-first': 'Eerst begrip',
  'answer-question': 'Beantwoord de vraag', 'follow-up-question': 'Vraag door', 'sign-off': 'Afsluiting',
  condescending: 'Betuttelend', 'empty-promise': 'Lege belofte', denial: 'Ontkennen', justification: 'Goedpraten',
  'blame-customer': 'Schuld bij de klant', shouting: 'Schreeuwen', 'emoji-tone': 'Emoji en toon', jargon: 'Jargon',
  'register-mix': 'U en je door elkaar', profanity: 'Grof taalgebruik', privacy: 'Privacy', length: 'Te lang',
});
const SEVERITY_LABELS = { error: 'fout', warning: 'let op', info: 'tip' };
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

export const ruleLabel = (id) => RULE_LABELS[id] ?? id;

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else if (v !== null && v !== undefined) el.setAttribute(k, v);
  }
  el.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

function svg(d, size = 16) {
  const ns = 'http://www.w3.org/2000/svg';
  const s = document.createElementNS(ns, 'svg');
  s.setAttribute('viewBox', '0 0 16 16');
  s.setAttribute('width', String(size));
  s.setAttribute('height', String(size));
  s.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', d);
  p.setAttribute('fill', 'none');
  p.setAttribute('stroke', 'currentColor');
  p.setAttribute('stroke-width', '1.7');
  p.setAttribute('stroke-linecap', 'round');
  p.setAttribute('stroke-linejoin', 'round');
  s.append(p);
  return s;
}

const ICON = { collapse: 'M4 10l4-4 4 4', expand: 'M4 6l4 4 4-4', check: 'M3.5 8.5l3 3 6-7', chev: 'M6 4l4 4-4 4' };
const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
/** Keeps focus and the editor's selection where they are when a card button is pressed. */
const keepFocus = (el) => el.addEventListener('mousedown', (e) => e.preventDefault());

/** Findings sorted by severity, then position. */
export function sortFindings(findings) {
  return [...findings].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3)
    || a.start - b.start);
}

export class LintCard {
  /**
   * handlers: onApply(finding, suggestion), onHover(finding|null), onOverride(), onDismissGate()
   */
  constructor(handlers = {}) {
    this.handlers = handlers;
    this.host = document.createElement('webcare-lint-card');
    this.host.hidden = true;
    this.root = this.host.attachShadow({ mode: 'open' });
    this.collapsed = false;
    this.trainee = false;
    this.checklistOpen = false;
    this.card = h('section', { class: 'card', role: 'complementary', 'aria-keyshortcuts': 'Alt+Shift+L',
                               'aria-label': 'Webcare Lens: antwoordcheck (Alt+Shift+L vanuit het antwoordveld, Esc terug)',
                               'data-collapsed': 'false' });
    this.scoreEl = h('div', { class: 'score', 'data-level': 'none', role: 'img' }, h('span', { text: '–' }));
    this.ctx = h('p', { class: 'ctx' });
    this.toggle = h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Kaart inklappen',
                                'aria-expanded': 'true' }, svg(ICON.collapse));
    keepFocus(this.toggle);
    this.toggle.addEventListener('click', () => this.setCollapsed(!this.collapsed));
    const header = h('header', {}, h('span', { class: 'logo', text: 'W', 'aria-hidden': 'true' }),
      h('div', { class: 'titles' }, h('h2', { text: 'Antwoordcheck' }), this.ctx), this.scoreEl, this.toggle);
    this.barFill = h('i');
    this.count = h('span', { class: 'count' });
    this.meter = h('div', { class: 'meter', 'data-state': 'ok' }, h('div', { class: 'bar', 'aria-hidden': 'true' },
      this.barFill), this.count);
    this.gate = h('div', { class: 'gate', role: 'alert' });
    this.gate.hidden = true;
    this.live = h('p', { class: 'sr', role: 'status', 'aria-live': 'polite' });
    this.body = h('div', { class: 'body' });
    // Reply hints from the customer memory (issue 12), between the gate and the findings.
    this.hints = h('ul', { class: 'hints', 'aria-label': 'Tips voor deze klant' });
    this.hints.hidden = true;
    this.card.append(header, this.meter, this.gate, this.hints, this.body, this.live);
    this.root.append(h('style', { text: CARD_CSS }), this.card);
  }

  attach() {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  show() {
    this.attach();
    this.host.hidden = false;
  }

  hide() {
    this.host.hidden = true;
  }

  get visible() {
    return this.host.isConnected && !this.host.hidden;
  }

  setCollapsed(collapsed) {
    this.collapsed = collapsed;
    this.card.dataset.collapsed = String(collapsed);
    this.toggle.setAttribute('aria-expanded', String(!collapsed));
    this.toggle.setAttribute('aria-label', collapsed ? 'Kaart uitklappen' : 'Kaart inklappen');
    this.toggle.replaceChildren(svg(collapsed ? ICON.expand : ICON.collapse));
  }

  /** Moves focus into the card (gate button, else first suggestion, else the first button); false when hidden. */
  focusFirst() {
    if (!this.visible) return false;
    if (this.collapsed) this.setCollapsed(false);
    const target = ['.gate:not([hidden]) button', 'button[data-action="apply"]', 'summary', 'button']
      .map((sel) => this.root.querySelector(sel)).find(Boolean);
    target?.focus();
    return Boolean(target);
  }

  /** Places the card beside `rect` (the composer), else below or above it, inside the viewport. */
  position(rect) {
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const w = this.card.offsetWidth || 328;
    const hgt = this.card.offsetHeight || 200;
    const gap = 12;
    let left;
    let top;
    if (rect.right + gap + w <= vw - 8) {
      left = rect.right + gap;
      top = rect.top;
    } else if (rect.left - gap - w >= 8) {
      left = rect.left - gap - w;
      top = rect.top;
    } else {
      left = Math.min(Math.max(8, rect.right - w), vw - w - 8);
      top = rect.bottom + gap + hgt <= vh - 8 ? rect.bottom + gap : rect.top - gap - hgt;
    }
    // Keep clear of the priority panel docked bottom-right (<webcare-panel>).
    const panel = document.querySelector('webcare-panel');
    const pr = panel?.getBoundingClientRect();
    const bottom = pr && pr.height > 0 && left + w > pr.left ? pr.top - 8 : vh - 8;
    // Beside the composer, as tall as fits; moved up only when less than ~300 px remain.
    const minH = Math.min(hgt, 300);
    top = Math.max(8, top);
    if (bottom - top < minH) top = Math.max(8, bottom - minH);
    this.card.style.maxHeight = `${Math.max(120, Math.min(560, bottom - top))}px`;
    this.host.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  /**
   * state: {text, result|null, error|null, platform, mention:{type, author}|null, trainee}
   */
  render(state) {
    const { result, error, mention } = state;
    if (state.trainee !== undefined && state.trainee !== this.trainee) {
      this.trainee = state.trainee;
      this.checklistOpen = this.trainee;
    }
    this.renderContext(mention, state.brand ?? null);
    this.renderHints(state.hints ?? []);
    this.renderScore(result);
    this.renderLength(result, state.text);
    if (error || !result) this.shownResult = null;
    if (error) {
      this.body.replaceChildren(h('p', { class: 'status', text: `Check niet beschikbaar: ${error.message ?? error.code}` }));
      return;
    }
    if (!result) {
      this.body.replaceChildren(h('p', { class: 'status', text: state.text ? 'Bezig met controleren…' : 'Typ je antwoord; de check loopt mee.' }));
      return;
    }
    // Same answer as on screen: keep the DOM (and the keyboard focus in it).
    if (this.shownResult === result && this.shownTrainee === this.trainee && this.body.firstChild) return;
    this.shownResult = result;
    this.shownTrainee = this.trainee;
    const focusKey = this.focusKey();
    const findings = sortFindings(result.findings ?? []);
    const parts = [];
    if (findings.length) {
      parts.push(h('ol', { class: 'findings', 'aria-label': 'Opmerkingen' },
                   ...findings.map((f) => this.renderFinding(f, state.text))));
    } else {
      parts.push(h('p', { class: 'clean' }, svg(ICON.check), h('span', { text: 'Geen opmerkingen: klaar om te plaatsen.' })));
    }
    parts.push(this.renderChecklist(result.checklist ?? []));
    this.body.replaceChildren(...parts);
    if (focusKey) this.restoreFocus(focusKey);
    const errors = findings.filter((f) => f.severity === 'error').length;
    this.live.textContent = `Score ${Math.round(result.score ?? 0)}, ${findings.length} opmerkingen, ${errors} fouten`;
  }

  /** Where keyboard focus is inside the findings: "rule|action|n", or null. */
  focusKey() {
    const el = this.root.activeElement;
    if (!el || !this.body.contains(el)) return null;
    const finding = el.closest('.finding');
    const buttons = finding ? [...finding.querySelectorAll('button')] : [];
    return `${finding?.dataset.rule ?? ''}|${el.dataset.action ?? el.localName}|${buttons.indexOf(el)}`;
  }

  restoreFocus(key) {
    const [rule, , n] = key.split('|');
    const finding = rule ? this.body.querySelector(`.finding[data-rule="${CSS.escape(rule)}"]`) : null;
    const target = finding?.querySelectorAll('button')[Number(n)] ?? finding?.querySelector('button')
      ?? this.body.querySelector('button[data-action="apply"], summary');
    target?.focus({ preventScroll: true });
  }

  /** brand: the active brand profile's name (issue 12), or null for the default profile. */
  renderContext(mention, brand = null) {
    if (brand) this.host.setAttribute('data-brand', brand);
    else this.host.removeAttribute('data-brand');
    const as = brand ? h('span', { class: 'brand', text: ` · als ${clip(brand, 24)}` }) : null;
    if (!mention) {
      this.ctx.replaceChildren(h('span', { text: 'Antwoord (geen vermelding gevonden)' }), as);
      return;
    }
    const parts = [h('span', { text: 'Antwoord op ' })];
    if (mention.type) parts.push(h('span', { class: 'type', 'data-type': mention.type, text: typeInfo(mention.type).long.toLowerCase() }));
    else parts.push(h('span', { text: 'vermelding' }));
    if (mention.author) parts.push(h('span', { text: ` · ${clip(mention.author, 28)}` }));
    if (as) parts.push(as);
    this.ctx.replaceChildren(...parts);
    this.ctx.title = mention.text ?? '';
  }

  /** hints: [{id, title, text, example?, earlier?:{ts, text}, state?}] (customers.js replyHints). */
  renderHints(hints) {
    const sig = JSON.stringify(hints.map((x) => [x.id, x.text, x.earlier?.ts, x.state]));
    if (sig === this.hintsSig) return;
    this.hintsSig = sig;
    this.host.setAttribute('data-hints', hints.map((x) => x.id).join(' '));
    this.hints.hidden = hints.length === 0;
    const date = (ts) => new Date(ts).toLocaleDateString('nl-NL', { day: 'numeric', month: 'short' });
    this.hints.replaceChildren(...hints.slice(0, 4).map((x) => h('li', { class: 'hint', 'data-hint': x.id, 'data-state': x.state ?? null },
      h('strong', { text: x.title }), h('p', { text: x.text }),
      x.earlier ? h('blockquote', { text: clip(x.earlier.text, 280) }) : null,
      x.earlier ? h('span', { class: 'when', text: `Ons antwoord van ${date(x.earlier.ts)}` }) : null,
      x.example ? h('blockquote', { class: 'example', text: x.example }) : null)));
  }

  renderScore(result) {
    const score = result && typeof result.score === 'number' ? Math.round(result.score) : null;
    const level = score === null ? 'none' : score >= 80 ? 'good' : score >= 55 ? 'ok' : 'bad';
    this.scoreEl.dataset.level = level;
    this.scoreEl.style.setProperty('--p', String(score ?? 0));
    this.scoreEl.firstChild.textContent = score === null ? '–' : String(score);
    this.scoreEl.setAttribute('aria-label', score === null ? 'Nog geen score' : `Score ${score} van 100`);
  }

  renderLength(result, text) {
    const len = result?.length;
    if (!len) {
      this.meter.hidden = !text;
      return;
    }
    this.meter.hidden = false;
    const { used, limit } = len;
    const state = used > limit ? 'over' : used > limit * 0.9 ? 'near' : 'ok';
    this.meter.dataset.state = state;
    this.barFill.style.width = `${Math.min(100, (used / Math.max(1, limit)) * 100)}%`;
    this.count.textContent = used > limit ? `${used} / ${limit} · ${used - limit} te veel` : `${used} / ${limit}`;
    this.count.setAttribute('aria-label', `${used} van ${limit} tekens`);
  }

  renderFinding(f, text) {
    const quote = text.slice(f.start, f.end).trim();
    const li = h('li', { class: 'finding', 'data-severity': f.severity, 'data-rule': f.rule },
      h('div', { class: 'row' },
        h('span', { class: 'label', text: ruleLabel(f.rule) }),
        h('span', { class: 'sev', text: SEVERITY_LABELS[f.severity] ?? f.severity })),
      quote ? h('span', { class: 'quote', text: `“${clip(quote, 60)}”`, title: quote }) : null,
      f.message ? h('p', { class: 'msg', text: f.message }) : null);
    if (f.why) {
      // Trainee mode explains every finding; otherwise the reason is one click away.
      if (this.trainee) li.append(h('p', { class: 'why', text: f.why }));
      else li.append(h('details', { class: 'why-toggle' }, h('summary', { text: 'Waarom?' }), h('p', { class: 'why', text: f.why })));
    }
    const suggs = Array.isArray(f.suggestions) ? f.suggestions : [];
    const replaces = suggs.filter((s) => s?.kind === 'replace' && typeof s.text === 'string').slice(0, 3);
    const advice = suggs.filter((s) => typeof s === 'string' || (s?.kind !== 'replace' && typeof s?.text === 'string'));
    if (replaces.length) {
      li.append(h('div', { class: 'suggs' }, ...replaces.map((s) => {
        const label = s.text.trim() === '' ? 'Verwijder' : f.start === f.end ? 'Voeg in' : 'Vervang door';
        const btn = h('button', { type: 'button', class: 'apply', 'data-action': 'apply',
                                  'aria-label': `${label}: ${s.text || quote}` },
          h('span', { class: 'arrow', text: `${label}${s.text.trim() ? ':' : ''}` }),
          s.text.trim() ? h('span', { text: clip(s.text.trim(), 80) }) : h('s', { text: clip(quote, 40) }));
        keepFocus(btn);
        btn.addEventListener('click', () => this.handlers.onApply?.(f, s));
        return btn;
      })));
    }
    for (const a of advice.slice(0, 2)) li.append(h('p', { class: 'advice', text: typeof a === 'string' ? a : a.text }));
    li.addEventListener('mouseenter', () => this.handlers.onHover?.(f));
    li.addEventListener('mouseleave', () => this.handlers.onHover?.(null));
    li.addEventListener('focusin', () => this.handlers.onHover?.(f));
    li.addEventListener('focusout', () => this.handlers.onHover?.(null));
    return li;
  }

  renderChecklist(checklist) {
    const applicable = checklist.filter((s) => s.done !== null);
    const done = applicable.filter((s) => s.done === true).length;
    const details = h('details', { class: 'checklist' },
      h('summary', {}, svg(ICON.chev, 14), h('span', { text: '9 stappen' }),
        h('span', { class: 'done-count', text: `${done} / ${applicable.length}` })),
      h('ol', { class: 'steps' }, ...checklist.map((s, i) => h('li', {
        class: 'step', 'data-done': s.done === null ? 'na' : String(Boolean(s.done)),
        title: s.done === null ? 'Niet van toepassing op deze vermelding' : '' },
      h('span', { class: 'mark', text: s.done === true ? '✓' : String(i + 1) }),
      h('span', { class: 'name', text: String(s.step) })))));
    details.open = this.checklistOpen;
    details.addEventListener('toggle', () => {
      this.checklistOpen = details.open;
    });
    return details;
  }

  /**
   * gate: null (hide) or {kind: 'warn'|'block'|'skipped', title, text, override: bool}
   */
  setGate(gate) {
    if (!gate) {
      this.gate.hidden = true;
      this.gate.replaceChildren();
      this.host.removeAttribute('data-gate');
      return;
    }
    if (this.collapsed) this.setCollapsed(false);
    this.host.setAttribute('data-gate', gate.kind);
    this.gate.dataset.kind = gate.kind;
    const actions = h('div', { class: 'actions' });
    if (gate.override) {
      const go = h('button', { type: 'button', class: 'btn primary', 'data-action': 'override', text: 'Toch plaatsen' });
      keepFocus(go);
      go.addEventListener('click', () => this.handlers.onOverride?.());
      actions.append(go);
    }
    const fix = h('button', { type: 'button', class: 'btn', 'data-action': 'fix', text: 'Aanpassen' });
    keepFocus(fix);
    fix.addEventListener('click', () => this.handlers.onDismissGate?.());
    actions.append(fix);
    this.gate.replaceChildren(h('strong', { text: gate.title }), h('p', { text: gate.text }), actions);
    this.gate.hidden = false;
  }
}

/** A short notice at the bottom of the page (<webcare-toast data-webcare-notice=kind>). */
export function showNotice({ kind, title, text, timeoutMs = 8000 }) {
  for (const old of document.querySelectorAll('webcare-toast')) old.remove();
  const host = document.createElement('webcare-toast');
  host.setAttribute('data-webcare-notice', kind);
  const root = host.attachShadow({ mode: 'open' });
  const close = h('button', { type: 'button', 'aria-label': 'Sluiten', text: '×' });
  close.addEventListener('click', () => host.remove());
  root.append(h('style', { text: TOAST_CSS }),
    h('div', { class: 'toast', role: 'status' }, h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('div', {}, h('strong', { text: title }), h('p', { text })), close));
  document.documentElement.append(host);
  setTimeout(() => host.remove(), timeoutMs);
  return host;
}
