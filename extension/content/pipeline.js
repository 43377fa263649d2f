// pipeline.js — finds mentions, sends new or changed ones to the engine in
// batches and badges them. Identity of a mention = site + post id + text hash,
// so a recycled X timeline cell (same element, other post) is re-badged, and
// a post whose text and id did not change is never sent twice (result cache).
// Triggers: a MutationObserver (throttled), a safety rescan, SPA navigation.
//
// Speed (issue 9, "time to badge a page with 200 posts"): the first change
// after a quiet spell is scanned in the MutationObserver callback itself, so
// the posts are read (style only, no layout) and sent to the worker before the
// page lays them out, and the worker classifies while the page renders. All
// queued posts go out at once in parallel batches. Results are put on the
// page in one write per animation frame (requestAnimationFrame), so the
// badges of 200 posts cost one extra style/layout pass, not one per batch or
// slice. A post gets its chip only with its result; a "…" chip appears only
// when the answer is slow (engine cold start).
import { createReader, hashText } from '../adapters/read.js';
import { LIMITS } from '../protocol.js';
import { Badge } from '../ui/badge.js';

const ATTR = { type: 'data-webcare-type', priority: 'data-webcare-priority', error: 'data-webcare-error',
               state: 'data-webcare-state', key: 'data-webcare-key' };
const WATCHED_ATTRIBUTES = ['href', 'data-urn', 'data-id', 'aria-posinset', 'data-testid', 'hidden', 'alt',
                            'data-view-tracking-scope', 'componentkey'];
const CACHE_LIMIT = 5000;
// Post ids come from the page: a hostile one (a 60 000-digit status id) must
// not push the key past LIMITS.maxKeyLength, or the worker rejects the whole
// batch and every post in it shows an error. Long ids are hashed.
const MAX_ID_LENGTH = 128;
const idPart = (id) => (!id ? 'noid' : id.length <= MAX_ID_LENGTH ? id : `h${hashText(id)}`);

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';
const isOurs = (node) => node.nodeType === 1 && node.localName.startsWith('webcare-');

// Main-thread budget: the scan and the delivery of results run in slices and
// yield between them, so a page with thousands of posts never sees one long
// task. A scan slice reads posts for up to READ_SLICE_MS (read phase, no DOM
// writes) and then writes their attributes (write phase: attributes only, no
// page style depends on them, so the next read needs no style recalculation).
// Results are put on the page for up to APPLY_SLICE_MS per animation frame.
const READ_SLICE_MS = 24;
const APPLY_SLICE_MS = 32;
// On a page with this many posts each frame's layout is long already (the
// layout of every post below a new badge): smaller slices keep frames short.
const LARGE_PAGE = 600;
const APPLY_SLICE_LARGE_MS = 10;
// rAF does not run in a hidden tab: results are applied by a timer then.
const APPLY_FALLBACK_MS = 100;
// Classify batches in flight at once (each at most LIMITS.maxBatch posts).
const MAX_INFLIGHT = 4;
// A post still waiting for its result after this long shows a "…" chip.
const PENDING_CHIP_MS = 250;
const PANEL_BUSY_MS = 600;
const PANEL_BIG = 150; // tracked posts from which the panel redraw is worth deferring
const now = () => performance.now();

/** fn() when the page is idle (at the latest after timeoutMs); a timer where there is no requestIdleCallback. */
function whenIdle(fn, timeoutMs) {
  if (typeof requestIdleCallback === 'function') return { idle: requestIdleCallback(fn, { timeout: timeoutMs }) };
  return { timer: setTimeout(fn, 0) };
}

function cancelIdle(handle) {
  if (handle.idle !== undefined) cancelIdleCallback(handle.idle);
  else clearTimeout(handle.timer);
}

