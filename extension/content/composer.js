// composer.js — finds the site's reply boxes through the adapter table
// (composer selectors), including ones that appear later (reply dialogs,
// inline replies, comment boxes opened by a click) and several at once, and
// gives each a ComposerSession. One side card follows the composer the agent
// works in (last focused or typed in). Also owns the settings snapshot the
// gate reads, and the test hook that makes lint calls fail or stall.
import { createReader } from '../adapters/read.js';
import { editorFor } from '../editors/index.js';
import { loadSettings, normalizeSettings, watchSettings } from '../lib/settings.js';
import { LintCard } from '../ui/lint-card.js';
import { ComposerSession } from './composer-session.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The engine client seen by sessions, with the webcare.test.failEngine hook applied. */
function hookedClient(client, state) {
  return {
    classifyBatch: (items) => client.classifyBatch(items),
    async lint(request) {
      if (state.failEngine === 'error') return { error: { code: 'engine-error', message: 'test: engine failure' } };
      if (state.failEngine === 'slow') await sleep(1000);
      return client.lint(request);
    },
  };
}

function allMatches(doc, selectors) {
  const out = [];
  for (const sel of selectors ?? []) {
    try {
      out.push(...doc.querySelectorAll(sel));
    } catch {
      /* unsupported selector */
    }
  }
  return out;
}

