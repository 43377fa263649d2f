// gate.js — the pre-post gate. Capture-phase listeners on window see the
// submit before the site does: a click on the adapter's submit button, and
// the adapter's submit keys (Mod+Enter on X and LinkedIn, Enter without
// Shift on Facebook). Only trusted events are gated; IME composition is never
// touched. Modes per site (settings.gate): warn — the first submit with
// findings shows them, a second submit of the same text posts; block — error
// findings stop the post until fixed or overridden ("Toch plaatsen"); off.
// Fail open: when no answer for the current text arrives within 300 ms (or
// the engine fails), the post goes through and a notice says the check was
// skipped. A held-back submit is replayed as an untrusted event, which the
// gate lets pass and the site handles as usual.
import { closestAny } from '../adapters/read.js';
import { showNotice } from '../ui/lint-card.js';
import { ATTR } from './composer-session.js';

export const GATE_TIMEOUT_MS = 300;

/** keys: adapter submitKeys, e.g. ['Mod+Enter'] or ['Enter']. */
export function isSubmitKey(e, keys) {
  if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return false;
  return (keys ?? []).some((k) => {
    if (k === 'Mod+Enter') return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey;
    if (k === 'Enter') return !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
    return false;
  });
}

const timeout = (ms) => new Promise((r) => setTimeout(() => r({ timeout: true }), ms));

/** What the gate does with a fresh result: 'pass' | 'warn' | 'block'. */
export function decide(session, mode) {
  if (mode === 'off' || session.override) return 'pass';
  const findings = session.result?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (mode === 'block' && errors) return 'block';
  if ((errors || warnings) && session.warnedHash !== session.textHash) return 'warn';
  return 'pass';
}

function summary(findings) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const parts = [];
  if (errors) parts.push(errors === 1 ? '1 fout' : `${errors} fouten`);
  if (warnings) parts.push(warnings === 1 ? '1 aandachtspunt' : `${warnings} aandachtspunten`);
  return parts.join(' en ');
}

