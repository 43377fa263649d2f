// underlines.js — wavy underlines under lint findings in the site's own
// editor, without touching the editor's DOM or state.
//
// Where the CSS Custom Highlight API exists, findings become DOM Ranges in
// three highlights (webcare-error / -warning / -info) styled by
// ::highlight() rules that are added to the page once as a constructed
// stylesheet; the browser paints them with the text, so they follow
// scrolling, wrapping, emoji and line breaks by themselves. Elsewhere an
// overlay of positioned boxes in a shadow root (<webcare-underlines>) is
// drawn from Range.getClientRects() and redrawn on scroll, resize and input.
// One Underlines object per composer; the highlight registry is shared.
import { UNDERLINE_CSS } from './lint-styles.js';

export const SEVERITIES = Object.freeze(['error', 'warning', 'info']);
const NAME = (sev) => `webcare-${sev}`;
const ACTIVE = 'webcare-active';

const hasHighlights = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

const HIGHLIGHT_CSS = `
::highlight(webcare-error) { text-decoration: underline wavy #d93025; text-decoration-thickness: 1.5px;
  text-underline-offset: 3px; text-decoration-skip-ink: none; background-color: rgba(217, 48, 37, .07); }
::highlight(webcare-warning) { text-decoration: underline wavy #e37400; text-decoration-thickness: 1.5px;
  text-underline-offset: 3px; text-decoration-skip-ink: none; background-color: rgba(227, 116, 0, .06); }
::highlight(webcare-info) { text-decoration: underline dotted #1a73e8; text-decoration-thickness: 2px;
  text-underline-offset: 3px; text-decoration-skip-ink: none; }
::highlight(webcare-active) { background-color: rgba(91, 69, 194, .18); }
`;

/** Shared state per document: the highlights and which composer owns which ranges. */
const registries = new WeakMap();

function registryFor(doc) {
  let reg = registries.get(doc);
  if (reg) return reg;
  reg = { owners: new Map(), highlights: null, styled: false };
  if (hasHighlights()) {
    reg.highlights = {};
    for (const sev of [...SEVERITIES, 'active']) {
      const h = new Highlight();
      h.priority = sev === 'active' ? 2 : SEVERITIES.length - SEVERITIES.indexOf(sev) - 1;
      reg.highlights[sev] = h;
      CSS.highlights.set(sev === 'active' ? ACTIVE : NAME(sev), h);
    }
  }
  registries.set(doc, reg);
  return reg;
}

function injectHighlightCss(doc, reg) {
  if (reg.styled) return;
  reg.styled = true;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = HIGHLIGHT_CSS;
    style.setAttribute('data-webcare', 'highlights');
    (doc.head ?? doc.documentElement).append(style);
  }
}

function rebuild(reg) {
  if (!reg.highlights) return;
  for (const sev of [...SEVERITIES, 'active']) reg.highlights[sev].clear();
  for (const owned of reg.owners.values()) {
    for (const { range, severity } of owned.ranges) reg.highlights[severity]?.add(range);
    if (owned.active) reg.highlights.active.add(owned.active);
  }
}

export class Underlines {
  /** root: the editor's contenteditable root. forceOverlay: tests of the fallback. */
  constructor(root, { forceOverlay = false } = {}) {
    this.root = root;
    this.doc = root.ownerDocument;
    this.reg = registryFor(this.doc);
    this.mode = this.reg.highlights && !forceOverlay ? 'highlight' : 'overlay';
    this.items = [];
    this.active = null;
    this.host = null;
    this.frame = 0;
    if (this.mode === 'highlight') injectHighlightCss(this.doc, this.reg);
    else this.initOverlay();
  }

  /** items: [{range: Range, severity}] — replaces what this composer shows. */
  set(items, active = null) {
    // Nothing shown and nothing to show (an empty composer, 200 of them on a feed): no redraw.
    const idle = !items.length && !active && !this.items.length && !this.active;
    this.items = items;
    this.active = active;
    if (idle) return;
    if (this.mode === 'highlight') {
      if (items.length || active) this.reg.owners.set(this, { ranges: items, active });
      else this.reg.owners.delete(this);
      rebuild(this.reg);
    } else {
      this.drawOverlay();
    }
  }

  /** Emphasises one range (the finding under the pointer in the card), or none. */
  setActive(range) {
    this.set(this.items, range);
  }

  clear() {
    this.set([]);
  }

  destroy() {
    this.reg.owners.delete(this);
    rebuild(this.reg);
    if (this.host) {
      removeEventListener('scroll', this.onMove, true);
      removeEventListener('resize', this.onMove);
      this.host.remove();
      this.host = null;
    }
  }

  // ---- overlay fallback -------------------------------------------------
  initOverlay() {
    this.host = this.doc.createElement('webcare-underlines');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = UNDERLINE_CSS;
    this.layer = this.doc.createElement('div');
    this.layer.className = 'layer';
    this.shadow.append(style, this.layer);
    this.onMove = () => this.scheduleDraw();
    addEventListener('scroll', this.onMove, { capture: true, passive: true });
    addEventListener('resize', this.onMove, { passive: true });
  }

  scheduleDraw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.drawOverlay();
    });
  }

  drawOverlay() {
    if (!this.host) return;
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    const boxes = [];
    const clip = this.root.getBoundingClientRect();
    const push = (range, cls) => {
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.bottom < clip.top || r.top > clip.bottom) continue;
        const box = this.doc.createElement('div');
        box.className = cls;
        box.style.left = `${r.left}px`;
        box.style.top = `${r.top}px`;
        box.style.width = `${r.width}px`;
        box.style.height = `${r.height}px`;
        boxes.push(box);
      }
    };
    for (const { range, severity } of this.items) push(range, `u ${severity}`);
    if (this.active) push(this.active, 'u active');
    this.layer.replaceChildren(...boxes);
  }
}