// resolveSettings(settings) (optional, issue 12): the stored settings -> the
// settings of the active brand profile (lib/profiles.js applyProfile), used by
// lint requests and the gate; hintsFor(session) (optional): reply hints from the
// customer memory for the card ([{id, title, text, example?, earlier?}]).
export function createComposerWatcher({ adapter, client, doc = document, throttleMs = 80,
                                        resolveSettings = (s) => s, hintsFor = () => [] }) {
  const site = adapter.site;
  const reader = createReader(adapter, doc);
  const sessions = new Map(); // editor root -> ComposerSession
  const state = { settings: normalizeSettings(null), failEngine: null, stored: normalizeSettings(null) };
  const take = (next) => Object.assign(state, next, { stored: next.settings, settings: resolveSettings(next.settings) });
  const engine = hookedClient(client, state);
  let active = null;
  let scanTimer = null;
  let frame = 0;
  let stopped = false;

  const card = new LintCard({
    onApply: (finding, suggestion) => active?.apply(finding, suggestion),
    onHover: (finding) => active?.highlight(finding),
    onOverride: () => gateHandlers.override?.(active),
    onDismissGate: () => {
      card.setGate(null);
      active?.root.focus({ preventScroll: true });
    },
  });
  const gateHandlers = {};

  const enabled = () => state.settings.lint[site] !== false && state.settings.enabled?.[site] !== false;

  function renderCard() {
    if (!active || !active.connected) {
      card.hide();
      return;
    }
    const hasText = active.text.trim() !== '';
    const focused = active.root.contains(doc.activeElement) || card.host.matches(':focus-within');
    if (!hasText && !focused && !card.host.hasAttribute('data-gate')) {
      card.hide();
      return;
    }
    card.render({ text: active.text, result: active.fresh || active.result ? active.result : null,
                  error: active.error, platform: site, mention: active.mention,
                  trainee: state.settings.traineeMode === true, hints: safeHints(active),
                  brand: state.settings.profile && state.settings.profile !== 'default' ? state.settings.profileName : null });
    card.show();
    placeCard();
  }

  function safeHints(session) {
    try {
      return hintsFor(session) ?? [];
    } catch {
      return [];
    }
  }

  function placeCard() {
    if (!active?.connected || !card.visible) return;
    card.position(active.root.getBoundingClientRect());
  }

  function schedulePlace() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      placeCard();
    });
  }

  function setActive(session) {
    if (active === session) return;
    active = session;
    card.setGate(null);
    renderCard();
  }

  function onSessionChange(session) {
    if (session === active) renderCard();
    else if (!active) setActive(session);
  }

  function track(el) {
    const hit = editorFor(el);
    if (!hit || sessions.has(hit.root) || !hit.root.isContentEditable) return null;
    const session = new ComposerSession({ root: hit.root, editor: hit.editor, site, reader, client: engine,
                                          getSettings: () => state.settings, onChange: onSessionChange });
    sessions.set(hit.root, session);
    return session;
  }

  function scan() {
    if (stopped) return;
    reader.refresh();
    for (const [root, session] of sessions) {
      if (!root.isConnected || !enabled()) {
        session.destroy();
        sessions.delete(root);
        if (active === session) setActive(null);
      }
    }
    if (!enabled() || !reader.table) return;
    for (const el of allMatches(doc, reader.table.composer)) track(el);
    if (active && !active.connected) setActive(null);
  }

  function scheduleScan() {
    if (scanTimer === null && !stopped) scanTimer = setTimeout(() => {
      scanTimer = null;
      scan();
    }, throttleMs);
  }

  /** The session an element belongs to: inside its editor, or the nearest composer around it. */
  function sessionFor(el) {
    if (!el) return null;
    for (const [root, s] of sessions) if (root === el || root.contains(el)) return s;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const inside = [...sessions.values()].filter((s) => p.contains(s.root));
      if (inside.length === 1) return inside[0];
      if (inside.length > 1) {
        // Several composers around: the last one before the element.
        const beforeEl = inside.filter((s) => s.root.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        return beforeEl[beforeEl.length - 1] ?? inside[0];
      }
    }
    return null;
  }

  const onFocusIn = (e) => {
    let s = sessionFor(e.target);
    if (!s && e.target?.isContentEditable && enabled()) {
      scan();
      s = sessionFor(e.target);
    }
    if (s && s.root.contains(e.target)) {
      setActive(s);
      renderCard();
    }
  };
  const onFocusOut = () => setTimeout(() => {
    if (active && !active.root.contains(doc.activeElement)) renderCard();
  }, 0);
  // Keyboard: Alt+Shift+L in a composer jumps into the card (first suggestion
  // or button); Escape in the card goes back to the editor.
  const onKeyDown = (e) => {
    if (e.code === 'KeyL' || e.key === 'L' || e.key === 'l') {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const s = sessionFor(e.target);
      if (!s || !s.root.contains(e.target)) return;
      setActive(s);
      renderCard();
      if (card.focusFirst()) {
        e.preventDefault();
        e.stopPropagation();
      }
    } else if (e.key === 'Escape' && e.composedPath().includes(card.host) && active?.connected) {
      e.preventDefault();
      active.root.focus({ preventScroll: true });
    }
  };
  const onInput = (e) => {
    const s = sessionFor(e.target);
    if (s && s !== active && s.root.contains(e.target)) setActive(s);
  };

  const mo = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.addedNodes.length || m.removedNodes.length) {
        scheduleScan();
        return;
      }
    }
  });

  const unwatch = watchSettings((next) => {
    take(next);
    scan();
  });

  return {
    site,
    reader,
    sessions,
    state,
    card,
    gateHandlers,
    get active() {
      return active;
    },
    sessionFor,
    setActive,
    renderCard,
    scan,
    /** The active profile changed: re-resolve the settings and lint the open drafts again. */
    refreshSettings() {
      state.settings = resolveSettings(state.stored);
      for (const s of sessions.values()) if (s.text.trim()) s.schedule(0);
      renderCard();
    },
    async start() {
      take(await loadSettings());
      mo.observe(doc.documentElement, { childList: true, subtree: true });
      doc.addEventListener('focusin', onFocusIn, true);
      doc.addEventListener('focusout', onFocusOut, true);
      doc.addEventListener('input', onInput, true);
      doc.addEventListener('keydown', onKeyDown, true);
      addEventListener('scroll', schedulePlace, { capture: true, passive: true });
      addEventListener('resize', schedulePlace, { passive: true });
      scan();
    },
    stop() {
      stopped = true;
      unwatch();
      mo.disconnect();
      clearTimeout(scanTimer);
      doc.removeEventListener('focusin', onFocusIn, true);
      doc.removeEventListener('focusout', onFocusOut, true);
      doc.removeEventListener('input', onInput, true);
      doc.removeEventListener('keydown', onKeyDown, true);
      removeEventListener('scroll', schedulePlace, true);
      removeEventListener('resize', schedulePlace);
      for (const s of sessions.values()) s.destroy();
      sessions.clear();
      card.host.remove();
    },
  };
}
