// customers.js — customer memory (issue 12; seed 002: "Ken je klant",
// personas, lists, one timeline across channels). Local only, never sent.
//
//   'webcare.timeline'  = {v:1, events:[…]}  written by content scripts (append) and pages (edit/erase)
//     mention: {id:'m:<post key>', kind:'mention', ts (first seen), account:'x:@piet', site, profile,
//               type, text (≤ 500), profanity, postedTs (page timestamp or null), key}
//     reply:   {id:'r:<ts>:<hash>', kind:'reply', ts (posted through the gate), account, site, profile,
//               text, rules:[ids], score, replyTo (mention key|null), responseMs|null, responseFrom:'post'|'seen'|null,
//               promise: {kind, text, due|null, label|null, done:false|ts} | null, gate}
//   'webcare.customers' = {v:1, customers:[{id, name, accounts:[account…], lists:[listId…]}], lists:[{id, name}]}
//     written by the customers page only. An account that is in no record is a customer of its own
//     (id = the account); linking accounts of one person by hand makes one record with both.
//
// Response time = reply posted − the mention's page timestamp (X time[datetime]);
// without one, or when the post was first seen more than 7 days after it was
// made (old posts found later), − the moment it was first seen.
// Account = site + author as history.js keys it ('x:@piet', 'facebook:piet jansen').
// Limits: MAX_EVENTS (oldest dropped first), MAX_TIMELINE_CHARS of JSON, the
// retention period of the settings, texts cut to MAX_TEXT. Erasure
// (forgetCustomer) removes the record, every timeline event of its accounts
// and their entries in the mention history; deleteAllCustomers removes all
// three keys' customer data. Writers merge with what is stored (by event id),
// so two tabs do not overwrite each other; a page edit (promise done) wins.
import { ext, localStorageArea } from './browser.js';
import { HISTORY_KEY, authorKey, personaOf, pruneRecords } from './history.js';
import { detectPromise, promiseState, dueLabel } from './promises.js';

export const TIMELINE_KEY = 'webcare.timeline';
export const CUSTOMERS_KEY = 'webcare.customers';
export const MAX_EVENTS = 4000;
export const MAX_TIMELINE_CHARS = 2500000;
export const MAX_CUSTOMERS = 3000;
export const MAX_TEXT = 500;
export const MAX_BACKLOG_MS = 7 * 86400000;
export const DAY_MS = 86400000;
const TYPES = ['happy', 'neutral', 'angry', 'question'];
const SITES = ['x', 'facebook', 'linkedin'];
const PROMISE_KINDS = ['bellen', 'mailen', 'bericht', 'terugkoppelen', 'uitzoeken'];

export const DEFAULT_LISTS = Object.freeze([
  { id: 'criticasters', name: 'Criticasters' },
  { id: 'journalisten', name: 'Journalisten' },
  { id: 'vip', name: 'VIP' },
  { id: 'merkambassadeurs', name: 'Merkambassadeurs' },
]);

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v) => (Number.isFinite(v) ? v : null);
const text = (v, max = MAX_TEXT) => (typeof v === 'string' ? v.slice(0, max) : '');

export { authorKey as accountKey };

/** 'x:@piet' -> {site:'x', name:'@piet'} */
export function splitAccount(account) {
  const i = String(account).indexOf(':');
  return i < 0 ? { site: '', name: String(account) } : { site: account.slice(0, i), name: account.slice(i + 1) };
}

function cleanPromise(p) {
  if (!isObj(p) || !PROMISE_KINDS.includes(p.kind)) return null;
  if (p.due !== null && p.due !== undefined && !Number.isFinite(p.due)) return null;
  return { kind: p.kind, text: text(p.text, 280), due: num(p.due), label: typeof p.label === 'string' ? p.label.slice(0, 40) : null,
           done: Number.isFinite(p.done) ? p.done : false };
}

