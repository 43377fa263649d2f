// stats.js — KPIs from the local history (history.js), as plain data for the
// stats page and CSV export. Pure functions: no storage, no DOM.
//
// Definitions (seeds 001, 002):
//   ratio            happy = positief, neutral + question = neutraal, angry = negatief
//   replies checked  entries in the checks list (composer posts, quick checks, practice)
//   average score    mean of the checks' scores
//   conversion       an author (per site) with an angry mention followed later by a
//                    happy one: the "tijdelijk boze klant" who ends with a compliment
// Days are local calendar days.
import { DAY_MS, authorKey } from './history.js';

export const TYPE_ORDER = ['angry', 'question', 'neutral', 'happy'];

/** Local midnight of a timestamp. */
export function dayStart(ts) {
  const d = new Date(ts);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** 'YYYY-MM-DD' in local time. */
export function dayLabel(ts) {
  const d = new Date(ts);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Authors who were angry and later happy: [{site, author, angryTs, happyTs}]. */
export function conversions(mentions) {
  const firstAngry = new Map();
  const done = new Set();
  const out = [];
  for (const m of [...mentions].sort((a, b) => a.ts - b.ts)) {
    const k = authorKey(m.site, m.author);
    if (!k || done.has(k)) continue;
    if (m.type === 'angry' && !firstAngry.has(k)) firstAngry.set(k, m.ts);
    else if (m.type === 'happy' && firstAngry.has(k)) {
      done.add(k);
      out.push({ site: m.site, author: m.author, angryTs: firstAngry.get(k), happyTs: m.ts });
    }
  }
  return out;
}

/**
 * KPIs over [now - days, now]. Returns {days:[dayStart...], perDay:{happy:[],…, checks:[], score:[]},
 * totals:{happy,…, all}, ratio:{pos,neu,neg} (fractions), checks, avgScore, byRule:[[id,n]…],
 * bySource, conversions:[…], convertible (angry authors)}.
 */
export function computeKpis({ mentions = [], checks = [] }, { days = 30, now = Date.now() } = {}) {
  const last = dayStart(now);
  const first = last - (days - 1) * DAY_MS;
  const dayList = [];
  for (let d = first; d <= last; d = dayStart(d + DAY_MS * 1.5)) dayList.push(d);
  const idx = new Map(dayList.map((d, i) => [d, i]));
  const zero = () => dayList.map(() => 0);
  const perDay = { happy: zero(), neutral: zero(), angry: zero(), question: zero(), checks: zero(), score: zero() };
  const scoreSum = zero();
  const totals = { happy: 0, neutral: 0, angry: 0, question: 0, all: 0 };
  const inRange = (ts) => ts >= first && ts < last + DAY_MS;
  const ms = mentions.filter((m) => inRange(m.ts));
  for (const m of ms) {
    const i = idx.get(dayStart(m.ts));
    if (i === undefined || !(m.type in totals)) continue;
    perDay[m.type][i]++;
    totals[m.type]++;
    totals.all++;
  }
  const cs = checks.filter((c) => inRange(c.ts));
  const byRule = new Map();
  const bySource = {};
  let sum = 0;
  for (const c of cs) {
    const i = idx.get(dayStart(c.ts));
    if (i !== undefined) {
      perDay.checks[i]++;
      scoreSum[i] += c.score;
    }
    sum += c.score;
    bySource[c.source] = (bySource[c.source] ?? 0) + 1;
    for (const r of new Set(c.rules)) byRule.set(r, (byRule.get(r) ?? 0) + 1);
  }
  perDay.score = perDay.checks.map((n, i) => (n ? Math.round(scoreSum[i] / n) : null));
  const all = totals.all || 1;
  const conv = conversions(ms);
  const angryAuthors = new Set(ms.filter((m) => m.type === 'angry').map((m) => authorKey(m.site, m.author)).filter(Boolean));
  return {
    days: dayList,
    perDay,
    totals,
    ratio: { pos: totals.happy / all, neu: (totals.neutral + totals.question) / all, neg: totals.angry / all },
    checks: cs.length,
    avgScore: cs.length ? Math.round(sum / cs.length) : null,
    byRule: [...byRule.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    bySource,
    conversions: conv,
    convertible: angryAuthors.size,
  };
}

function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows -> CSV text (semicolon-separated, as Dutch spreadsheets expect; CRLF). */
export function toCsv(rows) {
  return rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** The per-day KPI table as CSV. */
export function dailyCsv(k) {
  const rows = [['datum', 'boos', 'vraag', 'neutraal', 'blij', 'totaal', 'antwoorden_gecheckt', 'gemiddelde_score']];
  k.days.forEach((d, i) => {
    const t = TYPE_ORDER.map((ty) => k.perDay[ty][i]);
    rows.push([dayLabel(d), ...t, t.reduce((a, b) => a + b, 0), k.perDay.checks[i], k.perDay.score[i]]);
  });
  return toCsv(rows);
}

/** Findings per rule as CSV. */
export function rulesCsv(k) {
  return toCsv([['regel', 'antwoorden_met_bevinding'], ...k.byRule]);
}
