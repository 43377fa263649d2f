// composer-session.js — one watched composer: reads its text on every
// change, keeps the underlines aligned at once (findings are shifted over the
// edit until the next result), lints debounced, drops stale answers by
// sequence number, publishes the contract attributes on the editor root
// (data-webcare-findings, data-webcare-score) and applies suggestions through
// the editor's own input path.
import { hashText } from '../adapters/read.js';
import { rangeAt } from '../editors/dom-text.js';
import { lintFields } from '../lib/settings.js';
import { Underlines } from '../ui/underlines.js';
import { findMention } from './composer-context.js';

export const ATTR = Object.freeze({
  findings: 'data-webcare-findings',
  score: 'data-webcare-score',
  state: 'data-webcare-lint',    // pending | done | error
  editor: 'data-webcare-editor', // draft | lexical | quill | prosemirror | contenteditable
  gate: 'data-webcare-gate',     // warned | blocked | skipped | passed | overridden
});

/** Maps an offset of the old text through an edit [at, oldEnd) -> [at, newEnd). */
function shiftFinding(f, at, oldEnd, newEnd) {
  const delta = newEnd - oldEnd;
  if (f.end <= at && !(f.start === f.end && f.start === at)) return f;
  if (f.start >= oldEnd) return { ...f, start: f.start + delta, end: f.end + delta };
  if (f.start <= at && f.end >= oldEnd) return { ...f, end: f.end + delta }; // edit inside the finding
  return null; // the edit cut through the finding: wait for the next result
}