/** One stored event -> clean event or null. */
export function cleanEvent(e) {
  if (!isObj(e) || typeof e.id !== 'string' || !Number.isFinite(e.ts) || typeof e.account !== 'string' || !e.account.includes(':')) return null;
  const base = { id: e.id.slice(0, 700), ts: e.ts, account: e.account.slice(0, 220), site: SITES.includes(e.site) ? e.site : splitAccount(e.account).site,
                 profile: typeof e.profile === 'string' ? e.profile.slice(0, 40) : 'default', text: text(e.text) };
  if (e.kind === 'mention') {
    if (!TYPES.includes(e.type)) return null;
    return { ...base, kind: 'mention', type: e.type, profanity: e.profanity === true, postedTs: num(e.postedTs),
             name: typeof e.name === 'string' ? e.name.slice(0, 200) : null,
             key: typeof e.key === 'string' ? e.key.slice(0, 600) : null };
  }
  if (e.kind === 'reply') {
    return { ...base, kind: 'reply', rules: Array.isArray(e.rules) ? e.rules.filter((r) => typeof r === 'string').slice(0, 32) : [],
             score: num(e.score), replyTo: typeof e.replyTo === 'string' ? e.replyTo.slice(0, 600) : null,
             responseMs: num(e.responseMs), responseFrom: e.responseFrom === 'post' || e.responseFrom === 'seen' ? e.responseFrom : null,
             promise: cleanPromise(e.promise), gate: typeof e.gate === 'string' ? e.gate.slice(0, 20) : null };
  }
  return null;
}

/** Clean, deduplicated (first id wins), retention-pruned, capped timeline, oldest first. */
export function pruneEvents(list, { now = Date.now(), retentionDays = 90, max = MAX_EVENTS, maxChars = MAX_TIMELINE_CHARS } = {}) {
  let kept = pruneRecords(list, cleanEvent, (e) => e.id, { now, retentionDays, max });
  // Byte budget (chrome.storage.local holds ~10 MB in all): drop the oldest tenth until it fits.
  while (kept.length && JSON.stringify(kept).length > maxChars) kept = kept.slice(Math.ceil(kept.length / 10));
  return kept;
}

function cleanList(l) {
  if (!isObj(l)) return null;
  const name = text(l.name, 40).trim();
  const id = text(l.id, 40);
  return name && /^[a-z0-9-]+$/.test(id) ? { id, name } : null;
}

/** Stored customers value -> {customers, lists}; every account in at most one record. */
export function normalizeCustomers(raw) {
  const r = isObj(raw) ? raw : {};
  const lists = [];
  for (const l of Array.isArray(r.lists) ? r.lists : DEFAULT_LISTS) {
    const c = cleanList(l);
    if (c && !lists.some((x) => x.id === c.id)) lists.push(c);
  }
  const listIds = new Set(lists.map((l) => l.id));
  const owned = new Set();
  const customers = [];
  for (const c of Array.isArray(r.customers) ? r.customers : []) {
    if (!isObj(c) || typeof c.id !== 'string' || customers.length >= MAX_CUSTOMERS) continue;
    const accounts = (Array.isArray(c.accounts) ? c.accounts : []).filter((a) => typeof a === 'string' && a.includes(':') && !owned.has(a))
      .map((a) => a.slice(0, 220)).slice(0, 20);
    if (!accounts.length) continue;
    for (const a of accounts) owned.add(a);
    customers.push({ id: c.id.slice(0, 240), name: text(c.name, 80).trim(), accounts,
                     lists: (Array.isArray(c.lists) ? c.lists : []).filter((l) => listIds.has(l)) });
  }
  return { customers, lists };
}

/** The customer an account belongs to (a record, or the account on its own). */
export function customerOf(state, account) {
  const rec = state.customers.find((c) => c.accounts.includes(account));
  return rec ?? { id: account, name: '', accounts: [account], lists: [], implicit: true };
}

/** Every customer with events or a record: records first, then implicit ones. */
export function allCustomers(state, events) {
  const out = [...state.customers];
  const owned = new Set(state.customers.flatMap((c) => c.accounts));
  for (const e of events) {
    if (owned.has(e.account)) continue;
    owned.add(e.account);
    out.push({ id: e.account, name: '', accounts: [e.account], lists: [], implicit: true });
  }
  return out;
}

/** Display name: the record's name, else the author name last seen on the page, else the account's name. */
export function customerName(c, events = []) {
  if (c.name) return c.name;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.kind === 'mention' && e.name && c.accounts.includes(e.account)) return e.name;
  }
  return splitAccount(c.accounts[0]).name;
}

