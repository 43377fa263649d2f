// practice.js — the practice page for trainees: bundled scenarios
// (scenarios.json: mentions of every type on every platform, some with a
// customer history), a reply per attempt, feedback with the reason behind every
// finding, the 9 steps and a score; retries, a model answer after the first
// attempt, and progress over time in chrome.storage.local ('webcare.practice').
import { PERSONAS, PRACTICE_KEY, createHistory, personaOf } from '../lib/history.js';
import { getSettings, lintFields } from '../lib/settings.js';
import { ext } from '../lib/browser.js';
import { $, call, h, markNav, platformLabel } from './common.js';
import { checklistView, findingsView, replyPreview, scoreRing, lengthMeter, typePill, verdictText } from './lint-view.js';

const MAX_ATTEMPTS = 2000;
const DAY = 86400000;
const scenarios = await (await fetch(new URL('scenarios.json', import.meta.url))).json();
let settings = await getSettings();
const history = createHistory({ retentionDays: () => settings.retentionDays });
let attempts = [];
let current = null;

async function loadAttempts() {
  try {
    const got = await ext.storage.local.get(PRACTICE_KEY);
    const list = got?.[PRACTICE_KEY]?.attempts;
    attempts = Array.isArray(list) ? list.filter((a) => a && typeof a.id === 'string' && Number.isFinite(a.score)) : [];
  } catch {
    attempts = [];
  }
}

async function saveAttempt(a) {
  attempts.push(a);
  if (attempts.length > MAX_ATTEMPTS) attempts = attempts.slice(-MAX_ATTEMPTS);
  await ext.storage.local.set({ [PRACTICE_KEY]: { v: 1, attempts } });
}

const attemptsOf = (id) => attempts.filter((a) => a.id === id);
const best = (id) => Math.max(-1, ...attemptsOf(id).map((a) => a.score));