/** Gives the page a turn: scheduler.yield() where there is one, else a task. */
function yieldToPage() {
  const sched = globalThis.scheduler;
  if (typeof sched?.yield === 'function') return sched.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// history (lib/history.js createHistory(), optional): every classified post is
// recorded once per key and its author's persona goes on the badge;
// trainee(): trainee mode on (badge tooltips explain the type).
// customers (lib/customers.js createCustomerMemory(), optional, issue 12): every
// classified post goes on its author's timeline; the badge shows lists, last
// contact, the timeline across linked accounts, open promises and reply hints;
// the panel filters on lists. profile(): the active brand profile id.
export function createPipeline({ adapter, client, panel = null, doc = document,
                                 throttleMs = 100, rescanMs = 1500, history = null, trainee = () => false,
                                 customers = null, profile = () => 'default' }) {
  const site = adapter.site;
  const reader = createReader(adapter, doc);
  const records = new WeakMap(); // container -> {key, text, author, info, badge, result, error}
  const tracked = new Set();     // containers with a record, for the panel and the rescan
  const cache = new Map();       // key -> {result} | {error}   (insertion order = LRU order)
  const queue = new Map();       // key -> {text, reach}, waiting to be sent
  const inflight = new Set();    // keys sent, no answer yet
  const ready = new Map();       // key -> outcome answered, waiting for the next frame to be put on the page
  const byKey = new Map();       // key -> Set of tracked containers showing it (delivery without a full walk)
  const visible = new WeakSet();
  const textless = new WeakSet(); // items read without text (media-only posts, wrappers): re-read only when changed
  const stats = { scans: 0, batches: 0, sent: 0, cacheHits: 0 };
  let scanTimer = null;
  let scanning = false;
  let scanAgain = false;
  // Elements the page changed since the last scan (MutationObserver targets):
  // a scan re-reads only the tracked posts around them and posts not tracked
  // yet. fullScan: the next scan reads every post (start, navigation; the
  // safety rescan always does).
  const changed = new Set();
  let fullScan = true;
  let lastScan = -Infinity;
  let refreshing = null;         // the running customer redraw (a promise)
  let refreshAgain = false;
  let panelTimer = null;
  let sending = 0;               // classify batches in flight
  let failures = 0;
  let retryTimer = null;
  let applyFrame = 0;
  let applyTimer = null;
  let pendingTimer = null;
  let stopped = false;

  const io = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      for (const e of entries) (e.isIntersecting ? visible.add(e.target) : visible.delete(e.target));
      schedulePanel();
    })
    : null;

  /** Throttled, not debounced: the first change is scanned at once (in the
   * caller's turn when `inline`: the MutationObserver callback), later ones at
   * most every throttleMs; a change during a scan runs one more. */
  function scheduleScan(delay = null, inline = false) {
    if (stopped) return;
    if (scanning) {
      scanAgain = true;
      return;
    }
    if (scanTimer !== null) return;
    const wait = delay ?? Math.max(0, lastScan + throttleMs - now());
    if (wait === 0 && inline) {
      scan();
      return;
    }
    scanTimer = setTimeout(() => {
      scanTimer = null;
      scan();
    }, wait);
  }

  function unlinkKey(el, rec) {
    const set = rec.key ? byKey.get(rec.key) : null;
    set?.delete(el);
    if (set && !set.size) byKey.delete(rec.key);
  }

  function setKey(el, rec, key) {
    unlinkKey(el, rec);
    rec.key = key;
    if (!key) return;
    const set = byKey.get(key);
    if (set) set.add(el);
    else byKey.set(key, new Set([el]));
  }

  function untrack(el) {
    tracked.delete(el);
    io?.unobserve(el);
    const rec = records.get(el);
    if (rec) unlinkKey(el, rec);
  }

  // The panel redraws its whole list: on a page with many posts, while they
  // are still being scanned, classified or redrawn, it is updated at most
  // every PANEL_BUSY_MS.
  function schedulePanel() {
    const busy = tracked.size > PANEL_BIG && (scanning || sending > 0 || queue.size > 0 || ready.size > 0
                                              || refreshing !== null);
    if (panel && panelTimer === null && !stopped) panelTimer = setTimeout(() => {
      panelTimer = null;
      updatePanel();
    }, busy ? PANEL_BUSY_MS : 50);
  }

  function remember(key, value) {
    cache.delete(key);
    cache.set(key, value);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value);
  }

  /** Where the chip goes: end of the author line, else above the text. */
  function placeBadge(el, rec) {
    const { anchor, textEl } = rec.info;
    let parent = el;
    let before = el.firstChild;
    if (anchor?.isConnected && el.contains(anchor)) {
      parent = anchor;
      before = null;
    } else if (textEl?.isConnected && el.contains(textEl)) {
      parent = textEl.parentElement;
      before = textEl;
    }
    const host = rec.badge.host;
    if (host.parentElement === parent && (before === null || host.nextSibling === before || parent === el)) return;
    parent.insertBefore(host, before);
  }

  function apply(el, rec, outcome) {
    rec.result = outcome.result ?? null;
    rec.error = outcome.error ?? null;
    if (rec.result) {
      el.setAttribute(ATTR.type, rec.result.type);
      el.setAttribute(ATTR.priority, String(Math.round(rec.result.priority ?? 0)));
      el.removeAttribute(ATTR.error);
      el.setAttribute(ATTR.state, 'done');
    } else {
      el.removeAttribute(ATTR.type);
      el.removeAttribute(ATTR.priority);
      el.setAttribute(ATTR.error, rec.error.code ?? 'error');
      el.setAttribute(ATTR.state, 'error');
    }
    rec.badge ??= new Badge();
    const hist = rec.result && history
      ? history.record({ site, author: rec.author, type: rec.result.type, key: rec.key, profile: profile() })
      : null;
    const cust = rec.result && customers
      ? customers.recordMention({ site, author: rec.author, key: rec.key, type: rec.result.type, text: rec.text,
                                  profanity: rec.result.profanity === true, postedTs: rec.info?.postedTs ?? null, profile: profile() })
      : null;
    rec.badge.update({ result: rec.result, text: rec.text, error: rec.error, history: hist, trainee: trainee(), customer: cust });
    placeBadge(el, rec);
    schedulePanel();
  }

  /** Delivers an outcome to every container currently showing `key`. */
  function deliver(key, outcome) {
    const set = byKey.get(key);
    if (!set) return;
    for (const el of [...set]) {
      const rec = records.get(el);
      if (rec?.key === key && tracked.has(el) && el.isConnected) apply(el, rec, outcome);
    }
  }

  /** Read phase for one item: no DOM writes. Returns what the write phase needs, or null. */
  function readItem(el, all) {
    const info = reader.read(el, all);
    if (!info.text) return null; // media-only post: nothing to classify
    return { el, info, key: `${site}:${idPart(info.id)}:${hashText(info.text)}` };
  }

  /** Write phase for one item read by readItem. */
  function writeItem({ el, info, key }) {
    let rec = records.get(el);
    if (!rec) {
      rec = { key: null, badge: null };
      records.set(el, rec);
    }
    if (!tracked.has(el)) {
      tracked.add(el);
      io?.observe(el);
      setKey(el, rec, rec.key); // back in the index after being untracked
    }
    rec.info = info;
    if (rec.key === key) {
      if (rec.badge) placeBadge(el, rec); // re-attach if the site re-rendered it away
      return;
    }
    // New post, or a recycled container now showing another post.
    setKey(el, rec, key);
    Object.assign(rec, { id: info.id, text: info.text, author: info.author, result: null, error: null });
    el.setAttribute(ATTR.key, key);
    const hit = cache.get(key);
    if (hit) {
      stats.cacheHits++;
      apply(el, rec, hit);
      return;
    }
    el.removeAttribute(ATTR.type);
    el.removeAttribute(ATTR.priority);
    el.removeAttribute(ATTR.error);
    el.setAttribute(ATTR.state, 'pending');
    // A recycled container keeps its badge, which must not show the previous post's result.
    if (rec.badge) {
      rec.badge.pending();
      placeBadge(el, rec);
    }
    if (!inflight.has(key) && !ready.has(key)) queue.set(key, { text: info.text, reach: info.reach ?? null });
    schedulePendingChips();
  }

  /** Posts still waiting for their result get a "…" chip (slow answers only). */
  function schedulePendingChips() {
    if (pendingTimer === null && !stopped) pendingTimer = setTimeout(showPendingChips, PENDING_CHIP_MS);
  }

  function showPendingChips() {
    pendingTimer = null;
    const t0 = now();
    for (const key of [...queue.keys(), ...inflight]) {
      for (const el of byKey.get(key) ?? []) {
        const rec = records.get(el);
        if (!rec || rec.badge || rec.key !== key || !tracked.has(el) || !el.isConnected) continue;
        rec.badge = new Badge();
        placeBadge(el, rec);
      }
      if (now() - t0 > APPLY_SLICE_MS) break;
    }
    if (queue.size || inflight.size) schedulePendingChips();
  }

  /** The tracked items the changed elements belong to (nearest item around each). */
  function changedItems(all) {
    const out = new Set();
    for (const node of changed) {
      for (let p = node; p; p = p.parentElement) {
        if (all.has(p)) {
          out.add(p);
          break;
        }
      }
    }
    changed.clear();
    return out;
  }

  /** One pass over the page's mentions, in slices (read phase, then write phase, then yield).
   * full: read every post, also tracked ones the page did not change. */
  async function scan({ full = false } = {}) {
    if (stopped) return;
    if (scanning) {
      scanAgain = true;
      if (full) fullScan = true;
      return;
    }
    scanning = true;
    lastScan = now();
    stats.scans++;
    try {
      reader.refresh();
      const items = reader.items();
      const all = new Set(items.map((i) => i.el));
      const readAll = full || fullScan;
      fullScan = false;
      const dirty = readAll ? null : changedItems(all);
      if (readAll) changed.clear();
      let i = 0;
      while (i < items.length && !stopped) {
        const batch = [];
        // Read phase: only reads, so the style is computed once for the slice. A
        // read longer than a slice paid for the style recalculation the page's
        // own changes needed (the page would pay it in its next frame anyway):
        // the slice's time starts after it.
        let t0 = now();
        for (; i < items.length && now() - t0 < READ_SLICE_MS; i++) {
          const { el } = items[i];
          if (!el.isConnected) continue;
          if (dirty && !dirty.has(el) && (textless.has(el) || (tracked.has(el) && records.get(el)?.key))) continue;
          const t1 = now();
          const item = readItem(el, all);
          if (item) {
            batch.push(item);
            textless.delete(el);
          } else {
            textless.add(el);
          }
          if (now() - t1 > READ_SLICE_MS) t0 = now();
        }
        // Write phase.
        for (const item of batch) writeItem(item);
        if (queue.size) flush();
        if (i < items.length) await yieldToPage();
      }
      for (const el of tracked) if (!el.isConnected) untrack(el);
      schedulePanel();
      flush();
    } finally {
      scanning = false;
      lastScan = now();
      if (scanAgain && !stopped) {
        scanAgain = false;
        scheduleScan();
      }
    }
  }

  /** Up to LIMITS.maxBatch queued posts, the visible ones first. */
  function nextBatch() {
    const isVisibleKey = new Set();
    for (const el of tracked) if (visible.has(el)) isVisibleKey.add(records.get(el)?.key);
    const keys = [...queue.keys()].sort((a, b) => isVisibleKey.has(b) - isVisibleKey.has(a))
      .slice(0, LIMITS.maxBatch);
    return keys.map((key) => {
      const { text, reach } = queue.get(key);
      queue.delete(key);
      inflight.add(key);
      // Reach hint (issue 6): the counts the post shows; the engine scales priority with it.
      const item = { key, text: text.slice(0, LIMITS.maxTextLength), site };
      if (Number.isFinite(reach) && reach >= 0) item.reach = Math.min(reach, LIMITS.maxReach);
      return item;
    });
  }

  /** Sends what is queued: up to MAX_INFLIGHT batches at once (the worker answers them in turn). */
  function flush() {
    while (!stopped && queue.size > 0 && retryTimer === null && sending < MAX_INFLIGHT) sendBatch(nextBatch());
  }

  async function sendBatch(items) {
    sending++;
    stats.batches++;
    stats.sent += items.length;
    let resp;
    try {
      resp = await client.classifyBatch(items);
    } catch (err) {
      resp = { error: { code: 'worker-unavailable', message: String(err?.message ?? err) } };
    }
    sending--;
    for (const { key } of items) inflight.delete(key);
    if (stopped) return;
    if (resp?.error || !Array.isArray(resp?.results)) {
      // The worker or the engine failed as a whole: show it, retry later.
      const error = resp?.error ?? { code: 'bad-answer', message: 'unexpected answer from the service worker' };
      for (const { key, text, reach } of items) {
        queue.set(key, { text, reach: reach ?? null });
        deliver(key, { error });
      }
      panel?.setStatus(`Analyse mislukt: ${error.message}`);
      if (retryTimer === null) {
        failures++;
        const delay = Math.min(10000, 500 * 2 ** Math.min(failures, 5));
        retryTimer = setTimeout(() => {
          retryTimer = null;
          flush();
        }, delay);
      }
      return;
    }
    failures = 0;
    panel?.setStatus(null);
    for (const r of resp.results) {
      const outcome = r.error ? { error: r.error } : { result: r.result };
      remember(r.key, outcome);
      ready.set(r.key, outcome);
    }
    scheduleApply();
    flush();
  }

  /** Results go on the page at the next animation frame, all that arrived by then in one go. */
  function scheduleApply() {
    if (stopped || applyTimer !== null) return;
    if (!doc.hidden && typeof requestAnimationFrame === 'function') applyFrame = requestAnimationFrame(applyReady);
    applyTimer = setTimeout(applyReady, doc.hidden ? 0 : APPLY_FALLBACK_MS);
  }

  function applyReady() {
    if (applyFrame) cancelAnimationFrame(applyFrame);
    clearTimeout(applyTimer);
    applyFrame = 0;
    applyTimer = null;
    if (stopped) return;
    const t0 = now();
    const budget = tracked.size > LARGE_PAGE ? APPLY_SLICE_LARGE_MS : APPLY_SLICE_MS;
    for (const [key, outcome] of ready) {
      ready.delete(key);
      deliver(key, outcome);
      if (now() - t0 > budget) break;
    }
    if (ready.size) scheduleApply();
  }

  function updatePanel() {
    if (!panel) return;
    const entries = [];
    for (const el of tracked) {
      const rec = records.get(el);
      if (!el.isConnected || !rec || (!rec.result && !rec.error)) continue;
      entries.push({
        key: rec.key,
        type: rec.result ? rec.result.type : 'error',
        priority: rec.result ? Math.round(rec.result.priority ?? 0) : null,
        author: rec.author,
        text: rec.text,
        lists: customers?.listsOf(site, rec.author) ?? [],
        visible: visible.has(el),
        reveal: () => {
          const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
          el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
          rec.badge?.focus();
        },
      });
    }
    if (entries.length) panel.attach();
    if (customers) panel.setLists?.(customers.state.lists.filter((l) => entries.some((e) => e.lists.includes(l.id))));
    panel.update(entries);
  }

  const mo = new MutationObserver((mutations) => {
    let relevant = false;
    for (const m of mutations) {
      if (m.type === 'childList') {
        const nodes = [...m.addedNodes, ...m.removedNodes];
        if (nodes.length && nodes.every(isOurs)) continue;
      }
      const target = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (!target || isOurs(target)) continue;
      // Typing in a reply box (and an editor setting itself up) changes no mention.
      if (target.closest(EDITABLE)) continue;
      changed.add(target);
      relevant = true;
    }
    if (relevant) scheduleScan(null, true);
  });

  function redrawOne(el) {
    const rec = records.get(el);
    if (!rec?.result || !rec.badge || !el.isConnected) return;
    const hist = history ? history.view(site, rec.author, rec.key) : null;
    const cust = customers?.view(site, rec.author, rec.key, { type: rec.result.type, text: rec.text,
                                                              profanity: rec.result.profanity === true }) ?? null;
    rec.badge.update({ result: rec.result, text: rec.text, error: null, history: hist?.count ? hist : null,
                       trainee: trainee(), customer: cust });
  }

  async function redrawCustomers() {
    await null; // callers get control back before the first slice
    do {
      refreshAgain = false;
      const els = [...tracked].sort((a, b) => visible.has(b) - visible.has(a));
      let t0 = now();
      for (const el of els) {
        if (stopped) return;
        if (now() - t0 > APPLY_SLICE_MS) {
          await yieldToPage();
          t0 = now();
        }
        if (tracked.has(el)) redrawOne(el);
      }
      panel && (panel.signature = null);
      schedulePanel();
    } while (refreshAgain && !stopped);
  }

  let rescanTimer = null;
  let idleHandle = null;
  return {
    reader,
    stats,
    start() {
      mo.observe(doc.documentElement, { childList: true, subtree: true, characterData: true,
                                        attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
      // The safety rescan reads every post: it waits for an idle moment, so it
      // never competes with badging a burst of new posts.
      rescanTimer = setInterval(() => {
        if (!doc.hidden && idleHandle === null) {
          idleHandle = whenIdle(() => {
            idleHandle = null;
            scan({ full: true });
          }, rescanMs);
        }
        if (panel && tracked.size) panel.attach();
      }, rescanMs);
      scan();
    },
    /** Customer data changed elsewhere (links, lists, erasure): redraw badges and panel from memory.
     * Coalesced and sliced: visible badges first, a change during a redraw runs one more pass. */
    refreshCustomers() {
      if (refreshing) {
        refreshAgain = true;
        return;
      }
      refreshing = redrawCustomers().finally(() => {
        refreshing = null;
      });
    },
    /** After SPA navigation: the dialect may differ, the list was replaced. */
    navigated() {
      reader.refresh();
      fullScan = true;
      if (scanning) scanAgain = true;
      else {
        clearTimeout(scanTimer);
        scanTimer = null;
        scheduleScan(0);
      }
    },
    stop() {
      stopped = true;
      mo.disconnect();
      io?.disconnect();
      clearInterval(rescanTimer);
      if (idleHandle !== null) cancelIdle(idleHandle);
      clearTimeout(scanTimer);
      clearTimeout(retryTimer);
      clearTimeout(panelTimer);
      clearTimeout(applyTimer);
      clearTimeout(pendingTimer);
      if (applyFrame) cancelAnimationFrame(applyFrame);
    },
  };
}