/** The changed region between two strings: {at, oldEnd, newEnd}. */
export function diffRegion(a, b) {
  let at = 0;
  const min = Math.min(a.length, b.length);
  while (at < min && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  let ea = a.length;
  let eb = b.length;
  while (ea > at && eb > at && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--;
    eb--;
  }
  return { at, oldEnd: ea, newEnd: eb };
}

export class ComposerSession {
  /**
   * deps: {root, editor, site, reader, client, getSettings(), onChange(session), debounceMs}
   */
  constructor({ root, editor, site, reader, client, getSettings, onChange, debounceMs = 120 }) {
    Object.assign(this, { root, editor, site, reader, client, getSettings, onChange, debounceMs });
    this.seq = 0;
    this.t0 = null;
    this.text = '';
    this.model = null;
    this.result = null;      // last engine result, for resultText
    this.resultText = null;  // the text that result belongs to
    this.shown = [];         // findings as currently drawn (shifted to this.text)
    this.error = null;
    this.mention = null;
    this.mentionTypes = new Map(); // hash(mention text) -> type
    this.timer = null;
    this.pending = null;     // promise of the lint in flight
    this.warnedHash = null;  // gate: text hash the warning was shown for
    this.override = false;
    this.underlines = new Underlines(root);
    root.setAttribute(ATTR.editor, editor.name);
    this.observer = new MutationObserver(() => this.changed());
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.changed();
  }

  get connected() {
    return this.root.isConnected;
  }

  get textHash() {
    return hashText(this.text);
  }

  /** The result is for the text in the editor now. */
  get fresh() {
    return this.result !== null && this.resultText === this.text;
  }

  /** Editor changed: re-read, keep underlines aligned, schedule a lint. */
  changed() {
    this.t0 = performance.now();
    const model = this.editor.read(this.root);
    const old = this.text;
    this.model = model;
    this.text = model.text;
    if (old !== model.text) {
      const { at, oldEnd, newEnd } = diffRegion(old, model.text);
      this.shown = this.shown.map((f) => shiftFinding(f, at, oldEnd, newEnd)).filter(Boolean);
      this.override = false;
      this.paint();
      this.schedule();
    } else {
      this.paint(); // same text, maybe new DOM nodes: rebuild the ranges
      if (!this.result && this.timer === null) this.schedule();
    }
  }

  schedule(delay = this.debounceMs) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lintNow();
    }, delay);
  }

  /** Draws this.shown over the current DOM. */
  paint(active = null) {
    const items = [];
    const len = this.text.length;
    for (const f of this.shown) {
      const start = Math.max(0, Math.min(f.start, len));
      const end = Math.max(start, Math.min(f.end, len));
      if (end === start) continue; // zero-width findings (missing greeting…) live in the card only
      items.push({ range: rangeAt(this.model, start, end), severity: f.severity });
    }
    let activeRange = null;
    if (active && active.end > active.start) activeRange = rangeAt(this.model, Math.min(active.start, len), Math.min(active.end, len));
    // An empty composer that shows nothing and showed nothing (a feed has one per post): nothing to paint.
    const idle = len === 0 && !items.length && !activeRange && !this.underlines.items.length && !this.underlines.active;
    this.underlines.set(items, activeRange);
    if (idle) {
      this.t0 = null;
      return;
    }
    // For benches and tools: detail = ms spent since the change was seen (a number crosses worlds).
    const work = this.t0 === null ? 0 : performance.now() - this.t0;
    this.t0 = null;
    this.root.dispatchEvent(new CustomEvent('webcare-painted', { detail: work }));
  }

  async mentionFor() {
    const m = findMention(this.reader, this.root);
    if (!m) return null;
    let type = m.type;
    if (!type) {
      const key = hashText(m.text);
      type = this.mentionTypes.get(key) ?? null;
      if (!type) {
        const resp = await this.client.classifyBatch([{ key: `mention:${key}`, text: m.text.slice(0, 5000), site: this.site }]);
        type = resp?.results?.[0]?.result?.type ?? null;
        if (type) this.mentionTypes.set(key, type);
      }
    }
    return { text: m.text, author: m.author, type, via: m.via, key: m.key ?? null, textHash: hashText(m.text) };
  }

  request(text) {
    const req = { text, platform: this.site, ...lintFields(this.getSettings()) };
    if (this.mention) req.mention = this.mention.type ? { text: this.mention.text, type: this.mention.type } : { text: this.mention.text };
    return req;
  }

  /**
   * Lints the current text now. Resolves to {result}|{error}|{stale:true}.
   * A newer call (or a text change) makes an older answer stale: it is dropped.
   */
  lintNow() {
    clearTimeout(this.timer);
    this.timer = null;
    const seq = ++this.seq;
    const text = this.text;
    if (text.trim() === '') {
      this.result = null;
      this.resultText = null;
      this.error = null;
      this.shown = [];
      this.root.setAttribute(ATTR.findings, '');
      this.root.removeAttribute(ATTR.score);
      this.root.setAttribute(ATTR.state, 'empty');
      this.paint();
      this.onChange?.(this);
      this.pending = Promise.resolve({ empty: true });
      return this.pending;
    }
    this.root.setAttribute(ATTR.state, 'pending');
    const run = (async () => {
      try {
        this.mention = await this.mentionFor();
      } catch {
        this.mention = null;
      }
      if (seq !== this.seq) return { stale: true };
      let resp;
      try {
        resp = await this.client.lint(this.request(text));
      } catch (err) {
        resp = { error: { code: 'worker-unavailable', message: String(err?.message ?? err) } };
      }
      if (seq !== this.seq || !this.connected) return { stale: true };
      if (resp?.result) this.accept(text, resp.result);
      else this.fail(resp?.error ?? { code: 'bad-answer', message: 'geen antwoord van de engine' });
      return resp?.result ? { result: resp.result } : { error: this.error };
    })();
    this.pending = run;
    return run;
  }

  accept(text, result) {
    this.result = result;
    this.resultText = text;
    this.error = null;
    const findings = Array.isArray(result.findings) ? result.findings : [];
    if (text === this.text) {
      this.shown = findings;
    } else {
      // The agent typed while we waited: map the answer onto the new text.
      const { at, oldEnd, newEnd } = diffRegion(text, this.text);
      this.shown = findings.map((f) => shiftFinding(f, at, oldEnd, newEnd)).filter(Boolean);
      this.schedule();
    }
    const ids = [...new Set(findings.map((f) => f.rule))];
    this.root.setAttribute(ATTR.findings, ids.join(' '));
    this.root.setAttribute(ATTR.score, String(Math.round(result.score ?? 0)));
    this.root.setAttribute(ATTR.state, 'done');
    this.paint();
    this.onChange?.(this);
  }

  fail(error) {
    this.error = error;
    this.root.setAttribute(ATTR.state, 'error');
    this.onChange?.(this);
  }

  highlight(finding) {
    this.paint(finding);
  }

  /** Applies a replace suggestion of a finding through the editor's input path. */
  async apply(finding, suggestion) {
    // The finding's offsets refer to resultText; find where it is now.
    const current = this.shown.find((f) => f.rule === finding.rule && f.message === finding.message
      && this.text.slice(f.start, f.end) === (this.resultText ?? '').slice(finding.start, finding.end))
      ?? (this.resultText === this.text ? finding : null);
    if (!current) return { ok: false, reason: 'stale' };
    const res = await this.editor.replace(this.root, current.start, current.end, suggestion.text);
    this.changed();
    this.lintNow();
    return res;
  }

  destroy() {
    clearTimeout(this.timer);
    this.seq++;
    this.observer.disconnect();
    this.underlines.destroy();
  }
}