// ---- similarity (question answered before) -----------------------------
const STOP = new Set(('de het een en of maar want dus dat die dit deze wat wie waar wanneer hoe waarom welke kan kun '
  + 'kunnen kunt jullie jij je jou u uw ik mij mijn me we wij ons onze zijn is was ben bent heb hebt heeft hebben had '
  + 'niet geen wel ook nog al er hier daar naar van voor met bij aan op in uit om tot over door als dan zo te nu '
  + 'even graag mag moet moeten wil willen zou zouden gaat gaan doen doet the and you your hallo hoi beste bedankt').split(' '));

/** Content words of a text (lower case, accents off, no stop words, length ≥ 3). */
export function contentWords(s) {
  const words = String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/https?:\/\/\S+|[@#]\w+/g, ' ').split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((w) => w.length >= 3 && !STOP.has(w)).map((w) => (w.length > 5 ? w.replace(/(en|e|s)$/, '') : w)));
}

/** Overlap of content words relative to the shorter text (0..1), with at least 2 shared words. */
export function similarity(a, b) {
  const A = contentWords(a);
  const B = contentWords(b);
  if (!A.size || !B.size) return 0;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared < 2 ? 0 : shared / Math.min(A.size, B.size);
}

// ---- views and hints ----------------------------------------------------

/**
 * What we know of the customer behind `account` at mention `key` (or now):
 * {customer, lists, timeline (all other events, newest first), earlierTypes (mentions before it), persona,
 *  lastContact: {ts, kind}|null, promises: [open reply promises, oldest first], count}
 */
export function customerView(state, events, account, { key = null, now = Date.now() } = {}) {
  const customer = customerOf(state, account);
  const accounts = new Set(customer.accounts);
  const mine = events.filter((e) => accounts.has(e.account));
  const cur = key ? mine.find((e) => e.kind === 'mention' && e.key === key) : null;
  // Persona and "earlier" types look back from the current mention; the timeline
  // shows everything else we know (also our replies that came after it was first seen).
  const upto = cur ? mine.filter((e) => e.ts <= cur.ts) : mine;
  const earlier = upto.filter((e) => e !== cur);
  const others = mine.filter((e) => e !== cur);
  const mentions = upto.filter((e) => e.kind === 'mention');
  const last = others[others.length - 1] ?? null;
  return {
    customer,
    lists: customer.lists.map((id) => state.lists.find((l) => l.id === id)).filter(Boolean),
    timeline: [...others].reverse(),
    earlierTypes: earlier.filter((e) => e.kind === 'mention').map((e) => e.type).reverse(),
    persona: personaOf(mentions),
    lastContact: last ? { ts: last.ts, kind: last.kind, site: last.site } : null,
    promises: mine.filter((e) => e.kind === 'reply' && e.promise && !e.promise.done)
      .map((e) => ({ ...e.promise, eventId: e.id, ts: e.ts, site: e.site, state: promiseState(e.promise, now) })),
    count: mentions.length,
  };
}

const MODERATION_EXAMPLE = 'Hoi, we snappen dat je boos bent en helpen je graag. Scheldwoorden passen alleen niet bij onze huisregels, '
  + 'daarom verwijderen we je bericht. Stel je vraag gerust opnieuw, dan zoeken we het samen uit.';

/**
 * Reply hints for the mention being answered (seed 002). mention: {type, text, profanity}.
 * Returns [{id, title, text, example?, earlier?:{ts, text}}], most urgent first.
 *   moderatie         profanity in the mention: moderation reply (removed, and why)
 *   open-belofte      a promise of ours to this customer is still open (or overdue)
 *   eerder-beantwoord a similar question of this customer got an answer before
 *   stop-graven       a criticaster (list or persona) who stays negative
 *   bedanken-delen    a merkambassadeur (list or persona): thank publicly, share
 *   journalist / vip  list membership
 */
export function replyHints(view, mention = {}, now = Date.now()) {
  if (!view) return [];
  const hints = [];
  const onList = (id) => view.customer.lists.includes(id);
  if (mention.profanity) {
    hints.push({ id: 'moderatie', title: 'Grof taalgebruik: modereren',
                 text: 'Reageer met een moderatiebericht: zeg dat het bericht wordt verwijderd en waarom (huisregels), en nodig uit het netjes opnieuw te vragen.',
                 example: MODERATION_EXAMPLE });
  }
  for (const p of view.promises.slice(0, 2)) {
    hints.push({ id: 'open-belofte', title: p.state === 'overdue' ? 'Belofte verlopen' : 'Open belofte',
                 text: `Wij beloofden: “${p.text.length > 120 ? p.text.slice(0, 119) + '…' : p.text}” (${dueLabel(p)}). Kom die na of koppel terug.`,
                 state: p.state });
  }
  if (mention.type === 'question' || /\?/.test(mention.text ?? '')) {
    const replies = view.timeline.filter((e) => e.kind === 'reply');
    let best = null;
    // Only questions we answered count: look for the answer before comparing words (no replies, no work).
    for (const m of replies.length ? view.timeline : []) {
      if (m.kind !== 'mention' || !(m.type === 'question' || m.text.includes('?'))) continue;
      const answer = replies.find((r) => r.replyTo === m.key) ?? [...replies].reverse().find((r) => r.ts > m.ts);
      if (!answer) continue;
      const score = similarity(mention.text ?? '', m.text);
      if (score < 0.5 || (best && best.score >= score)) continue;
      best = { score, question: m, answer };
    }
    if (best) {
      hints.push({ id: 'eerder-beantwoord', title: 'Deze vraag is eerder beantwoord',
                   text: 'Deze klant stelde eerder een vergelijkbare vraag. Ons antwoord toen:',
                   earlier: { ts: best.answer.ts, text: best.answer.text, site: best.answer.site, question: best.question.text } });
    }
  }
  const critic = onList('criticasters') || view.persona === 'criticaster';
  if (critic && mention.type === 'angry' && view.earlierTypes[0] === 'angry') {
    hints.push({ id: 'stop-graven', title: 'Criticaster blijft negatief',
                 text: 'Blijf respectvol en vriendelijk, geef één keer de feiten en graaf dan niet verder: laat het gesprek rusten.' });
  }
  const fan = onList('merkambassadeurs') || view.persona === 'merkambassadeur';
  if (fan && mention.type !== 'angry') {
    hints.push({ id: 'bedanken-delen', title: 'Merkambassadeur',
                 text: 'Bedank deze fan publiekelijk en persoonlijk, en deel of retweet het bericht.' });
  }
  if (onList('journalisten')) {
    hints.push({ id: 'journalist', title: 'Journalist', text: 'Antwoord feitelijk en zorgvuldig; schakel bij twijfel de woordvoerder in.' });
  }
  if (onList('vip')) hints.push({ id: 'vip', title: 'VIP', text: 'Geef voorrang en persoonlijke aandacht.' });
  return hints;
}

// ---- response time --------------------------------------------------------

/** Median of a list of numbers (null for none). */
export function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
}

