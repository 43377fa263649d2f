// history.js — the local history of classified mentions and checked replies,
// in chrome.storage.local, never sent anywhere. Two keys:
//
//   'webcare.history' = {v:1, mentions:[{ts, site, author, type, key}]}
//       one entry per post key (site:id:texthash), oldest first
//   'webcare.checks'  = {v:1, checks:[{ts, site, source, score, rules:[ids], mtype}]}
//   (both may carry `profile` = brand profile id and checks `account` = the
//   customer answered, issue 12; entries without them belong to 'default')
//       one entry per checked reply (source: composer | quick-check | practice | popup)
//
// Caps: MAX_MENTIONS / MAX_CHECKS entries (oldest dropped first) and the
// retention period from the settings (default 90 days). Writers append to an
// in-memory queue; flush() re-reads storage, merges by post key and writes, so
// two tabs recording at once do not overwrite each other's entries.
//
// Persona (seed 002, "Ken je klant"), from an author's mentions on one site,
// the current one included, oldest first (n = how many):
//   nieuw                 n = 1: first contact
//   criticaster           n ≥ 3, ≥ 3 angry and angry ≥ 60 % of all
//   tijdelijk-boos        the latest is angry and the earlier ones are mostly
//                         happy/neutral/question (non-angry > angry)
//   merkambassadeur       n ≥ 2, ≥ 2 happy and happy ≥ 60 % of all
//   terugkerend           anything else (a returning customer without a pattern)
// The checks run in that order: a fan who is angry today is a temporarily
// angry customer, not an ambassador.
import { ext, localStorageArea } from './browser.js';

export const HISTORY_KEY = 'webcare.history';
export const CHECKS_KEY = 'webcare.checks';
export const PRACTICE_KEY = 'webcare.practice';
export const MAX_MENTIONS = 5000;
export const MAX_CHECKS = 5000;
export const DAY_MS = 86400000;
const TYPES = ['happy', 'neutral', 'angry', 'question'];
const SOURCES = ['composer', 'quick-check', 'practice', 'popup'];

export const PERSONAS = Object.freeze({
  nieuw: { label: 'Nieuw', long: 'Nieuwe klant: eerste bericht', tip: 'Eerste contact: maak een goede eerste indruk.' },
  criticaster: { label: 'Criticaster', long: 'Criticaster: vaker boos', tip: 'Blijf respectvol en vriendelijk; blijft de kritiek, graaf dan niet verder (seed 002).' },
  'tijdelijk-boos': { label: 'Tijdelijk boos', long: 'Tijdelijk boze klant: eerder tevreden', tip: 'Luister, toon empathie en los het snel op: vaak volgt later een compliment (seed 002).' },
  merkambassadeur: { label: 'Ambassadeur', long: 'Merkambassadeur: vaak positief', tip: 'Beloon de fan: bedank, deel of geef een shout-out (seed 002).' },
  terugkerend: { label: 'Bekend', long: 'Terugkerende klant', tip: 'Kijk naar de eerdere berichten voor de context.' },
});

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The key of an author on a site: 'x:@handle' (case-insensitive), or null. */
export function authorKey(site, author) {
  if (typeof author !== 'string') return null;
  const a = author.trim().toLowerCase().slice(0, 200);
  return a ? `${site}:${a}` : null;
}

/** Persona id for an author's mentions (oldest first, the current one last). */
export function personaOf(mentions) {
  const n = mentions.length;
  if (n === 0) return null;
  if (n === 1) return 'nieuw';
  const count = (t) => mentions.filter((m) => m.type === t).length;
  const angry = count('angry');
  const happy = count('happy');
  if (n >= 3 && angry >= 3 && angry / n >= 0.6) return 'criticaster';
  const last = mentions[n - 1];
  const earlier = mentions.slice(0, -1);
  const earlierAngry = earlier.filter((m) => m.type === 'angry').length;
  if (last.type === 'angry' && earlier.length - earlierAngry > earlierAngry) return 'tijdelijk-boos';
  if (happy >= 2 && happy / n >= 0.6) return 'merkambassadeur';
  return 'terugkerend';
}

// Brand profile (issue 12, lib/profiles.js) and customer account of an entry,
// kept only when given, so older entries and callers are unchanged.
function optional(e) {
  const out = {};
  if (typeof e.profile === 'string' && e.profile) out.profile = e.profile.slice(0, 40);
  if (typeof e.account === 'string' && e.account) out.account = e.account.slice(0, 220);
  return out;
}

function cleanMention(m) {
  if (!isObj(m) || typeof m.key !== 'string' || !TYPES.includes(m.type) || !Number.isFinite(m.ts)) return null;
  return { ts: m.ts, site: String(m.site ?? ''), author: typeof m.author === 'string' ? m.author.slice(0, 200) : null,
           type: m.type, key: m.key.slice(0, 600), ...optional(m) };
}

function cleanCheck(c) {
  if (!isObj(c) || !Number.isFinite(c.ts) || !Number.isFinite(c.score)) return null;
  return { ts: c.ts, site: String(c.site ?? ''), source: SOURCES.includes(c.source) ? c.source : 'composer',
           score: Math.max(0, Math.min(100, Math.round(c.score))),
           rules: Array.isArray(c.rules) ? c.rules.filter((r) => typeof r === 'string').slice(0, 64) : [],
           mtype: TYPES.includes(c.mtype) ? c.mtype : null, ...optional(c) };
}

/**
 * Stored list -> cleaned records (`clean` returns null to drop one), older
 * than the retention dropped, deduplicated by `keyOf` (first wins; no key =
 * no dedup), oldest first, the newest `max` kept.
 */