/** A sparkline of the last attempts' scores (SVG built from nodes). */
function sparkline(scores) {
  const ns = 'http://www.w3.org/2000/svg';
  const w = 240;
  const hgt = 48;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
  svg.setAttribute('class', 'spark');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Scores van je laatste ${scores.length} pogingen: ${scores.join(', ')}`);
  if (scores.length < 2) return svg;
  const pts = scores.map((s, i) => `${(i / (scores.length - 1)) * (w - 8) + 4},${hgt - 4 - (s / 100) * (hgt - 8)}`);
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', pts.join(' '));
  svg.append(line);
  const last = pts[pts.length - 1].split(',');
  const dot = document.createElementNS(ns, 'circle');
  dot.setAttribute('cx', last[0]);
  dot.setAttribute('cy', last[1]);
  dot.setAttribute('r', '3.5');
  svg.append(dot);
  return svg;
}

function renderProgress() {
  const done = scenarios.filter((s) => best(s.id) >= 0);
  const good = scenarios.filter((s) => best(s.id) >= 80);
  const avg = done.length ? Math.round(done.reduce((a, s) => a + best(s.id), 0) / done.length) : null;
  const week = attempts.filter((a) => a.ts > Date.now() - 7 * DAY).length;
  const bar = h('i');
  bar.style.width = `${(good.length / scenarios.length) * 100}%`;
  $('#progress').replaceChildren(...[
    h('div', { class: 'prog-nums' },
      h('div', {}, h('strong', { text: `${done.length}/${scenarios.length}` }), h('span', { text: 'geoefend' })),
      h('div', {}, h('strong', { text: String(good.length) }), h('span', { text: 'score ≥ 80' })),
      h('div', {}, h('strong', { text: avg === null ? '–' : String(avg) }), h('span', { text: 'gem. beste score' }))),
    h('div', { class: 'meter' }, h('div', { class: 'bar', 'aria-hidden': 'true' }, bar), h('span', { text: `${Math.round((good.length / scenarios.length) * 100)}%` })),
    attempts.length > 1 ? sparkline(attempts.slice(-20).map((a) => a.score)) : null,
    h('p', { class: 'muted', text: `${attempts.length} pogingen in totaal, ${week} deze week.` })].filter(Boolean));
}

function renderList() {
  const ft = $('#f-type').value;
  const fp = $('#f-platform').value;
  const shown = scenarios.filter((s) => (!ft || s.type === ft) && (!fp || s.platform === fp));
  $('#list').replaceChildren(...shown.map((s) => {
    const b = best(s.id);
    const btn = h('button', { type: 'button', class: 'sc-item', 'data-id': s.id, 'data-type': s.type,
                              'aria-current': current?.id === s.id ? 'true' : null, onclick: () => select(s.id, true) },
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('span', { class: 'sc-text', text: s.mention }),
      h('span', { class: 'sc-meta' }, h('span', { class: 'tag', text: platformLabel(s.platform) }),
        b >= 0 ? h('span', { class: 'sc-score', 'data-level': b >= 80 ? 'good' : b >= 55 ? 'ok' : 'bad', text: String(b) }) : null));
    return h('li', {}, btn);
  }));
}

function renderScenario(s) {
  const past = (s.history ?? []).map((m, i) => ({ type: m.type, ts: Date.now() - m.daysAgo * DAY, key: `p${i}`, text: m.text }));
  const persona = personaOf([...past, { type: s.type, key: 'now' }]);
  const parts = [
    h('div', { class: 'row' }, h('h2', { id: 'sc-h', text: `Scenario: ${s.brand}` }), h('span', { class: 'spacer' }),
      h('span', { class: 'tag', text: platformLabel(s.platform) }), typePill(s.type),
      persona && persona !== 'nieuw' ? h('span', { class: 'tag', text: PERSONAS[persona].long }) : null),
    h('div', { class: 'post', 'data-platform': s.platform },
      h('div', { class: 'post-head' }, h('span', { class: 'avatar', 'aria-hidden': 'true', text: s.author.replace('@', '').slice(0, 1).toUpperCase() }),
        h('strong', { text: s.author }), h('span', { class: 'muted', text: `over ${s.brand}` })),
      h('p', { class: 'post-text', text: s.mention })),
  ];
  if (past.length) {
    parts.push(h('details', { class: 'past', open: true }, h('summary', { text: `Eerdere berichten van deze klant (${past.length})` }),
      h('ol', {}, ...past.map((m) => h('li', {}, typePill(m.type), h('span', { class: 'muted', text: `${(s.history.find((x) => x.text === m.text) ?? {}).daysAgo} dagen geleden` }),
        h('span', { text: m.text }))))));
  }
  parts.push(h('p', { class: 'focus' }, h('strong', { text: 'Let op: ' }), s.focus));
  $('#scenario').replaceChildren(...parts);
}

function renderAttempts(s) {
  const list = attemptsOf(s.id);
  if (!list.length) return null;
  return h('ol', { class: 'attempts', 'aria-label': 'Je pogingen' }, ...list.map((a, i) => h('li', {
    'data-level': a.score >= 80 ? 'good' : a.score >= 55 ? 'ok' : 'bad' },
  h('span', { text: `Poging ${i + 1}` }), h('strong', { text: String(a.score) }))));
}

function select(id, focus = false) {
  current = scenarios.find((s) => s.id === id) ?? scenarios[0];
  history.flush();
  renderScenario(current);
  renderList();
  $('#answer').value = '';
  $('#model').hidden = true;
  $('#show-model').disabled = attemptsOf(current.id).length === 0;
  $('#status').textContent = '';
  const prev = renderAttempts(current);
  $('#feedback').replaceChildren(prev ? h('div', { class: 'stack' }, h('h3', { class: 'sub', text: 'Eerdere pogingen' }), prev)
    : h('p', { class: 'empty-state', text: 'Schrijf een antwoord en klik op Controleer. Je kunt zo vaak opnieuw proberen als je wilt.' }));
  $('#feedback').dataset.state = 'empty';
  const u = new URL(location.href);
  u.searchParams.set('s', current.id);
  window.history.replaceState(null, '', u);
  if (focus) $('#answer').focus();
}

async function submit() {
  const s = current;
  const text = $('#answer').value;
  if (!text.trim()) {
    $('#status').textContent = 'Schrijf eerst een antwoord.';
    $('#status').dataset.kind = 'error';
    return;
  }
  const req = { op: 'lint', text, platform: s.platform, mention: { text: s.mention, type: s.type }, ...lintFields(settings) };
  const resp = await call(req);
  if (resp.error) {
    $('#feedback').replaceChildren(h('p', { class: 'status-line', 'data-kind': 'error', text: `Check mislukt: ${resp.error.message}` }));
    return;
  }
  const r = resp.result;
  const score = Math.round(r.score ?? 0);
  const prev = attemptsOf(s.id).at(-1)?.score ?? null;
  await saveAttempt({ id: s.id, ts: Date.now(), score });
  history.recordCheck({ site: s.platform, source: 'practice', score, rules: (r.findings ?? []).map((f) => f.rule), mtype: s.type });
  await history.flush();
  const v = verdictText(r);
  const delta = prev === null ? 'Eerste poging.' : score > prev ? `${score - prev} punten beter dan je vorige poging.` : score < prev ? `${prev - score} punten lager dan je vorige poging.` : 'Even goed als je vorige poging.';
  $('#feedback').replaceChildren(
    h('div', { class: 'verdict' }, scoreRing(score), h('div', { class: 'summary' }, h('h3', { text: v.head }), h('p', { text: `${v.detail} · ${delta}` }), lengthMeter(r.length))),
    h('h3', { class: 'sub', text: 'Je antwoord' }), replyPreview(text, r.findings ?? []),
    h('h3', { class: 'sub', text: 'Opmerkingen en waarom' }), findingsView(r, { text, trainee: true }),
    h('h3', { class: 'sub', text: 'De 9 stappen' }), checklistView(r.checklist),
    h('h3', { class: 'sub', text: 'Je pogingen' }), renderAttempts(s));
  $('#feedback').dataset.state = 'done';
  $('#feedback').dataset.score = String(score);
  $('#feedback').dataset.findings = (r.findings ?? []).map((f) => f.rule).join(' ');
  $('#show-model').disabled = false;
  $('#status').textContent = score >= 80 ? 'Goed gedaan!' : 'Pas je antwoord aan en probeer het opnieuw.';
  $('#status').dataset.kind = score >= 80 ? 'ok' : '';
  renderList();
  renderProgress();
}

markNav('practice');
await loadAttempts();
$('#submit').addEventListener('click', submit);
$('#answer').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
});
$('#show-model').addEventListener('click', () => {
  const m = $('#model');
  m.hidden = !m.hidden;
  m.replaceChildren(h('h3', { class: 'sub', text: 'Voorbeeldantwoord' }), h('p', { text: current.model }));
  $('#show-model').textContent = m.hidden ? 'Toon voorbeeldantwoord' : 'Verberg voorbeeldantwoord';
});
$('#next').addEventListener('click', () => {
  const i = scenarios.indexOf(current);
  const open = scenarios.slice(i + 1).concat(scenarios.slice(0, i + 1)).find((s) => best(s.id) < 80) ?? scenarios[(i + 1) % scenarios.length];
  select(open.id, true);
});
for (const id of ['#f-type', '#f-platform']) $(id).addEventListener('change', renderList);
renderProgress();
select(new URLSearchParams(location.search).get('s') ?? scenarios[0].id);
document.body.dataset.ready = 'true';