/** Response times of replies in [now-days, now]: {count, median, p90, byProfile:[{profile, count, median}]}. */
export function responseStats(events, { days = 30, now = Date.now(), profile = null, accounts = null } = {}) {
  const from = now - days * DAY_MS;
  const rs = events.filter((e) => e.kind === 'reply' && e.responseMs !== null && e.ts >= from && e.ts <= now
    && (!profile || e.profile === profile) && (!accounts || accounts.has(e.account)));
  const times = rs.map((e) => e.responseMs);
  const sorted = [...times].sort((a, b) => a - b);
  const by = new Map();
  for (const e of rs) by.set(e.profile, [...(by.get(e.profile) ?? []), e.responseMs]);
  return {
    count: rs.length,
    median: median(times),
    p90: sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)] : null,
    byProfile: [...by.entries()].map(([p, xs]) => ({ profile: p, count: xs.length, median: median(xs) }))
      .sort((a, b) => a.profile.localeCompare(b.profile)),
    replies: rs,
  };
}

/** "4 min", "2 u 5 min", "3 d 4 u". */
export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '–';
  const min = Math.round(ms / 60000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} u${min % 60 ? ` ${min % 60} min` : ''}`;
  return `${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} u` : ''}`;
}

// ---- storage -----------------------------------------------------------------

