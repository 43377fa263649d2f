// stats.js (page) — KPIs and charts from the local history: mention types per
// day, positive/negative share, checked replies and their average score,
// findings per rule, angry→happy conversions; CSV export. Charts are uPlot
// (npm, copied into extension/vendor/ by `make`), each with a data table for
// screen readers and keyboard users.
import uPlot from '../vendor/uPlot.esm.js';
import { authorKey, readAll } from '../lib/history.js';
import { customerName, customerOf, formatDuration, readCustomers, responseStats } from '../lib/customers.js';
import { loadProfiles } from '../lib/profiles.js';
import { computeKpis, dailyCsv, dayLabel, rulesCsv, toCsv } from '../lib/stats.js';
import { typeInfo } from '../ui/labels.js';
import { ruleLabel } from '../ui/lint-card.js';
import { $, download, h, markNav, platformLabel } from './common.js';

const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
const pct = (x) => `${Math.round(x * 100)}%`;
const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short' });
let data = { mentions: [], checks: [] };
let kpis = null;
const plots = [];

function tile(label, value, sub, attrs = {}) {
  return h('div', { class: 'kpi card', ...attrs }, h('span', { class: 'kpi-label', text: label }),
    h('strong', { class: 'kpi-value', text: value }), sub ? h('span', { class: 'kpi-sub', text: sub }) : null);
}

function ratioBar(r) {
  const bar = h('div', { class: 'ratio', role: 'img',
                         'aria-label': `Positief ${pct(r.pos)}, neutraal ${pct(r.neu)}, negatief ${pct(r.neg)}` });
  for (const [k, type] of [['pos', 'happy'], ['neu', 'neutral'], ['neg', 'angry']]) {
    const seg = h('i', { 'data-type': type });
    seg.style.width = `${r[k] * 100}%`;
    bar.append(seg);
  }
  return bar;
}

function renderKpis(k) {
  const t = k.totals;
  $('#kpis').replaceChildren(
    tile('Vermeldingen', String(t.all), `${t.angry} boos · ${t.question} vragen · ${t.happy} blij`, { 'data-kpi': 'mentions' }),
    h('div', { class: 'kpi card', 'data-kpi': 'ratio' }, h('span', { class: 'kpi-label', text: 'Positief / neutraal / negatief' }),
      h('strong', { class: 'kpi-value', text: t.all ? `${pct(k.ratio.pos)} · ${pct(k.ratio.neu)} · ${pct(k.ratio.neg)}` : '–' }),
      ratioBar(k.ratio)),
    tile('Antwoorden gecheckt', String(k.checks), Object.entries(k.bySource).map(([s, n]) => `${n} ${SOURCE[s] ?? s}`).join(' · '), { 'data-kpi': 'checks' }),
    tile('Gemiddelde score', k.avgScore === null ? '–' : String(k.avgScore), 'van 100', { 'data-kpi': 'score' }),
    tile('Boos → blij', String(k.conversions.length), k.convertible ? `van ${k.convertible} boze klanten (${pct(k.conversions.length / k.convertible)})` : 'nog geen boze klanten', { 'data-kpi': 'conversions' }),
  );
}
const SOURCE = { composer: 'op de site', 'quick-check': 'snelle check', practice: 'oefenen', popup: 'popup' };