export function pruneRecords(list, clean, keyOf, { now = Date.now(), retentionDays = 90, max }) {
  const cutoff = now - retentionDays * DAY_MS;
  const seen = new Set();
  const out = [];
  for (const raw of Array.isArray(list) ? list : []) {
    const r = clean(raw);
    if (!r || r.ts < cutoff) continue;
    const key = keyOf?.(r);
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(r);
  }
  out.sort((a, b) => a.ts - b.ts);
  return out.length > max ? out.slice(out.length - max) : out;
}

/** Stored value -> clean, sorted, deduplicated, pruned mention list. */
export function pruneMentions(list, { now = Date.now(), retentionDays = 90, max = MAX_MENTIONS } = {}) {
  return pruneRecords(list, cleanMention, (m) => m.key, { now, retentionDays, max });
}

export function pruneChecks(list, { now = Date.now(), retentionDays = 90, max = MAX_CHECKS } = {}) {
  return pruneRecords(list, cleanCheck, null, { now, retentionDays, max });
}

/** An author's mentions on a site (oldest first) from a mention list. */
export function mentionsOf(mentions, site, author) {
  const key = authorKey(site, author);
  if (!key) return [];
  return mentions.filter((m) => m.site === site && authorKey(m.site, m.author) === key);
}

const area = localStorageArea;

/** Reads both lists (cleaned). Never throws: empty lists without storage. */
export async function readAll() {
  const a = area();
  if (!a) return { mentions: [], checks: [] };
  try {
    const got = await a.get([HISTORY_KEY, CHECKS_KEY]);
    return { mentions: pruneMentions(got?.[HISTORY_KEY]?.mentions, { retentionDays: 100000 }),
             checks: pruneChecks(got?.[CHECKS_KEY]?.checks, { retentionDays: 100000 }) };
  } catch {
    return { mentions: [], checks: [] };
  }
}

/** Removes the history and the checks (not the settings). */
export async function clearHistory() {
  await area()?.remove([HISTORY_KEY, CHECKS_KEY, PRACTICE_KEY]);
}

/**
 * A recorder for one content script or page: record() is synchronous and
 * answers from memory (persona + earlier mentions); writes are batched.
 * deps: {retentionDays: () => number, now, flushMs}
 */
export function createHistory({ retentionDays = () => 90, now = () => Date.now(), flushMs = 400 } = {}) {
  let mentions = [];
  const known = new Set();
  // authorKey(site, author) -> that author's mentions, oldest first (same
  // order as `mentions`): persona lookups cost O(that author's mentions), not
  // O(whole history), so badging n posts is linear, not quadratic.
  const byAuthor = new Map();
  const pendingMentions = [];
  const pendingChecks = [];
  let timer = null;
  let loaded = null;

  function indexMention(m) {
    const k = authorKey(m.site, m.author);
    if (!k) return;
    const list = byAuthor.get(k);
    if (list) list.push(m);
    else byAuthor.set(k, [m]);
  }

  function index(list) {
    mentions = list;
    known.clear();
    byAuthor.clear();
    for (const m of list) {
      known.add(m.key);
      indexMention(m);
    }
  }

  function load() {
    loaded ??= readAll().then(({ mentions: list }) => {
      const stored = new Set(list.map((x) => x.key));
      const extra = pendingMentions.filter((m) => !stored.has(m.key));
      index(pruneMentions([...list, ...extra], { now: now(), retentionDays: retentionDays() }));
    });
    return loaded;
  }

  function schedule() {
    if (timer === null) timer = setTimeout(() => {
      timer = null;
      flush();
    }, flushMs);
  }

  async function flush() {
    const a = area();
    if (!a || (!pendingMentions.length && !pendingChecks.length)) return;
    const ms = pendingMentions.splice(0);
    const cs = pendingChecks.splice(0);
    try {
      const got = await a.get([HISTORY_KEY, CHECKS_KEY]);
      const opts = { now: now(), retentionDays: retentionDays() };
      const patch = {};
      if (ms.length) patch[HISTORY_KEY] = { v: 1, mentions: pruneMentions([...(got?.[HISTORY_KEY]?.mentions ?? []), ...ms], opts) };
      if (cs.length) patch[CHECKS_KEY] = { v: 1, checks: pruneChecks([...(got?.[CHECKS_KEY]?.checks ?? []), ...cs], opts) };
      await a.set(patch);
      if (patch[HISTORY_KEY]) index(patch[HISTORY_KEY].mentions);
    } catch {
      /* extension context gone or storage full: the history is best effort */
    }
  }

  /** The author's history view: {persona, count, earlier:[{ts,type,site}]} (earlier = newest first). */
  function view(site, author, key) {
    const k = authorKey(site, author);
    const all = k ? (byAuthor.get(k) ?? []).filter((m) => m.site === site) : [];
    const idx = all.findIndex((m) => m.key === key);
    const upto = idx >= 0 ? all.slice(0, idx + 1) : all;
    const earlier = upto.filter((m) => m.key !== key).reverse();
    return { persona: personaOf(upto), count: upto.length, earlier };
  }

  return {
    load,
    flush,
    view,
    get mentions() {
      return mentions;
    },
    /** Records a classified post once per key; returns the author's view (or null without author). */
    record({ site, author, type, key, ts = now(), profile }) {
      const m = cleanMention({ site, author, type, key, ts, profile });
      if (!m) return null;
      if (!known.has(m.key)) {
        known.add(m.key);
        mentions.push(m);
        indexMention(m);
        pendingMentions.push(m);
        schedule();
      }
      return authorKey(site, author) ? view(site, author, m.key) : null;
    },
    /** Records a checked reply. */
    recordCheck(check) {
      const c = cleanCheck({ ts: now(), ...check });
      if (!c) return;
      pendingChecks.push(c);
      schedule();
    },
  };
}