const area = localStorageArea;

/** {state:{customers, lists}, events} (cleaned; never throws). */
export async function readCustomers() {
  const a = area();
  if (!a) return { state: normalizeCustomers(null), events: [] };
  try {
    const got = await a.get([CUSTOMERS_KEY, TIMELINE_KEY]);
    return { state: normalizeCustomers(got?.[CUSTOMERS_KEY]), events: pruneEvents(got?.[TIMELINE_KEY]?.events, { retentionDays: 100000 }) };
  } catch {
    return { state: normalizeCustomers(null), events: [] };
  }
}

/** Stores the customer records and lists (pages only). */
export async function writeCustomers(state) {
  const clean = normalizeCustomers(state);
  await area()?.set({ [CUSTOMERS_KEY]: { v: 1, ...clean } });
  return clean;
}

/** Applies fn(events) -> events to the stored timeline (pages: promise done, erasure). */
export async function editTimeline(fn, { retentionDays = 100000 } = {}) {
  const a = area();
  if (!a) return [];
  const got = await a.get(TIMELINE_KEY);
  const events = pruneEvents(fn(pruneEvents(got?.[TIMELINE_KEY]?.events, { retentionDays: 100000 })), { retentionDays });
  await a.set({ [TIMELINE_KEY]: { v: 1, events } });
  return events;
}

/** Marks a reply's promise done (or open again with done=false). */
export function setPromiseDone(eventId, done = true, now = Date.now()) {
  return editTimeline((events) => events.map((e) => (e.id === eventId && e.promise
    ? { ...e, promise: { ...e.promise, done: done ? now : false } } : e)));
}

/** Links `accounts` (and the customers they belong to) into one customer; resolves to the state. */
export async function linkAccounts(accounts, name = '') {
  const { state } = await readCustomers();
  const parts = accounts.map((a) => customerOf(state, a));
  const merged = {
    id: parts.find((p) => !p.implicit)?.id ?? `c-${Date.now().toString(36)}`,
    name: name || parts.map((p) => p.name).find(Boolean) || '',
    accounts: [...new Set(parts.flatMap((p) => p.accounts))],
    lists: [...new Set(parts.flatMap((p) => p.lists))],
  };
  const ids = new Set(parts.map((p) => p.id));
  return writeCustomers({ ...state, customers: [...state.customers.filter((c) => !ids.has(c.id)), merged] });
}

/** Takes one account out of its customer record (it becomes a customer of its own again). */
export async function unlinkAccount(account) {
  const { state } = await readCustomers();
  return writeCustomers({ ...state, customers: state.customers.map((c) => (c.accounts.includes(account)
    ? { ...c, accounts: c.accounts.filter((a) => a !== account) } : c)) });
}

/** Puts a customer (by one of its accounts) on a list or takes it off. */
export async function setListMember(account, listId, member) {
  const { state } = await readCustomers();
  const c = customerOf(state, account);
  const lists = new Set(c.lists);
  if (member) lists.add(listId);
  else lists.delete(listId);
  const rec = { id: c.implicit ? `c-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` : c.id,
                name: c.name, accounts: c.accounts, lists: [...lists] };
  return writeCustomers({ ...state, customers: [...state.customers.filter((x) => x.id !== c.id), rec] });
}

/** Renames a customer (creates its record). */
export async function renameCustomer(account, name) {
  const { state } = await readCustomers();
  const c = customerOf(state, account);
  const rec = { ...c, id: c.implicit ? `c-${Date.now().toString(36)}` : c.id, name: String(name ?? '').trim().slice(0, 80) };
  delete rec.implicit;
  return writeCustomers({ ...state, customers: [...state.customers.filter((x) => x.id !== c.id), rec] });
}

/** Adds a list (name) or removes one (id); members lose it. */
export async function addList(name) {
  const { state } = await readCustomers();
  const base = String(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '').slice(0, 30) || 'lijst';
  let id = base;
  for (let i = 2; state.lists.some((l) => l.id === id); i++) id = `${base}-${i}`;
  return writeCustomers({ ...state, lists: [...state.lists, { id, name: String(name).trim().slice(0, 40) }] });
}