/** A data table behind a <details>, so every chart can be read without the canvas. */
function table(caption, head, rows) {
  return h('details', { class: 'data-table' }, h('summary', { text: 'Toon als tabel' }),
    h('table', {}, h('caption', { class: 'sr', text: caption }),
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row', text: String(c) }) : h('td', { text: c === null ? '–' : String(c) }))))))));
}

function chart(el, { label, series, data: d, axes, summary, tableHead, tableRows }) {
  const box = h('div', { class: 'plot', role: 'img', 'aria-label': `${label}. ${summary}` });
  el.replaceChildren(box, table(label, tableHead, tableRows));
  const width = Math.max(280, el.clientWidth);
  const ink = css('--muted');
  const grid = css('--line');
  const opts = {
    width, height: 220, legend: { show: true, live: false }, cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [{ stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (u, v) => v.map((s) => DATE.format(new Date(s * 1000))) },
      ...(axes ?? [{}]).map((a) => ({ stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, ...a }))],
    series: [{ label: 'Dag', value: (u, v) => (v === null ? '–' : DATE.format(new Date(v * 1000))) }, ...series],
  };
  plots.push(new uPlot(opts, d, box));
}

function renderCharts(k) {
  for (const p of plots.splice(0)) p.destroy();
  const xs = k.days.map((d) => d / 1000);
  const types = ['angry', 'question', 'neutral', 'happy'];
  chart($('#chart-types'), {
    label: 'Vermeldingen per dag per type',
    summary: types.map((t) => `${typeInfo(t).label} ${k.totals[t]}`).join(', '),
    series: types.map((t) => ({ label: typeInfo(t).label, stroke: css(`--${t}`), width: 2, points: { size: 4 } })),
    data: [xs, ...types.map((t) => k.perDay[t])],
    tableHead: ['Dag', ...types.map((t) => typeInfo(t).label)],
    tableRows: k.days.map((d, i) => [dayLabel(d), ...types.map((t) => k.perDay[t][i])]),
  });
  const total = k.days.map((_, i) => types.reduce((a, t) => a + k.perDay[t][i], 0));
  const share = (t) => k.perDay[t].map((n, i) => (total[i] ? Math.round((n / total[i]) * 100) : null));
  chart($('#chart-ratio'), {
    label: 'Aandeel positief en negatief per dag (procent)',
    summary: `Positief ${pct(k.ratio.pos)}, negatief ${pct(k.ratio.neg)} over de periode`,
    series: [{ label: 'Positief %', stroke: css('--happy'), fill: `${css('--happy')}22`, width: 2 },
             { label: 'Negatief %', stroke: css('--angry'), fill: `${css('--angry')}22`, width: 2 }],
    data: [xs, share('happy'), share('angry')],
    axes: [{ values: (u, v) => v.map((x) => `${x}%`) }],
    tableHead: ['Dag', 'Positief %', 'Negatief %'],
    tableRows: k.days.map((d, i) => [dayLabel(d), share('happy')[i], share('angry')[i]]),
  });
  chart($('#chart-score'), {
    label: 'Gecheckte antwoorden en gemiddelde score per dag',
    summary: `${k.checks} antwoorden, gemiddelde score ${k.avgScore ?? 'onbekend'}`,
    series: [{ label: 'Score', stroke: css('--accent'), width: 2, scale: 'score', spanGaps: true, points: { size: 4 } },
             { label: 'Antwoorden', stroke: css('--muted'), width: 1.5, fill: `${css('--muted')}18`, paths: uPlot.paths.bars({ size: [0.6, 18] }) }],
    data: [xs, k.perDay.score, k.perDay.checks],
    axes: [{ scale: 'score', values: (u, v) => v.map((x) => String(x)) }, { side: 1, grid: { show: false } }],
    tableHead: ['Dag', 'Antwoorden', 'Gemiddelde score'],
    tableRows: k.days.map((d, i) => [dayLabel(d), k.perDay.checks[i], k.perDay.score[i]]),
  });
}

function renderRules(k) {
  if (!k.byRule.length) {
    $('#rules').replaceChildren(h('p', { class: 'empty-state', text: 'Nog geen gecheckte antwoorden in deze periode.' }));
    return;
  }
  const max = k.byRule[0][1];
  $('#rules').replaceChildren(h('ol', { class: 'bars', 'aria-label': 'Antwoorden met een opmerking, per regel' },
    ...k.byRule.slice(0, 12).map(([id, n]) => {
      const fill = h('i');
      fill.style.width = `${(n / max) * 100}%`;
      return h('li', { 'data-rule': id }, h('span', { class: 'name', text: ruleLabel(id) }),
        h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
        h('span', { class: 'n', text: `${n} (${pct(n / Math.max(1, k.checks))})` }));
    })));
}

function renderConversions(k) {
  const list = k.conversions.slice(-8).reverse();
  $('#conversions').replaceChildren(list.length
    ? h('ul', { class: 'conv' }, ...list.map((c) => h('li', {},
      h('strong', { text: c.author }), h('span', { class: 'tag', text: platformLabel(c.site) }),
      h('span', { class: 'pill', 'data-type': 'angry', text: `boos ${DATE.format(new Date(c.angryTs))}` }),
      h('span', { 'aria-hidden': 'true', text: '→' }),
      h('span', { class: 'pill', 'data-type': 'happy', text: `blij ${DATE.format(new Date(c.happyTs))}` }))))
    : h('p', { class: 'empty-state', text: 'Nog geen klanten die van boos naar blij gingen in deze periode.' }));
}

// Filters (issue 12): brand profile and customer list. Entries without a
// profile (recorded before profiles existed) belong to the default profile.
let profiles = { profiles: [] };
let cust = { state: { customers: [], lists: [] }, events: [] };
let resp = null;

function filtered() {
  const profile = $('#f-profile').value;
  const list = $('#f-list').value;
  const accounts = list ? new Set(cust.state.customers.filter((c) => c.lists.includes(list)).flatMap((c) => c.accounts)) : null;
  const okProfile = (e) => !profile || (e.profile ?? 'default') === profile;
  return {
    profile, accounts,
    mentions: data.mentions.filter((m) => okProfile(m) && (!accounts || accounts.has(authorKey(m.site, m.author)))),
    checks: data.checks.filter((c) => okProfile(c) && (!accounts || (c.account && accounts.has(c.account)))),
  };
}

const profileName = (id) => profiles.profiles.find((p) => p.id === id)?.name ?? id;

function renderResponse(r) {
  const box = $('#response');
  if (!r.count) {
    box.replaceChildren(h('p', { class: 'empty-state', text: 'Nog geen antwoorden via de check in deze periode.' }));
    return;
  }
  box.replaceChildren(h('table', { class: 'resp' },
    h('caption', { class: 'sr', text: 'Reactietijd per merk' }),
    h('thead', {}, h('tr', {}, ...['Merk', 'Antwoorden', 'Mediaan'].map((c) => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, ...r.byProfile.map((p) => h('tr', { 'data-profile': p.profile }, h('th', { scope: 'row', text: profileName(p.profile) }),
      h('td', { text: String(p.count) }), h('td', { 'data-ms': String(p.median), text: formatDuration(p.median) }))))));
}

function responseCsv(r) {
  const rows = [['datum', 'tijd', 'merk', 'site', 'klant', 'reactietijd_minuten', 'gemeten_vanaf']];
  for (const e of r.replies) {
    const d = new Date(e.ts);
    rows.push([dayLabel(e.ts), `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`, profileName(e.profile),
               e.site, customerName(customerOf(cust.state, e.account), cust.events), (e.responseMs / 60000).toFixed(1),
               e.responseFrom === 'post' ? 'post' : 'gezien']);
  }
  return toCsv(rows);
}

function days() {
  return Number(document.querySelector('input[name="days"]:checked')?.value ?? 30);
}

function render() {
  const f = filtered();
  kpis = computeKpis(f, { days: days() });
  resp = responseStats(cust.events, { days: days(), profile: f.profile || null, accounts: f.accounts });
  renderKpis(kpis);
  $('#kpis').append(tile('Reactietijd (mediaan)', formatDuration(resp.median),
    resp.count ? `${resp.count} antwoorden · 90% binnen ${formatDuration(resp.p90)}` : 'nog geen antwoorden via de check', { 'data-kpi': 'response' }));
  renderResponse(resp);
  renderCharts(kpis);
  renderRules(kpis);
  renderConversions(kpis);
  document.body.dataset.ready = 'true';
}

markNav('stats');
[data, profiles, cust] = await Promise.all([readAll(), loadProfiles(), readCustomers()]);
$('#f-profile').append(...profiles.profiles.map((p) => h('option', { value: p.id, text: p.name })));
$('#f-list').append(...cust.state.lists.map((l) => h('option', { value: l.id, text: l.name })));
render();
for (const r of document.querySelectorAll('input[name="days"]')) r.addEventListener('change', render);
$('#f-profile').addEventListener('change', render);
$('#f-list').addEventListener('change', render);
$('#csv-response').addEventListener('click', () => download(`webcare-reactietijd-${dayLabel(Date.now())}.csv`, responseCsv(resp), 'text/csv'));
$('#csv-days').addEventListener('click', () => download(`webcare-statistieken-${dayLabel(Date.now())}.csv`, dailyCsv(kpis), 'text/csv'));
$('#csv-rules').addEventListener('click', () => download(`webcare-regels-${dayLabel(Date.now())}.csv`, rulesCsv(kpis), 'text/csv'));
let resizeTimer = null;
addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => renderCharts(kpis), 150);
});