// onPosted(session, how) (optional, issue 12): called once per submit the gate
// lets through to the site — how = passed | overridden | skipped | off — with
// the session's text and mention; main.js records the reply in the customer
// memory (timeline, promise, response time) and the stats.
export function installGate({ adapter, watcher, reader = null, onPosted = null }) {
  const table = () => (reader ?? watcher.reader)?.table ?? null;
  let busy = false;

  const mode = () => watcher.state.settings.gate[adapter.site] ?? 'warn';

  function replay(action) {
    if (action.kind === 'click') {
      let btn = action.target;
      if (!btn.isConnected) {
        const t = table();
        btn = null;
        for (const sel of t?.submit ?? []) {
          try {
            btn = action.session.root.closest('body')?.querySelector(sel) ?? null;
          } catch {
            btn = null;
          }
          if (btn) break;
        }
      }
      btn?.click();
      return;
    }
    const e = action.event;
    action.target.dispatchEvent(new KeyboardEvent('keydown', {
      key: e.key, code: e.code, keyCode: 13, which: 13, ctrlKey: e.ctrlKey, metaKey: e.metaKey,
      shiftKey: e.shiftKey, altKey: e.altKey, bubbles: true, cancelable: true, composed: true,
    }));
  }

  function show(session, verdict) {
    const findings = session.result?.findings ?? [];
    watcher.setActive(session);
    const what = summary(findings);
    if (verdict === 'warn') {
      session.warnedHash = session.textHash;
      session.root.setAttribute(ATTR.gate, 'warned');
      watcher.card.setGate({
        kind: 'warn', override: false,
        title: `Nog ${what} in je antwoord`,
        text: 'Bekijk ze hieronder. Plaats nogmaals om het antwoord zo te versturen.',
      });
    } else {
      session.root.setAttribute(ATTR.gate, 'blocked');
      watcher.card.setGate({
        kind: 'block', override: true,
        title: 'Dit antwoord gaat zo niet de deur uit',
        text: `Los eerst ${what} op, of plaats bewust toch.`,
      });
    }
    watcher.renderCard();
  }

  function posted(session, how) {
    try {
      onPosted?.(session, how);
    } catch {
      /* recording is best effort: never stop a post */
    }
  }

  function pass(session, how) {
    session.root.setAttribute(ATTR.gate, how);
    watcher.card.setGate(null);
    posted(session, how);
  }

  function failOpen(session, action, why) {
    session.root.setAttribute(ATTR.gate, 'skipped');
    watcher.card.setGate(null);
    showNotice({ kind: 'skipped', title: 'Antwoordcheck overgeslagen',
                 text: `${why} Je bericht is zonder check geplaatst.` });
    posted(session, 'skipped');
    replay(action);
  }

  /** Called for a trusted submit of `session`; returns true when the event must be stopped. */
  function gate(session, action) {
    const m = mode();
    if (m === 'off') {
      posted(session, 'off');
      return false;
    }
    if (session.override) {
      pass(session, 'overridden');
      return false;
    }
    if (session.fresh) {
      const verdict = decide(session, m);
      if (verdict === 'pass') {
        pass(session, 'passed');
        return false;
      }
      show(session, verdict);
      return true;
    }
    // No answer for this text yet: hold the submit, ask now, give up after 300 ms.
    if (busy) return true;
    busy = true;
    Promise.race([session.lintNow(), timeout(GATE_TIMEOUT_MS)]).then((out) => {
      busy = false;
      if (!session.connected) return;
      if (out?.timeout) return failOpen(session, action, 'De check duurde langer dan 300 ms.');
      if (out?.error || !session.fresh) return failOpen(session, action, 'De check is niet beschikbaar.');
      const verdict = decide(session, mode());
      if (verdict === 'pass') {
        pass(session, 'passed');
        replay(action);
      } else {
        show(session, verdict);
      }
    });
    return true;
  }

  function stop(e) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  const onClick = (e) => {
    if (!e.isTrusted || e.button !== 0) return;
    const t = table();
    const btn = e.target instanceof Element ? closestAny(e.target, t?.submit) : null;
    if (!btn) return;
    if (btn.disabled || btn.getAttribute('aria-disabled') === 'true') return;
    const session = watcher.sessionFor(btn);
    if (!session || session.text.trim() === '') return;
    if (gate(session, { kind: 'click', target: btn, session })) stop(e);
  };

  const onKey = (e) => {
    if (!e.isTrusted || e.isComposing || e.keyCode === 229) return;
    if (!isSubmitKey(e, table()?.submitKeys)) return;
    const session = watcher.sessionFor(e.target);
    if (!session || !session.root.contains(e.target) || session.text.trim() === '') return;
    if (gate(session, { kind: 'key', target: e.target, event: e, session })) stop(e);
  };

  watcher.gateHandlers.override = (session) => {
    if (!session) return;
    session.override = true;
    session.root.setAttribute(ATTR.gate, 'overridden');
    watcher.card.setGate(null);
    posted(session, 'overridden');
    const t = table();
    const box = session.root;
    // Find the submit button that belongs to this composer and press it.
    let btn = null;
    for (let p = box.parentElement; p && !btn; p = p.parentElement) {
      for (const sel of t?.submit ?? []) {
        let hit = null;
        try {
          hit = p.querySelector(sel);
        } catch {
          hit = null;
        }
        if (hit && watcher.sessionFor(hit) === session) {
          btn = hit;
          break;
        }
      }
    }
    if (btn) btn.click();
    else replay({ kind: 'key', target: box, event: { key: 'Enter', code: 'Enter', ctrlKey: !(t?.submitKeys ?? []).includes('Enter'),
                                                      metaKey: false, shiftKey: false, altKey: false }, session });
  };

  addEventListener('click', onClick, true);
  addEventListener('keydown', onKey, true);
  return {
    stop() {
      removeEventListener('click', onClick, true);
      removeEventListener('keydown', onKey, true);
    },
  };
}
