// pipeline.js — finds mentions, sends new or changed ones to the engine in
// batches and badges them. Identity of a mention = site + post id + text hash,
// so a recycled X timeline cell (same element, other post) is re-badged, and
// a post whose text and id did not change is never sent twice (result cache).
// Triggers: a MutationObserver (throttled), a safety rescan, SPA navigation.
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

const isOurs = (node) => node.nodeType === 1 && node.localName.startsWith('webcare-');

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
  const queue = new Map();       // key -> text, waiting to be sent
  const inflight = new Set();    // keys sent, no answer yet
  const visible = new WeakSet();
  const stats = { scans: 0, batches: 0, sent: 0, cacheHits: 0 };
  let scanTimer = null;
  let panelTimer = null;
  let sending = false;
  let failures = 0;
  let retryTimer = null;
  let stopped = false;

  const io = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      for (const e of entries) (e.isIntersecting ? visible.add(e.target) : visible.delete(e.target));
      schedulePanel();
    })
    : null;

  function scheduleScan(delay = throttleMs) {
    if (scanTimer === null && !stopped) scanTimer = setTimeout(() => {
      scanTimer = null;
      scan();
    }, delay);
  }

  function schedulePanel() {
    if (panel && panelTimer === null && !stopped) panelTimer = setTimeout(() => {
      panelTimer = null;
      updatePanel();
    }, 50);
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
    for (const el of tracked) {
      const rec = records.get(el);
      if (rec?.key === key && el.isConnected) apply(el, rec, outcome);
    }
  }

  function scan() {
    if (stopped) return;
    stats.scans++;
    reader.refresh();
    const items = reader.items();
    const all = new Set(items.map((i) => i.el));
    for (const { el } of items) {
      const info = reader.read(el, all);
      if (!info.text) continue; // media-only post: nothing to classify
      const key = `${site}:${idPart(info.id)}:${hashText(info.text)}`;
      let rec = records.get(el);
      if (!rec) {
        rec = { key: null, badge: null };
        records.set(el, rec);
      }
      if (!tracked.has(el)) {
        tracked.add(el);
        io?.observe(el);
      }
      rec.info = info;
      if (rec.key === key) {
        if (rec.badge) placeBadge(el, rec); // re-attach if the site re-rendered it away
        continue;
      }
      // New post, or a recycled container now showing another post.
      Object.assign(rec, { key, id: info.id, text: info.text, author: info.author, result: null, error: null });
      el.setAttribute(ATTR.key, key);
      const hit = cache.get(key);
      if (hit) {
        stats.cacheHits++;
        apply(el, rec, hit);
        continue;
      }
      el.removeAttribute(ATTR.type);
      el.removeAttribute(ATTR.priority);
      el.removeAttribute(ATTR.error);
      el.setAttribute(ATTR.state, 'pending');
      rec.badge ??= new Badge();
      placeBadge(el, rec);
      if (!inflight.has(key)) queue.set(key, info.text);
    }
    for (const el of tracked) {
      if (!el.isConnected) {
        tracked.delete(el);
        io?.unobserve(el);
      }
    }
    schedulePanel();
    flush();
  }

  function nextBatch() {
    const isVisibleKey = new Set();
    for (const el of tracked) if (visible.has(el)) isVisibleKey.add(records.get(el)?.key);
    const keys = [...queue.keys()].sort((a, b) => isVisibleKey.has(b) - isVisibleKey.has(a))
      .slice(0, LIMITS.maxBatch);
    return keys.map((key) => {
      const text = queue.get(key).slice(0, LIMITS.maxTextLength);
      queue.delete(key);
      inflight.add(key);
      return { key, text, site };
    });
  }

  async function flush() {
    if (sending || stopped || queue.size === 0 || retryTimer !== null) return;
    sending = true;
    const items = nextBatch();
    stats.batches++;
    stats.sent += items.length;
    let resp;
    try {
      resp = await client.classifyBatch(items);
    } catch (err) {
      resp = { error: { code: 'worker-unavailable', message: String(err?.message ?? err) } };
    }
    sending = false;
    for (const { key } of items) inflight.delete(key);
    if (stopped) return;
    if (resp?.error || !Array.isArray(resp?.results)) {
      // The worker or the engine failed as a whole: show it, retry later.
      const error = resp?.error ?? { code: 'bad-answer', message: 'unexpected answer from the service worker' };
      failures++;
      for (const { key, text } of items) {
        queue.set(key, text);
        deliver(key, { error });
      }
      panel?.setStatus(`Analyse mislukt: ${error.message}`);
      const delay = Math.min(10000, 500 * 2 ** Math.min(failures, 5));
      retryTimer = setTimeout(() => {
        retryTimer = null;
        flush();
      }, delay);
      return;
    }
    failures = 0;
    panel?.setStatus(null);
    for (const r of resp.results) {
      const outcome = r.error ? { error: r.error } : { result: r.result };
      remember(r.key, outcome);
      deliver(r.key, outcome);
    }
    if (queue.size) flush();
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
    for (const m of mutations) {
      if (m.type === 'childList') {
        const nodes = [...m.addedNodes, ...m.removedNodes];
        if (nodes.length && nodes.every(isOurs)) continue;
      }
      const target = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (target && isOurs(target)) continue;
      scheduleScan();
      return;
    }
  });

  let rescanTimer = null;
  return {
    reader,
    stats,
    start() {
      mo.observe(doc.documentElement, { childList: true, subtree: true, characterData: true,
                                        attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
      rescanTimer = setInterval(() => {
        if (!doc.hidden) scan();
        if (panel && tracked.size) panel.attach();
      }, rescanMs);
      scan();
    },
    /** Customer data changed elsewhere (links, lists, erasure): redraw badges and panel from memory. */
    refreshCustomers() {
      for (const el of tracked) {
        const rec = records.get(el);
        if (!rec?.result || !rec.badge || !el.isConnected) continue;
        const hist = history ? history.view(site, rec.author, rec.key) : null;
        const cust = customers?.view(site, rec.author, rec.key, { type: rec.result.type, text: rec.text,
                                                                  profanity: rec.result.profanity === true }) ?? null;
        rec.badge.update({ result: rec.result, text: rec.text, error: null, history: hist?.count ? hist : null,
                           trainee: trainee(), customer: cust });
      }
      panel && (panel.signature = null);
      schedulePanel();
    },
    /** After SPA navigation: the dialect may differ, the list was replaced. */
    navigated() {
      reader.refresh();
      scheduleScan(0);
    },
    stop() {
      stopped = true;
      mo.disconnect();
      io?.disconnect();
      clearInterval(rescanTimer);
      clearTimeout(scanTimer);
      clearTimeout(retryTimer);
      clearTimeout(panelTimer);
    },
  };
}
