// promises.js — finds the promise in a reply we posted ("ik bel je morgen
// vóór 12:00 terug", "we mailen je vandaag") and when it is due, so the
// agent can keep it (seed 000: "koppel het resultaat terug"). Pure functions,
// local time, no storage and no DOM.
//
// A promise = a sentence with a first-person subject (ik, we, wij, mijn/onze
// collega) or a "je hoort/krijgt … van ons" construction, and an action we
// take later: bellen, mailen, sturen (DM/bericht/mail), terugkoppelen,
// terugkomen, laten weten, contact opnemen, op de hoogte houden, uitzoeken,
// nakijken, regelen, oplossen. The due time comes from the same sentence:
//   vandaag / vanmiddag / vanavond / vanochtend / straks    -> today
//   morgen / overmorgen, maandag … zondag (the next one; today counts only
//   while the named time is still ahead), "binnen N uur/minuten/(werk)dagen",
//   "deze week" (Friday 17:00), "volgende week" (next Monday 17:00)
//   hh:mm / hh.mm / "12 uur" (with vóór/voor/om/uiterlijk) sets the time.
// Without a time of day: vanochtend 12:00, vanmiddag/vandaag 17:00, vanavond
// 21:00, other days 17:00 (end of the working day).
// Limits: no dates ("3 maart"), no "na het weekend", no English, no ranges
// ("tussen 14 en 16 uur" takes the first time); a promise without any time
// expression is kept as open with due = null ("zonder termijn").

export const DAY_MS = 86400000;
const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