export async function removeList(id) {
  const { state } = await readCustomers();
  return writeCustomers({ lists: state.lists.filter((l) => l.id !== id),
                          customers: state.customers.map((c) => ({ ...c, lists: c.lists.filter((l) => l !== id) })) });
}

/**
 * Erasure ("vergeet deze klant"): the record, every timeline event of its accounts and their
 * mentions in the history ('webcare.history'). Resolves to the number of events removed.
 */
export async function forgetCustomer(account) {
  const a = area();
  if (!a) throw new Error('opslag niet beschikbaar');
  const got = await a.get([CUSTOMERS_KEY, TIMELINE_KEY, HISTORY_KEY]);
  const state = normalizeCustomers(got?.[CUSTOMERS_KEY]);
  const c = customerOf(state, account);
  const gone = new Set(c.accounts);
  const events = pruneEvents(got?.[TIMELINE_KEY]?.events, { retentionDays: 100000 });
  const keep = events.filter((e) => !gone.has(e.account));
  const hist = got?.[HISTORY_KEY];
  const mentions = Array.isArray(hist?.mentions) ? hist.mentions.filter((m) => !gone.has(authorKey(m?.site, m?.author))) : [];
  await a.set({
    [CUSTOMERS_KEY]: { v: 1, ...normalizeCustomers({ ...state, customers: state.customers.filter((x) => x.id !== c.id) }) },
    [TIMELINE_KEY]: { v: 1, events: keep },
    [HISTORY_KEY]: { v: 1, mentions },
  });
  return events.length - keep.length;
}

/** "Alles wissen" for customer data: records, lists' members, timeline and the mention history. */
export async function deleteAllCustomers() {
  const { state } = await readCustomers();
  await area()?.remove([TIMELINE_KEY, HISTORY_KEY]);
  await writeCustomers({ lists: state.lists, customers: [] });
}

/** Everything we keep about customers, for an explicit export (JSON text). */
export async function exportCustomers() {
  const { state, events } = await readCustomers();
  return JSON.stringify({ webcareLensCustomers: 1, exported: new Date().toISOString(), ...state, events }, null, 2) + '\n';
}

/**
 * The recorder of a content script: synchronous answers from memory, batched
 * appends. deps: {retentionDays(), now(), flushMs}
 */