const SUBJECT = /\b(?:ik|we|wij|mijn collega(?:'s)?|onze collega(?:'s)?|een collega|collega(?:'s)? van)\b|\bje (?:hoort|krijgt) (?:\w+ )*?(?:van|bij) (?:ons|mij)\b|\b(?:wordt|word) (?:je|u) (?:\w+ )*?(?:gebeld|gemaild|teruggebeld)\b/i;

// Action we take later: [kind, pattern]. Stems cover the common inflections.
const ACTIONS = [
  ['bellen', /\b(?:(?:terug)?bel(?:t|len|de|den)?|(?:terug)?gebeld|belletje)\b|\bbel(?:len)? (?:\w+ ){0,4}terug\b/i],
  ['mailen', /\b(?:mail(?:t|en|de|den)?|gemaild|e-?mail)\b/i],
  ['bericht', /\b(?:stuur|sturen|stuurt|gestuurd|dm(?:'en|en)?|app(?:en|t)?|bericht(?:je)?)\b/i],
  ['terugkoppelen', /\b(?:koppel(?:en|t)? (?:\w+ ){0,5}terug|terugkoppel(?:en|ing)|kom(?:en|t)? (?:\w+ ){0,5}terug|terugkomen|laat (?:\w+ ){0,5}weten|laten (?:\w+ ){0,5}weten|hou(?:d|den)? (?:\w+ ){0,4}op de hoogte|neem (?:\w+ ){0,4}contact|nemen (?:\w+ ){0,4}contact|contact (?:met (?:je|u) )?op(?:nemen)?|hoort|horen)\b/i],
  ['uitzoeken', /\b(?:zoek(?:en|t)? (?:\w+ ){0,5}uit|uitzoeken|kijk(?:en|t)? (?:\w+ ){0,5}na|nakijken|regel(?:en|t)?|geregeld|los(?:sen)? (?:\w+ ){0,5}op|oplossen|controleer|controleren)\b/i],
];

const TIME = /\b(?:(vóór|voor|om|uiterlijk|tegen|rond|na)\s+)?([01]?\d|2[0-3])(?:[:.]([0-5]\d)|\s*uur)\b/i;
const WITHIN = /\bbinnen\s+(?:(een|één|twee|drie|vier|vijf|zes|acht|tien|twaalf|\d{1,3})\s+)?(minuut|minuten|kwartier|uur|uren|werkdag|werkdagen|dag|dagen)\b/i;
const WORDNUM = { een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, acht: 8, tien: 10, twaalf: 12 };

const at = (base, hh, mm = 0) => {
  const d = new Date(base);
  d.setHours(hh, mm, 0, 0);
  return d.getTime();
};
const addDays = (ts, n) => {
  const d = new Date(ts);
  d.setDate(d.getDate() + n);
  return d.getTime();
};

/** Adds n working days (Mon–Fri) to a timestamp. */
function addWorkdays(ts, n) {
  let d = ts;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const wd = new Date(d).getDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

/** Splits a reply into sentences (keeps @handles and times like 12.30 intact). */
export function sentences(text) {
  return String(text ?? '').split(/(?<=[!?])\s+|(?<=\.)\s+(?=[A-Z@^])|\n+/u).map((s) => s.trim()).filter(Boolean);
}

/**
 * The due time of a time expression in `s`, relative to `now` (ms), or null.
 * Returns {due, label} — label is the matched wording.
 */
export function parseDue(s, now = Date.now()) {
  const text = String(s ?? '');
  const low = text.toLowerCase();
  const within = WITHIN.exec(low);
  if (within) {
    const n = within[1] ? (WORDNUM[within[1]] ?? Number(within[1])) : 1;
    const unit = within[2];
    if (unit.startsWith('minu')) return { due: now + n * 60000, label: within[0] };
    if (unit === 'kwartier') return { due: now + n * 15 * 60000, label: within[0] };
    if (unit.startsWith('uur') || unit === 'uren') return { due: now + n * 3600000, label: within[0] };
    if (unit.startsWith('werkdag')) return { due: at(addWorkdays(now, n), 17), label: within[0] };
    return { due: at(addDays(now, n), 17), label: within[0] };
  }
  const tm = TIME.exec(low);
  // "3 uur" without a preposition is a duration only after "binnen" (handled above).
  const clock = tm && (tm[1] || tm[3] !== undefined) ? { hh: Number(tm[2]), mm: Number(tm[3] ?? 0) } : null;
  const withClock = (base, defHH, defMM = 0) => (clock ? at(base, clock.hh, clock.mm) : at(base, defHH, defMM));
  let m;
  if ((m = /\bovermorgen\b/.exec(low))) return { due: withClock(addDays(now, 2), 17), label: m[0] };
  if ((m = /\bmorgen(?:ochtend|middag|avond|vroeg)?\b/.exec(low))) {
    const def = m[0].endsWith('ochtend') || m[0].endsWith('vroeg') ? 12 : m[0].endsWith('avond') ? 21 : 17;
    return { due: withClock(addDays(now, 1), def), label: m[0] };
  }
  if ((m = /\b(?:vanochtend|vanmorgen)\b/.exec(low))) return { due: withClock(now, 12), label: m[0] };
  if ((m = /\bvanavond\b/.exec(low))) return { due: withClock(now, 21), label: m[0] };
  if ((m = /\b(?:vanmiddag|vandaag|straks|zo snel mogelijk vandaag|nog vandaag)\b/.exec(low))) return { due: withClock(now, 17), label: m[0] };
  if ((m = /\bvolgende week\b/.exec(low))) {
    const wd = new Date(now).getDay();
    return { due: withClock(addDays(now, ((8 - wd) % 7) || 7), 17), label: m[0] };
  }
  if ((m = /\bdeze week\b/.exec(low))) {
    const wd = new Date(now).getDay();
    return { due: withClock(addDays(now, Math.max(0, 5 - wd)), 17), label: m[0] };
  }
  const wdm = new RegExp(`\\b(${WEEKDAYS.join('|')})(?:ochtend|middag|avond)?\\b`).exec(low);
  if (wdm) {
    const target = WEEKDAYS.indexOf(wdm[1]);
    let diff = (target - new Date(now).getDay() + 7) % 7;
    let due = withClock(addDays(now, diff), 17);
    if (diff === 0 && due <= now) {
      diff = 7;
      due = withClock(addDays(now, 7), 17);
    }
    return { due, label: wdm[0] };
  }
  if (clock) {
    // Only a time of day: today, or tomorrow when that time has passed.
    let due = at(now, clock.hh, clock.mm);
    if (due <= now) due = at(addDays(now, 1), clock.hh, clock.mm);
    return { due, label: tm[0] };
  }
  return null;
}

/**
 * The promise in a reply we post: {kind, text, due|null, label|null} or null.
 * kind: bellen | mailen | bericht | terugkoppelen | uitzoeken.
 * The first promising sentence wins; a later sentence may carry its time
 * ("Ik zoek het uit. Je hoort morgen van me.").
 */
export function detectPromise(reply, now = Date.now()) {
  const parts = sentences(reply);
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i];
    if (!SUBJECT.test(s) || s.endsWith('?')) continue;
    const hit = ACTIONS.find(([, re]) => re.test(s));
    if (!hit) continue;
    // Past tense / already done ("we hebben je gemaild") is no promise.
    if (/\b(?:hebben|heb|had|hadden)\b[^.!?]*\b(?:gebeld|gemaild|gestuurd|geregeld|teruggebeld)\b/i.test(s)) continue;
    const when = parseDue(s, now) ?? (parts[i + 1] && SUBJECT.test(parts[i + 1]) ? parseDue(parts[i + 1], now) : null);
    return { kind: hit[0], text: s.slice(0, 280), due: when?.due ?? null, label: when?.label ?? null };
  }
  return null;
}

/** Promise state at `now`: 'done' | 'overdue' | 'open' (due null counts as open). */
export function promiseState(p, now = Date.now()) {
  if (!p) return null;
  if (p.done) return 'done';
  return p.due !== null && p.due !== undefined && p.due < now ? 'overdue' : 'open';
}

const DUE_FMT = typeof Intl !== 'undefined'
  ? new Intl.DateTimeFormat('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
  : null;

/** "vóór do 28 nov 12:00" / "zonder termijn". */
export function dueLabel(p) {
  if (!p || p.due === null || p.due === undefined) return 'zonder termijn';
  return `vóór ${DUE_FMT ? DUE_FMT.format(new Date(p.due)) : new Date(p.due).toISOString()}`;
}