export function createCustomerMemory({ retentionDays = () => 90, now = () => Date.now(), flushMs = 400 } = {}) {
  let events = [];
  let state = normalizeCustomers(null);
  const byId = new Map();
  // account -> its events, oldest first: a badge's view costs O(that customer's events),
  // so badging n posts stays linear in n.
  const byAccount = new Map();
  const pending = [];
  const listeners = new Set();
  let timer = null;

  function indexEvent(e) {
    byId.set(e.id, e);
    const list = byAccount.get(e.account);
    if (list) list.push(e);
    else byAccount.set(e.account, [e]);
  }

  function index(list) {
    events = list;
    byId.clear();
    byAccount.clear();
    for (const e of list) indexEvent(e);
  }

  async function load() {
    const got = await readCustomers();
    state = got.state;
    const extra = pending.filter((e) => !got.events.some((x) => x.id === e.id));
    index(pruneEvents([...got.events, ...extra], { now: now(), retentionDays: retentionDays() }));
  }

  function schedule() {
    if (timer === null) timer = setTimeout(() => {
      timer = null;
      flush();
    }, flushMs);
  }

  async function flush() {
    const a = area();
    if (!a || !pending.length) return;
    const add = pending.splice(0);
    try {
      const got = await a.get(TIMELINE_KEY);
      const list = pruneEvents([...(got?.[TIMELINE_KEY]?.events ?? []), ...add], { now: now(), retentionDays: retentionDays() });
      await a.set({ [TIMELINE_KEY]: { v: 1, events: list } });
    } catch {
      /* extension context gone or storage full: best effort */
    }
  }

  function push(e) {
    const clean = cleanEvent(e);
    if (!clean || byId.has(clean.id)) return byId.get(clean?.id) ?? null;
    indexEvent(clean);
    events.push(clean);
    pending.push(clean);
    schedule();
    return clean;
  }

  // Other tabs and pages (links, lists, erasure, promise done): reload.
  const onChanged = (changes, areaName) => {
    if (areaName !== 'local' || !(CUSTOMERS_KEY in changes || TIMELINE_KEY in changes)) return;
    if (TIMELINE_KEY in changes) {
      const stored = pruneEvents(changes[TIMELINE_KEY].newValue?.events, { retentionDays: 100000 });
      const ids = new Set(stored.map((e) => e.id));
      index([...stored, ...pending.filter((e) => !ids.has(e.id))].sort((x, y) => x.ts - y.ts));
    }
    if (CUSTOMERS_KEY in changes) state = normalizeCustomers(changes[CUSTOMERS_KEY].newValue);
    for (const cb of listeners) cb();
  };
  try {
    ext?.storage?.onChanged?.addListener(onChanged);
  } catch {
    /* no storage events */
  }

  function view(site, author, key = null, mention = {}) {
    const account = authorKey(site, author);
    if (!account) return null;
    const accounts = customerOf(state, account).accounts;
    const mine = accounts.length === 1 ? (byAccount.get(account) ?? [])
      : accounts.flatMap((a) => byAccount.get(a) ?? []).sort((x, y) => x.ts - y.ts);
    const v = customerView(state, mine, account, { key, now: now() });
    return { ...v, account, hints: replyHints(v, mention, now()) };
  }

  return {
    load,
    flush,
    view,
    get events() {
      return events;
    },
    get state() {
      return state;
    },
    /** cb() after another page changed customers or the timeline. */
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    /** Lists of the customer behind an author (ids). */
    listsOf(site, author) {
      const account = authorKey(site, author);
      return account ? customerOf(state, account).lists : [];
    },
    /** A badged mention (once per post key); returns the customer view with hints, or null. */
    recordMention({ site, author, key, type, text: t = '', profanity = false, postedTs = null, profile = 'default' }) {
      const account = authorKey(site, author);
      if (!account || !key) return null;
      push({ id: `m:${key}`, kind: 'mention', ts: now(), account, site, profile, type, text: t, profanity, postedTs, key, name: author });
      return view(site, author, key, { type, text: t, profanity });
    },
    /**
     * A reply that went out through the gate. mention: {author, key|null, textHash|null} of the mention answered.
     * Resolves the promise and the response time (from the mention's page timestamp, else first seen).
     * vague: the text of the core's empty-promise finding, kept as an open promise without due time.
     */
    recordReply({ site, mention, text: t, rules = [], score = null, profile = 'default', gate = null, vague = null }) {
      const account = authorKey(site, mention?.author);
      if (!account) return null;
      const ts = now();
      // The mention by its post key; else (X reply dialog: no badged post) by author + text hash.
      const m = (mention.key ? byId.get(`m:${mention.key}`) : null)
        ?? (mention.textHash ? [...(byAccount.get(account) ?? [])].reverse().find((e) => e.kind === 'mention' && e.account === account
          && e.key?.endsWith(`:${mention.textHash}`)) : null) ?? null;
      // From the page's timestamp; a post first seen more than MAX_BACKLOG_MS after it was
      // made (scrolled up from the archive) counts from when it was first seen instead.
      const fromPost = m && m.postedTs !== null && m.postedTs <= m.ts && m.ts - m.postedTs <= MAX_BACKLOG_MS;
      const start = m ? (fromPost ? m.postedTs : m.ts) : null;
      return push({
        id: `r:${ts}:${account}:${t.length}`, kind: 'reply', ts, account, site, profile, text: t, rules, score,
        replyTo: m?.key ?? mention.key ?? null, responseMs: start !== null && ts >= start ? ts - start : null,
        responseFrom: m ? (fromPost ? 'post' : 'seen') : null, gate,
        // The core's empty-promise finding (vague = its sentence) is a promise without a due time.
        promise: detectPromise(t, ts) ?? (vague ? { kind: 'terugkoppelen', text: vague, due: null, label: null } : null),
      });
    },
  };
}
